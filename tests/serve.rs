//! `mini4d serve` end to end: a real server on 127.0.0.1 (port 0) and a real HTTP client
//! (`ureq`), over the fixture project `tests/serve/`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mini4d::serve::{ServeOptions, Server};

const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/serve");
const COOKIE: &str = "4DSID_serveTest";

struct Fixture {
    server: Server,
    log: Arc<Mutex<Vec<String>>>,
    agent: ureq::Agent,
}

fn start_with(tune: impl FnOnce(&mut ServeOptions)) -> Fixture {
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut opts = ServeOptions::new(PROJECT);
    opts.port = Some(0);
    let sink = log.clone();
    opts.log = Arc::new(move |line: &str| sink.lock().unwrap().push(line.to_string()));
    opts.limits.request_timeout = Duration::from_secs(2);
    opts.limits.read_timeout = Duration::from_secs(1);
    tune(&mut opts);
    let server = Server::start(opts).expect("server starts");
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();
    Fixture { server, log, agent }
}

fn start() -> Fixture {
    start_with(|_| {})
}

struct Reply {
    status: u16,
    body: String,
    cookie: Option<String>,
    headers: Vec<(String, String)>,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl Fixture {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.server.addr())
    }

    fn send(&self, verb: &str, path: &str, cookie: Option<&str>, body: Option<&str>) -> Reply {
        let mut req = self.agent.request(verb, &self.url(path));
        if let Some(c) = cookie {
            req = req.set("Cookie", &format!("{COOKIE}={c}"));
        }
        let res = match body {
            Some(b) => req.set("Content-Type", "application/json").send_string(b),
            None => req.call(),
        };
        let res = match res {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{verb} {path}: {e}"),
        };
        let status = res.status();
        let headers: Vec<(String, String)> = res
            .headers_names()
            .iter()
            .flat_map(|n| res.all(n).into_iter().map(move |v| (n.clone(), v.to_string())))
            .collect();
        let cookie = res.all("set-cookie").iter().find_map(|c| {
            c.strip_prefix(&format!("{COOKIE}="))
                .map(|v| v.split(';').next().unwrap_or("").to_string())
        });
        let body = res.into_string().unwrap_or_default();
        Reply { status, body, cookie, headers }
    }

    fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.send("GET", path, cookie, None)
    }

    /// A new web session: its id (from the cookie of a first request).
    fn new_session(&self) -> String {
        let r = self.get("/whoami", None);
        assert_eq!(r.status, 200);
        r.cookie.expect("a session cookie")
    }

    fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }
}

/// Sends raw bytes and returns what the server answered (until it closes or 3 s pass).
fn raw(addr: std::net::SocketAddr, bytes: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn handlers_route_by_pattern_and_verb() {
    let f = start();
    let r = f.get("/hello/a/b?name=Ann%20Lee", None);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, "Hello Ann Lee (GET hello/a/b)");
    assert_eq!(r.header("x-hello"), Some("Ann Lee"));
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    // A prefix pattern does not match a longer segment; POST is not among the verbs.
    assert_eq!(f.get("/hello?name=teapot", None).status, 418, "setStatus()");
    assert_eq!(f.get("/helloworld", None).status, 404);
    assert_eq!(f.send("POST", "/hello", None, Some("{}")).status, 405);
    // Regex pattern and verbs in any case.
    let r = f.send("PUT", "/echo/x?q=1", None, Some(r#"{"a":[1,2]}"#));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["received"], serde_json::json!({"a": [1, 2]}));
    assert_eq!(r.json()["url"], "/echo/x?q=1");
    assert_eq!(r.json()["type"], "application/json");
    assert!(r.header("content-type").unwrap().starts_with("application/json"));
    // Built-in prefixes are never given to handlers.
    assert_eq!(f.get("/rest/x", None).status, 404);
}

#[test]
fn binary_bodies_as_blobs() {
    let f = start();
    let bytes: Vec<u8> = (0..=255u8).chain([0, 0xff, 0x80]).collect();
    let r = f.agent.post(&f.url("/bytes")).send_bytes(&bytes).unwrap();
    assert_eq!(r.header("content-type"), Some("application/octet-stream"));
    assert_eq!(r.header("x-size"), Some("259"));
    assert_eq!(r.header("x-picture"), Some("null"), "not an image body");
    let mut back = Vec::new();
    r.into_reader().read_to_end(&mut back).unwrap();
    assert_eq!(back, bytes);
    let png = f.agent.post(&f.url("/bytes")).set("Content-Type", "image/png").send_bytes(&bytes);
    assert_eq!(png.unwrap().header("x-picture"), Some("259"), "an image body as a 4D.Blob");
    let r = f.agent.post(&f.url("/classic/blob")).send_bytes(&bytes).unwrap();
    assert_eq!(r.header("content-type"), Some("application/x-test"));
    let mut back = Vec::new();
    r.into_reader().read_to_end(&mut back).unwrap();
    assert_eq!(back, bytes);
}

#[test]
fn documented_errors_for_missing_singletons_and_functions() {
    let f = start();
    let r = f.get("/nosingleton", None);
    assert_eq!((r.status, r.body.starts_with("Cannot find singleton:")), (500, true));
    let r = f.get("/notshared", None);
    assert_eq!((r.status, r.body.starts_with("Cannot find singleton:")), (500, true));
    let r = f.get("/nofunction", None);
    assert_eq!((r.status, r.body.starts_with("Cannot find singleton function:")), (500, true));
}

#[test]
fn a_4d_error_is_logged_never_sent_and_the_server_goes_on() {
    let f = start();
    let r = f.get("/boom", None);
    assert_eq!(r.status, 500);
    assert!(!r.body.contains("secret"), "{}", r.body);
    assert!(f.log_text().contains("secret detail"), "{}", f.log_text());
    assert!(f.log_text().contains("12345"));
    assert_eq!(f.get("/hello?name=x", None).status, 200);
    // Invalid JSON for getJSON(): an error too.
    let r = f.send("POST", "/echo", None, Some("{not json"));
    assert_eq!(r.status, 500);
}

#[test]
fn a_runaway_handler_gets_503_and_the_server_keeps_serving() {
    let f = start();
    let t = Instant::now();
    let r = f.get("/loop", None);
    assert_eq!(r.status, 503);
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!(f.get("/hello?name=after", None).body, "Hello after (GET hello)");
    assert!(f.log_text().contains("time limit"), "{}", f.log_text());
}

#[test]
fn sessions_cookie_guest_reuse_and_isolation() {
    let f = start();
    let first = f.get("/count", None);
    let cookie = first.cookie.clone().expect("cookie on a new session");
    let set = first.header("set-cookie").unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    assert_eq!(cookie.len(), 32);
    assert_eq!(first.json()["session"], 1);
    let second = f.get("/count", Some(&cookie));
    assert_eq!(second.json()["session"], 2);
    assert!(second.cookie.is_none(), "no new cookie for a known session");
    // Another client: its own session, its own storage, no privileges of the first.
    let other = f.new_session();
    assert_ne!(other, cookie);
    assert_eq!(f.get("/count", Some(&other)).json()["session"], 1);
    let login =
        f.send("POST", "/login", Some(&cookie), Some(r#"{"privileges":["admin"],"user":"ann"}"#));
    assert_eq!(login.json()["ok"], true);
    assert_eq!(login.json()["guest"], false);
    let me = f.get("/whoami", Some(&cookie)).json();
    assert_eq!((me["admin"].clone(), me["user"].clone()), (true.into(), "ann".into()));
    assert_eq!(me["privileges"], serde_json::json!(["reader", "admin"]), "roles.json includes");
    assert_eq!(me["idleTimeout"], 60);
    let them = f.get("/whoami", Some(&other)).json();
    assert_eq!((them["admin"].clone(), them["guest"].clone()), (false.into(), true.into()));
    assert_eq!(them["counter"], 1);
    let out = f.get("/logout", Some(&cookie)).json();
    assert_eq!((out["ok"].clone(), out["guest"].clone()), (true.into(), true.into()));
    // An unknown cookie: a new Guest session.
    let r = f.get("/whoami", Some("0123456789ABCDEF0123456789ABCDEF"));
    assert!(r.cookie.is_some());
    assert_eq!(r.json()["guest"], true);
    // Session storage(id) and Process activity see other web sessions.
    let peek = f.get(&format!("/peek?id={cookie}"), Some(&other)).json();
    assert_eq!(peek["other"]["counter"]["n"], 2);
    assert!(peek["webSessions"].as_i64().unwrap() >= 3);
}

#[test]
fn roles_json_expands_roles_and_ignores_undeclared_names() {
    let f = start();
    let cookie = f.new_session();
    let login = |body: &str| f.send("POST", "/login", Some(&cookie), Some(body)).json();
    let r = login(r#"{"roles":"MANAGER"}"#);
    assert_eq!((r["ok"].clone(), r["guest"].clone()), (true.into(), false.into()));
    let me = f.get("/whoami", Some(&cookie)).json();
    assert_eq!(me["privileges"], serde_json::json!(["reader", "admin"]));
    assert_eq!(me["admin"], true);
    let r = login(r#"{"privileges":["ghost","Reader"]}"#);
    assert_eq!(r["guest"], false);
    let me = f.get("/whoami", Some(&cookie)).json();
    assert_eq!(
        (me["privileges"].clone(), me["admin"].clone()),
        (serde_json::json!(["reader"]), false.into())
    );
    let r = login(r#"{"privileges":"ghost"}"#);
    assert_eq!(
        (r["ok"].clone(), r["guest"].clone()),
        (true.into(), true.into()),
        "only undeclared"
    );
}

#[test]
fn idle_timeout_expiry_with_the_test_clock() {
    let f = start();
    let id = f.new_session();
    f.get("/count", Some(&id));
    let t = f.get("/timeout?minutes=5", Some(&id)).json();
    assert_eq!(t["idleTimeout"], 60, "never below 60 minutes");
    assert_eq!(t["again"], 60);
    let t = f.get("/timeout?minutes=90", Some(&id)).json();
    assert_eq!((t["idleTimeout"].clone(), t["again"].clone()), (90.into(), 90.into()));
    assert!(t["expirationDate"].as_str().unwrap().ends_with('Z'));
    f.server.advance_clock(Duration::from_secs(89 * 60));
    assert_eq!(f.get("/whoami", Some(&id)).json()["counter"], 1, "still alive after 89 min");
    f.server.advance_clock(Duration::from_secs(91 * 60));
    assert!(!f.server.runtime().session_ids().contains(&id), "expired: dropped with its storage");
    let r = f.get("/whoami", Some(&id));
    assert_ne!(r.cookie.as_deref(), Some(id.as_str()));
    assert_eq!(r.json()["counter"], 0);
}

#[test]
fn one_time_passcodes_restore_a_session_once() {
    let f = start();
    let a = f.new_session();
    f.get("/count", Some(&a));
    let token = f.get("/otp", Some(&a)).body;
    assert_eq!(token.len(), 32);
    // Another device: $4DSID in the URL restores the session that made the token.
    let r = f.get(&format!("/whoami?$4DSID={token}"), None);
    assert_eq!(r.json()["id"], a.as_str());
    assert_eq!(r.cookie.as_deref(), Some(a.as_str()));
    // Used once: a second use gives a new Guest session.
    let r = f.get(&format!("/whoami?$4DSID={token}"), None);
    assert_ne!(r.json()["id"], a.as_str());
    // Session.restore() from handler code, in another session.
    let b = f.new_session();
    let token = f.get("/otp", Some(&a)).body;
    let r = f.get(&format!("/restore?token={token}"), Some(&b));
    assert_eq!(
        (r.json()["restored"].clone(), r.json()["id"].clone()),
        (true.into(), a.as_str().into())
    );
    assert_eq!(r.cookie.as_deref(), Some(a.as_str()), "the cookie follows the restored session");
    let r = f.get(&format!("/restore?token={token}"), Some(&b));
    assert_eq!(r.json()["restored"], false);
    // An expired token is ignored.
    let token = f.get("/otp", Some(&a)).body;
    f.server.advance_clock(Duration::from_secs(61 * 60));
    let c = f.new_session();
    assert_eq!(f.get(&format!("/restore?token={token}"), Some(&c)).json()["restored"], false);
}

#[test]
fn process_variables_are_per_request_and_session_singletons_per_session() {
    let f = start_with(|o| o.workers = 1);
    let a = f.new_session();
    for _ in 0..3 {
        assert_eq!(f.get("/pvar", Some(&a)).json()["before"], "");
    }
    let b = f.new_session();
    assert_eq!(f.get("/cart?item=x", Some(&a)).json()["items"], 1);
    assert_eq!(f.get("/cart?item=y", Some(&a)).json()["items"], 2);
    let r = f.get("/cart?item=z", Some(&b)).json();
    assert_eq!((r["items"].clone(), r["first"].clone()), (1.into(), "z".into()));
}

#[test]
fn classic_web_code_actions_and_static_files() {
    let f = start();
    let r = f.get("/4DACTION/webAction/hello", None);
    assert_eq!((r.status, r.body.as_str()), (200, "action:hello"));
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(f.get("/4DACTION/privateAction/x", None).status, 404, "not published");
    assert_eq!(f.get("/4daction/missing", None).status, 404);
    let r = f.get("/", None);
    assert!(r.body.contains("static page"));
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let r = f.get("/site.css", None);
    assert!(r.header("content-type").unwrap().starts_with("text/css"));
    // Outside the web folder: On Web Connection (404 from the code), never the file.
    let r = f.get("/../Project/serveTest.4DProject", None);
    assert!(!r.body.contains("fixture of"), "{}", r.body);
    let r = f.get("/nothing/here", None);
    assert_eq!(r.status, 404);
    assert_eq!(r.body, "no page at /nothing/here from 127.0.0.1");
    let r = f.get("/classic/redirect", None);
    assert_eq!(r.status, 200, "followed the redirect");
    assert_eq!(r.body, "Hello redirected (GET hello)");
    let r = f.agent.get(&f.url("/classic/header")).set("X-Probe", "42").call().unwrap();
    assert_eq!(r.header("x-classic"), Some("yes"));
    assert_eq!(r.into_string().unwrap(), "probe seen");
    let r = f.send("POST", "/classic/body", None, Some("a=1&b=2"));
    assert_eq!(r.body, "body=a=1&b=2");
}

#[test]
fn classic_web_arrays_form_variables_and_files() {
    let f = start();
    let r = f.agent.get(&f.url("/classic/fields?q=1")).set("X-Probe", "7").call().unwrap();
    assert_eq!(
        r.into_string().unwrap(),
        "X-METHOD=GET;X-URL=/classic/fields?q=1;X-VERSION=HTTP/1.1;x-probe=7;"
    );
    let r = f.get("/classic/form?vName=ROBERT&vCity=DALLAS", None);
    assert_eq!(r.body, "2:vName=ROBERT;vCity=DALLAS;");
    let r = f
        .agent
        .post(&f.url("/classic/form?a=1"))
        .set("Content-Type", "application/x-www-form-urlencoded")
        .send_string("vName=RO+BERT&vCity=%C3%A9")
        .unwrap();
    assert_eq!(r.into_string().unwrap(), "3:a=1;vName=RO BERT;vCity=é;");
    let r = f
        .agent
        .post(&f.url("/classic/form"))
        .set("Content-Type", "multipart/form-data; boundary=b0")
        .send_string(
            "--b0\r\nContent-Disposition: form-data; name=\"vName\"\r\n\r\nROBERT\r\n--b0--\r\n",
        )
        .unwrap();
    assert_eq!(r.into_string().unwrap(), "1:vName=ROBERT;");
    let r = f.get("/classic/file", None);
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/css"));
    assert!(r.body.contains('{'), "{}", r.body);
    assert_eq!(f.get("/classic/nofile", None).body, "ok=0");
}

#[test]
fn malformed_and_oversized_requests() {
    let f = start_with(|o| {
        o.limits.max_body_bytes = 1000;
        o.limits.max_header_bytes = 8192;
    });
    let addr = f.server.addr();
    let big = "x".repeat(2000);
    assert_eq!(f.send("POST", "/echo", None, Some(&format!("\"{big}\""))).status, 413);
    // A body larger than announced by chunks (no Content-Length).
    let chunked = format!(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    assert!(raw(addr, chunked.as_bytes()).starts_with("HTTP/1.1 413"));
    let huge_header =
        format!("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "h".repeat(20_000));
    let answer = raw(addr, huge_header.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert!(raw(addr, b"NOT HTTP AT ALL\r\n\r\n").starts_with("HTTP/1.1 400"));
    // A slow client that never finishes its head is dropped after the read timeout.
    let t = Instant::now();
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /hello HTTP/1.1\r\nHost: x\r\n").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(t.elapsed() < Duration::from_secs(4), "dropped after ~1 s");
    // A slow body: 408.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(String::from_utf8_lossy(&out).starts_with("HTTP/1.1 408"));
    assert_eq!(f.get("/hello?name=ok", None).status, 200);
}

#[test]
fn concurrent_request_limit_gives_503() {
    let f = start_with(|o| o.limits.max_concurrent = 1);
    let url = f.url("/slow?ticks=30");
    let agent = f.agent.clone();
    let busy = std::thread::spawn(move || agent.get(&url).call().map(|r| r.status()).ok());
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(f.get("/hello", None).status, 503);
    assert_eq!(busy.join().unwrap(), Some(200));
    assert_eq!(f.get("/hello", None).status, 200, "served again once the slot is free");
}

#[test]
fn shutdown_finishes_requests_in_flight() {
    let f = start();
    let url = f.url("/slow?ticks=60");
    let agent = f.agent.clone();
    let inflight = std::thread::spawn(move || {
        let r = agent.get(&url).call().unwrap();
        (r.status(), r.into_string().unwrap())
    });
    std::thread::sleep(Duration::from_millis(300));
    let addr = f.server.addr();
    let t = Instant::now();
    f.server.shutdown();
    assert!(t.elapsed() >= Duration::from_millis(300), "waited for the request");
    assert_eq!(inflight.join().unwrap(), (200, "done".to_string()));
    assert!(TcpStream::connect(addr).is_err(), "no longer listening");
}

#[test]
fn sigterm_stops_the_binary_gracefully() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_mini4d"))
        .args(["serve", PROJECT, "--port", "0", "--log-format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_string();
    let url = format!("http://{addr}/slow?ticks=45");
    let inflight = std::thread::spawn(move || ureq::get(&url).call().map(|r| r.status()).ok());
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    assert_eq!(inflight.join().unwrap(), Some(200));
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let first: serde_json::Value = serde_json::from_str(err.lines().next().unwrap()).unwrap();
    assert_eq!((first["method"].clone(), first["path"].clone()), ("GET".into(), "/slow".into()));
    assert_eq!(first["status"], 200);
}

/// 16 clients × 500 requests over 8 sessions, each incrementing its session's counter and the
/// `Storage` counter under `Use`: exact totals, no failure.
#[test]
fn load_16_clients_8_sessions_exact_counters() {
    let f = start();
    let sessions: Vec<String> = (0..8).map(|_| f.new_session()).collect();
    let clients: Vec<_> = (0..16)
        .map(|i| {
            let url = f.url("/count");
            let cookie = format!("{COOKIE}={}", sessions[i % 8]);
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(20)).build();
                let mut failures = 0;
                for _ in 0..500 {
                    match agent.get(&url).set("Cookie", &cookie).call() {
                        Ok(r) if r.status() == 200 => {}
                        _ => failures += 1,
                    }
                }
                failures
            })
        })
        .collect();
    let failures: i32 = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert_eq!(failures, 0);
    for id in &sessions {
        let me = f.get("/whoami", Some(id)).json();
        assert_eq!(me["counter"], 1000, "session {id}");
    }
    let storage = f.server.runtime().storage_json();
    assert_eq!(storage, r#"{"counter":{"n":8000}}"#);
}

#[test]
fn web_server_object_describes_the_running_server() {
    let f = start_with(|o| o.limits.max_concurrent = 7);
    let r = f.get("/4DACTION/webServerInfo", None).json();
    assert_eq!(r["running"], true);
    assert_eq!(r["port"], u64::from(f.server.addr().port()));
    assert_eq!(r["address"], "127.0.0.1");
    assert_eq!(r["cookie"], COOKIE);
    assert_eq!(r["max"], 7);
    assert!(r["root"].as_str().unwrap_or("").ends_with("/WebFolder/"), "{r}");
    assert_eq!(r["again"], false, "a running server cannot be started again");
}
