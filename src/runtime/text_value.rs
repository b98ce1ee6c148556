//! The text a [`Value::Text`](super::Value::Text) holds: a UTF-8 `String` and, built the first
//! time a position is asked of a long text, an index that turns 4D's UTF-16 positions into byte
//! offsets without walking the text from its start.
//!
//! Without it `$t[[$i]]`, `Character code`, `Substring` and `Length` on a long text cost time
//! proportional to the text (an `is_ascii` scan or a `chars().nth`), and a loop over a text was
//! quadratic. Short texts (≤ [`SMALL`] bytes) are never indexed: scanning them is cheaper than
//! the index. Any change to the text drops the index (see [`Text::string_mut`]).

use std::cell::OnceCell;
use std::fmt;
use std::ops::Deref;

/// Texts up to this many bytes answer positions by scanning.
const SMALL: usize = 64;
/// One mark every `STEP` UTF-16 units (and characters) in the index of a non-ASCII text.
const STEP: usize = 32;

/// A 4D text value.
#[derive(Default)]
pub struct Text {
    s: String,
    index: OnceCell<Box<Index>>,
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

impl Text {
    pub fn new(s: String) -> Text {
        Text { s, index: OnceCell::new() }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Bytes the string can hold without reallocating.
    pub fn capacity(&self) -> usize {
        self.s.capacity()
    }

    pub fn into_string(self) -> String {
        self.s
    }

    /// The string, to change it: drops the index, which the change would make wrong.
    #[inline]
    pub fn string_mut(&mut self) -> &mut String {
        self.index.take();
        &mut self.s
    }

    /// The index of a long text (built on first use), `None` for a short one.
    #[inline]
    fn index(&self) -> Option<&Index> {
        if self.s.len() <= SMALL {
            return None;
        }
        Some(self.index.get_or_init(|| {
            Box::new(if self.s.is_ascii() {
                Index::Ascii { clean: OnceCell::new() }
            } else {
                Index::Wide(Wide::build(&self.s))
            })
        }))
    }

    /// Whether the text is only ASCII (so UTF-16 offsets are byte offsets).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        match self.index() {
            None => self.s.is_ascii(),
            Some(Index::Ascii { .. }) => true,
            Some(Index::Wide(_)) => false,
        }
    }

    /// Whether the text is ASCII without characters that comparisons ignore (remembered for a
    /// long text).
    pub fn ascii_without_ignorables(&self) -> bool {
        let scan = || self.s.bytes().all(|b| b < 128 && !super::text::ascii_ignorable(b));
        match self.index() {
            None => scan(),
            Some(Index::Ascii { clean }) => *clean.get_or_init(scan),
            Some(Index::Wide(_)) => false,
        }
    }

    /// 4D's `Length`: UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        match self.index() {
            None => super::text::utf16_len(&self.s),
            Some(Index::Ascii { .. }) => self.s.len(),
            Some(Index::Wide(w)) => w.units,
        }
    }

    /// The UTF-16 code unit at 0-based offset `i`.
    pub fn utf16_unit_at(&self, i: usize) -> Option<u16> {
        match self.index() {
            None => super::text::utf16_unit_at(&self.s, i),
            Some(Index::Ascii { .. }) => self.s.as_bytes().get(i).map(|&b| b as u16),
            Some(Index::Wide(w)) => {
                if i >= w.units {
                    return None;
                }
                let (b, u) = w.locate_unit(&self.s, i);
                let c = self.s[b..].chars().next()?;
                let mut buf = [0u16; 2];
                c.encode_utf16(&mut buf).get(i - u).copied()
            }
        }
    }

    /// The character at 0-based character index `i` (what `t[[i+1]]` reads).
    pub fn char_at(&self, i: usize) -> Option<char> {
        match self.index() {
            None => self.s.chars().nth(i),
            Some(Index::Ascii { .. }) => self.s.as_bytes().get(i).map(|&b| b as char),
            Some(Index::Wide(w)) => {
                if i >= w.chars {
                    return None;
                }
                self.s[w.locate_char(&self.s, i)..].chars().next()
            }
        }
    }

    /// Byte offset of 0-based character index `i` (the text's length when `i` is past the end).
    pub fn char_byte_offset(&self, i: usize) -> usize {
        match self.index() {
            None => self.s.char_indices().nth(i).map_or(self.s.len(), |(b, _)| b),
            Some(Index::Ascii { .. }) => i.min(self.s.len()),
            Some(Index::Wide(w)) if i < w.chars => w.locate_char(&self.s, i),
            Some(Index::Wide(_)) => self.s.len(),
        }
    }

    /// Byte offset of the character holding UTF-16 offset `i`, and that character's UTF-16
    /// offset (`(len, utf16_len)` past the end). `None` for a short non-ASCII text.
    fn locate_unit(&self, i: usize) -> Option<(usize, usize)> {
        match self.index()? {
            Index::Ascii { .. } => {
                let i = i.min(self.s.len());
                Some((i, i))
            }
            Index::Wide(w) if i < w.units => Some(w.locate_unit(&self.s, i)),
            Index::Wide(w) => Some((self.s.len(), w.units)),
        }
    }

    /// The UTF-16 range `[start, start+len)` (0-based, clamped), as `Substring` gives it: a cut
    /// surrogate pair gives U+FFFD for its half.
    pub fn substring_utf16(&self, start: usize, len: usize) -> String {
        if self.s.len() <= SMALL {
            return super::text::substring_utf16(&self.s, start, len);
        }
        let end = start.saturating_add(len);
        let (Some((b0, u0)), Some((b1, u1))) = (self.locate_unit(start), self.locate_unit(end))
        else {
            return super::text::substring_utf16(&self.s, start, len);
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
            from += self.s[b0..].chars().next().map_or(0, char::len_utf8);
        }
        if from < b1 {
            out.push_str(&self.s[from..b1]);
        }
        if u1 < end && b1 < self.s.len() {
            // ends on the first half of a pair
            out.push('\u{FFFD}');
        }
        out
    }

    /// Byte offset of UTF-16 offset `i` when it starts a character (clamped to the end), `None`
    /// when it falls inside a surrogate pair.
    pub fn byte_offset_of_unit(&self, i: usize) -> Option<usize> {
        match self.locate_unit(i) {
            Some((b, u)) => (u == i || b == self.s.len()).then_some(b),
            None => {
                let mut u = 0;
                for (b, c) in self.s.char_indices() {
                    if u >= i {
                        return (u == i).then_some(b);
                    }
                    u += c.len_utf16();
                }
                (u <= i).then_some(self.s.len())
            }
        }
    }
}

thread_local! {
    /// The one-character ASCII texts, shared: `$t[[$i]]` in a loop allocates nothing.
    static ASCII_CHARS: [std::rc::Rc<Text>; 128] =
        std::array::from_fn(|b| std::rc::Rc::new(Text::new((b as u8 as char).to_string())));
}

/// A text of the one character `c` (shared for ASCII; a holder that changes it copies it first,
/// as for any shared text).
pub fn one_char(c: char) -> std::rc::Rc<Text> {
    if c.is_ascii() {
        if let Ok(t) = ASCII_CHARS.try_with(|t| t[c as usize].clone()) {
            return t;
        }
    }
    std::rc::Rc::new(Text::new(c.to_string()))
}

impl Clone for Text {
    /// A copy without the index (the copy is usually about to change).
    fn clone(&self) -> Text {
        Text::new(self.s.clone())
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.s
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.s
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.s
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s.to_owned())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.s == other.s
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.s, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.s)
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
        t.string_mut().push('é');
        assert!(!t.is_ascii());
        assert_eq!(t.utf16_len(), 101);
        assert_eq!(t.char_at(100), Some('é'));
    }
}
