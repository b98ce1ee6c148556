//! Text comparison the way 4D does it: ICU-style collation, case- and accent-insensitive, with
//! the `@` wildcard, and whole-word keyword search (`%`).
//!
//! (Temporary ASCII bodies: being replaced by the Unicode implementation.)

use std::cmp::Ordering;

/// Collation order of two texts (case- and accent-insensitive; ignorable characters ignored).
pub fn compare(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

/// `left = right` where `@` in `right` is a wildcard matching any run of characters.
pub fn equals_wildcard(left: &str, right: &str) -> bool {
    compare(left, right) == Ordering::Equal
}

/// Equality without wildcards (used where `@` is literal).
pub fn equals(a: &str, b: &str) -> bool {
    compare(a, b) == Ordering::Equal
}

/// `text % keyword`: whole-word search.
pub fn keyword_search(text: &str, keyword: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| equals(w, keyword))
}
