//! Lexing + parsing throughput on ~10 MB of generated, realistic 4D code.
//!
//! `cargo bench --bench parse`

use divan::counter::BytesCount;
use mini4d::syntax::{parse, MethodNames};

fn main() {
    divan::main();
}

/// One method body in the usual style of 4D project code (with `i` to vary names).
fn method(i: usize) -> String {
    format!(
        r#"//%attributes = {{"lang":"en"}}
// Method {i}: summarises a collection of records
var $total; $count : Integer
var $name : Text:="report_{i}"
var $item : Object
var $parts : Collection:=New collection

$result:=New object("name"; $name; "items"; New collection)
If ($input=Null) | (Count parameters<1)
	$result.error:="no input"
	return 
End if 

For each ($item; $input)
	If ($item.amount>0)
		$total:=$total+$item.amount
		$count+=1
		$parts.push({{id: $item.id; label: Uppercase($item.label); when: !2024-01-31!}})
	Else 
		$result.items.push(String($item.id)+" skipped at "+String(?12:30:00?))
	End if 
End for each 

Case of 
	: ($count=0)
		$result.average:=0
	: ($count>1000)
		$result.average:=Round($total/$count; 2)
		LOG EVENT(Into system standard outputs; "big: "+String($count)+"\n"; Information message)
	Else 
		$result.average:=$total/$count
End case 

For ($i; 1; Length($name))
	If ($name[[$i]]="_")
		$name[[$i]]:="-"
	End if 
End for 

$result.json:=JSON Stringify($parts; *)
$result.sorted:=$parts.orderBy("label asc").slice(0; 10)
/* Block comments
   are common too */
$result.ok:=($total>=0) && ($count#0) ? True : False
"#
    )
}

fn corpus(target: usize) -> String {
    let mut out = String::with_capacity(target + 4096);
    out.push_str("#DECLARE($input : Collection; $options : Object) -> $result : Object\n");
    let mut i = 0;
    while out.len() < target {
        out.push_str(&method(i));
        i += 1;
    }
    out
}

#[divan::bench(sample_count = 10)]
fn lex_and_parse_10mb(bencher: divan::Bencher) {
    let src = corpus(10 << 20);
    let methods = MethodNames::new();
    let errors = parse(&src, &methods).errors;
    assert!(errors.is_empty(), "the benchmark corpus must be valid 4D: {:?}", errors.first());
    bencher.counter(BytesCount::new(src.len())).bench(|| parse(divan::black_box(&src), &methods));
}
