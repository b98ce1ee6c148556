//! Text the way 4D handles it: ICU collation (case- and accent-insensitive, ignorable characters
//! ignored) for comparisons, the `@` wildcard, whole-word keyword search (`%`), searching for
//! `Position`/`Replace string`, case conversion, and UTF-16 positions.
//!
//! # Positions are UTF-16 code units
//! 4D texts are UTF-16: `Length("😀")` is 2 in 4D. mini4d keeps texts as UTF-8 `String`s but every
//! position and length seen by 4D code (`Length`, `Position`, `Substring`, `t[[i]]`,
//! `Character code`) counts **UTF-16 code units**, 1-based, as 4D does. A range that cuts a
//! surrogate pair in half yields U+FFFD for the half (a Rust string cannot hold a lone surrogate).
//!
//! # Comparison
//! [`compare`] and [`equals`] use the ICU4X root collator at primary strength (what 4D's default
//! data language gives for Latin text): `"a"="A"`, `"n"="ñ"`, `"é"="E"`, controls such as `Char(1)`
//! ignored; spaces and punctuation are *not* ignored. Pure-ASCII texts take a fast path that is
//! exactly equivalent (a rank table computed from the collator itself; tests check it).
//!
//! # Searching
//! Searches (`Position`, `Replace string`, `@` segments, keyword search) fold each character to a
//! short sequence of comparison units — lowercased, accents removed, compatibility forms and
//! ligatures expanded (`æ`→`ae`, `ß`→`ss`, `ﬁ`→`fi`), ignorable characters dropped — and every
//! non-ASCII folding is checked against the collator before it is used (a character whose folding
//! the collator does not confirm stands for itself, case-folded). Matches always start and end on
//! character boundaries of the searched text.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::LazyLock;

use icu_collator::options::{CaseLevel, CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu_properties::props::GeneralCategory;
use icu_properties::CodePointMapData;
use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;

// ---------------------------------------------------------------------------------------------
// Collator and the ASCII fast path
// ---------------------------------------------------------------------------------------------

static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Primary);
    Collator::try_new(Default::default(), options).ok()
});

/// Primary rank of each ASCII character under the collator (0 = ignorable), so that comparing
/// two ASCII texts is a comparison of rank sequences with the zeros skipped.
static ASCII_RANK: LazyLock<[u16; 128]> = LazyLock::new(build_ascii_ranks);

fn build_ascii_ranks() -> [u16; 128] {
    let mut ranks = [0u16; 128];
    let Some(coll) = COLLATOR.as_ref() else {
        // No collator (cannot happen with compiled data): case-insensitive code order.
        for (i, r) in ranks.iter_mut().enumerate() {
            let c = (i as u8).to_ascii_lowercase();
            *r = c as u16 + 1;
        }
        return ranks;
    };
    let mut chars: Vec<(u8, String)> = Vec::new();
    for b in 0u8..128 {
        let s = (b as char).to_string();
        if coll.compare(&s, "") != Ordering::Equal {
            chars.push((b, s));
        }
    }
    chars.sort_by(|a, b| coll.compare(&a.1, &b.1).then(a.0.cmp(&b.0)));
    let mut rank = 0u16;
    let mut prev: Option<&str> = None;
    for (b, s) in &chars {
        if prev.is_none_or(|p| coll.compare(p, s) != Ordering::Equal) {
            rank += 1;
        }
        ranks[*b as usize] = rank;
        prev = Some(s);
    }
    ranks
}

#[inline]
fn ascii_rank(b: u8) -> u16 {
    ASCII_RANK[(b & 0x7f) as usize]
}

fn ascii_compare(a: &[u8], b: &[u8]) -> Ordering {
    let ranks = &*ASCII_RANK;
    let mut ia = a.iter().map(|&c| ranks[(c & 0x7f) as usize]).filter(|&r| r != 0);
    let mut ib = b.iter().map(|&c| ranks[(c & 0x7f) as usize]).filter(|&r| r != 0);
    loop {
        match (ia.next(), ib.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
            }
        }
    }
}

/// Collation order of two texts (case- and accent-insensitive; ignorable characters ignored).
pub fn compare(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_compare(a.as_bytes(), b.as_bytes());
    }
    match COLLATOR.as_ref() {
        Some(coll) => coll.compare(a, b),
        None => fold_str(a).cmp(&fold_str(b)),
    }
}

/// Equality without wildcards (used where `@` is literal).
pub fn equals(a: &str, b: &str) -> bool {
    compare(a, b) == Ordering::Equal
}

/// `left = right` where `@` in `right` is a wildcard matching any run of 0..n characters
/// (`@` in `left` is an ordinary character). Two consecutive `@` make the comparison False.
pub fn equals_wildcard(left: &str, right: &str) -> bool {
    if !right.contains('@') {
        return equals(left, right);
    }
    if right.contains("@@") {
        return false;
    }
    let text = Folded::new(left);
    let segments: Vec<Vec<char>> = right.split('@').map(fold_str).collect();
    glob_match(&text, &segments)
}

/// `left < right` family with the wildcard: only a single trailing `@` in `right` is valid
/// (`"abcd" <= "abc@"`): a `left` that starts with the prefix compares Equal, otherwise the
/// order is that of `left` against the prefix. Any other `@` is compared literally (4D calls
/// such comparisons invalid without saying what they give).
pub fn compare_wildcard(left: &str, right: &str) -> Ordering {
    if let Some(prefix) = right.strip_suffix('@') {
        if !prefix.contains('@') {
            let text = Folded::new(left);
            let segs = vec![fold_str(prefix), Vec::new()];
            if glob_match(&text, &segs) {
                return Ordering::Equal;
            }
            return compare(left, prefix);
        }
    }
    compare(left, right)
}

/// `text % keyword`: whole-word search. Words are found with Unicode (UAX #29) word boundaries;
/// the keyword must itself be a single word (several words or punctuation → False) and may use
/// `@` wildcards (`"Software and Computers" % "comput@"`). Case- and accent-insensitive.
pub fn keyword_search(text: &str, keyword: &str) -> bool {
    let keyword = trim(keyword);
    if keyword.is_empty() || keyword.contains("@@") {
        return false;
    }
    let stripped: String = keyword.chars().filter(|&c| c != '@').collect();
    let seg = WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default());
    let mut words = 0;
    let mut last = 0;
    for (end, kind) in seg.segment_str(&stripped).iter_with_word_type() {
        let piece = &stripped[last..end];
        last = end;
        if piece.is_empty() {
            continue;
        }
        if kind.is_word_like() {
            words += 1;
        } else if !piece.chars().all(is_ecma_whitespace) {
            return false;
        }
    }
    if words != 1 {
        return false;
    }
    let mut last = 0;
    for (end, kind) in seg.segment_str(text).iter_with_word_type() {
        let piece = &text[last..end];
        last = end;
        if kind.is_word_like() && !piece.is_empty() && equals_wildcard(piece, keyword) {
            return true;
        }
    }
    false
}

/// The words of `text` as 4D's keyword index sees them (`GET TEXT KEYWORDS`): Unicode (UAX #29)
/// word boundaries, keeping only the word-like pieces ("10,000" and "BC45" stay whole,
/// "Jean-Pierre" is two words), plus 4D's French/Italian rule: an apostrophe followed by a vowel
/// or "h" ends a word ("l'arbre" → "l'" and "arbre").
pub fn keywords(text: &str) -> Vec<String> {
    let seg = WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default());
    let mut out = Vec::new();
    let mut last = 0;
    for (end, kind) in seg.segment_str(text).iter_with_word_type() {
        let piece = &text[last..end];
        last = end;
        if piece.is_empty() || !kind.is_word_like() {
            continue;
        }
        let mut from = 0;
        let mut chars = piece.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '\'' | '\u{2019}') && i > from {
                if let Some(&(next, n)) = chars.peek() {
                    if is_elision_start(n) {
                        out.push(piece[from..next].to_string());
                        from = next;
                    }
                }
            }
        }
        out.push(piece[from..].to_string());
    }
    out
}

/// Whether `c` may follow an elided article's apostrophe (a vowel or "h", accented or not).
fn is_elision_start(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let mut buf = [0; 4];
    let base = DecomposingNormalizerBorrowed::new_nfd()
        .normalize(lower.encode_utf8(&mut buf))
        .chars()
        .next()
        .unwrap_or(lower);
    matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h')
}

// ---------------------------------------------------------------------------------------------
// Folding for searches
// ---------------------------------------------------------------------------------------------

thread_local! {
    static FOLD_CACHE: RefCell<HashMap<char, Box<[char]>>> = RefCell::new(HashMap::new());
}

/// Foldings tried (after NFKD, removal of marks and lowercasing) for letters that Unicode does
/// not decompose but the collator treats as base letter + secondary difference, or expands.
fn extra_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ƀ' => "b",
        'ς' => "σ",
        _ => return None,
    })
}

fn is_mark(c: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
    )
}

fn compute_fold(c: char) -> Box<[char]> {
    let s = c.to_string();
    let coll = COLLATOR.as_ref();
    if let Some(coll) = coll {
        if coll.compare(&s, "") == Ordering::Equal {
            return Box::new([]);
        }
    }
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd().normalize(&s);
    let mut cand = String::new();
    for d in nfkd.chars().filter(|&d| !is_mark(d)) {
        for l in d.to_lowercase() {
            match extra_fold(l) {
                Some(x) => cand.push_str(x),
                None => cand.push(l),
            }
        }
    }
    let own: Box<[char]> = {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) => Box::new([l]),
            _ => Box::new([c]),
        }
    };
    if cand.is_empty() || cand == s {
        return own;
    }
    let confirmed = match coll {
        Some(coll) => coll.compare(&s, &cand) == Ordering::Equal,
        None => true,
    };
    if confirmed {
        cand.chars().map(|d| if d.is_ascii() { d.to_ascii_lowercase() } else { d }).collect()
    } else {
        own
    }
}

/// Appends the comparison units of `c`.
#[inline]
fn fold_char(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        if ascii_rank(c as u8) != 0 {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    FOLD_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let units = cache.entry(c).or_insert_with(|| compute_fold(c));
        out.extend_from_slice(units);
    });
}

fn fold_str(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// A text folded for searching: its comparison units, each with the index of the character it
/// comes from, and the UTF-16 offset of every character.
struct Folded {
    units: Vec<char>,
    owner: Vec<u32>,
    /// UTF-16 offset of each character, plus the total length at the end.
    u16_at: Vec<usize>,
}

impl Folded {
    fn new(s: &str) -> Folded {
        Folded::with(s, fold_char)
    }

    fn with(s: &str, fold: fn(char, &mut Vec<char>)) -> Folded {
        let mut units = Vec::with_capacity(s.len());
        let mut owner = Vec::with_capacity(s.len());
        let mut u16_at = Vec::with_capacity(s.len() + 1);
        let mut off = 0;
        for (i, c) in s.chars().enumerate() {
            u16_at.push(off);
            off += c.len_utf16();
            fold(c, &mut units);
            owner.resize(units.len(), i as u32);
        }
        u16_at.push(off);
        Folded { units, owner, u16_at }
    }

    /// Whether unit index `q` is on a character boundary.
    #[inline]
    fn boundary(&self, q: usize) -> bool {
        q == 0 || q >= self.units.len() || self.owner[q - 1] != self.owner[q]
    }

    /// First occurrence of `pat` (non-empty) at unit index ≥ `from`, aligned on characters.
    fn find_from(&self, pat: &[char], from: usize) -> Option<usize> {
        let n = self.units.len();
        let m = pat.len();
        if m == 0 || m > n {
            return None;
        }
        (from..=n - m)
            .find(|&p| self.boundary(p) && self.units[p..p + m] == *pat && self.boundary(p + m))
    }

    /// UTF-16 offset of the start of unit `p` and length up to the end of unit `end - 1`.
    fn u16_span(&self, p: usize, end: usize) -> (usize, usize) {
        let first = self.owner[p] as usize;
        let last = self.owner[end - 1] as usize;
        let start = self.u16_at[first];
        (start, self.u16_at[last + 1] - start)
    }

    /// Index of the first unit belonging to a character at UTF-16 offset ≥ `u16_start`.
    fn unit_at_u16(&self, u16_start: usize) -> usize {
        if u16_start == 0 {
            return 0;
        }
        let first_char = self.u16_at.partition_point(|&o| o < u16_start) as u32;
        self.owner.partition_point(|&o| o < first_char)
    }
}

fn glob_match(text: &Folded, segments: &[Vec<char>]) -> bool {
    let n = text.units.len();
    let k = segments.len();
    if k == 0 {
        return text.units.is_empty();
    }
    let first = &segments[0];
    if k == 1 {
        return text.units == *first;
    }
    // prefix
    if first.len() > n || text.units[..first.len()] != first[..] || !text.boundary(first.len()) {
        return false;
    }
    let mut pos = first.len();
    // suffix
    let last = &segments[k - 1];
    if last.len() > n - pos {
        return false;
    }
    let tail = n - last.len();
    if text.units[tail..] != last[..] || !text.boundary(tail) {
        return false;
    }
    for seg in &segments[1..k - 1] {
        if seg.is_empty() {
            continue;
        }
        match text.find_from(seg, pos) {
            Some(p) if p + seg.len() <= tail => pos = p + seg.len(),
            _ => return false,
        }
    }
    true
}

/// A search pattern prepared once for repeated searches in one text.
pub struct Finder {
    mode: FindMode,
}

enum FindMode {
    /// By character codes (`*`).
    Exact { text_u16: Vec<u16>, pat: Vec<u16> },
    /// Case-insensitive byte search in ASCII text with no ignorable characters.
    Ascii { text: Vec<u8>, pat: Vec<u8> },
    /// Folded (collation-equivalent) search.
    Folded { text: Folded, pat: Vec<char> },
}

impl Finder {
    /// Prepares searching `pattern` in `text`, by character codes if `exact` (the `*` option),
    /// otherwise case/accent-insensitively with ligatures (`æ` = `ae`).
    pub fn new(text: &str, pattern: &str, exact: bool) -> Finder {
        let mode = if exact {
            FindMode::Exact {
                text_u16: text.encode_utf16().collect(),
                pat: pattern.encode_utf16().collect(),
            }
        } else if text.is_ascii()
            && pattern.is_ascii()
            && text.bytes().chain(pattern.bytes()).all(|b| ascii_rank(b) != 0)
        {
            FindMode::Ascii {
                text: text.bytes().map(|b| b.to_ascii_lowercase()).collect(),
                pat: pattern.bytes().map(|b| b.to_ascii_lowercase()).collect(),
            }
        } else {
            FindMode::Folded { text: Folded::new(text), pat: fold_str(pattern) }
        };
        Finder { mode }
    }

    /// First match starting at UTF-16 offset ≥ `from` (0-based): its UTF-16 offset (0-based) and
    /// its length in UTF-16 code units. An empty pattern is never found.
    pub fn find(&self, from: usize) -> Option<(usize, usize)> {
        match &self.mode {
            FindMode::Exact { text_u16, pat } => {
                let (n, m) = (text_u16.len(), pat.len());
                if m == 0 || m > n || from > n - m {
                    return None;
                }
                (from..=n - m).find(|&p| text_u16[p..p + m] == pat[..]).map(|p| (p, m))
            }
            FindMode::Ascii { text, pat } => {
                let (n, m) = (text.len(), pat.len());
                if m == 0 || m > n || from > n - m {
                    return None;
                }
                let first = pat[0];
                (from..=n - m)
                    .find(|&p| text[p] == first && text[p..p + m] == pat[..])
                    .map(|p| (p, m))
            }
            FindMode::Folded { text, pat } => {
                let start = text.unit_at_u16(from);
                let p = text.find_from(pat, start)?;
                Some(text.u16_span(p, p + pat.len()))
            }
        }
    }
}

/// `Position`: first match of `pattern` in `text` at UTF-16 offset ≥ `from` (0-based), as
/// (offset, matched length) in UTF-16 code units.
pub fn find(text: &str, pattern: &str, from: usize, exact: bool) -> Option<(usize, usize)> {
    Finder::new(text, pattern, exact).find(from)
}

/// [`find`] on a text value: on a long ASCII text the search starts at `from` in place (no copy
/// of the text, time proportional to the distance to the match); on a long non-ASCII text only
/// the part from `from` on is prepared. Same answers as [`find`].
pub fn find_in(
    text: &super::text_value::Text,
    pattern: &str,
    from: usize,
    exact: bool,
) -> Option<(usize, usize)> {
    if text.len() <= 64 {
        return find(text, pattern, from, exact);
    }
    let (n, m) = (text.len(), pattern.len());
    if text.is_ascii() {
        if m == 0 || from >= n {
            return None;
        }
        if exact {
            // A non-ASCII pattern has other code units than any ASCII text.
            return text[from..].find(pattern).map(|p| (from + p, m));
        }
        if pattern.is_ascii()
            && pattern.bytes().all(|b| ascii_rank(b) != 0)
            && text.ascii_without_ignorables()
        {
            if m > n - from {
                return None;
            }
            let bytes = text.as_bytes();
            let pat: Vec<u8> = pattern.bytes().map(|b| b.to_ascii_lowercase()).collect();
            let first = pat[0];
            return (from..=n - m)
                .find(|&p| {
                    bytes[p].to_ascii_lowercase() == first
                        && bytes[p..p + m].eq_ignore_ascii_case(&pat)
                })
                .map(|p| (p, m));
        }
        return find(text, pattern, from, exact);
    }
    match text.byte_offset_of_unit(from) {
        Some(b) if b > 0 => find(&text[b..], pattern, 0, exact).map(|(p, len)| (p + from, len)),
        _ => find(text, pattern, from, exact),
    }
}

/// Whether the ASCII byte `b` is ignored by comparisons (a control character).
pub fn ascii_ignorable(b: u8) -> bool {
    ascii_rank(b) == 0
}

/// `Compare strings(a; b; options)`: `sk char codes` compares UTF-16 code units (with
/// `sk case insensitive`: a-z = A-Z only); otherwise the collator at the strength the options
/// ask: case and diacritic insensitive (the default, as `<`), case insensitive only (accents
/// count), diacritic insensitive only (case counts), or neither (`sk strict`, also for the
/// Japanese-only kana/width options).
pub fn compare_with_options(a: &str, b: &str, options: i32) -> Ordering {
    let case = options & sk::CASE_INSENSITIVE != 0;
    let diacritic = options & sk::DIACRITIC_INSENSITIVE != 0;
    if options & sk::CHAR_CODES != 0 {
        let units = |s: &str| -> Vec<u16> {
            s.encode_utf16()
                .map(|u| if case && u < 128 { (u as u8).to_ascii_lowercase() as u16 } else { u })
                .collect()
        };
        return units(a).cmp(&units(b));
    }
    let which = match (case, diacritic) {
        (true, true) => return compare(a, b),
        (true, false) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    match STRICTER_COLLATORS[which].as_ref() {
        Some(coll) => coll.compare(a, b),
        None => a.cmp(b),
    }
}

/// Collators for [`compare_with_options`]: accents count; case counts; both count.
static STRICTER_COLLATORS: LazyLock<[Option<CollatorBorrowed<'static>>; 3]> = LazyLock::new(|| {
    let make = |strength, case_level| {
        let mut options = CollatorOptions::default();
        options.strength = Some(strength);
        options.case_level = case_level;
        Collator::try_new(Default::default(), options).ok()
    };
    [
        make(Strength::Secondary, None),
        make(Strength::Primary, Some(CaseLevel::On)),
        make(Strength::Tertiary, None),
    ]
});

/// `sk` option constants of the Strings theme (for the 5-parameter `Position`).
pub mod sk {
    // The whole table as 4D documents it, also the values no code path needs yet.
    #![allow(dead_code)]
    pub const STRICT: i32 = 0;
    pub const CHAR_CODES: i32 = 1;
    pub const CASE_INSENSITIVE: i32 = 2;
    pub const DIACRITIC_INSENSITIVE: i32 = 4;
    pub const KANA_INSENSITIVE: i32 = 8;
    pub const WIDTH_INSENSITIVE: i32 = 16;
    pub const WHOLE_WORD: i32 = 32;
    pub const IGNORE_EMPTY_STRINGS: i32 = 1;
    pub const TRIM_SPACES: i32 = 2;
}

fn fold_case_only(c: char, out: &mut Vec<char>) {
    let mut low = c.to_lowercase();
    match (low.next(), low.next()) {
        (Some(l), None) => out.push(l),
        _ => out.push(c),
    }
}

fn fold_accents_only(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    let mut buf = [0u8; 4];
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(c.encode_utf8(&mut buf));
    let before = out.len();
    out.extend(nfd.chars().filter(|&d| !is_accent(d)));
    if out.len() == before {
        out.push(c);
    }
}

fn fold_ascii_case(c: char, out: &mut Vec<char>) {
    out.push(c.to_ascii_lowercase());
}

/// `Position(find; text; start; lengthFound; options)` with `sk` options: `sk char codes` (alone:
/// exact codes; with `sk case insensitive`: a-z = A-Z only), `sk case insensitive` alone
/// (accents significant), `sk diacritic insensitive` alone (case significant), both (the default
/// comparison), `sk strict` (approximated by exact codes), `sk whole word` (the match must not be
/// preceded or followed by a letter or digit). Kana/width options are ignored.
pub fn find_with_options(
    text: &str,
    pattern: &str,
    from: usize,
    options: i32,
) -> Option<(usize, usize)> {
    let case = options & sk::CASE_INSENSITIVE != 0;
    let diacritic = options & sk::DIACRITIC_INSENSITIVE != 0;
    enum How {
        Exact,
        Default,
        Fold(fn(char, &mut Vec<char>)),
    }
    let how = if options & sk::CHAR_CODES != 0 {
        if case {
            How::Fold(fold_ascii_case)
        } else {
            How::Exact
        }
    } else {
        match (case, diacritic) {
            (true, true) => How::Default,
            (true, false) => How::Fold(fold_case_only),
            (false, true) => How::Fold(fold_accents_only),
            (false, false) => How::Exact,
        }
    };
    let whole_word = options & sk::WHOLE_WORD != 0;
    let finder = match how {
        How::Exact => Finder::new(text, pattern, true),
        How::Default => Finder::new(text, pattern, false),
        How::Fold(f) => {
            let mut pat = Vec::new();
            for c in pattern.chars() {
                f(c, &mut pat);
            }
            Finder { mode: FindMode::Folded { text: Folded::with(text, f), pat } }
        }
    };
    if !whole_word {
        return finder.find(from);
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    let is_word_at = |i: usize| -> bool {
        let Some(&u) = units.get(i) else { return false };
        // a surrogate half belongs to a supplementary character: decode the pair
        let start = if (0xDC00..0xE000).contains(&u) { i.saturating_sub(1) } else { i };
        char::decode_utf16(units[start..].iter().copied())
            .next()
            .and_then(|r| r.ok())
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    };
    let mut at = from;
    while let Some((p, len)) = finder.find(at) {
        let before = p > 0 && is_word_at(p - 1);
        let after = is_word_at(p + len);
        if !before && !after {
            return Some((p, len));
        }
        at = p + 1;
    }
    None
}

/// `Replace string`: replaces the first `how_many` (all if None) occurrences of `old` with `new`.
/// An empty `old` leaves the text unchanged.
#[cfg(test)]
pub fn replace(text: &str, old: &str, new: &str, how_many: Option<usize>, exact: bool) -> String {
    try_replace(text, old, new, how_many, exact, usize::MAX).unwrap_or_default()
}

/// [`replace`] that gives up (`None`) as soon as the result would exceed `limit` bytes.
pub fn try_replace(
    text: &str,
    old: &str,
    new: &str,
    how_many: Option<usize>,
    exact: bool,
    limit: usize,
) -> Option<String> {
    if old.is_empty() || how_many == Some(0) {
        return Some(text.to_owned());
    }
    let worst = (text.len() / old.len()).saturating_mul(new.len()).saturating_add(text.len());
    if exact && how_many.is_none() && worst <= limit {
        return Some(text.replace(old, new));
    }
    let finder = Finder::new(text, old, exact);
    let ascii = text.is_ascii();
    let units: Vec<u16> = if ascii { Vec::new() } else { text.encode_utf16().collect() };
    let push_slice = |out: &mut String, a: usize, b: usize| {
        if ascii {
            out.push_str(text.get(a..b).unwrap_or(""));
        } else {
            out.push_str(&String::from_utf16_lossy(units.get(a..b).unwrap_or(&[])));
        }
    };
    let total = if ascii { text.len() } else { units.len() };
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut from = 0;
    while how_many.is_none_or(|h| done < h) {
        let Some((p, len)) = finder.find(from) else {
            break;
        };
        push_slice(&mut out, from, p);
        out.push_str(new);
        if out.len() > limit {
            return None;
        }
        done += 1;
        from = p + len.max(1);
        if from > total {
            break;
        }
    }
    if from < total {
        push_slice(&mut out, from, total);
    }
    (out.len() <= limit).then_some(out)
}

// ---------------------------------------------------------------------------------------------
// UTF-16 positions
// ---------------------------------------------------------------------------------------------

/// Length in UTF-16 code units (4D's `Length`).
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// The UTF-16 range `[start, start+len)` (0-based, clamped to the text). A cut surrogate pair
/// gives U+FFFD.
pub fn substring_utf16(s: &str, start: usize, len: usize) -> String {
    if s.is_ascii() {
        let a = start.min(s.len());
        let b = a.saturating_add(len).min(s.len());
        return s[a..b].to_owned();
    }
    let units: Vec<u16> = s.encode_utf16().collect();
    let a = start.min(units.len());
    let b = a.saturating_add(len).min(units.len());
    String::from_utf16_lossy(&units[a..b])
}

/// UTF-16 code unit at 0-based offset `i` (None past the end).
pub fn utf16_unit_at(s: &str, i: usize) -> Option<u16> {
    if s.is_ascii() {
        return s.as_bytes().get(i).map(|&b| b as u16);
    }
    s.encode_utf16().nth(i)
}

/// Replaces the UTF-16 range `[start, start+len)` of `s` by `with` (clamped; used by
/// `Change string`, `Insert string`, `Delete string` and `t[[i]]:=`).
pub fn splice_utf16(s: &str, start: usize, len: usize, with: &str) -> String {
    if s.is_ascii() {
        let a = start.min(s.len());
        let b = a.saturating_add(len).min(s.len());
        let mut out = String::with_capacity(s.len() + with.len());
        out.push_str(&s[..a]);
        out.push_str(with);
        out.push_str(&s[b..]);
        return out;
    }
    let units: Vec<u16> = s.encode_utf16().collect();
    let a = start.min(units.len());
    let b = a.saturating_add(len).min(units.len());
    let mut out = String::from_utf16_lossy(&units[..a]);
    out.push_str(with);
    out.push_str(&String::from_utf16_lossy(&units[b..]));
    out
}

// ---------------------------------------------------------------------------------------------
// Case, whitespace
// ---------------------------------------------------------------------------------------------

/// Whether `c` is a combining accent that `Uppercase`/`Lowercase` drop without `*` (the
/// combining diacritical mark blocks: Latin, Greek, Cyrillic accents; marks of other scripts,
/// e.g. Indic vowel signs, are kept).
fn is_accent(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn strip_accents(t: &str) -> String {
    if t.is_ascii() {
        return t.to_owned();
    }
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(t);
    let stripped: String = nfd.chars().filter(|&c| !is_accent(c)).collect();
    ComposingNormalizerBorrowed::new_nfc().normalize(&stripped).into_owned()
}

/// `Uppercase(t)` (accents dropped) or `Uppercase(t; *)` (`keep_accents`).
pub fn uppercase(t: &str, keep_accents: bool) -> String {
    if t.is_ascii() {
        return t.to_ascii_uppercase();
    }
    if keep_accents {
        t.to_uppercase()
    } else {
        strip_accents(t).to_uppercase()
    }
}

/// `Lowercase(t)` (accents dropped) or `Lowercase(t; *)` (`keep_accents`).
pub fn lowercase(t: &str, keep_accents: bool) -> String {
    if t.is_ascii() {
        return t.to_ascii_lowercase();
    }
    if keep_accents {
        t.to_lowercase()
    } else {
        strip_accents(t).to_lowercase()
    }
}

/// ECMAScript WhiteSpace or LineTerminator (what `Trim` removes).
pub fn is_ecma_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

pub fn trim(t: &str) -> &str {
    t.trim_matches(is_ecma_whitespace)
}

pub fn trim_start(t: &str) -> &str {
    t.trim_start_matches(is_ecma_whitespace)
}

pub fn trim_end(t: &str) -> &str {
    t.trim_end_matches(is_ecma_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coll() -> &'static CollatorBorrowed<'static> {
        COLLATOR.as_ref().expect("collator")
    }

    #[test]
    fn spec_checks_3_4() {
        assert!(equals("abc", "ABC"));
        assert!(equals_wildcard("abcdefghij", "abc@"));
        assert!(!equals_wildcard("abc@", "abcdefghij"));
        assert!(!equals_wildcard("abcdefghij", "abc@@fg"));
        for p in ["abcdefghij@", "@abcdefghij", "abcd@efghij", "@abcdefghij@", "@abcde@fghij@"] {
            assert!(equals_wildcard("abcdefghij", p), "{p}");
        }
    }

    #[test]
    fn case_and_accent_insensitive() {
        assert!(equals("a", "A"));
        assert!(equals("n", "ñ"));
        assert!(equals("n", "Ñ"));
        assert!(equals("A", "å"));
        assert!(equals("é", "E"));
        assert!(equals("Crème brûlée", "CREME BRULEE"));
        assert!(!equals("abc", "abd"));
        assert!(!equals("abc", "abc "));
        assert!(equals("\u{1}", ""));
        assert!(equals("a\u{1}b", "ab"));
        assert!(equals("e\u{301}", "é"));
    }

    #[test]
    fn ordering() {
        assert_eq!(compare("abc", "abd"), Ordering::Less);
        assert_eq!(compare("abd", "abc"), Ordering::Greater);
        assert_eq!(compare("abc", "ABC"), Ordering::Equal);
        assert_eq!(compare("a", "B"), Ordering::Less);
        assert_eq!(compare("é", "f"), Ordering::Less);
        assert_eq!(compare("ab", "abc"), Ordering::Less);
        assert_eq!(compare("", "a"), Ordering::Less);
        assert_eq!(compare("10", "9"), Ordering::Less);
        assert_eq!(compare("Zoë", "zoe"), Ordering::Equal);
    }

    /// The ASCII fast path must agree with the collator on every input.
    #[test]
    fn ascii_fast_path_matches_collator() {
        let ranks = &*ASCII_RANK;
        // single characters
        for a in 0u8..128 {
            for b in 0u8..128 {
                let (sa, sb) = ((a as char).to_string(), (b as char).to_string());
                assert_eq!(
                    ascii_compare(sa.as_bytes(), sb.as_bytes()),
                    coll().compare(&sa, &sb),
                    "{a} {b}"
                );
            }
        }
        // the folding used by searches agrees with the ranks
        for a in 0u8..128 {
            for b in 0u8..128 {
                let same_fold =
                    fold_str(&(a as char).to_string()) == fold_str(&(b as char).to_string());
                assert_eq!(same_fold, ranks[a as usize] == ranks[b as usize], "{a} {b}");
            }
        }
        // pseudo-random strings over a varied alphabet
        let alphabet: Vec<u8> = b"aAbBzZ09 -_.,;:!?'\"()@*/&#%+<=>|~$\x01\x02\t\n\r".to_vec();
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20000 {
            let la = (next() % 6) as usize;
            let lb = (next() % 6) as usize;
            let a: String = (0..la)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
                .collect();
            let b: String = (0..lb)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
                .collect();
            assert_eq!(
                ascii_compare(a.as_bytes(), b.as_bytes()),
                coll().compare(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn wildcards_are_case_and_accent_insensitive() {
        assert!(equals_wildcard("Élève", "el@"));
        assert!(equals_wildcard("Élève", "@EVE"));
        assert!(equals_wildcard("", "@"));
        assert!(equals_wildcard("abc", "@"));
        assert!(!equals_wildcard("abc", "@@"));
        assert!(!equals_wildcard("ab", "abc@"));
        assert!(equals_wildcard("abc", "abc@"));
        assert!(equals_wildcard("abcabc", "a@c"));
        assert!(!equals_wildcard("abcab", "a@c"));
        assert!(equals_wildcard("aXbXc", "a@b@c"));
        assert!(!equals_wildcard("aXcXb", "a@b@c"));
        assert!(!equals_wildcard("aba", "ab@ba"));
        assert!(equals_wildcard("abba", "ab@ba"));
        assert!(equals_wildcard("Straße", "strass@"));
    }

    #[test]
    fn wildcard_ordering() {
        assert_eq!(compare_wildcard("abcd", "abc@"), Ordering::Equal);
        assert_eq!(compare_wildcard("abd", "abc@"), Ordering::Greater);
        assert_eq!(compare_wildcard("ab", "abc@"), Ordering::Less);
        assert_eq!(compare_wildcard("abc", "b@"), Ordering::Less);
        assert_eq!(compare_wildcard("abc", "abc"), Ordering::Equal);
    }

    #[test]
    fn keyword_search_check_6() {
        assert!(keyword_search("Alpha Bravo", "Bravo"));
        assert!(!keyword_search("Alpha Bravo", "ravo"));
        assert!(keyword_search("Alpha Bravo Charlie", "bravo"));
        assert!(!keyword_search("Alpha Bravo Charlie", "vo"));
        assert!(!keyword_search("Alpha Bravo Charlie", "Alpha Bravo"));
        assert!(keyword_search("Alpha,Bravo,Charlie", "Alpha"));
        assert!(keyword_search("Software and Computers", "comput@"));
        assert!(keyword_search("Un été chaud", "ETE"));
        // UAX #29 keeps an apostrophe between letters inside the word
        assert!(keyword_search("Today's news", "today's"));
        assert!(!keyword_search("Today's news", "today"));
        assert!(keyword_search("pi is 3.14 or so", "3.14"));
        assert!(!keyword_search("Alpha", ""));
        assert!(!keyword_search("Alpha", "Al@@"));
        assert!(!keyword_search("", "Alpha"));
    }

    #[test]
    fn find_default_and_exact() {
        assert_eq!(find("Willow", "ll", 0, false), Some((2, 2)));
        assert_eq!(find("Today is the first day", "day", 0, false), Some((2, 3)));
        assert_eq!(find("Today is the first day", "day", 3, false), Some((19, 3)));
        assert_eq!(find("Today is the first day", "DAY", 0, true), None);
        assert_eq!(find("Today is the first day", "DAY", 0, false), Some((2, 3)));
        assert_eq!(find("", "", 0, false), None);
        assert_eq!(find("abc", "", 0, false), None);
        assert_eq!(find("abc", "abcd", 0, false), None);
        assert_eq!(find("abc", "c", 99, false), None);
        assert_eq!(find("Bœuf", "œ", 0, false), Some((1, 1)));
        assert_eq!(find("Bœuf", "oe", 0, false), Some((1, 1)));
        assert_eq!(find("aegis and ægis", "AEGIS", 1, false), Some((10, 4)));
        assert_eq!(find("Crème brûlée", "Brulee", 0, false), Some((6, 6)));
        assert_eq!(find("Crème brûlée", "Brulee", 0, true), None);
        assert_eq!(find("a\u{1}b", "ab", 0, false), Some((0, 3)));
        assert_eq!(find("a\u{1}b", "\u{1}", 0, false), None);
        assert_eq!(find("a\u{1}b", "\u{1}", 0, true), Some((1, 1)));
        // UTF-16 positions
        assert_eq!(find("😀x", "x", 0, false), Some((2, 1)));
        assert_eq!(find("😀x", "x", 0, true), Some((2, 1)));
        // no partial ligature match
        assert_eq!(find("æ", "a", 0, false), None);
        assert_eq!(find("abc@", "c@", 0, false), Some((2, 2)));
    }

    #[test]
    fn find_with_sk_options() {
        let t = "Hello Joelle et joël!";
        assert_eq!(find_with_options(t, "joel", 0, sk::CASE_INSENSITIVE), Some((6, 4)));
        assert_eq!(find_with_options(t, "joel", 7, sk::CASE_INSENSITIVE), None);
        assert_eq!(find_with_options(t, "joel", 7, sk::DIACRITIC_INSENSITIVE), Some((16, 4)));
        assert_eq!(find_with_options(t, "Joel", 0, sk::DIACRITIC_INSENSITIVE), Some((6, 4)));
        assert_eq!(find_with_options(t, "JOEL", 0, sk::DIACRITIC_INSENSITIVE), None);
        assert_eq!(
            find_with_options(
                t,
                "joel",
                0,
                sk::CASE_INSENSITIVE + sk::DIACRITIC_INSENSITIVE + sk::WHOLE_WORD
            ),
            Some((16, 4))
        );
        assert_eq!(find_with_options(t, "JOËL", 0, sk::CHAR_CODES + sk::CASE_INSENSITIVE), None);
        assert_eq!(
            find_with_options(t, "JOEL", 0, sk::CHAR_CODES + sk::CASE_INSENSITIVE),
            Some((6, 4))
        );
        assert_eq!(find_with_options(t, "joel", 0, sk::CHAR_CODES), None);
        assert_eq!(find_with_options(t, "Joel", 0, sk::STRICT), Some((6, 4)));
        assert_eq!(
            find_with_options("somewhere where", "where", 0, sk::WHOLE_WORD + 6),
            Some((10, 5))
        );
        assert_eq!(find_with_options("😀where", "where", 0, sk::WHOLE_WORD + 6), Some((2, 5)));
    }

    #[test]
    fn replace_all_first_and_exact() {
        assert_eq!(replace("Shout", "o", "", None, false), "Shut");
        assert_eq!(replace("Willow", "ll", "d", None, false), "Widow");
        assert_eq!(replace("Crème brûlée", "Brulee", "caramel", None, false), "Crème caramel");
        assert_eq!(replace("Crème brûlée", "Brulee", "caramel", None, true), "Crème brûlée");
        assert_eq!(replace("aaa", "a", "b", Some(2), false), "bba");
        assert_eq!(replace("aaa", "A", "b", None, true), "aaa");
        assert_eq!(replace("aAa", "A", "b", None, false), "bbb");
        assert_eq!(replace("abc", "", "x", None, false), "abc");
        assert_eq!(replace("aaa", "a", "aa", None, false), "aaaaaa");
        assert_eq!(replace("x😀y😀", "😀", "-", None, false), "x-y-");
        assert_eq!(replace("a\tb", "\t", ",", None, true), "a,b");
    }

    #[test]
    fn utf16_helpers() {
        assert_eq!(utf16_len("Topaz"), 5);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(substring_utf16("08/04/62", 3, 2), "04");
        assert_eq!(substring_utf16("abc", 5, 2), "");
        assert_eq!(substring_utf16("abc", 1, usize::MAX), "bc");
        assert_eq!(substring_utf16("😀a", 1, 2), "\u{FFFD}a");
        assert_eq!(utf16_unit_at("😀", 0), Some(0xD83D));
        assert_eq!(utf16_unit_at("a", 3), None);
        assert_eq!(splice_utf16("abcdef", 2, 2, "XY"), "abXYef");
        assert_eq!(splice_utf16("abc", 10, 2, "X"), "abcX");
        assert_eq!(splice_utf16("é😀z", 1, 2, ""), "éz");
    }

    #[test]
    fn case_conversion_check_21() {
        assert_eq!(uppercase("hélène", false), "HELENE");
        assert_eq!(uppercase("hélène", true), "HÉLÈNE");
        assert_eq!(lowercase("HÉLÈNE", false), "helene");
        assert_eq!(lowercase("HÉLÈNE", true), "hélène");
        assert_eq!(uppercase("abc-1", false), "ABC-1");
        assert_eq!(uppercase("", false), "");
        assert_eq!(uppercase("straße", true), "STRASSE");
        assert_eq!(uppercase("한국어", false), "한국어");
        assert_eq!(lowercase("ÅNGSTRÖM", false), "angstrom");
    }

    #[test]
    fn trims() {
        assert_eq!(trim("     Hello World!    "), "Hello World!");
        assert_eq!(trim_start("\t\n x "), "x ");
        assert_eq!(trim_end(" x \u{3000}\u{FEFF}"), " x");
        assert_eq!(trim(" \u{A0} "), "");
    }
}
