//! Generates the parser from `grammar/*.lalrpop` into `OUT_DIR`.
fn main() {
    println!("cargo:rerun-if-changed=grammar");
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
