//! Timings of `mini4d lsp` on a real project (BENCHMARKS.md, "Language server"):
//! `MINI4D_LSP_PROJECT=/path/to/4D-Mobile-App cargo bench --bench lsp`.
//!
//! The server runs on a thread over an in-memory connection; each figure is the time from
//! sending a message to receiving its answer (for an edit: the edited file's diagnostics).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

struct Client {
    conn: Connection,
    next: i32,
}

impl Client {
    fn recv(&self) -> Message {
        self.conn.receiver.recv_timeout(Duration::from_secs(120)).expect("the server answers")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let req = Request::new(id.clone(), method.into(), params);
        self.conn.sender.send(Message::Request(req)).expect("server alive");
        loop {
            if let Message::Response(r) = self.recv() {
                if r.id == id {
                    return serde_json::to_value(r).unwrap_or(Value::Null);
                }
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.conn.sender.send(Message::Notification(n)).expect("server alive");
    }

    /// Waits for the diagnostics of `uri`; returns how many files were published meanwhile.
    fn diagnostics_of(&self, uri: &str) -> usize {
        let mut published = 0;
        loop {
            if let Message::Notification(n) = self.recv() {
                if n.method == "textDocument/publishDiagnostics" {
                    published += 1;
                    if n.params["uri"] == uri {
                        return published;
                    }
                }
            }
        }
    }
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "4dm") {
            out.push(p);
        }
    }
}

fn median(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() - 1])
}

fn timed(runs: usize, mut f: impl FnMut(usize)) -> String {
    let times: Vec<f64> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let (m, max) = median(times);
    format!("median {m:.1} ms, max {max:.1} ms")
}

fn main() {
    let Some(root) = std::env::var_os("MINI4D_LSP_PROJECT").map(PathBuf::from) else {
        eprintln!("set MINI4D_LSP_PROJECT to a 4D project folder (e.g. 4D-Mobile-App)");
        return;
    };
    let mut files = Vec::new();
    walk(&root.join("Project/Sources"), &mut files);
    let (server, conn) = Connection::memory();
    let thread = std::thread::spawn(move || mini4d::lsp::serve(&server));
    let mut c = Client { conn, next: 0 };

    let start = Instant::now();
    c.request("initialize", json!({ "capabilities": {}, "rootUri": uri(&root) }));
    c.notify("initialized", json!({}));
    // The start-up analysis is done before any later request is answered.
    c.request("workspace/symbol", json!({ "query": "no such name" }));
    println!(
        "start-up: diagnostics of the {} files in {:.0} ms",
        files.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );

    // The largest method, edited in its middle.
    let big = files
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("Methods")))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a method");
    let text = std::fs::read_to_string(big).unwrap_or_default();
    let u = uri(big);
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument":
        { "uri": u, "languageId": "4d", "version": 1, "text": text } }),
    );
    c.diagnostics_of(&u);
    let lines: Vec<&str> = text.lines().collect();
    let mid = lines.len() / 2;
    println!("edited file: {} ({} bytes, {} lines)", big.display(), text.len(), lines.len());
    let keystroke = timed(30, |i| {
        let mut edited = lines.clone();
        let typed = format!("// typing {}", "x".repeat(i));
        edited.insert(mid, &typed);
        c.notify(
            "textDocument/didChange",
            json!({
            "textDocument": { "uri": u, "version": i + 2 },
            "contentChanges": [{ "text": edited.join("\n") }] }),
        );
        c.diagnostics_of(&u);
    });
    println!("keystroke → its diagnostics: {keystroke}");
    c.notify(
        "textDocument/didChange",
        json!({
        "textDocument": { "uri": u, "version": 1000 }, "contentChanges": [{ "text": text }] }),
    );
    c.diagnostics_of(&u);
    let at = |line: usize, character: usize| {
        json!({
        "textDocument": { "uri": u }, "position": { "line": line, "character": character } })
    };
    for (name, method) in [
        ("completion", "textDocument/completion"),
        ("hover", "textDocument/hover"),
        ("definition", "textDocument/definition"),
        ("signature help", "textDocument/signatureHelp"),
    ] {
        let line =
            lines.iter().skip(mid + 1).position(|l| l.contains('(')).map_or(mid, |p| p + mid + 1);
        let column = lines.get(line).and_then(|l| l.find('(')).unwrap_or(0);
        let mut answer = Value::Null;
        let position = if method == "textDocument/signatureHelp" {
            column + 1
        } else {
            column.saturating_sub(2)
        };
        let r = timed(30, |_| {
            answer = c.request(method, at(line, position));
        });
        let answer = answer.to_string();
        let shown: String = answer.chars().take(70).collect();
        println!("{name} (line {}): {r}  → {shown}…", line + 1);
    }
    // Completion of a word being typed (locals, keywords, methods, commands, constants).
    let word_line = lines
        .iter()
        .skip(mid)
        .position(|l| l.trim_start().starts_with('$'))
        .map_or(mid, |p| p + mid);
    let indent = lines.get(word_line).map_or(0, |l| l.len() - l.trim_start().len());
    let mut answer = Value::Null;
    let r = timed(30, |_| {
        answer = c.request("textDocument/completion", at(word_line, indent + 2));
    });
    let count = answer["result"]["items"].as_array().map_or(0, Vec::len);
    println!("completion of a word (line {}): {r}  → {count} items", word_line + 1);
    let r = timed(30, |_| {
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": u } }));
    });
    println!("semantic tokens (whole file): {r}");
    let r = timed(30, |_| {
        c.request(
            "textDocument/semanticTokens/range",
            json!({ "textDocument": { "uri": u },
                    "range": { "start": { "line": mid, "character": 0 },
                               "end": { "line": mid + 60, "character": 0 } } }),
        );
    });
    println!("semantic tokens (60 lines, range): {r}");
    let first =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": u } }));
    let mut previous = first["result"]["resultId"].as_str().unwrap_or("").to_string();
    let r = timed(30, |_| {
        let d = c.request(
            "textDocument/semanticTokens/full/delta",
            json!({ "textDocument": { "uri": u }, "previousResultId": previous }),
        );
        previous = d["result"]["resultId"].as_str().unwrap_or("").to_string();
    });
    println!("semantic tokens (delta, unchanged file): {r}");

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let _ = thread.join();
}
