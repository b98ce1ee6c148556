//! A light scan of 4D source for tools that read code text without parsing it (the token
//! suffixes of `METHOD GET CODE`, the analysis counting `$name` uses): where the code is, as
//! opposed to text literals and comments, delimited as the lexer does it.

use std::ops::Range;

/// The byte ranges of `source` that are code, in order: everything outside text literals
/// (`"…"`, with `\` escapes, ended by `"` or by the end of the line) and comments (`// …` to the
/// end of the line, `/* … */`, which nest). Line ends are `\n`, `\r\n` or a lone `\r`.
pub fn code_ranges(source: &str) -> Vec<Range<usize>> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let is_line_end = |c: u8| c == b'\n' || c == b'\r';
    while i < b.len() {
        let skip_to = match b[i] {
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' && !is_line_end(b[j]) {
                    j += if b[j] == b'\\' && b.get(j + 1).is_some_and(|&c| !is_line_end(c)) {
                        2
                    } else {
                        1
                    };
                }
                // The closing quote belongs to the literal; a line end does not.
                if j < b.len() && b[j] == b'"' {
                    j + 1
                } else {
                    j
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let mut j = i + 2;
                while j < b.len() && !is_line_end(b[j]) {
                    j += 1;
                }
                j
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                let mut j = i;
                while j < b.len() {
                    if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                j
            }
            _ => {
                i += 1;
                continue;
            }
        };
        if i > start {
            out.push(start..i);
        }
        i = skip_to.min(b.len());
        start = i;
    }
    if b.len() > start {
        out.push(start..b.len());
    }
    out
}

/// The local variable names (`$name`, without `$`) written in the code of `source`, with the
/// offset of each `$`; `$1` and `${…}` (sequential parameters) included as `1` and `{`.
pub fn local_names(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for r in code_ranges(source) {
        let code = &source[r.clone()];
        let mut i = 0;
        while let Some(k) = code[i..].find('$') {
            let at = i + k;
            let rest = &code[at + 1..];
            let len: usize = rest
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
                .map_or(rest.len(), |(n, _)| n);
            if len > 0 {
                out.push((r.start + at, &rest[..len]));
            } else if rest.starts_with('{') {
                out.push((r.start + at, "{"));
            }
            i = at + 1 + len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(source: &str) -> String {
        code_ranges(source).into_iter().map(|r| &source[r]).collect()
    }

    #[test]
    fn texts_and_comments_are_not_code() {
        assert_eq!(code("$a:=\"x // y\" // c\n$b:=1"), "$a:= \n$b:=1");
        assert_eq!(code("$a:=\"say \\\"hi\\\"\"+$b"), "$a:=+$b");
        assert_eq!(code("/* a /* nested */ still */$c"), "$c");
        // A `//` comment and an unterminated text end at a lone CR as at LF.
        assert_eq!(code("$a:=1 // c\r$b:=\"open\r$c"), "$a:=1 \r$b:=\r$c");
        assert_eq!(code("\"unterminated"), "");
        assert_eq!(code("$x:=\"a\\"), "$x:=");
    }

    #[test]
    fn locals_outside_texts_and_comments() {
        let names: Vec<&str> = local_names("$a:=$Bé_2+$1 // $c\n$d:=\"$e\"+${2}+String($f)")
            .iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(names, ["a", "Bé_2", "1", "d", "{", "f"]);
    }
}
