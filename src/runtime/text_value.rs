//! The text a [`Value::Text`](super::Value::Text) holds: one pointer-sized handle to UTF-8
//! bytes, and, built the first time a position is asked of a long text, an index that turns 4D's
//! UTF-16 positions into byte offsets without walking the text from its start.
//!
//! Layout (one allocation a text, none for a short one):
//! - a text of at most [`INLINE_MAX`] bytes (7 on 64-bit targets: a word, a one-character
//!   `$t[[$i]]`, `""`) lives inside the handle itself: no allocation, copied by value;
//! - a longer one is a reference-counted block: a 24-byte `Header` (count, length, capacity,
//!   index) followed by the bytes, so `$t:=$t+"x"` appends in place when the handle is the only
//!   holder, and a copy of the value only counts one more holder;
//! - a long `String` handed over whole (a file read, `JSON Stringify`) keeps its own buffer
//!   (the block then holds the `String`) instead of being copied.
//!
//! Without the index `$t[[$i]]`, `Character code`, `Substring` and `Length` on a long text cost
//! time proportional to the text (an `is_ascii` scan or a `chars().nth`), and a loop over a text
//! was quadratic. Short texts (≤ [`SMALL`] bytes) are never indexed: scanning them is cheaper than
//! the index. Any change to the text drops the index.

use std::alloc::{self, Layout};
use std::cell::{Cell, OnceCell};
use std::fmt;
use std::mem::size_of;
use std::ops::Deref;
use std::ptr::NonNull;

/// Texts up to this many bytes answer positions by scanning.
const SMALL: usize = 64;
/// One mark every `STEP` UTF-16 units (and characters) in the index of a non-ASCII text.
const STEP: usize = 32;

/// Bytes of the handle (a pointer).
const WORD: usize = size_of::<usize>();
/// The longest text kept inside the handle (one byte of the word holds its length and tag).
pub const INLINE_MAX: usize = WORD - 1;
/// The byte of the word that holds an inline text's `len << 1 | 1`: the pointer's lowest byte,
/// whose bit 0 is always clear for a block (blocks are 8-aligned).
const TAG: usize = if cfg!(target_endian = "little") { 0 } else { WORD - 1 };
/// Where an inline text's bytes start in the word.
const DATA: usize = if cfg!(target_endian = "little") { 1 } else { 0 };
/// A `String` at least this long is kept in its own buffer rather than copied into a block.
const ADOPT_MIN: usize = 4096;
/// `cap` of a block whose data area holds a `String` (see [`ADOPT_MIN`]).
const ADOPTED: u32 = u32::MAX;
/// The largest capacity of a plain block (a longer text becomes an adopted `String`).
const BLOCK_MAX: usize = (u32::MAX - 1) as usize;
/// Blocks are aligned for the header (and for the `String` an adopted block holds).
const ALIGN: usize = 8;

/// The start of a text's block; its bytes (or, when `cap == ADOPTED`, a `String`) follow.
#[repr(C)]
struct Header {
    /// Handles holding the block (no weak references, no atomics: texts stay in one thread).
    refs: Cell<usize>,
    /// Length in bytes (unused when adopted: the `String` knows it).
    len: u32,
    /// Bytes the block has room for, or [`ADOPTED`].
    cap: u32,
    index: OnceCell<Box<Index>>,
}

const HEADER: usize = size_of::<Header>();

/// A handle is either a block pointer or an inline text; bit 0 of byte [`TAG`] tells which.
#[derive(Clone, Copy)]
union Repr {
    heap: NonNull<Header>,
    word: [u8; WORD],
}

/// A 4D text value: a pointer-sized handle (see the module's notes). Cloning it is cheap
/// (a copy, or one more holder of the block); changing it copies it first when shared.
pub struct Text {
    repr: Repr,
}

enum Index {
    /// Only ASCII characters: byte offset = UTF-16 offset = character index. `clean`: whether
    /// none of them is ignored by comparisons (found on the first search).
    Ascii {
        clean: OnceCell<bool>,
    },
    Wide(Wide),
}

/// Positions of a text with non-ASCII characters.
struct Wide {
    /// Length in UTF-16 code units.
    units: usize,
    /// Number of characters (Unicode scalar values).
    chars: usize,
    /// `by_unit[k]`: (byte offset, UTF-16 offset) of the character holding UTF-16 unit `k*STEP`.
    by_unit: Vec<(u32, u32)>,
    /// `by_char[k]`: byte offset of character `k*STEP`; empty when every character is one UTF-16
    /// unit (then characters and units are counted alike).
    by_char: Vec<u32>,
}

impl Wide {
    fn build(s: &str) -> Wide {
        let mut by_unit = Vec::with_capacity(s.len() / STEP + 1);
        let mut by_char = Vec::with_capacity(s.len() / STEP + 1);
        let mut units = 0usize;
        let mut chars = 0usize;
        let mut astral = false;
        for (b, c) in s.char_indices() {
            let n = c.len_utf16();
            astral |= n == 2;
            while by_unit.len() * STEP < units + n {
                by_unit.push((b as u32, units as u32));
            }
            if chars.is_multiple_of(STEP) {
                by_char.push(b as u32);
            }
            units += n;
            chars += 1;
        }
        if !astral {
            by_char = Vec::new();
        }
        Wide { units, chars, by_unit, by_char }
    }

    /// (byte offset, UTF-16 offset) of the character holding UTF-16 unit `i` (`i < units`).
    fn locate_unit(&self, s: &str, i: usize) -> (usize, usize) {
        let (b, u) = self.by_unit[i / STEP];
        let (mut b, mut u) = (b as usize, u as usize);
        for c in s[b..].chars() {
            let n = c.len_utf16();
            if u + n > i {
                break;
            }
            u += n;
            b += c.len_utf8();
        }
        (b, u)
    }

    /// Byte offset of character `i` (`i < chars`).
    fn locate_char(&self, s: &str, i: usize) -> usize {
        if self.by_char.is_empty() {
            return self.locate_unit(s, i).0;
        }
        let b = self.by_char[i / STEP] as usize;
        match s[b..].char_indices().nth(i % STEP) {
            Some((off, _)) => b + off,
            None => s.len(),
        }
    }
}

fn block_layout(cap: usize) -> Option<Layout> {
    Layout::from_size_align(HEADER.checked_add(cap)?, ALIGN).ok()
}

/// A new block with room for `cap` bytes (`data_cap`: what its header says), one holder,
/// length 0. Aborts like `String` when memory is exhausted.
fn alloc_block(cap: usize, data_cap: u32) -> NonNull<Header> {
    let Some(layout) = block_layout(cap) else {
        alloc::handle_alloc_error(Layout::new::<Header>())
    };
    // SAFETY: the layout has a non-zero size (at least the header).
    let raw = unsafe { alloc::alloc(layout) } as *mut Header;
    let Some(h) = NonNull::new(raw) else { alloc::handle_alloc_error(layout) };
    // SAFETY: `h` is a fresh allocation, sized and aligned for a `Header`.
    unsafe {
        h.as_ptr().write(Header {
            refs: Cell::new(1),
            len: 0,
            cap: data_cap,
            index: OnceCell::new(),
        })
    };
    h
}

/// The first byte after a block's header.
///
/// # Safety
/// `h` must point to a live block.
#[inline]
unsafe fn data(h: NonNull<Header>) -> *mut u8 {
    // SAFETY: a block is at least `HEADER` bytes long (the caller's contract).
    unsafe { (h.as_ptr() as *mut u8).add(HEADER) }
}

/// Grows a plain block from room for `cap` bytes to `want`.
///
/// # Safety
/// `h` must be a live plain (not adopted) block with room for `cap` bytes, held only by the
/// caller, who replaces its pointer with the one returned.
unsafe fn realloc_block(h: NonNull<Header>, cap: usize, want: usize) -> NonNull<Header> {
    let (Some(old), Some(new)) = (block_layout(cap), block_layout(want)) else {
        alloc::handle_alloc_error(Layout::new::<Header>())
    };
    // SAFETY: `h` was allocated with `old` (the caller's contract); the new size is non-zero.
    let raw = unsafe { alloc::realloc(h.as_ptr() as *mut u8, old, new.size()) } as *mut Header;
    let Some(h) = NonNull::new(raw) else { alloc::handle_alloc_error(new) };
    // SAFETY: the header moved with the block (it holds no pointer to itself).
    unsafe { (*h.as_ptr()).cap = want as u32 };
    h
}

impl Text {
    /// A text of `s` (taking over its buffer when it is long, copying it otherwise).
    pub fn new(s: String) -> Text {
        if s.len() < ADOPT_MIN {
            return Text::from_parts(&[&s]);
        }
        let mut s = s;
        // Spare room left by the String's doubling is given back (in place, or by `mremap` for a
        // large buffer): a long text is usually kept as it is.
        if s.capacity() - s.len() > 64 {
            s.shrink_to_fit();
        }
        let h = alloc_block(size_of::<String>(), ADOPTED);
        // SAFETY: an adopted block's data area is sized and aligned for one `String`.
        unsafe { (data(h) as *mut String).write(s) };
        Text { repr: Repr { heap: h } }
    }

    /// The empty text (inline: no allocation).
    #[inline]
    pub const fn empty() -> Text {
        let mut word = [0u8; WORD];
        word[TAG] = 1;
        Text { repr: Repr { word } }
    }

    /// One text of `parts` one after the other, in a block of exactly their length (inline when
    /// short).
    pub fn from_parts(parts: &[&str]) -> Text {
        let total = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
        if total <= INLINE_MAX {
            let mut word = [0u8; WORD];
            word[TAG] = (total << 1) as u8 | 1;
            let mut at = DATA;
            for p in parts {
                word[at..at + p.len()].copy_from_slice(p.as_bytes());
                at += p.len();
            }
            return Text { repr: Repr { word } };
        }
        if total > BLOCK_MAX {
            return Text::new(parts.concat());
        }
        let h = alloc_block(total, total as u32);
        // SAFETY: the block has room for `total` bytes after its header; `parts` do not
        // overlap it (it is new).
        unsafe {
            let mut at = data(h);
            for p in parts {
                std::ptr::copy_nonoverlapping(p.as_ptr(), at, p.len());
                at = at.add(p.len());
            }
            (*h.as_ptr()).len = total as u32;
        }
        Text { repr: Repr { heap: h } }
    }

    #[inline]
    fn is_inline(&self) -> bool {
        // SAFETY: every byte of the word is initialised whichever field was written (a pointer
        // is a full word), and reading a pointer's bytes as integers is allowed.
        unsafe { self.repr.word[TAG] & 1 == 1 }
    }

    /// The block, for a text that has one.
    #[inline]
    fn block(&self) -> Option<NonNull<Header>> {
        if self.is_inline() {
            None
        } else {
            // SAFETY: not inline, so the `heap` field was written (a live block while `self`
            // holds it).
            Some(unsafe { self.repr.heap })
        }
    }

    #[inline]
    fn header(&self) -> Option<&Header> {
        // SAFETY: the block lives at least as long as this handle.
        self.block().map(|h| unsafe { &*h.as_ptr() })
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        if self.is_inline() {
            // SAFETY: the inline case: `word` holds the length in its tag byte and that many
            // bytes of UTF-8 from `DATA` (every constructor copies whole `str`s there).
            unsafe {
                let n = (self.repr.word[TAG] >> 1) as usize;
                let bytes = self.repr.word.get_unchecked(DATA..DATA + n);
                std::str::from_utf8_unchecked(bytes)
            }
        } else {
            // SAFETY: a live block; an adopted one holds a `String` after its header, a plain
            // one `len` bytes of UTF-8 (copied from `str`s).
            unsafe {
                let h = self.repr.heap;
                let hd = &*h.as_ptr();
                if hd.cap == ADOPTED {
                    (*(data(h) as *const String)).as_str()
                } else {
                    let bytes = std::slice::from_raw_parts(data(h), hd.len as usize);
                    std::str::from_utf8_unchecked(bytes)
                }
            }
        }
    }

    /// Bytes the text can hold without reallocating.
    pub fn capacity(&self) -> usize {
        match self.header() {
            None => INLINE_MAX,
            // SAFETY: an adopted block holds a `String` after its header.
            Some(hd) if hd.cap == ADOPTED => unsafe {
                (*(data(self.repr.heap) as *const String)).capacity()
            },
            Some(hd) => hd.cap as usize,
        }
    }

    /// Whether this handle is the text's only holder (an inline text always is): changing it
    /// then changes no other value.
    #[inline]
    pub fn is_unique(&self) -> bool {
        self.header().is_none_or(|hd| hd.refs.get() == 1)
    }

    pub fn into_string(self) -> String {
        self.as_str().to_owned()
    }

    /// The block of a text held only here, its index dropped (the caller is about to change
    /// the text, which would make it wrong).
    fn unique_block(&mut self) -> Option<NonNull<Header>> {
        let h = self.block()?;
        // SAFETY: a live block; `&mut self` and one holder: no other reference to it exists.
        unsafe {
            if (*h.as_ptr()).refs.get() != 1 {
                return None;
            }
            (*h.as_ptr()).index.take();
        }
        Some(h)
    }

    /// Appends `parts` in place when this handle is the only holder (growing the block by
    /// doubling), else makes a new text of exactly the result.
    pub fn push_strs(&mut self, parts: &[&str]) {
        let extra = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
        if extra == 0 {
            return;
        }
        let len = self.len();
        let total = len.saturating_add(extra);
        if let Some(h) = self.unique_block() {
            // SAFETY: only holder; `cap` says how many bytes follow the header (or that a
            // `String` does); the parts are other texts' bytes, never this block's own (we
            // hold it mutably).
            unsafe {
                let cap = (*h.as_ptr()).cap;
                if cap == ADOPTED {
                    let s = &mut *(data(h) as *mut String);
                    for p in parts {
                        s.push_str(p);
                    }
                    return;
                }
                let mut h = h;
                if total > cap as usize {
                    let want = total.max((cap as usize).saturating_mul(2));
                    if want > BLOCK_MAX {
                        // Too long for a block: becomes an adopted `String`.
                        let mut s = String::with_capacity(total);
                        s.push_str(self.as_str());
                        for p in parts {
                            s.push_str(p);
                        }
                        *self = Text::new(s);
                        return;
                    }
                    h = realloc_block(h, cap as usize, want);
                    self.repr.heap = h;
                }
                let mut at = data(h).add(len);
                for p in parts {
                    std::ptr::copy_nonoverlapping(p.as_ptr(), at, p.len());
                    at = at.add(p.len());
                }
                (*h.as_ptr()).len = total as u32;
            }
            return;
        }
        let mut all: Vec<&str> = Vec::with_capacity(parts.len() + 1);
        all.push(self.as_str());
        all.extend_from_slice(parts);
        *self = Text::from_parts(&all);
    }

    /// Puts `s` in front of the text when that needs no new allocation (only holder, room
    /// left); false when nothing was done.
    pub fn prepend_in_place(&mut self, s: &str) -> bool {
        let len = self.len();
        if self.is_inline() {
            if len + s.len() > INLINE_MAX {
                return false;
            }
            *self = Text::from_parts(&[s, self.as_str()]);
            return true;
        }
        let Some(h) = self.unique_block() else { return false };
        // SAFETY: only holder; a plain block with room for `len + s.len()` bytes: the text
        // moves up (overlapping copy) and `s`, another text's bytes, goes in front.
        unsafe {
            let cap = (*h.as_ptr()).cap;
            if cap == ADOPTED {
                (*(data(h) as *mut String)).insert_str(0, s);
                return true;
            }
            if len + s.len() > cap as usize {
                return false;
            }
            let d = data(h);
            std::ptr::copy(d, d.add(s.len()), len);
            std::ptr::copy_nonoverlapping(s.as_ptr(), d, s.len());
            (*h.as_ptr()).len = (len + s.len()) as u32;
        }
        true
    }

    /// Shortens the text to `n` bytes (`n` on a character boundary; longer: unchanged).
    pub fn truncate(&mut self, n: usize) {
        if n >= self.len() || !self.is_char_boundary(n) {
            return;
        }
        match self.unique_block() {
            // SAFETY: only holder; `n` is shorter than the text and on a character boundary.
            Some(h) => unsafe {
                if (*h.as_ptr()).cap == ADOPTED {
                    (*(data(h) as *mut String)).truncate(n);
                } else {
                    (*h.as_ptr()).len = n as u32;
                }
            },
            None => {
                let cut = Text::from_parts(&[&self.as_str()[..n]]);
                *self = cut;
            }
        }
    }

    /// The index of a long text (built on first use), `None` for a short one.
    #[inline]
    fn index(&self) -> Option<&Index> {
        let hd = self.header()?;
        let s = self.as_str();
        if s.len() <= SMALL {
            return None;
        }
        Some(hd.index.get_or_init(|| {
            Box::new(if s.is_ascii() {
                Index::Ascii { clean: OnceCell::new() }
            } else {
                Index::Wide(Wide::build(s))
            })
        }))
    }

    /// Whether the text is only ASCII (so UTF-16 offsets are byte offsets).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        match self.index() {
            None => self.as_str().is_ascii(),
            Some(Index::Ascii { .. }) => true,
            Some(Index::Wide(_)) => false,
        }
    }

    /// Whether the text is ASCII without characters that comparisons ignore (remembered for a
    /// long text).
    pub fn ascii_without_ignorables(&self) -> bool {
        let scan = || self.as_str().bytes().all(|b| b < 128 && !super::text::ascii_ignorable(b));
        match self.index() {
            None => scan(),
            Some(Index::Ascii { clean }) => *clean.get_or_init(scan),
            Some(Index::Wide(_)) => false,
        }
    }

    /// 4D's `Length`: UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        match self.index() {
            None => super::text::utf16_len(self.as_str()),
            Some(Index::Ascii { .. }) => self.as_str().len(),
            Some(Index::Wide(w)) => w.units,
        }
    }

    /// The UTF-16 code unit at 0-based offset `i`.
    pub fn utf16_unit_at(&self, i: usize) -> Option<u16> {
        match self.index() {
            None => super::text::utf16_unit_at(self.as_str(), i),
            Some(Index::Ascii { .. }) => self.as_str().as_bytes().get(i).map(|&b| b as u16),
            Some(Index::Wide(w)) => {
                if i >= w.units {
                    return None;
                }
                let (b, u) = w.locate_unit(self.as_str(), i);
                let c = self.as_str()[b..].chars().next()?;
                let mut buf = [0u16; 2];
                c.encode_utf16(&mut buf).get(i - u).copied()
            }
        }
    }

    /// The character at 0-based character index `i` (what `t[[i+1]]` reads).
    pub fn char_at(&self, i: usize) -> Option<char> {
        match self.index() {
            None => self.as_str().chars().nth(i),
            Some(Index::Ascii { .. }) => self.as_str().as_bytes().get(i).map(|&b| b as char),
            Some(Index::Wide(w)) => {
                if i >= w.chars {
                    return None;
                }
                self.as_str()[w.locate_char(self.as_str(), i)..].chars().next()
            }
        }
    }

    /// Byte offset of 0-based character index `i` (the text's length when `i` is past the end).
    pub fn char_byte_offset(&self, i: usize) -> usize {
        match self.index() {
            None => self.as_str().char_indices().nth(i).map_or(self.as_str().len(), |(b, _)| b),
            Some(Index::Ascii { .. }) => i.min(self.as_str().len()),
            Some(Index::Wide(w)) if i < w.chars => w.locate_char(self.as_str(), i),
            Some(Index::Wide(_)) => self.as_str().len(),
        }
    }

    /// Byte offset of the character holding UTF-16 offset `i`, and that character's UTF-16
    /// offset (`(len, utf16_len)` past the end). `None` for a short non-ASCII text.
    fn locate_unit(&self, i: usize) -> Option<(usize, usize)> {
        match self.index()? {
            Index::Ascii { .. } => {
                let i = i.min(self.as_str().len());
                Some((i, i))
            }
            Index::Wide(w) if i < w.units => Some(w.locate_unit(self.as_str(), i)),
            Index::Wide(w) => Some((self.as_str().len(), w.units)),
        }
    }

    /// The UTF-16 range `[start, start+len)` (0-based, clamped), as `Substring` gives it: a cut
    /// surrogate pair gives U+FFFD for its half.
    pub fn substring_utf16(&self, start: usize, len: usize) -> String {
        if self.as_str().len() <= SMALL {
            return super::text::substring_utf16(self.as_str(), start, len);
        }
        let end = start.saturating_add(len);
        let (Some((b0, u0)), Some((b1, u1))) = (self.locate_unit(start), self.locate_unit(end))
        else {
            return super::text::substring_utf16(self.as_str(), start, len);
        };
        if (b0, u0) == (b1, u1) {
            // Both ends in one character: only its first half (a surrogate pair cut) or nothing.
            return if end > start && start < self.utf16_len() {
                "\u{FFFD}".to_owned()
            } else {
                String::new()
            };
        }
        let mut out = String::with_capacity(b1.saturating_sub(b0) + 3);
        let mut from = b0;
        if u0 < start {
            // starts on the second half of a pair
            out.push('\u{FFFD}');
            from += self.as_str()[b0..].chars().next().map_or(0, char::len_utf8);
        }
        if from < b1 {
            out.push_str(&self.as_str()[from..b1]);
        }
        if u1 < end && b1 < self.as_str().len() {
            // ends on the first half of a pair
            out.push('\u{FFFD}');
        }
        out
    }

    /// Byte offset of UTF-16 offset `i` when it starts a character (clamped to the end), `None`
    /// when it falls inside a surrogate pair.
    pub fn byte_offset_of_unit(&self, i: usize) -> Option<usize> {
        match self.locate_unit(i) {
            Some((b, u)) => (u == i || b == self.as_str().len()).then_some(b),
            None => {
                let mut u = 0;
                for (b, c) in self.as_str().char_indices() {
                    if u >= i {
                        return (u == i).then_some(b);
                    }
                    u += c.len_utf16();
                }
                (u <= i).then_some(self.as_str().len())
            }
        }
    }
}

/// A text of the one character `c` (inline: no allocation).
#[inline]
pub fn one_char(c: char) -> Text {
    let mut buf = [0u8; 4];
    Text::from_parts(&[c.encode_utf8(&mut buf)])
}

impl Clone for Text {
    /// One more holder of the same text (an inline text is copied).
    #[inline]
    fn clone(&self) -> Text {
        if let Some(hd) = self.header() {
            // Like `Rc`: overflowing the count (only possible by leaking handles) aborts.
            match hd.refs.get().checked_add(1) {
                Some(n) => hd.refs.set(n),
                None => super::counted::overflow(),
            }
        }
        Text { repr: self.repr }
    }
}

impl Drop for Text {
    #[inline]
    fn drop(&mut self) {
        let Some(h) = self.block() else { return };
        // SAFETY: a live block this handle holds.
        unsafe {
            let refs = &(*h.as_ptr()).refs;
            let n = refs.get() - 1;
            refs.set(n);
            if n == 0 {
                free_block(h);
            }
        }
    }
}

/// Drops what a block owns (index, adopted `String`) and frees it with the layout it was
/// allocated with; out of line, so that every drop of a `Value` stays small.
///
/// # Safety
/// `h` must be a live block whose last holder is gone.
#[inline(never)]
unsafe fn free_block(h: NonNull<Header>) {
    // SAFETY: the caller's contract: nothing else refers to the block.
    unsafe {
        let hd = h.as_ptr();
        let cap = (*hd).cap;
        let size = if cap == ADOPTED {
            std::ptr::drop_in_place(data(h) as *mut String);
            size_of::<String>()
        } else {
            cap as usize
        };
        std::ptr::drop_in_place(hd);
        if let Some(layout) = block_layout(size) {
            alloc::dealloc(hd as *mut u8, layout);
        }
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::empty()
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from_parts(&[s])
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::from_parts(&[s])
    }
}

impl From<&Text> for Text {
    fn from(t: &Text) -> Text {
        t.clone()
    }
}

impl From<char> for Text {
    fn from(c: char) -> Text {
        one_char(c)
    }
}

impl From<Box<str>> for Text {
    fn from(s: Box<str>) -> Text {
        Text::from_parts(&[&s])
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(s: std::borrow::Cow<'_, str>) -> Text {
        match s {
            std::borrow::Cow::Borrowed(s) => Text::from(s),
            std::borrow::Cow::Owned(s) => Text::new(s),
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::text as plain;

    /// Long texts mixing ASCII, 2- and 3-byte characters and surrogate pairs.
    fn samples() -> Vec<String> {
        let mut v = vec![
            "a".repeat(200),
            "é".repeat(100) + &"b".repeat(50),
            "😀a".repeat(60),
            "x😀é€".repeat(40) + "end",
            "0123456789".repeat(10) + "😀",
        ];
        v.push(String::new());
        v.push("short é😀".to_owned());
        v
    }

    #[test]
    fn indexed_answers_match_scanning() {
        for s in samples() {
            let t = Text::from(s.clone());
            let n = plain::utf16_len(&s);
            assert_eq!(t.utf16_len(), n, "{s}");
            for i in 0..n + 3 {
                assert_eq!(t.utf16_unit_at(i), plain::utf16_unit_at(&s, i), "{s} unit {i}");
                assert_eq!(t.char_at(i), s.chars().nth(i), "{s} char {i}");
                for len in [0, 1, 2, 3, 7, 40, usize::MAX] {
                    assert_eq!(
                        t.substring_utf16(i, len),
                        plain::substring_utf16(&s, i, len),
                        "{s} substring {i} {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn searching_a_value_matches_searching_its_string() {
        let mut texts = samples();
        texts.push("ab\u{1}cD".repeat(30));
        texts.push("Straße und Æsir ".repeat(8));
        for s in texts {
            let t = Text::from(s.clone());
            let n = plain::utf16_len(&s);
            for pat in ["a", "A", "é", "E", "😀", "x😀", "end", "\u{1}", "cd", "ss", "ae", "ab"]
            {
                for from in 0..n + 2 {
                    for exact in [false, true] {
                        assert_eq!(
                            plain::find_in(&t, pat, from, exact),
                            plain::find(&s, pat, from, exact),
                            "{s:?} {pat:?} from {from} exact {exact}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_change_drops_the_index() {
        let mut t = Text::from("a".repeat(100));
        assert!(t.is_ascii());
        t.push_strs(&["é"]);
        assert!(!t.is_ascii());
        assert_eq!(t.utf16_len(), 101);
        assert_eq!(t.char_at(100), Some('é'));
    }

    /// Sizes the layout relies on (as rhai checks its `Dynamic`): a handle is one word, a block
    /// header three.
    #[test]
    fn check_struct_sizes() {
        assert_eq!(size_of::<Text>(), size_of::<usize>());
        if cfg!(target_pointer_width = "64") {
            assert_eq!(HEADER, 24);
            assert_eq!(INLINE_MAX, 7);
        }
        assert_eq!(HEADER % ALIGN, 0);
        assert!(std::mem::align_of::<Header>() <= ALIGN);
        assert!(std::mem::align_of::<String>() <= ALIGN);
    }

    #[test]
    fn short_texts_are_inline_and_longer_ones_share_a_block() {
        for s in ["", "a", "é", "😀", "abcdefg", "ab😀c"] {
            let t = Text::from(s);
            assert!(t.is_inline(), "{s}");
            assert_eq!(t.as_str(), s);
        }
        let t = Text::from("abcdefgh");
        assert!(!t.is_inline());
        let u = t.clone();
        assert!(!t.is_unique() && !u.is_unique());
        drop(u);
        assert!(t.is_unique());
        assert_eq!(Text::default().as_str(), "");
        assert_eq!(one_char('x').as_str(), "x");
        assert_eq!(one_char('😀').as_str(), "😀");
    }

    #[test]
    fn appending_changes_only_this_holder() {
        let mut t = Text::default();
        let mut seen = Vec::new();
        let mut expect = String::new();
        for i in 0..2000 {
            let part = if i % 7 == 0 { "é😀" } else { "abc" };
            t.push_strs(&[part, "-"]);
            expect.push_str(part);
            expect.push('-');
            if i % 100 == 0 {
                seen.push((t.clone(), expect.clone()));
            }
        }
        assert_eq!(t.as_str(), expect);
        for (kept, was) in &seen {
            assert_eq!(kept.as_str(), was.as_str());
        }
        assert_eq!(t.utf16_len(), plain::utf16_len(&expect));
        // Inside a character: unchanged.
        t.truncate(4);
        assert_eq!(t.as_str(), expect);
        t.truncate(7);
        assert_eq!(t.as_str(), "é😀-");
        let shared = seen[3].0.clone();
        let mut cut = shared.clone();
        cut.truncate(6);
        assert_eq!(cut.as_str(), "é😀");
        assert_eq!(shared.as_str(), seen[3].1);
    }

    #[test]
    fn prepending_in_place() {
        let mut t = Text::from("cd");
        assert!(t.prepend_in_place("ab"));
        assert_eq!(t.as_str(), "abcd");
        assert!(!t.prepend_in_place("0123"));
        let mut t = Text::from("0123456789");
        t.push_strs(&["x"]);
        let room = t.capacity() - t.len();
        assert!(room > 0);
        assert!(t.prepend_in_place(&"p".repeat(room)));
        assert_eq!(t.as_str(), "p".repeat(room) + "0123456789x");
        let other = t.clone();
        assert!(!t.prepend_in_place(""));
        drop(other);
    }

    #[test]
    fn long_strings_are_adopted_and_still_change_in_place() {
        let big = "é".repeat(ADOPT_MIN);
        let mut t = Text::new(big.clone());
        assert_eq!(t.header().map(|h| h.cap), Some(ADOPTED));
        assert_eq!(t.utf16_len(), ADOPT_MIN);
        assert_eq!(t.char_at(ADOPT_MIN - 1), Some('é'));
        let copy = t.clone();
        t.push_strs(&["z"]);
        assert_eq!(copy.as_str(), big);
        assert_eq!(t.len(), big.len() + 1);
        t.push_strs(&["y"]);
        assert_eq!(t.char_at(ADOPT_MIN + 1), Some('y'));
        assert!(t.prepend_in_place("a"));
        t.truncate(3);
        assert_eq!(t.as_str(), "aé");
        assert_eq!(Text::from_parts(&[&big, "!"]).len(), big.len() + 1);
    }
}
