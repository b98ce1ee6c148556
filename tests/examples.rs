//! The documentation's `Session storage` example, run verbatim from `examples/`.

use std::process::Command;

fn mini4d() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mini4d"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    c
}

#[test]
fn session_storage_example_is_verbatim() {
    let seed = std::fs::read("../shared/seeds/session-storage.md");
    let example = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/session-storage/setSessionSettings.4dm"
    ))
    .expect("example file");
    // The seed sits beside the repository on the development machines and in CI; when it does
    // not, the byte-for-byte comparison cannot be made here.
    if let Ok(seed) = seed {
        let start = seed.windows(6).position(|w| w == b"```4d\n").expect("code block") + 6;
        let end =
            start + seed[start..].windows(3).position(|w| w == b"```").expect("end of code block");
        assert_eq!(
            &seed[start..end],
            &example[..],
            "the example must be byte for byte the documentation's"
        );
    }
    assert!(example.windows(2).any(|w| w == [0xC2, 0xA0]), "keeps its no-break-space indentation");
}

#[test]
fn session_storage_example_runs_both_branches() {
    let out =
        mini4d().args(["run", "examples/session-storage/main.4dm"]).output().expect("mini4d runs");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "{\"settings\":{\"text\":\"first text\"}}\n{\"settings\":{\"text\":\"second text\"}}\nTrue\n"
    );
    assert!(out.status.success());
}

#[test]
fn session_storage_example_runs_directly_with_a_fixed_session() {
    let id = "0123456789ABCDEF0123456789ABCDEF";
    let out = mini4d()
        .args([
            "run",
            "--session-id",
            id,
            "--dump-storage",
            "examples/session-storage/setSessionSettings.4dm",
            id,
            "some text",
        ])
        .output()
        .expect("mini4d runs");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("Storage: {{}}\nSession {id}: {{\"settings\":{{\"text\":\"some text\"}}}}\n")
    );
    assert!(out.status.success());
}
