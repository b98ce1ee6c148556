//! Constants a project defines itself, in the XLIFF files of its `Resources` folder.
//!
//! 4D reads a constants file as an XLIFF document whose `<group restype="x-4DK#">` elements hold
//! one `<trans-unit d4:value="…">` per constant, the constant's name being the unit's `<source>`;
//! a group's `d4:groupName` names its theme, whose label is a unit of the `<group
//! resname="themes">`. The value may end with a type suffix: `:L` (Longint), `:R` (Real) or `:S`
//! (Text); without one, a value that reads as a number is a number (Longint when it is a whole
//! number in the Longint range) and any other value is a text.
//!
//! Which files are read: every `.xlf` file directly in `Resources`, then those of one language
//! folder (`en.lproj` when there is one, otherwise the first `*.lproj` in name order: the
//! language `Localized string` starts with). Files without a constants group are localisation
//! files and are left alone. The constants are known before any method is parsed, so that names
//! with spaces lex as one token, as built-in constant names do.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::ast::Span;
use super::parser::SyntaxError;

/// The `d4` namespace of 4D's XLIFF attributes.
const D4: &str = "http://www.4d.com/d4-ns";
/// The `restype` (and `datatype`) that marks constants.
const CONSTANTS_TYPE: &str = "x-4DK#";
/// Largest constants file read.
const MAX_FILE_BYTES: u64 = 16 << 20;

/// A constant's value, typed by its suffix.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Longint(i32),
    Real(f64),
    Text(String),
}

/// One constant of the project.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectConstant {
    /// The name as the file writes it (words separated by single spaces).
    pub name: String,
    pub value: ConstValue,
    /// The theme's label (the `d4:groupName` when no theme label is given).
    pub theme: String,
    /// The file that defines it.
    pub file: PathBuf,
}

/// An error in a constants file, with the file's text (the span refers to it).
#[derive(Clone, Debug)]
pub struct ConstantsFileError {
    pub path: PathBuf,
    pub text: Arc<str>,
    pub error: SyntaxError,
}

/// What [`load_project`] found.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub constants: Vec<Arc<ProjectConstant>>,
    pub errors: Vec<ConstantsFileError>,
}

/// The `Resources` folder of the project whose sources hold `dir` (`…/Project/Sources/…`), if
/// `dir` is inside a project.
pub fn resources_of(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|a| {
            a.file_name().is_some_and(|n| n == "Sources")
                && a.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "Project")
        })
        .and_then(|sources| sources.parent()?.parent())
        .map(|root| root.join("Resources"))
}

/// The constants of the project whose sources hold `dir` (none outside a project).
pub fn load_project(dir: &Path) -> Loaded {
    match resources_of(dir) {
        Some(resources) => load_resources(&resources),
        None => Loaded::default(),
    }
}

/// The constants defined in `resources` (see the module comment for the files read). A name
/// defined twice keeps its first definition; the same name with another value is an error.
pub fn load_resources(resources: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    let Ok(entries) = std::fs::read_dir(resources) else { return loaded };
    let mut files = Vec::new();
    let mut languages = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if let Some(code) = name.strip_suffix(".lproj") {
                languages.push((code.to_string(), path));
            }
        } else if is_xlf(&name) {
            files.push(path);
        }
    }
    files.sort();
    languages.sort();
    let language = languages
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case("en"))
        .or_else(|| languages.first());
    if let Some((_, folder)) = language {
        let mut in_language: Vec<PathBuf> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| is_xlf(&n.to_string_lossy())))
            .collect();
        in_language.sort();
        files.extend(in_language);
    }
    for path in files {
        let Some(text) = read_text(&path) else { continue };
        if !text.contains(CONSTANTS_TYPE) {
            continue;
        }
        let text: Arc<str> = Arc::from(text);
        match parse_file(&path, &text) {
            Ok(constants) => add_all(&mut loaded, &path, &text, constants),
            Err(error) => loaded.errors.push(ConstantsFileError { path, text, error }),
        }
    }
    loaded
}

fn is_xlf(name: &str) -> bool {
    name.len() > 4 && name[name.len() - 4..].eq_ignore_ascii_case(".xlf") && !name.starts_with('.')
}

fn read_text(path: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Some(String::from_utf8_lossy(bytes).into_owned())
}

fn add_all(
    loaded: &mut Loaded,
    path: &Path,
    text: &Arc<str>,
    constants: Vec<(ProjectConstant, Span)>,
) {
    for (c, span) in constants {
        let folded = c.name.to_lowercase();
        match loaded.constants.iter().find(|k| k.name.to_lowercase() == folded) {
            Some(first) if first.value != c.value => {
                let error = SyntaxError {
                    span,
                    code: "constant-defined-twice",
                    message: format!(
                        "the constant `{}` is already defined with another value in {}",
                        c.name,
                        first.file.display()
                    ),
                    label: "second definition".to_string(),
                    help: Some("give one of the two constants another name".to_string()),
                };
                loaded.errors.push(ConstantsFileError {
                    path: path.to_path_buf(),
                    text: text.clone(),
                    error,
                });
            }
            Some(_) => {}
            None => loaded.constants.push(Arc::new(c)),
        }
    }
}

fn error(span: Span, code: &'static str, message: String, label: &str) -> SyntaxError {
    SyntaxError { span, code, message, label: label.to_string(), help: None }
}

fn span_of(node: roxmltree::Node) -> Span {
    let r = node.range();
    Span::new(r.start, r.end)
}

/// The constants of one file, each with the span of its `<trans-unit>`.
pub fn parse_file(path: &Path, text: &str) -> Result<Vec<(ProjectConstant, Span)>, SyntaxError> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let at = offset_of(text, pos.row, pos.col);
        error(
            Span::new(at, at),
            "malformed-constants-file",
            format!("the constants file is not well-formed XML: {e}"),
            "here",
        )
    })?;
    let mut themes = std::collections::HashMap::new();
    for group in doc.descendants().filter(|n| n.has_tag_name("group")) {
        if group.attribute("resname") == Some("themes") {
            for unit in group.children().filter(|n| n.has_tag_name("trans-unit")) {
                let label = source_text(unit);
                for key in [unit.attribute("resname"), unit.attribute("id")].into_iter().flatten() {
                    themes.insert(key.to_string(), label.clone());
                }
            }
        }
    }
    let mut out = Vec::new();
    for group in doc.descendants().filter(|n| n.has_tag_name("group")) {
        if group.attribute("restype") != Some(CONSTANTS_TYPE) {
            continue;
        }
        let group_name = group.attribute((D4, "groupName")).unwrap_or_default();
        let theme = themes.get(group_name).cloned().unwrap_or_else(|| group_name.to_string());
        for unit in group.children().filter(|n| n.has_tag_name("trans-unit")) {
            let span = span_of(unit);
            let name = source_text(unit);
            if name.is_empty() {
                return Err(error(
                    span,
                    "malformed-constants-file",
                    "a constant has no name: its `<source>` is missing or empty".to_string(),
                    "this trans-unit",
                ));
            }
            if let Some(bad) =
                name.split(' ').find(|w| w.is_empty() || !w.chars().all(is_word_char))
            {
                let what = if bad.is_empty() {
                    "two spaces in a row".to_string()
                } else {
                    format!("the word `{bad}`")
                };
                let mut e = error(
                    span,
                    "malformed-constants-file",
                    format!("the constant name `{name}` cannot be written in code: {what}"),
                    "this constant",
                );
                e.help = Some(
                    "a constant name is words of letters, digits and `_` separated by single spaces"
                        .to_string(),
                );
                return Err(e);
            }
            let Some(raw) = unit.attribute((D4, "value")) else {
                return Err(error(
                    span,
                    "malformed-constants-file",
                    format!("the constant `{name}` has no `d4:value` attribute"),
                    "this constant",
                ));
            };
            let value = typed_value(raw).map_err(|why| {
                let mut e = error(
                    span,
                    "malformed-constants-file",
                    format!("the value `{raw}` of the constant `{name}` {why}"),
                    "this constant",
                );
                e.help = Some(
                    "end the value with `:L` (Longint), `:R` (Real) or `:S` (Text)".to_string(),
                );
                e
            })?;
            let c = ProjectConstant {
                name: name.clone(),
                value,
                theme: theme.clone(),
                file: path.to_path_buf(),
            };
            out.push((c, span));
        }
    }
    Ok(out)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text of a unit's `<source>`, comments left out, outer blanks trimmed.
fn source_text(unit: roxmltree::Node) -> String {
    let Some(source) = unit.children().find(|n| n.has_tag_name("source")) else {
        return String::new();
    };
    let text: String = source.children().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `d4:value` with its optional type suffix.
pub fn typed_value(raw: &str) -> Result<ConstValue, &'static str> {
    if let Some((value, suffix)) = raw.rsplit_once(':') {
        match suffix {
            "S" => return Ok(ConstValue::Text(value.to_string())),
            "L" => {
                return value
                    .trim()
                    .parse::<i32>()
                    .map(ConstValue::Longint)
                    .map_err(|_| "is not a whole number in the Longint range (`:L`)")
            }
            "R" => return parse_real(value).map(ConstValue::Real).ok_or("is not a number (`:R`)"),
            _ => {}
        }
    }
    if let Ok(i) = raw.trim().parse::<i32>() {
        return Ok(ConstValue::Longint(i));
    }
    Ok(parse_real(raw).map_or_else(|| ConstValue::Text(raw.to_string()), ConstValue::Real))
}

/// A decimal number (no `inf`/`nan` words, which are names here).
fn parse_real(s: &str) -> Option<f64> {
    let s = s.trim();
    let digits = s.trim_start_matches(['-', '+']);
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    s.parse::<f64>().ok().filter(|r| r.is_finite())
}

/// The byte offset of a 1-based row and column (in characters).
fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == row as usize {
            let within: usize =
                line.chars().take(col.saturating_sub(1) as usize).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_type_the_value() {
        assert_eq!(typed_value("12:L"), Ok(ConstValue::Longint(12)));
        assert_eq!(typed_value("1.5:R"), Ok(ConstValue::Real(1.5)));
        assert_eq!(typed_value("12:S"), Ok(ConstValue::Text("12".into())));
        assert_eq!(typed_value("a:b:S"), Ok(ConstValue::Text("a:b".into())));
        assert_eq!(typed_value("42"), Ok(ConstValue::Longint(42)));
        assert_eq!(typed_value("4.25"), Ok(ConstValue::Real(4.25)));
        assert_eq!(typed_value("ここ"), Ok(ConstValue::Text("ここ".into())));
        assert_eq!(typed_value("http://x:80"), Ok(ConstValue::Text("http://x:80".into())));
        assert_eq!(typed_value("inf"), Ok(ConstValue::Text("inf".into())));
        assert!(typed_value("abc:L").is_err());
        assert!(typed_value("3.5:L").is_err());
        assert!(typed_value("x:R").is_err());
    }

    #[test]
    fn reads_groups_and_themes() {
        let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.0" xmlns:d4="http://www.4d.com/d4-ns"><file datatype="x-4DK#"><body>
<group resname="themes"><trans-unit id="t1" resname="G1"><source>My theme</source></trans-unit></group>
<group d4:groupName="G1" restype="x-4DK#">
<trans-unit d4:value="7:L" id="k1"><source>Days  per week<!-- c --></source></trans-unit>
</group></body></file></xliff>"#;
        let got = parse_file(Path::new("k.xlf"), text).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0.name, "Days per week");
        assert_eq!(got[0].0.theme, "My theme");
        assert_eq!(got[0].0.value, ConstValue::Longint(7));
        assert!(text[got[0].1.start as usize..].starts_with("<trans-unit"));
    }

    #[test]
    fn malformed_files_point_at_the_problem() {
        let e = parse_file(Path::new("k.xlf"), "<xliff>\n<group restype=\"x-4DK#\">\n</xliff>")
            .unwrap_err();
        assert_eq!(e.code, "malformed-constants-file");
        assert!(e.span.start > 0);
        let text = "<xliff xmlns:d4=\"http://www.4d.com/d4-ns\"><group restype=\"x-4DK#\">\
                    <trans-unit d4:value=\"x:L\"><source>Bad</source></trans-unit></group></xliff>";
        let e = parse_file(Path::new("k.xlf"), text).unwrap_err();
        assert!(e.message.contains("Longint"), "{}", e.message);
        assert!(text[e.span.start as usize..].starts_with("<trans-unit"));
    }
}
