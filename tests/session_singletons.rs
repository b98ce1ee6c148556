//! Session singletons through the embedding API: every process of one session shares the
//! instance, another session has its own (classes.md "Singleton classes").

use std::path::PathBuf;

use mini4d::embed::{Options, Runtime, SendValue};

fn project() -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("mini4d-session-singletons-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("Classes")).expect("temp dir");
    std::fs::write(
        dir.join("Classes/Visits.4dm"),
        "property count : Integer := 0\n\
         session singleton Class constructor()\n\
         \n\
         shared Function visit() : Integer\n\
         \tThis.count:=This.count+1\n\
         \treturn This.count\n",
    )
    .expect("class file");
    std::fs::write(dir.join("visit.4dm"), "#DECLARE() : Integer\nreturn cs.Visits.me.visit()\n")
        .expect("method file");
    dir
}

#[test]
fn each_session_has_its_own_session_singleton() {
    let dir = project();
    let rt = Runtime::new(std::slice::from_ref(&dir), Options::default());
    let a = rt.open_session(None).expect("session a");
    let b = rt.open_session(None).expect("session b");
    let visit = |s: &str| match rt.run_method(s, "visit", vec![]) {
        Ok(SendValue::Int(n)) => n as f64,
        Ok(SendValue::Real(n)) => n,
        other => panic!("unexpected result {other:?}"),
    };
    // Each run is a new process: the instance outlives it, within its session only.
    assert_eq!(visit(&a), 1.0);
    assert_eq!(visit(&a), 2.0);
    assert_eq!(visit(&b), 1.0);
    assert_eq!(visit(&a), 3.0);
    assert_eq!(visit(&b), 2.0);
    let _ = std::fs::remove_dir_all(&dir);
}
