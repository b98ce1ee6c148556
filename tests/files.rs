//! Files and permissions end to end: a project laid out in a temporary folder, run by the
//! `mini4d` binary with and without the `--allow-*` flags.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Project {
    root: PathBuf,
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

impl Project {
    fn new(tag: &str) -> Project {
        let root = std::env::temp_dir()
            .join(format!("mini4d-files-{tag}-{}", std::process::id()))
            .join("App");
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("Project/Sources/Methods")).unwrap();
        std::fs::create_dir_all(root.join("Resources")).unwrap();
        std::fs::write(root.join("Project/App.4DProject"), "{}").unwrap();
        std::fs::write(root.join("Resources/data.txt"), "resource text").unwrap();
        let root = root.canonicalize().unwrap();
        Project { root }
    }

    fn outside(&self) -> PathBuf {
        let o = self.root.parent().unwrap().join("outside");
        std::fs::create_dir_all(&o).unwrap();
        o
    }

    fn method(&self, name: &str, code: &str) {
        std::fs::write(self.root.join(format!("Project/Sources/Methods/{name}.4dm")), code)
            .unwrap();
    }

    /// Runs method `name`; returns (exit code, stdout, stderr).
    fn run(&self, name: &str, flags: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_mini4d"))
            .arg("run")
            .args(flags)
            .arg(&self.root)
            .args(["--skip-onstartup", "--startup-method", name])
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

fn text_of(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

#[test]
fn defaults_read_the_project_and_write_data() {
    let p = Project::new("defaults");
    p.method(
        "main",
        "ALERT(File(\"/RESOURCES/data.txt\").getText())\nFile(\"/DATA/out.txt\").setText(\"saved\")\nFile(\"/LOGS/run.log\").setText(\"log\")",
    );
    let (code, out, err) = p.run("main", &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "resource text\n");
    assert_eq!(text_of(&p.root.join("Data/out.txt")), "saved");
    assert_eq!(text_of(&p.root.join("Data/Logs/run.log")), "log");
}

#[test]
fn writing_the_project_or_outside_needs_allow_write() {
    let p = Project::new("write");
    let outside = p.outside();
    let target = outside.join("w.txt");
    p.method(
        "main",
        &format!(
            "File(\"/PACKAGE/p.txt\").setText(\"p\")\nFile(\"{}\"; fk platform path).setText(\"o\")",
            target.display()
        ),
    );
    let (code, _, err) = p.run("main", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("-10790") && err.contains("--allow-write"), "{err}");
    assert!(!p.root.join("p.txt").exists());
    let flag = format!("--allow-write={},{}", p.root.display(), outside.display());
    let (code, _, err) = p.run("main", &[&flag]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(text_of(&target), "o");
    let (code, _, err) = p.run("main", &["-A"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn reading_outside_needs_allow_read() {
    let p = Project::new("read");
    let outside = p.outside();
    std::fs::write(outside.join("r.txt"), "outside text").unwrap();
    p.method(
        "main",
        &format!(
            "ALERT(File(\"{}\"; fk platform path).getText())",
            outside.join("r.txt").display()
        ),
    );
    let (code, _, err) = p.run("main", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("--allow-read"), "{err}");
    let flag = format!("--allow-read={}", outside.display());
    let (code, out, err) = p.run("main", &[&flag]);
    assert_eq!((code, out.as_str()), (0, "outside text\n"), "{err}");
    let (code, out, _) = p.run("main", &["--allow-read"]);
    assert_eq!((code, out.as_str()), (0, "outside text\n"));
}

#[test]
fn data_flag_moves_the_data_folder() {
    let p = Project::new("data");
    let data = p.outside().join("mydata");
    p.method(
        "main",
        "File(\"/DATA/x.txt\").setText(\"x\")\nALERT(Folder(fk data folder).platformPath)",
    );
    let flag = format!("--data={}", data.display());
    let (code, out, err) = p.run("main", &[&flag]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim_end(), format!("{}/", data.display()));
    assert_eq!(text_of(&data.join("x.txt")), "x");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    let p = Project::new("links");
    let outside = p.outside();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), p.root.join("Resources/link.txt"))
        .unwrap();
    std::os::unix::fs::symlink(&outside, p.root.join("Resources/dir")).unwrap();
    p.method(
        "main",
        "ALERT(String(File(\"/RESOURCES/link.txt\").isAlias))\nALERT(File(\"/RESOURCES/link.txt\").getText())",
    );
    let (code, out, err) = p.run("main", &[]);
    assert_eq!(code, 1);
    assert_eq!(out, "True\n");
    assert!(err.contains("-10790"), "{err}");
    p.method("other", "ALERT(File(\"/RESOURCES/dir/secret.txt\").getText())");
    let (code, _, err) = p.run("other", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("-10790"), "{err}");
}

#[test]
fn structure_file_and_folders() {
    let p = Project::new("structure");
    p.method(
        "main",
        "ALERT(Structure file)\nALERT(Get 4D folder(Database folder))\nALERT(Folder(fk database folder).path)\nALERT(Folder(\"/PROJECT\").platformPath)",
    );
    let (code, out, err) = p.run("main", &[]);
    assert_eq!(code, 0, "{err}");
    let r = p.root.display();
    assert_eq!(out, format!("{r}/Project/App.4DProject\n{r}/\n/PACKAGE/\n{r}/Project/\n"));
}
