//! `mini4d lsp`: in-process JSON-RPC tests (the server on a thread over an in-memory
//! connection), one per feature, and an end-to-end test of the binary over pipes.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

const HELPER: &str = "// Adds one to a number.\n#DECLARE($n : Integer) : Integer\nreturn $n+1\n";
const MAIN: &str = "var $p : cs.Person\n$p:=cs.Person.new(\"Ann\")\nvar $x : Integer\n$x:=helper(1)\nALERT($p.greet())\ngCount:=gCount+1\n";
const PERSON: &str = "property name : Text\n\n// Makes a person.\nClass constructor($name : Text)\n\tThis.name:=$name\n\n// Says hello.\nFunction greet() : Text\n\treturn \"Hello \"+This.name\n";
const GLOBALS: &str = "var gCount : Integer\n";

/// A fresh 4D project in the temporary folder.
fn project() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "mini4d-lsp-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&root);
    let sources = root.join("Project/Sources");
    for (dir, name, text) in [
        ("Methods", "helper", HELPER),
        ("Methods", "main", MAIN),
        ("Methods", "Compiler_globals", GLOBALS),
        ("Classes", "Person", PERSON),
    ] {
        std::fs::create_dir_all(sources.join(dir)).expect("temp folder");
        std::fs::write(sources.join(dir).join(format!("{name}.4dm")), text).expect("temp file");
    }
    root
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn method(root: &Path, name: &str) -> String {
    uri(&root.join(format!("Project/Sources/Methods/{name}.4dm")))
}

fn class(root: &Path, name: &str) -> String {
    uri(&root.join(format!("Project/Sources/Classes/{name}.4dm")))
}

struct Client {
    conn: Connection,
    next: i32,
    notes: Vec<Value>,
    settled: Vec<Value>,
    /// Notifications received before the first request was answered (start-up diagnostics).
    startup: Vec<Value>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let (server, conn) = Connection::memory();
        let thread = std::thread::spawn(move || {
            mini4d::lsp::serve(&server).expect("the server ends cleanly");
        });
        let mut c = Client {
            conn,
            next: 0,
            notes: Vec::new(),
            settled: Vec::new(),
            startup: Vec::new(),
            thread: Some(thread),
        };
        let r = c.request("initialize", json!({ "capabilities": {}, "rootUri": uri(root) }));
        assert!(r["result"]["capabilities"]["hoverProvider"].as_bool().unwrap_or(false), "{r}");
        c.notify("initialized", json!({}));
        c.settle();
        c.startup = std::mem::take(&mut c.settled);
        c
    }

    /// Waits until the server has handled everything sent so far, and forgets the
    /// notifications received: the next ones come from what is sent next.
    fn settle(&mut self) {
        self.request("workspace/symbol", json!({ "query": "" }));
        self.settled = std::mem::take(&mut self.notes);
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.conn.sender.send(Message::Notification(n)).expect("server alive");
    }

    fn recv(&mut self) -> Message {
        self.conn.receiver.recv_timeout(Duration::from_secs(20)).expect("an answer in time")
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let req = Request::new(id.clone(), method.to_string(), params);
        self.conn.sender.send(Message::Request(req)).expect("server alive");
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    return serde_json::to_value(r).expect("json");
                }
                Message::Notification(n) => {
                    self.notes.push(json!({ "method": n.method, "params": n.params }))
                }
                _ => {}
            }
        }
    }

    /// The diagnostics of `uri` published since the last [`Client::settle`] (the last ones).
    fn latest_diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.request("workspace/symbol", json!({ "query": "" }));
        let mut d = None;
        while let Some(i) = self.notes.iter().position(|n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
        }) {
            d = Some(
                self.notes.remove(i)["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default(),
            );
        }
        self.notes.clear();
        d.expect("diagnostics were published")
    }

    fn open(&mut self, uri: &str, text: &str) {
        let doc = json!({ "uri": uri, "languageId": "4d", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }

    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        let params = json!({ "textDocument": { "uri": uri },
                             "position": { "line": line, "character": character } });
        self.request(method, params)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn messages(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| format!("{}: {}", d["code"], d["message"])).collect()
}

#[test]
fn diagnostics_on_start_on_change_and_for_dependent_files() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    // The whole project is checked at start.
    let published: Vec<&str> =
        c.startup.iter().filter_map(|n| n["params"]["uri"].as_str()).collect();
    assert_eq!(published.len(), 4, "{published:?}");
    for n in &c.startup {
        let d = n["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
        assert!(d.iter().all(|d| d["severity"] != 1), "{:?}", messages(&d));
    }

    c.open(&main, &MAIN.replace("helper(1)", "helper(\"one\")"));
    let d = c.latest_diagnostics(&main);
    assert!(
        messages(&d).iter().any(|m| m.contains("parameter-type-mismatch")),
        "{:?}",
        messages(&d)
    );
    c.change(&main, 2, MAIN);
    let d = c.latest_diagnostics(&main);
    assert!(d.iter().all(|d| d["severity"] != 1), "{:?}", messages(&d));

    // A method's new signature makes its callers' calls errors.
    let helper = method(&root, "helper");
    c.open(&helper, "#DECLARE($t : Text) : Integer\nreturn 1\n");
    let d = c.latest_diagnostics(&main);
    assert!(
        messages(&d).iter().any(|m| m.contains("parameter-type-mismatch")),
        "{:?}",
        messages(&d)
    );

    // A syntax error: reported, and the callers keep the last good declaration.
    c.change(&helper, 2, "#DECLARE(\nreturn 1\n");
    let d = c.latest_diagnostics(&helper);
    assert!(messages(&d).iter().any(|m| m.contains("syntax::")), "{:?}", messages(&d));

    // A deleted method: its callers' calls are unknown.
    c.notify("textDocument/didClose", json!({ "textDocument": { "uri": helper } }));
    std::fs::remove_file(root.join("Project/Sources/Methods/helper.4dm")).expect("remove");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": helper, "type": 3 }] }),
    );
    let d = c.latest_diagnostics(&main);
    assert!(messages(&d).iter().any(|m| m.contains("helper")), "{:?}", messages(&d));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn document_and_workspace_symbols() {
    let root = project();
    let mut c = Client::start(&root);
    let r = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": class(&root, "Person") } }),
    );
    let class_symbol = &r["result"][0];
    assert_eq!(class_symbol["name"], "Person");
    let children: Vec<&str> = class_symbol["children"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(children, ["name", "constructor", "greet"]);
    let r = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": method(&root, "helper") } }),
    );
    assert_eq!(r["result"][0]["name"], "#DECLARE");

    let r = c.request("workspace/symbol", json!({ "query": "gree" }));
    let found: Vec<String> = r["result"]
        .as_array()
        .map(|a| a.iter().map(|s| s["name"].to_string()).collect())
        .unwrap_or_default();
    assert_eq!(found, ["\"greet\""]);
    let r = c.request("workspace/symbol", json!({ "query": "" }));
    assert!(r["result"].as_array().map_or(0, Vec::len) >= 6, "{r}");
    let _ = std::fs::remove_dir_all(&root);
}

fn target(r: &Value) -> (String, u64) {
    let loc = if r["result"].is_array() { &r["result"][0] } else { &r["result"] };
    let file = loc["uri"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
    (file, loc["range"]["start"]["line"].as_u64().unwrap_or(999))
}

#[test]
fn go_to_definition() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    let person = class(&root, "Person");
    // A method: its #DECLARE.
    assert_eq!(target(&c.at("textDocument/definition", &main, 3, 5)), ("helper.4dm".into(), 1));
    // A class function through a typed local.
    assert_eq!(target(&c.at("textDocument/definition", &main, 4, 10)), ("Person.4dm".into(), 7));
    // A class through cs.
    assert_eq!(target(&c.at("textDocument/definition", &main, 1, 8)), ("Person.4dm".into(), 0));
    // `.new()`: the constructor.
    assert_eq!(target(&c.at("textDocument/definition", &main, 1, 15)), ("Person.4dm".into(), 3));
    // A local: its `var`.
    assert_eq!(target(&c.at("textDocument/definition", &main, 3, 0)), ("main.4dm".into(), 2));
    // A process variable: its declaration in another method.
    assert_eq!(
        target(&c.at("textDocument/definition", &main, 5, 2)),
        ("Compiler_globals.4dm".into(), 0)
    );
    // A property through This.
    assert_eq!(target(&c.at("textDocument/definition", &person, 4, 7)), ("Person.4dm".into(), 0));
    // Nothing under the cursor: null.
    assert!(c.at("textDocument/definition", &main, 0, 1)["result"].is_null());

    // While the file does not parse, the last good tree still answers.
    c.open(&main, &MAIN.replace("ALERT($p.greet())", "ALERT($p.greet("));
    c.latest_diagnostics(&main);
    assert_eq!(target(&c.at("textDocument/definition", &main, 3, 5)), ("helper.4dm".into(), 1));
    let _ = std::fs::remove_dir_all(&root);
}

fn hover_text(r: &Value) -> String {
    r["result"]["contents"]["value"].as_str().unwrap_or("").to_string()
}

#[test]
fn hover_shows_signatures_commands_and_types() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    let h = hover_text(&c.at("textDocument/hover", &main, 3, 5));
    assert!(
        h.contains("helper($n : Integer) : Integer") && h.contains("Adds one to a number."),
        "{h}"
    );
    let h = hover_text(&c.at("textDocument/hover", &main, 4, 2));
    assert!(h.contains("**ALERT**") && h.contains("command 41") && h.contains("Theme"), "{h}");
    let h = hover_text(&c.at("textDocument/hover", &main, 3, 1));
    assert!(h.contains("$x : Integer"), "{h}");
    let h = hover_text(&c.at("textDocument/hover", &main, 4, 10));
    assert!(h.contains("Function greet() : Text") && h.contains("Says hello."), "{h}");
    let h = hover_text(&c.at("textDocument/hover", &main, 5, 2));
    assert!(h.contains("var gCount : Integer"), "{h}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn semantic_tokens_tell_names_apart() {
    let root = project();
    let mut c = Client::start(&root);
    let r = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": method(&root, "main") } }),
    );
    let data: Vec<u64> = r["result"]["data"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    assert_eq!(data.len() % 5, 0);
    // Decode to (line, column, length, type, modifiers).
    let (mut line, mut col) = (0, 0);
    let mut tokens = Vec::new();
    for t in data.chunks(5) {
        line += t[0];
        col = if t[0] == 0 { col + t[1] } else { t[1] };
        tokens.push((line, col, t[2], t[3], t[4]));
    }
    let legend = mini4d::lsp::tokens::legend();
    let kind = |line, col| {
        tokens
            .iter()
            .find(|t| t.0 == line && t.1 == col)
            .map(|t| (legend.token_types[t.3 as usize].as_str().to_string(), t.4))
    };
    assert_eq!(kind(0, 4), Some(("variable".into(), 1)), "$p is a local");
    assert_eq!(kind(3, 4), Some(("function".into(), 0)), "helper is a method");
    assert_eq!(kind(4, 0), Some(("function".into(), 8)), "ALERT is a command");
    assert_eq!(kind(5, 0), Some(("variable".into(), 2)), "gCount is a process variable");
    assert_eq!(kind(1, 7), Some(("class".into(), 0)), "Person after cs.");
    assert_eq!(kind(0, 0), Some(("keyword".into(), 0)));
    assert_eq!(kind(0, 9), Some(("namespace".into(), 8)), "cs");

    let r = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": class(&root, "Person") } }),
    );
    let data: Vec<u64> = r["result"]["data"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    let (mut line, mut col) = (0, 0);
    let mut tokens = Vec::new();
    for t in data.chunks(5) {
        line += t[0];
        col = if t[0] == 0 { col + t[1] } else { t[1] };
        tokens.push((line, col, t[3]));
    }
    let kind = |line, col| {
        tokens
            .iter()
            .find(|t| t.0 == line && t.1 == col)
            .map(|t| legend.token_types[t.2 as usize].as_str().to_string())
    };
    assert_eq!(kind(0, 9).as_deref(), Some("property"), "property name");
    assert_eq!(kind(0, 16).as_deref(), Some("type"), "its type");
    assert_eq!(kind(2, 0).as_deref(), Some("comment"));
    assert_eq!(kind(7, 9).as_deref(), Some("method"), "Function greet");
    assert_eq!(kind(8, 8).as_deref(), Some("string"));
    let _ = std::fs::remove_dir_all(&root);
}

fn labels(r: &Value) -> Vec<String> {
    let items = if r["result"]["items"].is_array() { &r["result"]["items"] } else { &r["result"] };
    items
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["label"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

#[test]
fn completion_and_signature_help() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    let text = format!(
        "{MAIN}$p.\ncs.\nhel\nALER\n$\nThis.\nhelper(1; \n$p:=cs:C1710.Person.new(\ncs:C1710.Per\n"
    );
    c.open(&main, &text);
    c.latest_diagnostics(&main);
    let l = labels(&c.at("textDocument/completion", &main, 6, 3));
    assert!(l.contains(&"greet".to_string()) && l.contains(&"name".to_string()), "{l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 7, 3));
    assert_eq!(l, ["Person"]);
    let l = labels(&c.at("textDocument/completion", &main, 8, 3));
    assert!(l.contains(&"helper".to_string()), "{l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 9, 4));
    assert!(l.contains(&"ALERT".to_string()), "{l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 10, 1));
    assert!(l.contains(&"$p".to_string()) && l.contains(&"$x".to_string()), "{l:?}");

    let r = c.at("textDocument/signatureHelp", &main, 12, 10);
    let sig = &r["result"]["signatures"][0];
    assert_eq!(sig["label"], "helper($n : Integer) : Integer", "{r}");
    assert_eq!(r["result"]["activeParameter"], 0);
    assert_eq!(sig["parameters"][0]["label"], json!([7, 19]));
    let r = c.at("textDocument/signatureHelp", &main, 13, 24);
    assert_eq!(r["result"]["signatures"][0]["label"], "cs.Person.new($name : Text)", "{r}");
    let l = labels(&c.at("textDocument/completion", &main, 14, 12));
    assert_eq!(l, ["Person"]);
    let r = c.at("textDocument/signatureHelp", &main, 4, 15);
    assert_eq!(r["result"]["signatures"][0]["label"], "greet() : Text", "{r}");

    // In a class, `This.` lists the class's members.
    let person = class(&root, "Person");
    c.open(&person, &format!("{PERSON}\nFunction other()\n\tThis.name:=\"\"\n"));
    c.latest_diagnostics(&person);
    // Being typed: the file does not parse; the last good tree knows `other`.
    c.change(&person, 2, &format!("{PERSON}\nFunction other()\n\tThis.\n"));
    let l = labels(&c.at("textDocument/completion", &person, 11, 6));
    assert!(l.contains(&"greet".to_string()) && l.contains(&"other".to_string()), "{l:?}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn bad_requests_never_stop_the_server() {
    let root = project();
    let mut c = Client::start(&root);
    let r = c.request("no/suchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    let r = c.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.notify("textDocument/didOpen", json!({ "garbage": 1 }));
    c.notify("no/suchNotification", json!(null));
    // A file outside any project, at an unknown scheme, at a position far away.
    let r = c.at("textDocument/hover", "untitled:Untitled-1", 99, 99);
    assert!(r["result"].is_null(), "{r}");
    let r = c.at("textDocument/definition", &method(&root, "main"), 9999, 9999);
    assert!(r["error"].is_null(), "{r}");
    // A huge file: reported, not analysed.
    let main = method(&root, "main");
    let huge = "$x:=1\n".repeat(3_000_000);
    c.open(&main, &huge);
    let d = c.latest_diagnostics(&main);
    assert!(messages(&d).iter().any(|m| m.contains("too large")), "{:?}", messages(&d));
    c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": main } }));
    // Still answering.
    let r = c.request("workspace/symbol", json!({ "query": "helper" }));
    assert!(r["result"].is_array(), "{r}");
    let _ = std::fs::remove_dir_all(&root);
}

/// Writes one framed message.
fn frame(out: &mut impl Write, body: &[u8]) {
    let _ = write!(out, "Content-Length: {}\r\n\r\n", body.len());
    let _ = out.write_all(body);
    let _ = out.flush();
}

/// Reads framed messages until one satisfies `want`.
fn read_until(input: &mut impl BufRead, want: impl Fn(&Value) -> bool) -> Value {
    loop {
        let mut size = 0;
        loop {
            let mut line = String::new();
            assert!(input.read_line(&mut line).expect("read") > 0, "the server closed its output");
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                size = v.parse().expect("length");
            }
        }
        let mut body = vec![0; size];
        input.read_exact(&mut body).expect("body");
        let v: Value = serde_json::from_slice(&body).expect("json");
        if want(&v) {
            return v;
        }
    }
}

#[test]
fn end_to_end_over_pipes() {
    let root = project();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mini4d"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mini4d lsp");
    let mut input = child.stdin.take().expect("stdin");
    let mut output = BufReader::new(child.stdout.take().expect("stdout"));
    let send =
        |input: &mut std::process::ChildStdin, v: Value| frame(input, v.to_string().as_bytes());

    // Garbage first: a bad header, malformed JSON, invalid UTF-8 in a message.
    let _ = input.write_all(b"Nonsense\r\n\r\n");
    frame(&mut input, b"{ not json");
    frame(&mut input, b"{\"jsonrpc\":\"2.0\",\"method\":\"x/\xff\xfe\",\"params\":{}}");

    send(
        &mut input,
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": { "capabilities": {}, "rootUri": uri(&root) } }),
    );
    let r = read_until(&mut output, |v| v["id"] == 1);
    assert!(r["result"]["capabilities"]["definitionProvider"].as_bool().unwrap_or(false), "{r}");
    send(&mut input, json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));

    let main = method(&root, "main");
    let broken = MAIN.replace("helper(1)", "helper(\"one\")");
    send(
        &mut input,
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": main, "languageId": "4d", "version": 1, "text": broken } } }),
    );
    let is_main_diags = |v: &Value| {
        v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == main.as_str()
    };
    let d = read_until(&mut output, |v| {
        is_main_diags(v) && v["params"]["diagnostics"].as_array().is_some_and(|a| !a.is_empty())
    });
    assert!(d.to_string().contains("parameter-type-mismatch"), "{d}");

    send(
        &mut input,
        json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": { "textDocument": { "uri": main, "version": 2 }, "contentChanges": [{ "text": MAIN }] } }),
    );
    let d = read_until(&mut output, |v| is_main_diags(v));
    assert!(!d.to_string().contains("\"severity\":1"), "{d}");

    let pos = |id: i32, method: &str, line: u32, character: u32| {
        json!({ "jsonrpc": "2.0", "id": id, "method": method,
        "params": { "textDocument": { "uri": main }, "position": { "line": line, "character": character } } })
    };
    send(&mut input, pos(2, "textDocument/definition", 3, 5));
    let r = read_until(&mut output, |v| v["id"] == 2);
    assert!(r["result"]["uri"].as_str().unwrap_or("").ends_with("helper.4dm"), "{r}");
    send(&mut input, pos(3, "textDocument/hover", 4, 2));
    let r = read_until(&mut output, |v| v["id"] == 3);
    assert!(r.to_string().contains("ALERT"), "{r}");
    send(&mut input, pos(4, "textDocument/completion", 3, 7));
    let r = read_until(&mut output, |v| v["id"] == 4);
    assert!(r.to_string().contains("\"helper\""), "{r}");

    send(&mut input, json!({ "jsonrpc": "2.0", "id": 5, "method": "shutdown" }));
    let r = read_until(&mut output, |v| v["id"] == 5);
    assert!(r["error"].is_null(), "{r}");
    send(&mut input, json!({ "jsonrpc": "2.0", "method": "exit" }));
    let status = child.wait().expect("exit");
    assert!(status.success(), "{status}");
    let _ = std::fs::remove_dir_all(&root);
}

/// The flat integers of a semantic tokens answer.
fn token_data(v: &Value) -> Vec<u64> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_u64).collect()).unwrap_or_default()
}

/// Decodes flat semantic tokens to absolute (line, column, length, type).
fn decode(data: &[u64]) -> Vec<(u64, u64, u64, u64)> {
    let (mut line, mut col) = (0, 0);
    data.chunks(5)
        .map(|t| {
            line += t[0];
            col = if t[0] == 0 { col + t[1] } else { t[1] };
            (line, col, t[2], t[3])
        })
        .collect()
}

#[test]
fn semantic_tokens_of_a_range_and_as_deltas() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    let full =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": main } }));
    let all = decode(&token_data(&full["result"]["data"]));
    // A range: only the tokens of lines 3 and 4, with positions still absolute.
    let r = c.request(
        "textDocument/semanticTokens/range",
        json!({ "textDocument": { "uri": main },
                "range": { "start": { "line": 3, "character": 0 }, "end": { "line": 5, "character": 0 } } }),
    );
    let part = decode(&token_data(&r["result"]["data"]));
    let expected: Vec<_> = all.iter().filter(|t| t.0 == 3 || t.0 == 4).cloned().collect();
    assert!(!part.is_empty());
    assert_eq!(part, expected);

    // A delta after an edit: applying its edits to the old tokens gives the new ones.
    let old = token_data(&full["result"]["data"]);
    let id = full["result"]["resultId"].as_str().expect("a result id").to_string();
    let edited = MAIN.replace("ALERT($p.greet())", "ALERT($p.greet()+\"!\")");
    c.open(&main, &edited);
    c.latest_diagnostics(&main);
    let d = c.request(
        "textDocument/semanticTokens/full/delta",
        json!({ "textDocument": { "uri": main }, "previousResultId": id }),
    );
    let edits = d["result"]["edits"].as_array().cloned().expect("edits");
    assert_eq!(edits.len(), 1, "{d}");
    let mut applied = old.clone();
    for e in edits.iter().rev() {
        let start = e["start"].as_u64().unwrap_or(0) as usize;
        let count = e["deleteCount"].as_u64().unwrap_or(0) as usize;
        applied.splice(start..start + count, token_data(&e["data"]));
    }
    let now =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": main } }));
    assert_eq!(applied, token_data(&now["result"]["data"]));
    assert!(applied.len() > old.len(), "the new text has a string token more");
    // Nothing changed: no edit.
    let id = now["result"]["resultId"].as_str().unwrap_or("").to_string();
    let d = c.request(
        "textDocument/semanticTokens/full/delta",
        json!({ "textDocument": { "uri": main }, "previousResultId": id }),
    );
    assert_eq!(d["result"]["edits"], json!([]), "{d}");
    // An unknown previous result: all the tokens.
    let d = c.request(
        "textDocument/semanticTokens/full/delta",
        json!({ "textDocument": { "uri": main }, "previousResultId": "nope" }),
    );
    assert_eq!(token_data(&d["result"]["data"]), applied);
    let _ = std::fs::remove_dir_all(&root);
}

const GEO_AREA: &str = "//%attributes = {\"shared\":true}\n// Area of a square.\n#DECLARE($side : Real) : Real\nreturn $side*$side\n";
const GEO_PRIVATE: &str = "//%attributes = {}\n#DECLARE() : Text\nreturn \"private\"\n";
const GEO_SHAPE: &str =
    "property label : Text\n\n// How big it is.\nFunction area() : Real\n\treturn 0\n";
const GEO_SQUARE: &str = "Class extends Shape\n\nproperty side : Real\n\n// A square of side $side.\nClass constructor($side : Real)\n\tSuper()\n\tThis.side:=$side\n\nFunction area() : Real\n\treturn This.side*This.side\n";
const KIT_UPPER: &str =
    "//%attributes = {\"shared\":true}\n#DECLARE($t : Text) : Text\nreturn Uppercase($t)\n";
const HOST_MAIN: &str = "var $s : cs.Geo.Square\n$s:=cs.Geo.Square.new(2)\nALERT(String($s.area()))\nALERT(String(Geo_area(3)))\nALERT(Kit_upper(\"a\"))\n";

/// A host project using a component of its `Components/` folder (namespace `Geo`) and a local
/// dependency (`dependencies.json`, found beside the host).
fn project_with_components() -> PathBuf {
    let base = project().with_extension("components");
    let _ = std::fs::remove_dir_all(&base);
    let host = base.join("Host");
    let geo = host.join("Components/Geo.4dbase/Project/Sources");
    let kit = base.join("Kit/Project/Sources");
    let sources = host.join("Project/Sources");
    for (dir, name, text) in [
        (sources.join("Methods"), "main.4dm", HOST_MAIN),
        (geo.join("Methods"), "Geo_area.4dm", GEO_AREA),
        (geo.join("Methods"), "Geo_private.4dm", GEO_PRIVATE),
        (geo.join("Classes"), "Shape.4dm", GEO_SHAPE),
        (geo.join("Classes"), "Square.4dm", GEO_SQUARE),
        (kit.join("Methods"), "Kit_upper.4dm", KIT_UPPER),
    ] {
        std::fs::create_dir_all(&dir).expect("temp folder");
        std::fs::write(dir.join(name), text).expect("temp file");
    }
    std::fs::write(
        geo.join("settings.4DSettings"),
        "<preferences><com.4d><general component_classStore_name=\"Geo\"/></com.4d></preferences>",
    )
    .expect("settings");
    std::fs::write(sources.join("dependencies.json"), r#"{ "dependencies": { "Kit": {} } }"#)
        .expect("dependencies");
    host
}

#[test]
fn components_are_part_of_the_workspace() {
    let host = project_with_components();
    let mut c = Client::start(&host);
    let main = method(&host, "main");
    let geo = host.join("Components/Geo.4dbase/Project/Sources");
    // No error on the components' shared methods and classes.
    c.open(&main, HOST_MAIN);
    let d = c.latest_diagnostics(&main);
    assert!(d.iter().all(|d| d["severity"] != 1), "{:?}", messages(&d));
    // The shared method's declared parameter type checks the host's call (it is in the model).
    let call = HOST_MAIN.replace("Geo_area(3)", "Geo_area(\"three\")");
    c.change(&main, 2, &call);
    let d = c.latest_diagnostics(&main);
    let found = messages(&d);
    assert!(found.iter().any(|m| m.contains("parameter-type-mismatch")), "{found:?}");
    // A misspelt component class is an error with the right name as a hint, as in `check`.
    let call = HOST_MAIN.replace("$s:=cs.Geo.Square.new", "$s:=cs.Geo.Squre.new");
    c.change(&main, 3, &call);
    let d = c.latest_diagnostics(&main);
    assert!(
        d.iter().any(|d| d["severity"] == 1
            && d["message"].as_str().is_some_and(|m| m.contains("cs.Geo.Squre"))),
        "{:?}",
        messages(&d)
    );
    c.change(&main, 4, HOST_MAIN);
    c.latest_diagnostics(&main);

    // Definition: a shared method, a component's class through its namespace, its constructor,
    // a function through a variable typed with the component's class, and the dependency.
    let def =
        |c: &mut Client, line, col| target(&c.at("textDocument/definition", &main, line, col));
    assert_eq!(def(&mut c, 3, 15), ("Geo_area.4dm".into(), 2));
    assert_eq!(def(&mut c, 1, 12), ("Square.4dm".into(), 0));
    assert_eq!(def(&mut c, 1, 20), ("Square.4dm".into(), 5));
    assert_eq!(def(&mut c, 2, 17), ("Square.4dm".into(), 9));
    assert_eq!(def(&mut c, 0, 17), ("Square.4dm".into(), 0));
    assert_eq!(def(&mut c, 4, 8), ("Kit_upper.4dm".into(), 1));
    let r = c.at("textDocument/definition", &main, 3, 15);
    let found = r["result"]["uri"].as_str().unwrap_or("").to_string();
    assert_eq!(found, uri(&geo.join("Methods/Geo_area.4dm")));

    // Hover: the shared method's signature, comment and component; the class store; a class
    // function of the component.
    let h = hover_text(&c.at("textDocument/hover", &main, 3, 15));
    assert!(
        h.contains("Geo_area($side : Real) : Real")
            && h.contains("Area of a square.")
            && h.contains("component Geo"),
        "{h}"
    );
    let h = hover_text(&c.at("textDocument/hover", &main, 1, 8));
    assert!(h.contains("cs.Geo") && h.contains("Shape, Square"), "{h}");
    let h = hover_text(&c.at("textDocument/hover", &main, 2, 17));
    assert!(h.contains("cs.Geo.Square") && h.contains("Function area() : Real"), "{h}");

    // Completion: namespaces after `cs.`, the component's classes after `cs.Geo.`, members
    // (inherited ones too) of a variable typed with one of them, shared methods by name.
    let text = format!("{HOST_MAIN}cs.\ncs.Geo.\n$s.\nGeo_\nKit\n");
    c.change(&main, 5, &text);
    c.latest_diagnostics(&main);
    let l = labels(&c.at("textDocument/completion", &main, 5, 3));
    assert!(l.contains(&"Geo".to_string()), "{l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 6, 7));
    assert_eq!(l, ["Shape", "Square"]);
    let l = labels(&c.at("textDocument/completion", &main, 7, 3));
    assert!(["area", "side", "label"].iter().all(|n| l.contains(&n.to_string())), "{l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 8, 4));
    assert!(l.contains(&"Geo_area".to_string()), "{l:?}");
    assert!(!l.contains(&"Geo_private".to_string()), "not shared: {l:?}");
    let l = labels(&c.at("textDocument/completion", &main, 9, 3));
    assert!(l.contains(&"Kit_upper".to_string()), "{l:?}");
    // Signature help of the component's constructor.
    c.change(&main, 6, &format!("{HOST_MAIN}$s:=cs.Geo.Square.new(\n"));
    c.latest_diagnostics(&main);
    let r = c.at("textDocument/signatureHelp", &main, 5, 22);
    assert_eq!(r["result"]["signatures"][0]["label"], "cs.Geo.Square.new($side : Real)", "{r}");

    // Workspace symbols: the component's classes and shared methods, not its private ones.
    let r = c.request("workspace/symbol", json!({ "query": "Geo_" }));
    let found: Vec<String> = r["result"]
        .as_array()
        .map(|a| a.iter().map(|s| format!("{} ({})", s["name"], s["containerName"])).collect())
        .unwrap_or_default();
    assert_eq!(found, ["\"Geo_area\" (\"component Geo\")"]);

    // Semantic tokens: `Geo` in `cs.Geo.Square` is a namespace, `Square` a class.
    let r =
        c.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": main } }));
    let tokens = decode(&token_data(&r["result"]["data"]));
    let legend = mini4d::lsp::tokens::legend();
    let kind = |line, col| {
        tokens
            .iter()
            .find(|t| t.0 == line && t.1 == col)
            .map(|t| legend.token_types[t.3 as usize].as_str().to_string())
    };
    assert_eq!(kind(1, 7).as_deref(), Some("namespace"));
    assert_eq!(kind(1, 11).as_deref(), Some("class"));
    assert_eq!(kind(3, 13).as_deref(), Some("function"), "a shared method is a method");
    let _ = std::fs::remove_dir_all(host.parent().unwrap_or(&host));
}

#[test]
fn references_and_rename() {
    let root = project();
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    let person = class(&root, "Person");
    let refs = |c: &mut Client, uri: &str, line, col| {
        let params = json!({ "textDocument": { "uri": uri },
                             "position": { "line": line, "character": col },
                             "context": { "includeDeclaration": true } });
        let r = c.request("textDocument/references", params);
        let mut found: Vec<(String, u64, u64)> = r["result"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|l| {
                        let file = l["uri"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("");
                        let start = &l["range"]["start"];
                        (
                            file.to_string(),
                            start["line"].as_u64().unwrap_or(0),
                            start["character"].as_u64().unwrap_or(0),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    };
    // A class function: its declaration and its call through a typed local.
    let r = refs(&mut c, &main, 4, 10);
    assert_eq!(r, [("Person.4dm".into(), 7, 9), ("main.4dm".into(), 4, 9)]);
    // A property: declared, written and read through This.
    let r = refs(&mut c, &person, 0, 10);
    assert_eq!(r.len(), 3, "{r:?}");
    // A local: its var and each use, in its own body only.
    let r = refs(&mut c, &main, 0, 5);
    assert_eq!(r.len(), 3, "{r:?}");
    // A class: cs.Person and the type.
    let r = refs(&mut c, &main, 1, 8);
    assert_eq!(r, [("main.4dm".into(), 0, 12), ("main.4dm".into(), 1, 7)]);
    // A method: its calls.
    let r = refs(&mut c, &main, 3, 5);
    assert_eq!(r, [("main.4dm".into(), 3, 4)]);

    // Rename a local: `$` kept.
    let rename = |c: &mut Client, uri: &str, line, col, name: &str| {
        c.request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": uri },
                    "position": { "line": line, "character": col }, "newName": name }),
        )
    };
    let r = rename(&mut c, &main, 0, 5, "person");
    let edits = r["result"]["changes"][main.as_str()].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 3, "{r}");
    assert!(edits.iter().all(|e| e["newText"] == "$person"), "{r}");
    // Rename a function: both files edited.
    let r = rename(&mut c, &main, 4, 10, "salute");
    let changes = r["result"]["changes"].as_object().cloned().unwrap_or_default();
    assert_eq!(changes.len(), 2, "{r}");
    // Rename a method: the calls, then the file.
    let r = rename(&mut c, &main, 3, 5, "addOne");
    let ops = r["result"]["documentChanges"].as_array().cloned().unwrap_or_default();
    let last = ops.last().cloned().unwrap_or_default();
    assert_eq!(last["kind"], "rename", "{r}");
    assert!(last["newUri"].as_str().unwrap_or("").ends_with("Methods/addOne.4dm"), "{r}");
    assert!(ops[0]["edits"][0]["newText"] == "addOne", "{r}");
    // A bad name is refused.
    let r = rename(&mut c, &main, 3, 5, "a.b");
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn project_constants_are_known_to_the_workspace() {
    let root = project();
    std::fs::create_dir_all(root.join("Resources")).expect("temp folder");
    std::fs::write(
        root.join("Resources/Limits.xlf"),
        "<xliff xmlns:d4=\"http://www.4d.com/d4-ns\"><group restype=\"x-4DK#\" d4:groupName=\"L\">\
         <trans-unit d4:value=\"3:L\" id=\"k1\"><source>Max retry count</source></trans-unit>\
         </group></xliff>",
    )
    .expect("temp file");
    let mut c = Client::start(&root);
    let main = method(&root, "main");
    c.open(&main, "var $n : Integer\n$n:=Max retry count+1\n");
    let d = c.latest_diagnostics(&main);
    assert!(d.iter().all(|d| d["severity"] != 1), "{:?}", messages(&d));
    // Without the definition the same words are a syntax error.
    c.change(&main, 2, "var $n : Integer\n$n:=Max retry counts+1\n");
    let d = c.latest_diagnostics(&main);
    assert!(messages(&d).iter().any(|m| m.contains("syntax::")), "{:?}", messages(&d));
    let _ = std::fs::remove_dir_all(&root);
}
