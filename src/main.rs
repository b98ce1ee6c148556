fn main() -> std::process::ExitCode {
    mini4d::cli::main()
}
