/// Counts the bytes in use so that `--max-memory` ends a run with a 4D error.
#[global_allocator]
static ALLOCATOR: mini4d::memory::CountingAlloc = mini4d::memory::CountingAlloc;

fn main() -> std::process::ExitCode {
    mini4d::cli::main()
}
