//! Localization from the project's XLIFF files: `Localized string`, `Get database localization`,
//! `SET DATABASE LOCALIZATION`, and the headless message commands `CONFIRM` and `Request`.
//!
//! The strings come from the `.xlf` files of one `<language>.lproj` folder of the project's
//! `Resources` folder (read through the permission gate). The default language follows 4D's
//! order without reading the system's settings: English when there is an `en` folder, otherwise
//! the first `.lproj` folder in name order, `en` when there is none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use parking_lot::Mutex;

use super::{Args, CommandFn, Host};
use crate::runtime::{RtError, Value};

pub const COMMANDS: &[(&str, CommandFn)] = &[
    ("Localized string", localized_string),
    ("Get database localization", get_database_localization),
    ("SET DATABASE LOCALIZATION", set_database_localization),
    ("CONFIRM", confirm),
    ("Request", request),
];

/// Strings by `resname`, for one language folder.
type Strings = HashMap<String, String>;

/// What is known of one `Resources` folder: its languages (code → folder) and the strings of the
/// languages read so far. `current` is the language `SET DATABASE LOCALIZATION` chose.
#[derive(Default)]
struct Resources {
    languages: Vec<(String, PathBuf)>,
    strings: HashMap<String, Arc<Strings>>,
    current: Option<String>,
}

/// By `Resources` folder (one per project run in this process).
static CACHE: LazyLock<Mutex<HashMap<PathBuf, Resources>>> = LazyLock::new(Default::default);

/// The `Resources` folder and its language folders, listed through the gate (no folder or a
/// refused listing: no languages).
fn with_resources<T>(host: &dyn Host, f: impl FnOnce(&Path, &mut Resources) -> T) -> T {
    let folder = host.gate().folders.resources.clone().unwrap_or_default();
    let mut cache = CACHE.lock();
    let res = cache.entry(folder.clone()).or_insert_with(|| {
        let mut languages: Vec<(String, PathBuf)> = host
            .gate()
            .list(&folder)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, is_dir)| *is_dir)
            .filter_map(|(name, _)| {
                let code = name.strip_suffix(".lproj")?.to_string();
                Some((code, folder.join(&name)))
            })
            .collect();
        languages.sort();
        Resources { languages, ..Resources::default() }
    });
    f(&folder, res)
}

/// The language 4D picks at start-up (see the module comment).
fn default_language(res: &Resources) -> String {
    if let Some((code, _)) = res.languages.iter().find(|(c, _)| same_language(c, "en")) {
        return code.clone();
    }
    res.languages.first().map_or_else(|| "en".to_string(), |(c, _)| c.clone())
}

/// `fr` names `fr.lproj` and `fr-FR.lproj` alike (case-insensitive).
fn same_language(folder_code: &str, wanted: &str) -> bool {
    let base = |s: &str| s.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    folder_code.eq_ignore_ascii_case(wanted)
        || (!wanted.contains(['-', '_']) && base(folder_code) == wanted.to_ascii_lowercase())
}

fn current_language(res: &Resources) -> String {
    res.current.clone().unwrap_or_else(|| default_language(res))
}

/// The strings of `language`, read once from every `.xlf` file of its folder: each
/// `trans-unit`'s target, or its source when it has no target.
fn strings_of(host: &dyn Host, res: &mut Resources, language: &str) -> Arc<Strings> {
    if let Some(s) = res.strings.get(language) {
        return s.clone();
    }
    let mut strings = Strings::new();
    if let Some((_, dir)) = res.languages.iter().find(|(c, _)| same_language(c, language)) {
        let mut files: Vec<String> = host
            .gate()
            .list(dir)
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, is_dir)| !is_dir && name.to_ascii_lowercase().ends_with(".xlf"))
            .map(|(name, _)| name)
            .collect();
        files.sort();
        for name in files {
            if let Ok(bytes) = host.gate().read(&dir.join(&name)) {
                read_xliff(&String::from_utf8_lossy(&bytes), &mut strings);
            }
        }
    }
    let strings = Arc::new(strings);
    res.strings.insert(language.to_string(), strings.clone());
    strings
}

/// Adds the `trans-unit`s of one XLIFF document (a malformed file adds nothing).
fn read_xliff(xml: &str, out: &mut Strings) {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let Ok(doc) = roxmltree::Document::parse_with_options(xml, options) else { return };
    for unit in doc.descendants().filter(|n| n.has_tag_name("trans-unit")) {
        let Some(name) = unit.attribute("resname") else { continue };
        let text_of = |tag: &str| {
            unit.children().find(|n| n.has_tag_name(tag)).map(|n| {
                n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>()
            })
        };
        if let Some(text) = text_of("target").or_else(|| text_of("source")) {
            out.entry(name.to_string()).or_insert(text);
        }
    }
}

/// `Localized string(resName)`: the string of the current language; "" and OK = 0 when no
/// `trans-unit` has that `resname` (names are compared exactly, XLIFF is case-sensitive).
fn localized_string(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Localized string";
    args.expect_count(NAME, 1, 1)?;
    let wanted = args.text(0, NAME)?;
    let h: &dyn Host = host;
    let found = with_resources(h, |_, res| {
        let language = current_language(res);
        strings_of(h, res, &language).get(&wanted).cloned()
    });
    host.set_ok(found.is_some());
    Ok(Value::text(found.unwrap_or_default()))
}

/// `Get database localization({languageType}{; *})`: the current language for `Current
/// localization` (1), the start-up one otherwise (0, and 2 and 3, which would need the system's
/// settings).
fn get_database_localization(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Get database localization";
    let count = args.len() - usize::from(args.has_star());
    args.expect_count(NAME, 0, 2)?;
    let which = if count > 0 { args.num(0, NAME)? as i32 } else { 0 };
    let code = with_resources(host, |_, res| {
        if which == 1 {
            current_language(res)
        } else {
            default_language(res)
        }
    });
    Ok(Value::text(code))
}

/// `SET DATABASE LOCALIZATION(languageCode{; *})`: later `Localized string` calls read that
/// language; OK = 0 (and no change) when the project has no folder for it.
fn set_database_localization(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "SET DATABASE LOCALIZATION";
    args.expect_count(NAME, 1, 2)?;
    let wanted = args.text(0, NAME)?;
    let ok = with_resources(host, |_, res| {
        let found = res.languages.iter().find(|(c, _)| same_language(c, &wanted)).cloned();
        if let Some((code, _)) = &found {
            res.current = Some(code.clone());
        }
        found.is_some()
    });
    host.set_ok(ok);
    Ok(Value::Undefined)
}

/// Headless 4D answers every dialog itself, as if OK were clicked: the message goes to standard
/// output (like `ALERT`) and OK is 1.
fn confirm(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "CONFIRM";
    args.expect_count(NAME, 1, 3)?;
    let message = args.text(0, NAME)?;
    host.write_stdout(&format!("{message}\n"));
    host.set_ok(true);
    Ok(Value::Undefined)
}

/// `Request(message{; default…})` headless: OK is clicked, so the result is the default
/// response ("" without one) and OK is 1.
fn request(host: &mut dyn Host, args: &mut Args) -> Result<Value, RtError> {
    const NAME: &str = "Request";
    args.expect_count(NAME, 1, 4)?;
    let message = args.text(0, NAME)?;
    let default = if args.len() > 1 { args.text(1, NAME)? } else { String::new() };
    host.write_stdout(&format!("{message}\n"));
    host.set_ok(true);
    Ok(Value::text(default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff_targets_then_sources() {
        let mut s = Strings::new();
        read_xliff(
            r#"<?xml version="1.0"?><!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "x.dtd">
            <xliff version="1.0"><file source-language="en" target-language="fr"><body>
            <group resname="g"><trans-unit resname="a"><source>A</source><target>Â &amp; b</target></trans-unit>
            <trans-unit resname="b"><source>only source</source></trans-unit></group>
            </body></file></xliff>"#,
            &mut s,
        );
        assert_eq!(s.get("a").map(String::as_str), Some("Â & b"));
        assert_eq!(s.get("b").map(String::as_str), Some("only source"));
        read_xliff("<not xml", &mut s);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn language_names() {
        assert!(same_language("fr-FR", "fr"));
        assert!(same_language("EN", "en"));
        assert!(!same_language("fr", "fr-CA"));
    }
}
