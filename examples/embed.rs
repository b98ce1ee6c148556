//! A host program that embeds mini4d: it builds a runtime over two methods given as text,
//! captures what the 4D code writes, and calls a method with arguments.
//!
//! Run it with `cargo run --example embed`. A host crate depends on mini4d with
//! `default-features = false` (no command-line crates); this example builds either way.

use std::sync::{Arc, Mutex};

use mini4d::embed::{Options, Output, Runtime, SendValue};

/// Keeps what the scripts write (`LOG EVENT`, `ALERT`…) instead of printing it.
#[derive(Default)]
struct Captured(Mutex<Vec<String>>);

struct Capture(Arc<Captured>);

impl Output for Capture {
    fn stdout(&self, text: &str) {
        self.0 .0.lock().expect("not poisoned").push(text.to_string());
    }
    fn stderr(&self, text: &str) {
        self.0 .0.lock().expect("not poisoned").push(format!("(stderr) {text}"));
    }
}

const GREET: &str = "\
#DECLARE($name : Text; $times : Integer) : Text
var $i : Integer
var $out : Text
For ($i; 1; $times)
\t$out:=$out+\"Hello \"+$name+\"! \"
End for
ALERT(\"greeting \"+$name)
return $out
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let captured = Arc::new(Captured::default());
    // No project folder: the methods are added as text. The defaults deny every access to
    // files, programs, the network and the environment.
    let options = Options { max_steps: Some(1_000_000), ..Options::default() };
    let rt = Runtime::with_output(&[], options, Box::new(Capture(captured.clone())));
    rt.add_method("greet", "greet.4dm", GREET.as_bytes())?;

    let session = rt.open_session(None).ok_or("no session")?;
    let result =
        rt.run_method(&session, "greet", vec![SendValue::Text("4D".into()), SendValue::Int(2)])?;
    println!("greet returned {result:?}");
    println!("the script wrote {:?}", captured.0.lock().expect("not poisoned"));

    // A run-time error comes back as a value with its 4D code and rendered report.
    rt.add_method("broken", "broken.4dm", b"$x:=1-\"a\"\n")?;
    match rt.run_method(&session, "broken", vec![]) {
        Ok(v) => println!("unexpected result {v:?}"),
        Err(e) => println!("broken failed with 4D error {} at {:?}", e.code, e.location),
    }
    Ok(())
}
