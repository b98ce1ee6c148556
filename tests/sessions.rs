//! Sessions through the embedding API: the same method runs in three sessions at once; each
//! session's storage holds only its own data, and `Session storage(id)` reads another session's
//! storage by id (Null for unknown or malformed ids).

use mini4d::embed::{Options, Runtime, SendValue};

const FILL: &str = r#"#DECLARE($tag : Text; $n : Integer) : Text
var $d : Object
var $i : Integer
$d:=New shared object("tag"; $tag; "count"; 0; "items"; New shared collection)
Use (Session.storage)
	Session.storage.data:=$d
End use
For ($i; 1; $n)
	Use ($d)
		$d.items.push($tag+"-"+String($i))
		$d.count:=$d.count+1
	End use
End for
return Session.id
"#;

const PEEK: &str = r#"#DECLARE($id : Text) : Text
var $st : Object
$st:=Session storage($id)
If ($st=Null)
	return "null"
End if
return $st.data.tag+":"+String($st.data.count)+":"+String($st.data.items.length)
"#;

fn runtime() -> Runtime {
    let rt = Runtime::new(&[], Options::default());
    rt.add_method("fill", "fill.4dm", FILL.as_bytes()).expect("fill parses");
    rt.add_method("peek", "peek.4dm", PEEK.as_bytes()).expect("peek parses");
    rt
}

fn text(v: SendValue) -> String {
    match v {
        SendValue::Text(t) => t,
        other => panic!("expected a text, got {other:?}"),
    }
}

const N: i32 = 300;

#[test]
fn three_sessions_run_concurrently_in_isolation() {
    let rt = runtime();
    let ids: Vec<String> = (0..3).map(|_| rt.open_session(None).expect("session")).collect();
    let tags = ["alpha", "beta", "gamma"];
    std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .iter()
            .zip(tags)
            .map(|(id, tag)| {
                let rt = rt.clone();
                scope.spawn(move || {
                    rt.run_method(
                        id,
                        "fill",
                        vec![SendValue::Text(tag.to_string()), SendValue::Int(N)],
                    )
                })
            })
            .collect();
        for (h, id) in handles.into_iter().zip(&ids) {
            let result = h.join().expect("thread").expect("fill runs");
            // `Session.id` inside the method is the session it ran in.
            assert_eq!(&text(result), id);
        }
    });
    rt.wait();
    for (id, tag) in ids.iter().zip(tags) {
        let json = rt.session_storage_json(id).expect("storage");
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let v = &v["data"];
        assert_eq!(v["tag"], tag, "{json}");
        assert_eq!(v["count"], N, "{json}");
        let items = v["items"].as_array().expect("items");
        assert_eq!(items.len(), N as usize);
        for (i, item) in items.iter().enumerate() {
            assert_eq!(item.as_str(), Some(format!("{tag}-{}", i + 1).as_str()));
        }
        for other in tags.iter().filter(|t| **t != tag) {
            assert!(!json.contains(other), "session {tag} sees {other}: {json}");
        }
    }
    // `Storage` stays empty: nothing leaked into the shared root.
    assert_eq!(rt.storage_json(), "{}");
}

#[test]
fn session_storage_by_id_reads_other_sessions() {
    let rt = runtime();
    let ids: Vec<String> = (0..3).map(|_| rt.open_session(None).expect("session")).collect();
    let tags = ["one", "two", "three"];
    for (id, tag) in ids.iter().zip(tags) {
        rt.run_method(id, "fill", vec![SendValue::Text(tag.into()), SendValue::Int(5)])
            .expect("fill");
    }
    // Every session reads every other one, concurrently, by plain and dashed id.
    std::thread::scope(|scope| {
        for reader in &ids {
            for (target, tag) in ids.iter().zip(tags) {
                let rt = rt.clone();
                scope.spawn(move || {
                    let dashed = format!(
                        "{}-{}-{}-{}-{}",
                        &target[0..8],
                        &target[8..12],
                        &target[12..16],
                        &target[16..20],
                        &target[20..]
                    )
                    .to_lowercase();
                    for id in [target.clone(), dashed] {
                        let got =
                            rt.run_method(reader, "peek", vec![SendValue::Text(id)]).expect("peek");
                        assert_eq!(text(got), format!("{tag}:5:5"));
                    }
                });
            }
        }
    });
    // Unknown and malformed ids give Null, never an error.
    let unknown = "0123456789ABCDEF0123456789ABCDEF";
    for bad in [unknown, "", "not an id", "{}", "0123", &"F".repeat(64), "' OR 1=1"] {
        let got = rt.run_method(&ids[0], "peek", vec![SendValue::Text(bad.into())]).expect("peek");
        assert_eq!(text(got), "null", "id {bad:?}");
    }
    // A closed session is unknown from then on.
    assert!(rt.close_session(&ids[2]));
    let got = rt.run_method(&ids[0], "peek", vec![SendValue::Text(ids[2].clone())]).expect("peek");
    assert_eq!(text(got), "null");
    assert!(rt.session_storage_json(&ids[2]).is_none());
    assert!(rt.run_method(&ids[2], "peek", vec![SendValue::Text(ids[0].clone())]).is_err());
}

#[test]
fn session_ids_are_random_v4_uuids() {
    let rt = runtime();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..200 {
        let id = rt.open_session(None).expect("session");
        assert_eq!(id.len(), 32);
        assert!(id.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)), "{id}");
        // Version 4, RFC 4122 variant: 122 random bits.
        assert_eq!(&id[12..13], "4", "{id}");
        assert!("89AB".contains(&id[16..17]), "{id}");
        assert!(seen.insert(id));
    }
}
