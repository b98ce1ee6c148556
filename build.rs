//! Generates the parser from `grammar/*.lalrpop` and the command/constant tables from
//! `src/commands/data/*.tsv` into `OUT_DIR`.
fn main() {
    println!("cargo:rerun-if-changed=grammar");
    link_binaries_at_a_fixed_address();
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    catalog_gen::generate(&out_dir);
    if let Err(err) = lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
    {
        eprintln!("lalrpop failed on grammar/: {err}");
        std::process::exit(1);
    }
}

/// Links the `mini4d` binary as a position-dependent executable on Linux with the GNU
/// toolchain. A position-independent one makes the dynamic loader apply ~40,000 relocations
/// (every pointer in the static tables) at each start, writing to ~200 pages: with them a
/// one-line `mini4d run` took ~190 more page faults and ~0.4 ms more (see BENCHMARKS.md).
/// The cost is address-space randomisation of the binary's own image (libraries, heap and
/// stacks stay randomised). Only the binaries' link changes: the library and the
/// dependencies are compiled as before, so this needs no full rebuild.
fn link_binaries_at_a_fixed_address() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Turns the command and constant tables (`src/commands/data/*.tsv`) into static arrays in
/// `OUT_DIR/catalog.rs`, so that `mini4d run` builds no name table at start-up: the rows, the
/// lookups by lower-cased name and by number (sorted, binary-searched), and the sorted list of
/// folded names the lexer walks (see `syntax::names`).
mod catalog_gen {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;

    fn non_empty(s: &str) -> Option<&str> {
        let s = s.trim();
        (!s.is_empty()).then_some(s)
    }

    fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
        tsv.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.trim_end_matches('\r').split('\t').collect())
    }

    /// The lexer's folding of a name: each word lower-cased character by character; `None`
    /// when a word is empty (such a name can never be matched).
    fn fold_name(name: &str) -> Option<String> {
        let mut out = String::new();
        for (i, word) in name.split(' ').enumerate() {
            if word.is_empty() {
                return None;
            }
            if i > 0 {
                out.push(' ');
            }
            if word.is_ascii() {
                out.push_str(&word.to_ascii_lowercase());
            } else {
                for c in word.chars() {
                    out.extend(c.to_lowercase());
                }
            }
        }
        Some(out)
    }

    fn opt<T: std::fmt::Debug>(v: Option<T>) -> String {
        match v {
            Some(v) => format!("Some({v:?})"),
            None => "None".to_string(),
        }
    }

    pub fn generate(out_dir: &str) {
        println!("cargo:rerun-if-changed=src/commands/data");
        let commands_tsv = std::fs::read_to_string("src/commands/data/4d-commands.tsv")
            .expect("src/commands/data/4d-commands.tsv");
        let constants_tsv = std::fs::read_to_string("src/commands/data/4d-constants.tsv")
            .expect("src/commands/data/4d-constants.tsv");
        let mut out = String::new();
        // (folded name) -> (command, constant)
        let mut words: BTreeMap<String, (Option<u16>, Option<u16>)> = BTreeMap::new();

        let mut names: Vec<String> = Vec::new();
        let mut by_name: BTreeMap<String, u16> = BTreeMap::new();
        let mut by_number: BTreeMap<u32, u16> = BTreeMap::new();
        out.push_str("pub static COMMANDS: &[CommandInfo] = &[\n");
        for cols in rows(&commands_tsv) {
            let name = cols[0].trim();
            if name.is_empty() {
                continue;
            }
            let key = name.to_lowercase();
            if by_name.contains_key(&key) {
                continue; // same name twice: keep the first row
            }
            let number =
                cols.get(1).copied().and_then(non_empty).and_then(|n| n.parse::<u32>().ok());
            let thread_safe = match cols.get(2).copied().and_then(non_empty) {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            };
            let theme = cols.get(3).copied().map(str::trim).unwrap_or("");
            let index = names.len() as u16;
            writeln!(
                out,
                "    CommandInfo {{ name: {name:?}, number: {}, thread_safe: {}, theme: {theme:?} }},",
                opt(number),
                opt(thread_safe)
            )
            .unwrap();
            names.push(name.to_string());
            by_name.insert(key, index);
            if let Some(n) = number {
                // prefer the current name over an obsolete `_O_` one
                match by_number.get(&n) {
                    Some(&old) if !names[old as usize].starts_with("_O_") => {}
                    _ => {
                        by_number.insert(n, index);
                    }
                }
            }
            if let Some(f) = fold_name(name) {
                words.entry(f).or_default().0.get_or_insert(index);
            }
        }
        out.push_str("];\n\n");
        out.push_str("static COMMAND_BY_NAME: &[(&str, u16)] = &[\n");
        for (k, i) in &by_name {
            writeln!(out, "    ({k:?}, {i}),").unwrap();
        }
        out.push_str("];\n\nstatic COMMAND_BY_NUMBER: &[(u32, u16)] = &[\n");
        for (n, i) in &by_number {
            writeln!(out, "    ({n}, {i}),").unwrap();
        }
        out.push_str("];\n\n");

        let mut by_name: BTreeMap<String, u16> = BTreeMap::new();
        let mut count = 0u16;
        out.push_str("pub static CONSTANTS: &[ConstantInfo] = &[\n");
        for cols in rows(&constants_tsv) {
            let name = cols[0].trim();
            if name.is_empty() {
                continue;
            }
            let key = name.to_lowercase();
            if by_name.contains_key(&key) {
                continue;
            }
            let value = cols.get(1).copied().and_then(non_empty);
            let theme = cols.get(2).copied().map(str::trim).unwrap_or("");
            writeln!(
                out,
                "    ConstantInfo {{ name: {name:?}, value: {}, theme: {theme:?} }},",
                opt(value)
            )
            .unwrap();
            by_name.insert(key, count);
            if let Some(f) = fold_name(name) {
                words.entry(f).or_default().1.get_or_insert(count);
            }
            count += 1;
        }
        out.push_str("];\n\nstatic CONSTANT_BY_NAME: &[(&str, u16)] = &[\n");
        for (k, i) in &by_name {
            writeln!(out, "    ({k:?}, {i}),").unwrap();
        }
        out.push_str("];\n\n");
        out.push_str(
            "/// Folded command and constant names, sorted by bytes: (name, command, constant).\n",
        );
        out.push_str("pub static FOLDED_NAMES: &[(&str, Option<u16>, Option<u16>)] = &[\n");
        for (k, (c, k2)) in &words {
            writeln!(out, "    ({k:?}, {}, {}),", opt(*c), opt(*k2)).unwrap();
        }
        out.push_str("];\n");
        std::fs::write(format!("{out_dir}/catalog.rs"), out).expect("write catalog.rs");
    }
}
