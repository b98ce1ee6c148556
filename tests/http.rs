//! Outgoing HTTP end to end: a small HTTP/1.1 server started by the test on 127.0.0.1 (never
//! the internet) answers scripts run by the `mini4d` binary with and without `--allow-net`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};

/// What the server saw: one line per request (`METHOD PATH | content-type | x-test | body`).
type Seen = Arc<Mutex<Vec<String>>>;

/// Starts the server; returns its port and the log of requests.
fn server() -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = log.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, port, &log);
            });
        }
    });
    (port, seen)
}

fn answer(stream: TcpStream, port: u16, log: &Seen) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let (mut length, mut ctype, mut xtest) = (0usize, String::new(), String::new());
        loop {
            let mut h = String::new();
            reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                match k.to_ascii_lowercase().as_str() {
                    "content-length" => length = v.trim().parse().unwrap_or(0),
                    "content-type" => ctype = v.trim().to_string(),
                    "x-test" => xtest = v.trim().to_string(),
                    _ => {}
                }
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body)?;
        let body = String::from_utf8_lossy(&body).into_owned();
        log.lock().unwrap().push(format!("{method} {path} | {ctype} | {xtest} | {body}"));
        let (status, ctype_out, extra, content): (&str, &str, String, String) = match path.as_str()
        {
            "/json" => {
                ("200 OK", "application/json", String::new(), r#"{"a":1,"list":[1,2]}"#.into())
            }
            "/text" => (
                "200 OK",
                "text/plain; charset=utf-8",
                "X-Multi: one\r\nX-Multi: two\r\n".into(),
                "héllo".into(),
            ),
            "/echo" => ("200 OK", "text/plain", String::new(), format!("{method}:{body}")),
            "/bytes" => {
                ("200 OK", "application/octet-stream", String::new(), "\u{1}\u{2}\u{3}".into())
            }
            "/missing" => ("404 Not Found", "text/plain", String::new(), "nope".into()),
            "/redirect" => ("302 Found", "text/plain", "Location: /text\r\n".into(), String::new()),
            "/away" => (
                "302 Found",
                "text/plain",
                format!("Location: http://localhost:{port}/text\r\n"),
                String::new(),
            ),
            "/slow" => {
                std::thread::sleep(std::time::Duration::from_secs(3));
                ("200 OK", "text/plain", String::new(), "late".into())
            }
            _ => ("200 OK", "text/plain", String::new(), "root".into()),
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype_out}\r\n{extra}Content-Length: {}\r\n\r\n{content}",
            content.len()
        );
        out.write_all(response.as_bytes())?;
        out.flush()?;
    }
}

struct Script {
    dir: PathBuf,
}

impl Drop for Script {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Script {
    fn new(tag: &str, code: &str) -> Script {
        let dir = std::env::temp_dir().join(format!("mini4d-http-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main.4dm"), code).unwrap();
        Script { dir }
    }

    fn run(&self, flags: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_mini4d"))
            .arg("run")
            .args(flags)
            .arg(self.dir.join("main.4dm"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

#[test]
fn http_request_class_bodies_headers_and_callbacks() {
    let (port, seen) = server();
    let code = format!(
        r#"var $base : Text:="http://127.0.0.1:{port}"
var $r : 4D.HTTPRequest
$r:=4D.HTTPRequest.new($base+"/json").wait()
ALERT(String($r.response.status)+" "+$r.response.statusText+" "+String($r.response.body.a)+" "+String($r.response.body.list.length)+" "+$r.method+" "+String($r.terminated))
$r:=4D.HTTPRequest.new($base+"/text"; New object("headers"; New object("X-Test"; "t1"))).wait()
ALERT($r.response.body+" "+$r.response.headers["content-type"]+" "+JSON Stringify($r.response.headers["x-multi"])+" "+String($r.response.rawHeaders["x-multi"]#Null))
$r:=4D.HTTPRequest.new($base+"/echo"; New object("method"; "POST"; "body"; New object("k"; "v"))).wait()
ALERT($r.response.body)
$r:=4D.HTTPRequest.new($base+"/echo"; New object("method"; "put"; "body"; "plain")).wait()
ALERT($r.response.body)
$r:=4D.HTTPRequest.new($base+"/bytes").wait()
ALERT(OB Class($r.response.body).name+" "+String($r.response.body.size))
$r:=4D.HTTPRequest.new($base+"/json"; New object("dataType"; "text")).wait()
ALERT($r.response.body)
$r:=4D.HTTPRequest.new($base+"/missing").wait()
ALERT(String($r.response.status)+" "+$r.response.body)
$r:=4D.HTTPRequest.new($base+"/redirect").wait()
ALERT("redirected: "+$r.response.body)
var $o : Object:=New object("events"; New collection)
$o.onHeaders:=Formula(This.events.push($2.type))
$o.onData:=Formula(This.events.push($2.type+":"+String($2.data.size)))
$o.onResponse:=Formula(This.events.push($2.type+":"+String($1.response.status)))
$o.onTerminate:=Formula(This.events.push($2.type))
$r:=4D.HTTPRequest.new($base+"/text"; $o)
$r.wait()
ALERT($o.events.join(","))
$r:=4D.HTTPRequest.new($base+"/slow"; New object("timeout"; 0.3)).wait()
ALERT("timeout: "+String($r.response=Null)+" "+String($r.errors.length)+" "+String($r.errors[0].errCode))
$r:=4D.HTTPRequest.new($base+"/slow")
$r.terminate()
ALERT("terminated: "+String($r.terminated))
"#
    );
    let s = Script::new("class", &code);
    let (status, out, err) = s.run(&[&format!("--allow-net=127.0.0.1:{port}")]);
    assert_eq!(status, 0, "{out}\n{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "200 OK 1 2 GET True");
    assert_eq!(lines[1], "héllo text/plain; charset=utf-8 [\"one\",\"two\"] True");
    assert_eq!(lines[2], "POST:{\"k\":\"v\"}");
    assert_eq!(lines[3], "PUT:plain");
    assert_eq!(lines[4], "Blob 3");
    assert_eq!(lines[5], r#"{"a":1,"list":[1,2]}"#);
    assert_eq!(lines[6], "404 nope");
    assert_eq!(lines[7], "redirected: héllo");
    assert_eq!(lines[8], "headers,data:6,response:200,terminate");
    assert_eq!(lines[9], "timeout: True 1 -10791");
    assert_eq!(lines[10], "terminated: True");
    let seen = seen.lock().unwrap().clone();
    assert!(seen.iter().any(|l| l == "GET /text |  | t1 | "), "{seen:?}");
    assert!(
        seen.iter().any(|l| l == "POST /echo | application/json |  | {\"k\":\"v\"}"),
        "{seen:?}"
    );
    assert!(seen.iter().any(|l| l == "PUT /echo | text/plain |  | plain"), "{seen:?}");
}

#[test]
fn classic_http_commands() {
    let (port, _) = server();
    let code = format!(
        r#"var $base : Text:="http://127.0.0.1:{port}"
var $t : Text
var $status : Integer
$status:=HTTP Get($base+"/text"; $t)
ALERT(String($status)+" "+$t+" "+String(OK))
var $o : Object
$status:=HTTP Get($base+"/json"; $o)
ALERT(String($o.a))
ARRAY TEXT($names; 1)
ARRAY TEXT($values; 1)
$names{{1}}:="X-Test"
$values{{1}}:="sent"
$status:=HTTP Request(HTTP POST method; $base+"/echo"; "payload"; $t; $names; $values)
ALERT($t+" "+String(Find in array($names; "Content-Type")>0))
var $b : Blob
$status:=HTTP Get($base+"/bytes"; $b)
ALERT(String(BLOB size($b)))
$status:=HTTP Get($base+"/missing"; $t)
ALERT(String($status))
HTTP SET OPTION(HTTP follow redirect; 0)
$status:=HTTP Get($base+"/redirect"; $t)
ALERT(String($status))
var $v : Real
HTTP GET OPTION(HTTP timeout; $v)
ALERT(String($v))
"#
    );
    let s = Script::new("classic", &code);
    let (status, out, err) = s.run(&[&format!("--allow-net=127.0.0.1:{port}")]);
    assert_eq!(status, 0, "{out}\n{err}");
    assert_eq!(out, "200 héllo 1\n1\nPOST:payload True\n3\n404\n302\n120\n");
}

#[test]
fn net_is_denied_by_default_and_redirects_are_checked() {
    let (port, seen) = server();
    let code = format!(
        r#"var $r : 4D.HTTPRequest
Try
	$r:=4D.HTTPRequest.new("http://127.0.0.1:{port}/text")
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
var $t : Text
Try
	var $s : Integer:=HTTP Get("http://127.0.0.1:{port}/text"; $t)
Catch
	ALERT(String(Last errors[0].errCode))
End try
"#
    );
    let s = Script::new("deny", &code);
    let (status, out, err) = s.run(&[]);
    assert_eq!(status, 0, "{out}\n{err}");
    assert_eq!(
        out,
        format!("-10790 connecting to 127.0.0.1:{port} is not allowed: run with --allow-net=127.0.0.1:{port} (or --allow-net) to allow it\n-10790\n")
    );
    // Another port of an allowed host is another target.
    let (status, out, _) = s.run(&[&format!("--allow-net=127.0.0.1:{}", port.wrapping_add(1))]);
    assert_eq!(status, 0);
    assert!(out.starts_with("-10790"), "{out}");
    assert!(seen.lock().unwrap().is_empty(), "nothing may reach the server");

    // A redirection to a host that is not allowed (localhost) is refused.
    let code = format!(
        r#"var $t : Text
Try
	var $s : Integer:=HTTP Get("http://127.0.0.1:{port}/away"; $t)
Catch
	ALERT(String(Last errors[0].errCode))
End try
var $r : 4D.HTTPRequest:=4D.HTTPRequest.new("http://127.0.0.1:{port}/away").wait()
ALERT(String($r.errors[0].errCode)+" "+String($r.response=Null))
"#
    );
    let s = Script::new("redirect", &code);
    let (status, out, err) = s.run(&[&format!("--allow-net=127.0.0.1:{port}")]);
    assert_eq!(status, 0, "{out}\n{err}");
    assert_eq!(out, "-10790\n-10790 True\n");
    assert!(!seen.lock().unwrap().iter().any(|l| l.starts_with("GET /text")));
}
