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

/// The spellings the issue lists, from a script: `..`, an absolute path outside, a backslash,
/// a NUL byte, a very long path, and a folder swapped for a symlink out while the run goes on
/// (by a program the script launches).
#[cfg(unix)]
#[test]
fn tricky_paths_and_a_symlink_swapped_during_the_run() {
    let p = Project::new("tricky");
    let outside = p.outside();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    let code = format!(
        r#"var $data : Text:=Get 4D folder(Data folder)
CREATE FOLDER($data+"sub/"; *)
TEXT TO DOCUMENT($data+"sub/f.txt"; "inside")
ALERT(Document to text($data+"sub/f.txt"))
Try
	ALERT(Document to text($data+"../../outside/secret.txt"))
Catch
	ALERT("dotdot "+String(Last errors[0].errCode))
End try
Try
	ALERT(Document to text("{secret}"))
Catch
	ALERT("absolute "+String(Last errors[0].errCode))
End try
File("/DATA/..\\..\\x.txt").setText("b")
ALERT("backslash "+String(Test path name($data+"..\\..\\x.txt")))
Try
	TEXT TO DOCUMENT($data+"a"+Char(0)+"b"; "x")
Catch
	ALERT("nul "+String(Last errors[0].errCode))
End try
Try
	TEXT TO DOCUMENT($data+("x"*5000); "x")
Catch
	ALERT("long "+String(Last errors[0].errCode))
End try
SET ENVIRONMENT VARIABLE("_4D_OPTION_CURRENT_DIRECTORY"; $data)
LAUNCH EXTERNAL PROCESS("sh -c 'rm -r sub && ln -s {outside} sub'")
Try
	ALERT(Document to text($data+"sub/secret.txt"))
Catch
	ALERT("swapped "+String(Last errors[0].errCode))
End try
Try
	var $h : 4D.FileHandle:=File("/DATA/sub/secret.txt").open("append")
Catch
	ALERT("swapped handle "+String(Last errors[0].errCode))
End try
"#,
        secret = outside.join("secret.txt").display(),
        outside = outside.display(),
    );
    p.method("main", &code);
    let (status, out, err) = p.run("main", &["--allow-run=sh"]);
    assert_eq!(status, 0, "{out}\n{err}");
    assert_eq!(
        out,
        "inside\ndotdot -10790\nabsolute -10790\nbackslash 1\nnul -36\nlong -36\nswapped -10790\nswapped handle -10790\n"
    );
    assert_eq!(text_of(&outside.join("secret.txt")), "secret");
    assert!(!p.root.parent().unwrap().join("x.txt").exists());
}

/// `mini4d run FILE` may raise its own soft stack limit to run the main method on the calling
/// thread; a program the script starts still gets the limit mini4d started with.
#[test]
fn a_started_program_keeps_the_original_stack_limit() {
    let dir = std::env::temp_dir().join(format!("mini4d-stack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.canonicalize().unwrap();
    std::fs::write(dir.join("limit.sh"), "ulimit -s\n").unwrap();
    let script = format!(
        "var $in; $out; $err : Text\nLAUNCH EXTERNAL PROCESS(\"sh {}\"; $in; $out; $err)\nALERT($out)\n",
        dir.join("limit.sh").display()
    );
    std::fs::write(dir.join("main.4dm"), script).unwrap();
    let expected = Command::new("sh").args(["-c", "ulimit -s"]).output().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mini4d"))
        .args(["run", "--allow-run=sh", "--allow-read"])
        .arg(dir.join("main.4dm"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        String::from_utf8_lossy(&expected.stdout).trim()
    );
}
