//! Concurrency stress through the embedding API (4D processes are real OS threads):
//! - 8 processes × 10,000 `Use`-protected increments of one shared counter give exactly 80,000,
//!   20 times; without `Use`, every attempt fails with -10722 and the counter is unchanged;
//! - 8 processes hammer nested shared groups with `Use`, pushes and property writes; the final
//!   state is checked exactly (no lost update, no deadlock);
//! - two processes taking two objects in opposite order: exactly one -10725, 20 times, quickly;
//!   a cycle of three processes: exactly one -10725 naming the three processes.
//!
//! `MINI4D_STRESS_SCALE=N` multiplies the nested-groups workload (default 1, for CI).

use std::time::{Duration, Instant};

use mini4d::embed::{Options, Output, Runtime, SendValue};

struct Quiet;

impl Output for Quiet {
    fn stdout(&self, _: &str) {}
    fn stderr(&self, _: &str) {}
}

fn runtime(methods: &[(&str, &str)]) -> Runtime {
    let rt = Runtime::with_output(&[], Options::default(), Box::new(Quiet));
    for (name, src) in methods {
        rt.add_method(name, &format!("{name}.4dm"), src.as_bytes()).expect("method parses");
    }
    rt
}

/// Runs `main` with `args` in a new session, waits for every process, returns `Storage.result`.
fn run(rt: &Runtime, args: Vec<SendValue>) -> serde_json::Value {
    run_storage(rt, args)["result"].clone()
}

/// Runs `main` with `args` in a new session, waits for every process, returns `Storage`.
fn run_storage(rt: &Runtime, args: Vec<SendValue>) -> serde_json::Value {
    let session = rt.open_session(None).expect("session");
    rt.run_method(&session, "main", args).expect("main runs");
    rt.wait();
    assert!(!rt.had_process_errors(), "a process ended on an uncaught error");
    serde_json::from_str(&rt.storage_json()).expect("JSON")
}

const COUNTER_MAIN: &str = r#"#DECLARE($procs : Integer; $times : Integer; $use : Boolean)
var $s : Object
var $k : Integer
$s:=New shared object("count"; 0; "done"; 0; "errors"; 0; "wrong"; 0)
Use (Storage)
	Storage.result:=$s
End use
For ($k; 1; $procs)
	New process("incr"; 0; "incr_"+String($k); $s; $times; $use)
End for
"#;

const COUNTER_INCR: &str = r#"#DECLARE($s : Object; $times : Integer; $use : Boolean)
var $j; $errors; $wrong : Integer
For ($j; 1; $times)
	If ($use)
		Use ($s)
			$s.count:=$s.count+1
		End use
	Else
		Try
			$s.count:=$s.count+1
		Catch
			If (Last errors[0].errCode=-10722)
				$errors:=$errors+1
			Else
				$wrong:=$wrong+1
			End if
		End try
	End if
End for
Use ($s)
	$s.errors:=$s.errors+$errors
	$s.wrong:=$s.wrong+$wrong
	$s.done:=$s.done+1
End use
"#;

#[test]
fn counter_with_use_never_loses_an_update() {
    let start = Instant::now();
    for round in 0..20 {
        let rt = runtime(&[("main", COUNTER_MAIN), ("incr", COUNTER_INCR)]);
        let r = run(&rt, vec![SendValue::Int(8), SendValue::Int(10_000), SendValue::Bool(true)]);
        assert_eq!(r["count"], 80_000, "round {round}: {r}");
        assert_eq!(r["done"], 8, "round {round}: {r}");
        assert_eq!(r["errors"], 0, "round {round}: {r}");
    }
    eprintln!("20 × 8 × 10,000 Use-protected increments in {:?}", start.elapsed());
}

#[test]
fn counter_without_use_fails_every_time_and_changes_nothing() {
    for round in 0..3 {
        let rt = runtime(&[("main", COUNTER_MAIN), ("incr", COUNTER_INCR)]);
        let r = run(&rt, vec![SendValue::Int(8), SendValue::Int(10_000), SendValue::Bool(false)]);
        assert_eq!(r["count"], 0, "round {round}: {r}");
        assert_eq!(r["errors"], 80_000, "round {round}: {r}");
        assert_eq!(r["wrong"], 0, "round {round}: {r}");
        assert_eq!(r["done"], 8, "round {round}: {r}");
    }
}

const NESTED_MAIN: &str = r#"#DECLARE($procs : Integer; $times : Integer)
var $root; $g2 : Object
var $k : Integer
$root:=New shared object("count"; 0)
Use ($root)
	$root.a:=New shared object("count"; 0)
	// One list per process (pushing onto a shared collection copies it: keep each one short).
	$root.lists:=New shared collection
	For ($k; 1; $procs)
		$root.lists.push(New shared collection)
	End for
End use
Use ($root.a)
	$root.a.b:=New shared object("n"; 0)
End use
$g2:=New shared object("total"; 0; "bad"; 0)
Use (Storage)
	Storage.root:=$root
	Storage.g2:=$g2
End use
For ($k; 1; $procs)
	New process("hammer"; 0; "hammer_"+String($k); $root; $g2; $k; $times)
End for
"#;

const NESTED_HAMMER: &str = r#"#DECLARE($root : Object; $g2 : Object; $me : Integer; $times : Integer)
var $j; $seen; $last; $bad : Integer
var $key : Text
$key:="p"+String($me)
For ($j; 1; $times)
	Use ($root)
		Use ($root.a)
			Use ($root.a.b)
				$root.a.b.n:=$root.a.b.n+1
			End use
			$root.lists[$me-1].push($me)
		End use
		$root.a.count:=$root.a.count+1
		Use ($g2)
			$g2.total:=$g2.total+1
		End use
	End use
	Use ($g2)
		If ($g2[$key]=Null)
			$g2[$key]:=0
		End if
		$g2[$key]:=$g2[$key]+1
	End use
	$root.lists[$me-1].push(-$me)
	// Reads without Use: never a lost or a torn value, never going backwards.
	$seen:=$root.a.b.n
	If ($seen<$last)
		$bad:=$bad+1
	End if
	$last:=$seen
End for
Use ($g2)
	$g2.bad:=$g2.bad+$bad
End use
"#;

#[test]
fn nested_groups_under_eight_hammering_processes() {
    let scale: i32 =
        std::env::var("MINI4D_STRESS_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let (procs, times) = (8, 1_000 * scale);
    let total = procs * times;
    let start = Instant::now();
    for round in 0..20 {
        let rt = runtime(&[("main", NESTED_MAIN), ("hammer", NESTED_HAMMER)]);
        let r = run_storage(&rt, vec![SendValue::Int(procs), SendValue::Int(times)]);
        let root = &r["root"];
        let g2 = &r["g2"];
        assert_eq!(root["a"]["b"]["n"], total, "round {round}");
        assert_eq!(root["a"]["count"], total, "round {round}");
        assert_eq!(g2["total"], total, "round {round}");
        assert_eq!(g2["bad"], 0, "round {round}: reads went backwards");
        let lists = root["lists"].as_array().expect("lists");
        assert_eq!(lists.len(), procs as usize, "round {round}");
        for me in 1..=procs {
            assert_eq!(g2[format!("p{me}")], times, "round {round}");
            let list = lists[me as usize - 1].as_array().expect("list");
            let mine = list.iter().filter(|v| v.as_i64() == Some(i64::from(me))).count();
            let neg = list.iter().filter(|v| v.as_i64() == Some(-i64::from(me))).count();
            assert_eq!((mine, neg), (times as usize, times as usize), "round {round}");
            assert_eq!(list.len(), 2 * times as usize, "round {round}");
        }
    }
    eprintln!("20 rounds of nested-group hammering in {:?}", start.elapsed());
}

/// Runs the golden deadlock case through the binary: exactly one -10725 per run, quickly.
#[test]
fn two_process_deadlock_is_reported_once_each_time() {
    let case = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/shared/deadlock_two_processes");
    let start = Instant::now();
    for round in 0..20 {
        let t = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mini4d"))
            .args(["run", &format!("{case}/main.4dm")])
            .env("NO_COLOR", "1")
            .output()
            .expect("run mini4d");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "round {round}: {stdout}");
        assert_eq!(
            stdout,
            "done=2\nok=1\nfail=1\ncode=-10725\nwrites=2\n",
            "round {round}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(t.elapsed() < Duration::from_secs(5), "round {round} took {:?}", t.elapsed());
    }
    eprintln!("20 two-process deadlocks in {:?}", start.elapsed());
}

const CYCLE_MAIN: &str = r#"#DECLARE($n : Integer)
var $objs : Collection
var $s : Object
var $k : Integer
// A plain collection: storing the objects in a shared one would put them all in one group.
$objs:=New collection
$s:=New shared object("ready"; 0; "ok"; 0; "fail"; 0; "codes"; ""; "message"; ""; "done"; 0)
For ($k; 1; $n)
	$objs.push(New shared object("v"; 0))
End for
Use (Storage)
	Storage.result:=$s
End use
For ($k; 0; $n-1)
	New process("take"; 0; "cycle_"+String($k+1); $objs[$k]; $objs[($k+1)%$n]; $s; $n)
End for
"#;

const CYCLE_TAKE: &str = r#"#DECLARE($first : Object; $second : Object; $s : Object; $n : Integer)
var $i : Integer
Try
	Use ($first)
		Use ($s)
			$s.ready:=$s.ready+1
		End use
		Repeat
			DELAY PROCESS(Current process; 1)
			$i:=$i+1
		Until (($s.ready=$n) | ($i>=600))
		Use ($second)
			$second.v:=$second.v+1
		End use
	End use
	Use ($s)
		$s.ok:=$s.ok+1
	End use
Catch
	Use ($s)
		$s.fail:=$s.fail+1
		$s.codes:=$s.codes+String(Last errors[0].errCode)+" "
		$s.message:=Last errors[0].message
	End use
End try
"#;

#[test]
fn deadlock_cycles_of_three_and_five_processes() {
    for n in [3, 5] {
        for round in 0..3 {
            let start = Instant::now();
            let rt = runtime(&[("main", CYCLE_MAIN), ("take", CYCLE_TAKE)]);
            let r = run(&rt, vec![SendValue::Int(n)]);
            assert!(start.elapsed() < Duration::from_secs(10), "{n}-cycle took too long");
            assert_eq!(r["fail"], 1, "{n}-cycle round {round}: {r}");
            assert_eq!(r["ok"], n - 1, "{n}-cycle round {round}: {r}");
            assert_eq!(r["codes"], "-10725 ", "{n}-cycle round {round}: {r}");
            let message = r["message"].as_str().unwrap_or_default();
            assert!(message.contains("deadlock"), "{message}");
            for k in 1..=n {
                assert!(message.contains(&format!("\"cycle_{k}\"")), "{n}-cycle: {message}");
            }
            assert!(message.contains("group"), "{message}");
        }
    }
}
