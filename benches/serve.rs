//! `mini4d serve` under load, side by side with the same handler written natively on the same
//! HTTP stack (hyper 1 + tokio, 2 worker threads).
//!
//! The handler: find the session from its cookie, increment a counter in the session's storage
//! and one for the whole server, answer `{"session":n,"server":m}` (for mini4d: the 4D code of
//! `examples/web`'s `GET /api/visits`, with its `Use` blocks). The load generator is built in:
//! CLIENTS threads, each with its own session and one keep-alive connection, send requests for
//! SECONDS and record every latency.
//!
//! ```sh
//! cargo bench --bench serve                  # 8 clients, 3 s per server
//! MINI4D_BENCH_CLIENTS=16 MINI4D_BENCH_SECONDS=5 cargo bench --bench serve
//! ```

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response};

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// One keep-alive connection: GET `path` with `cookie`; returns the Set-Cookie value if any.
struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Client {
    fn connect(addr: SocketAddr) -> Client {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_nodelay(true).ok();
        Client { reader: BufReader::new(s.try_clone().expect("clone")), writer: s }
    }

    fn get(&mut self, path: &str, cookie: &str) -> (u16, Option<String>) {
        let req = format!("GET {path} HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\n\r\n");
        self.writer.write_all(req.as_bytes()).expect("write");
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let (mut length, mut set_cookie) = (0usize, None);
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("header");
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (k, v) = l.split_once(':').unwrap_or((l, ""));
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            } else if k.eq_ignore_ascii_case("set-cookie") {
                set_cookie = v.trim().split(';').next().map(str::to_string);
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).expect("body");
        (status, set_cookie)
    }
}

struct Figures {
    requests: usize,
    failures: usize,
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

fn load(addr: SocketAddr, path: &str, clients: usize, seconds: u64) -> Figures {
    // Each client first gets its own session cookie.
    let cookies: Vec<String> = (0..clients)
        .map(|_| Client::connect(addr).get(path, "none=1").1.expect("a session cookie"))
        .collect();
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    let threads: Vec<_> = cookies
        .into_iter()
        .map(|cookie| {
            let path = path.to_string();
            std::thread::spawn(move || {
                let mut c = Client::connect(addr);
                let (mut lat, mut failures) = (Vec::with_capacity(100_000), 0);
                while Instant::now() < end {
                    let t = Instant::now();
                    let (status, _) = c.get(&path, &cookie);
                    lat.push(t.elapsed());
                    if status != 200 {
                        failures += 1;
                    }
                }
                (lat, failures)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut failures = 0;
    for t in threads {
        let (lat, f) = t.join().expect("client");
        all.extend(lat);
        failures += f;
    }
    let took = start.elapsed().as_secs_f64();
    all.sort();
    let at = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    Figures {
        requests: all.len(),
        failures,
        per_second: all.len() as f64 / took,
        p50: at(0.50),
        p99: at(0.99),
    }
}

/// The native twin: sessions in a map, counters under a mutex, the same JSON answer.
fn native_server() -> (SocketAddr, tokio::runtime::Runtime) {
    #[derive(Default)]
    struct State {
        sessions: Mutex<HashMap<String, Arc<Mutex<i64>>>>,
        server: AtomicU64,
    }
    let state = Arc::new(State::default());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    listener.set_nonblocking(true).expect("nonblocking");
    rt.spawn(async move {
        let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            stream.set_nodelay(true).ok();
            let state = state.clone();
            tokio::spawn(async move {
                let svc = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                    let state = state.clone();
                    async move {
                        let cookie = req
                            .headers()
                            .get("cookie")
                            .and_then(|v| v.to_str().ok())
                            .and_then(|c| c.split(';').find_map(|p| p.trim().strip_prefix("SID=")))
                            .map(str::to_string);
                        let (id, counter, new) = {
                            let mut map = state.sessions.lock().unwrap();
                            match cookie.and_then(|c| map.get(&c).map(|v| (c, v.clone()))) {
                                Some((id, c)) => (id, c, false),
                                None => {
                                    let id = uuid::Uuid::new_v4().simple().to_string();
                                    let c = Arc::new(Mutex::new(0));
                                    map.insert(id.clone(), c.clone());
                                    (id, c, true)
                                }
                            }
                        };
                        let mine = {
                            let mut n = counter.lock().unwrap();
                            *n += 1;
                            *n
                        };
                        let all = state.server.fetch_add(1, Ordering::AcqRel) + 1;
                        let body = format!("{{\"session\":{mine},\"server\":{all}}}");
                        let mut r = Response::new(Full::new(Bytes::from(body)));
                        r.headers_mut().insert("content-type", "application/json".parse().unwrap());
                        if new {
                            let c = format!("SID={id}; Path=/; HttpOnly; SameSite=Strict");
                            r.headers_mut().insert("set-cookie", c.parse().unwrap());
                        }
                        Ok::<_, Infallible>(r)
                    }
                });
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, svc).await;
            });
        }
    });
    (addr, rt)
}

fn report(name: &str, f: &Figures) {
    println!(
        "{name:<28} {:>9.0} req/s   p50 {:>7.3} ms   p99 {:>7.3} ms   ({} requests, {} failed)",
        f.per_second,
        f.p50.as_secs_f64() * 1000.0,
        f.p99.as_secs_f64() * 1000.0,
        f.requests,
        f.failures
    );
}

fn main() {
    // `cargo test --all-targets` runs benches as tests with `--bench` absent: do nothing then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let clients = env_or("MINI4D_BENCH_CLIENTS", 8) as usize;
    let seconds = env_or("MINI4D_BENCH_SECONDS", 2);
    let rounds = env_or("MINI4D_BENCH_ROUNDS", 5) as usize;
    println!(
        "{clients} clients (one keep-alive connection and session each), {rounds} alternating rounds of {seconds} s per server; medians"
    );
    let project = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/web");
    let mut opts = mini4d::serve::ServeOptions::new(project);
    opts.port = Some(0);
    opts.log = Arc::new(|_: &str| {});
    opts.workers = env_or("MINI4D_BENCH_WORKERS", opts.workers as u64) as usize;
    let server = mini4d::serve::Server::start(opts).expect("mini4d serve");
    let (addr, rt) = native_server();
    // Alternate the two servers so that a busy moment of the machine hits both alike.
    let (mut ms, mut ns) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        ms.push(load(server.addr(), "/api/visits", clients, seconds));
        ns.push(load(addr, "/api/visits", clients, seconds));
    }
    server.shutdown();
    rt.shutdown_timeout(Duration::from_secs(1));
    let median = |v: &mut Vec<Figures>| {
        v.sort_by(|a, b| a.per_second.total_cmp(&b.per_second));
        v.remove(v.len() / 2)
    };
    let (m, n) = (median(&mut ms), median(&mut ns));
    report("mini4d serve (4D handler)", &m);
    report("native hyper handler", &n);
    println!("mini4d / native throughput: {:.0} %", 100.0 * m.per_second / n.per_second);
}
