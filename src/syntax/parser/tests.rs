//! AST shape tests: snippets are parsed and printed as compact S-expressions.

use super::*;
use crate::commands::catalog;

fn e(x: &Expr) -> String {
    let list = |v: &[Expr]| v.iter().map(e).collect::<Vec<_>>().join(" ");
    match &x.kind {
        ExprKind::Number(n) => format!("{n}"),
        ExprKind::Text(t) => format!("{t:?}"),
        ExprKind::Date(d) => format!("!{}-{}-{}!", d.year, d.month, d.day),
        ExprKind::Time(t) => format!("?{t}?"),
        ExprKind::Local(n) => format!("${n}"),
        ExprKind::LegacyParam(n) => format!("${n}"),
        ExprKind::ParamIndex(i) => format!("${{{}}}", e(i)),
        ExprKind::Name(n) => n.clone(),
        ExprKind::Interprocess(n) => format!("<>{n}"),
        ExprKind::Command { index, args, parens } => {
            let name = catalog::commands()[*index as usize].name;
            if *parens {
                format!("[{name}]({})", list(args))
            } else {
                format!("[{name}]")
            }
        }
        ExprKind::Constant(i) => format!("k[{}]", catalog::constants()[*i as usize].name),
        ExprKind::ProjectConstant(c) => format!("pk[{}]", c.name),
        ExprKind::MethodCall { name, args, parens } => {
            if *parens {
                format!("m[{name}]({})", list(args))
            } else {
                format!("m[{name}]")
            }
        }
        ExprKind::Star => "*".into(),
        ExprKind::Member { object, name } => format!("(. {} {})", e(object), name.text),
        ExprKind::Index { object, index } => format!("([] {} {})", e(object), e(index)),
        ExprKind::CharIndex { text, index } => format!("([[]] {} {})", e(text), e(index)),
        ExprKind::ArrayElement { array, index } => format!("({{}} {} {})", e(array), e(index)),
        ExprKind::AssignArg { target, value } => format!("(:= {} {})", e(target), e(value)),
        ExprKind::Call { callee, args } => {
            if args.is_empty() {
                format!("(call {})", e(callee))
            } else {
                format!("(call {} {})", e(callee), list(args))
            }
        }
        ExprKind::Object(entries) => {
            let v: Vec<String> =
                entries.iter().map(|(k, v)| format!("{}: {}", k.text, e(v))).collect();
            format!("{{{}}}", v.join("; "))
        }
        ExprKind::Collection(v) => format!("[{}]", list(v)),
        ExprKind::Neg(x) => format!("(- {})", e(x)),
        ExprKind::Binary { op, left, right } => {
            format!("({} {} {})", op.symbol(), e(left), e(right))
        }
        ExprKind::Ternary { cond, then, otherwise } => {
            format!("(? {} {} {})", e(cond), e(then), e(otherwise))
        }
        ExprKind::Pointer(x) => format!("(-> {})", e(x)),
        ExprKind::Deref(x) => format!("(deref {})", e(x)),
        ExprKind::Table(t) => format!("[{t}]"),
        ExprKind::Field { table, field } => format!("[{table}]{field}"),
        ExprKind::SortOrder { ascending } => (if *ascending { ">" } else { "<" }).into(),
        ExprKind::TryExpr(x) => format!("(try {})", e(x)),
        ExprKind::This => "This".into(),
        ExprKind::Super => "Super".into(),
        ExprKind::Error => "ERR".into(),
    }
}

fn ty(t: &TypeRef) -> String {
    match &t.kind {
        TypeKind::Basic(b) => format!("{b:?}"),
        TypeKind::Class { store, name } => format!("{store}.{name}"),
    }
}

fn block(b: &Block) -> String {
    b.iter().map(s).collect::<Vec<_>>().join(" ")
}

fn s(x: &Stmt) -> String {
    match &x.kind {
        StmtKind::Var { names, ty: t, init } => {
            let n: Vec<&str> = names.iter().map(|n| n.text.as_str()).collect();
            format!(
                "(var {}{}{})",
                n.join(" "),
                t.as_ref().map(|t| format!(" : {}", ty(t))).unwrap_or_default(),
                init.as_ref().map(|i| format!(" := {}", e(i))).unwrap_or_default()
            )
        }
        StmtKind::Assign { target, op, value } => {
            let o = match op {
                AssignOp::Assign => ":=",
                AssignOp::Add => "+=",
                AssignOp::Sub => "-=",
                AssignOp::Mul => "*=",
                AssignOp::Div => "/=",
            };
            format!("({o} {} {})", e(target), e(value))
        }
        StmtKind::Expr(x) => e(x),
        StmtKind::If { cond, then, otherwise } => match otherwise {
            Some(o) => format!("(if {} [{}] [{}])", e(cond), block(then), block(o)),
            None => format!("(if {} [{}])", e(cond), block(then)),
        },
        StmtKind::Case { branches, otherwise } => {
            let mut out = String::from("(case");
            for (c, b) in branches {
                out += &format!(" ({} [{}])", e(c), block(b));
            }
            if let Some(o) = otherwise {
                out += &format!(" (else [{}])", block(o));
            }
            out + ")"
        }
        StmtKind::While { cond, body } => format!("(while {} [{}])", e(cond), block(body)),
        StmtKind::Repeat { body, until } => format!("(repeat [{}] {})", block(body), e(until)),
        StmtKind::For { var, start, end, step, body } => format!(
            "(for {} {} {}{} [{}])",
            e(var),
            e(start),
            e(end),
            step.as_ref().map(|x| format!(" {}", e(x))).unwrap_or_default(),
            block(body)
        ),
        StmtKind::ForEach { item, source, begin, end, cond, body } => format!(
            "(foreach {} {}{}{}{} [{}])",
            e(item),
            e(source),
            begin.as_ref().map(|x| format!(" {}", e(x))).unwrap_or_default(),
            end.as_ref().map(|x| format!(" {}", e(x))).unwrap_or_default(),
            cond.as_ref().map(|(k, x)| format!(" {k:?} {}", e(x))).unwrap_or_default(),
            block(body)
        ),
        StmtKind::Use { target, body } => format!("(use {} [{}])", e(target), block(body)),
        StmtKind::Try { body, catch } => match catch {
            Some(c) => format!("(try [{}] [{}])", block(body), block(c)),
            None => format!("(try [{}])", block(body)),
        },
        StmtKind::Return(v) => match v {
            Some(v) => format!("(return {})", e(v)),
            None => "(return)".into(),
        },
        StmtKind::Sql(t) => format!("(sql {t:?})"),
        StmtKind::MisplacedDeclare(_) => "(misplaced-declare)".into(),
    }
}

fn params(p: &[Param]) -> String {
    p.iter()
        .map(|p| {
            let n = if p.variadic {
                "...".to_string()
            } else {
                p.name.as_ref().map(|n| n.text.clone()).unwrap_or_default()
            };
            match &p.ty {
                Some(t) => format!("{n}:{}", ty(t)),
                None => n,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn result(r: &Option<ResultDecl>) -> String {
    match r {
        None => String::new(),
        Some(ResultDecl::Named { name, ty: t }) => {
            format!(
                " -> {}{}",
                name.text,
                t.as_ref().map(|t| format!(":{}", ty(t))).unwrap_or_default()
            )
        }
        Some(ResultDecl::Typed(t)) => format!(" : {}", ty(t)),
    }
}

fn parse_ok_with(src: &str, methods: &MethodNames) -> SourceFile {
    let out = parse(src, methods);
    assert!(out.errors.is_empty(), "unexpected errors for {src:?}: {:#?}", out.errors);
    out.file
}

/// The statements of a method, printed.
fn p(src: &str) -> String {
    block(&parse_ok_with(src, &MethodNames::new()).body)
}

/// One expression, printed.
fn x(src: &str) -> String {
    p(&format!("$r:={src}"))
        .strip_prefix("(:= $r ")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap()
        .to_string()
}

fn errors(src: &str) -> Vec<String> {
    parse(src, &MethodNames::new())
        .errors
        .into_iter()
        .map(|e| format!("{}: {}", e.code, e.message))
        .collect()
}

#[test]
fn left_to_right_without_precedence() {
    assert_eq!(x("3+4*5"), "(* (+ 3 4) 5)");
    assert_eq!(x("3+(4*5)"), "(+ 3 (* 4 5))");
    assert_eq!(x("1+2=3"), "(= (+ 1 2) 3)");
    assert_eq!(x("$a || $b && $c"), "(&& (|| $a $b) $c)");
    assert_eq!(x("$a>0 & $b>0"), "(> (& (> $a 0) $b) 0)");
    assert_eq!(x("2^3^2"), "(^ (^ 2 3) 2)");
    assert_eq!(x("10\\3%2"), "(% (\\ 10 3) 2)");
    assert_eq!(x("$a ^| $b << 2 >> 1"), "(>> (<< (^| $a $b) 2) 1)");
    assert_eq!(x("$a ?+ 1 ?- 2 ?? 3"), "(?? (?- (?+ $a 1) 2) 3)");
    assert_eq!(x("$a<=1#($b>=2)"), "(# (<= $a 1) (>= $b 2))");
}

#[test]
fn unary_minus_binds_tightest() {
    assert_eq!(x("3*-2"), "(* 3 -2)");
    assert_eq!(x("-$x+1"), "(+ (- $x) 1)");
    assert_eq!(x("-2^2"), "(^ -2 2)");
    assert_eq!(x("- -$x"), "(- (- $x))");
    assert_eq!(x("1--1"), "(- 1 -1)");
}

#[test]
fn ternary_is_outside_the_chain() {
    assert_eq!(x("$a>0 ? \"p\" : \"n\""), "(? (> $a 0) \"p\" \"n\")");
    assert_eq!(x("$a ? 1 : $b ? 2 : 3"), "(? $a 1 (? $b 2 3))");
    assert_eq!(x("$a ? $b ? 1 : 2 : 3"), "(? $a (? $b 1 2) 3)");
    assert_eq!(x("($a ? 1 : 2)+1"), "(+ (? $a 1 2) 1)");
}

#[test]
fn literals() {
    assert_eq!(x("1.5"), "1.5");
    assert_eq!(x(".5"), "0.5");
    assert_eq!(x("0x1F"), "31");
    assert_eq!(x("1e3"), "1000");
    assert_eq!(x("1.5E-2"), "0.015");
    assert_eq!(x("\"a\\tb\\N\\\\\\\"\\q\""), "\"a\\tb\\n\\\\\\\"\\\\q\"");
    assert_eq!(x("!2024-01-31!"), "!2024-1-31!");
    assert_eq!(x("!00-00-00!"), "!0-0-0!");
    assert_eq!(x("!01/31/24!"), "!2024-1-31!");
    assert_eq!(x("!12/31/95!"), "!1995-12-31!");
    assert_eq!(x("?12:30:00?"), "?45000?");
    assert_eq!(x("?8:05:30?"), "?29130?");
    assert_eq!(x("?12:30?"), "?45000?");
    assert_eq!(x("{a: 1; \"b c\": {}; length: []}"), "{a: 1; b c: {}; length: []}");
    assert_eq!(x("[1; [2; 3]; []]"), "[1 [2 3] []]");
    assert_eq!(x("{}"), "{}");
    assert_eq!(x("True"), "[True]");
    assert_eq!(x("Null"), "[Null]");
}

#[test]
fn names_and_variables() {
    assert_eq!(x("$name_1"), "$name_1");
    assert_eq!(x("$1+$0"), "(+ $1 $0)");
    assert_eq!(x("${$i+1}"), "${(+ $i 1)}");
    assert_eq!(x("<>gCount"), "<>gCount");
    assert_eq!(x("myVar"), "myVar");
    assert_eq!(x("$é"), "$é");
    assert_eq!(x("->$x"), "(-> $x)");
}

#[test]
fn postfix_chains() {
    assert_eq!(x("$c.push(1).sort()"), "(call (. (call (. $c push) 1) sort))");
    assert_eq!(x("$o.a.b[1]"), "([] (. (. $o a) b) 1)");
    assert_eq!(x("$f(1; 2)"), "(call $f 1 2)");
    assert_eq!(x("$o[\"a b\"].c"), "(. ([] $o \"a b\") c)");
    assert_eq!(x("cs.Person.new(\"x\")"), "(call (. (. [cs] Person) new) \"x\")");
    assert_eq!(x("4D.File"), "(. [4D] File)");
    assert_eq!(x("Formula(1)()"), "(call [Formula](1))");
    assert_eq!(x("This.name"), "(. This name)");
    assert_eq!(x("Super.f()"), "(call (. Super f))");
    assert_eq!(p("Super(1)"), "(call Super 1)");
}

#[test]
fn property_names_are_never_keywords_or_commands() {
    assert_eq!(x("$o.length"), "(. $o length)");
    assert_eq!(x("Session.storage"), "(. [Session] storage)");
    assert_eq!(x("$o.If.End"), "(. (. $o If) End)");
}

#[test]
fn char_index() {
    assert_eq!(x("$t[[1]]"), "([[]] $t 1)");
    assert_eq!(x("$t[[$i+1]]"), "([[]] $t (+ $i 1))");
    assert_eq!(x("$c[$d[1]]"), "([] $c ([] $d 1))");
    assert_eq!(x("[[1]]"), "[[1]]");
    assert_eq!(x("$o.t[[2]]"), "([[]] (. $o t) 2)");
    assert_eq!(p("$t[[1]]:=\"a\""), "(:= ([[]] $t 1) \"a\")");
}

#[test]
fn array_elements_and_formula_assignment() {
    assert_eq!(x("$a{1}"), "({} $a 1)");
    assert_eq!(x("$a{$i+1}{2}"), "({} ({} $a (+ $i 1)) 2)");
    // A tokenized command in braces is an index, not an object-literal key.
    assert_eq!(x("$b{Num:C11($i)}"), "({} $b [Num]($i))");
    assert_eq!(x("<>arr{3}"), "({} <>arr 3)");
    assert_eq!(p("$a{1}:=\"x\""), "(:= ({} $a 1) \"x\")");
    assert_eq!(
        x("Formula($1.result:=$1.value>2)"),
        "[Formula]((:= (. $1 result) (> (. $1 value) 2)))"
    );
    assert_eq!(x("String(ERROR METHOD)"), "[String](ERROR METHOD)");
}

#[test]
fn commands_and_methods() {
    assert_eq!(x("JSON Stringify($o;*)"), "[JSON Stringify]($o *)");
    assert_eq!(x("Current process"), "[Current process]");
    assert_eq!(x("Current process()"), "[Current process]()");
    assert_eq!(x("current PROCESS"), "[Current process]");
    assert_eq!(x("OB Is defined($o;\"a\")"), "[OB Is defined]($o \"a\")");
    assert_eq!(x("Is text"), "k[Is text]");
    assert_eq!(x("Value type($v)=Is text"), "(= [Value type]($v) k[Is text])");
    assert_eq!(p("ALERT(\"x\")"), "[ALERT](\"x\")");
    assert_eq!(p("DO_IT"), "DO_IT");
    assert_eq!(p("DO_IT(1;2)"), "m[DO_IT](1 2)");
    let methods: MethodNames = ["Genealogy of", "DO_IT", "Length of list"].into_iter().collect();
    let f = parse_ok_with(
        "Genealogy of(1)\ngenealogy OF\nDO_IT\n$x:=Length of list+Length(\"a\")",
        &methods,
    );
    assert_eq!(
        block(&f.body),
        "m[Genealogy of](1) m[genealogy OF] m[DO_IT] (:= $x (+ m[Length of list] [Length](\"a\")))"
    );
}

#[test]
fn token_suffixes_are_stripped() {
    assert_eq!(x("Length:C16($t)"), "[Length]($t)");
    assert_eq!(p("QUIT 4D:C291"), "[QUIT 4D]");
    assert_eq!(x("Is text:K8:3"), "k[Is text]");
    assert_eq!(x("This:C1470.x"), "(. This x)");
    // Unknown by name: found by number.
    assert_eq!(x("Longueur:C16(\"abc\")"), "[Length](\"abc\")");
    assert_eq!(x("Taille texte:C16(\"abc\")"), "[Length](\"abc\")");
}

#[test]
fn statements() {
    assert_eq!(p("$a+=1\n$a-=2\n$a*=3\n$a/=4"), "(+= $a 1) (-= $a 2) (*= $a 3) (/= $a 4)");
    assert_eq!(
        p("$o.a.b:=1\n$c[0]:=2\n${2}:=3\nv:=4\n<>w:=5"),
        "(:= (. (. $o a) b) 1) (:= ([] $c 0) 2) (:= ${2} 3) (:= v 4) (:= <>w 5)"
    );
    assert_eq!(p("var $a : Text"), "(var $a : Text)");
    assert_eq!(p("var $a; $b; c : Integer"), "(var $a $b c : Integer)");
    assert_eq!(p("var $n:=20"), "(var $n := 20)");
    assert_eq!(p("var $t : Text:=\"hi\""), "(var $t : Text := \"hi\")");
    assert_eq!(
        p("var $p : cs.Person:=cs.Person.new()"),
        "(var $p : cs.Person := (call (. (. [cs] Person) new)))"
    );
    assert_eq!(p("var $f : 4D.File"), "(var $f : 4D.File)");
    assert_eq!(p("var $d : Date\nvar $h : time"), "(var $d : Date) (var $h : Time)");
    assert_eq!(p("return\nreturn $x+1"), "(return) (return (+ $x 1))");
}

#[test]
fn blocks() {
    assert_eq!(
        p("If ($a=1)\n$b:=1\nElse \n$b:=2\nEnd if "),
        "(if (= $a 1) [(:= $b 1)] [(:= $b 2)])"
    );
    assert_eq!(
        p("Case of\n: ($a=1)\n$b:=1\n:($a=2)\nElse\n$b:=3\nEnd case"),
        "(case ((= $a 1) [(:= $b 1)]) ((= $a 2) []) (else [(:= $b 3)]))"
    );
    assert_eq!(p("While ($i<3)\n$i+=1\nEnd while"), "(while (< $i 3) [(+= $i 1)])");
    assert_eq!(p("Repeat\n$i+=1\nUntil ($i>3)"), "(repeat [(+= $i 1)] (> $i 3))");
    assert_eq!(p("For ($i;1;10)\nEnd for"), "(for $i 1 10 [])");
    assert_eq!(p("For ($i;10;1;-1)\nEnd for"), "(for $i 10 1 -1 [])");
    assert_eq!(p("For each ($v;$c)\nEnd for each"), "(foreach $v $c [])");
    assert_eq!(
        p("For each ($v;$c;1;-1) While ($t<30)\nEnd for each"),
        "(foreach $v $c 1 -1 While (< $t 30) [])"
    );
    assert_eq!(
        p("For each ($v;$c)\n$t+=$v\nEnd for each Until ($t>30)"),
        "(foreach $v $c Until (> $t 30) [(+= $t $v)])"
    );
    assert_eq!(
        p("Use (Storage)\nStorage.a:=1\nEnd use"),
        "(use [Storage] [(:= (. [Storage] a) 1)])"
    );
    assert_eq!(p("Try\n$a:=1\nCatch\n$b:=2\nEnd try"), "(try [(:= $a 1)] [(:= $b 2)])");
    assert_eq!(p("Try\n$a:=1\nEnd try"), "(try [(:= $a 1)])");
    assert_eq!(
        p("Try(throw(1))\n$x:=Try($o.f())"),
        "(try [throw](1)) (:= $x (try (call (. $o f))))"
    );
    assert_eq!(p("If (True)\nIf (False)\nEnd if\nEnd if"), "(if [True] [(if [False] [])])");
    assert_eq!(p("if (1=1)\nelse\nend IF"), "(if (= 1 1) [] [])");
    // A condition is any expression: parenthesised parts may be combined.
    assert_eq!(p("If ($a=1) | ($b=2)\nEnd if"), "(if (| (= $a 1) (= $b 2)) [])");
    assert_eq!(p("Case of\n: ($a=1) & ($b=2)\nEnd case"), "(case ((& (= $a 1) (= $b 2)) []))");
}

#[test]
fn declare_forms() {
    let f = parse_ok_with(
        "// comment\n\n#DECLARE($a : Text; $b : Integer) -> $r : Text\n$r:=$a",
        &MethodNames::new(),
    );
    let d = f.declare.unwrap();
    assert_eq!(params(&d.params), "a:Text b:Integer");
    assert_eq!(result(&d.result), " -> r:Text");
    let d =
        parse_ok_with("#DECLARE($a; $b : Real) : Collection", &MethodNames::new()).declare.unwrap();
    assert_eq!(format!("{}{}", params(&d.params), result(&d.result)), "a b:Real : Collection");
    let d =
        parse_ok_with("#DECLARE($x : Text; ... : Integer)", &MethodNames::new()).declare.unwrap();
    assert_eq!(params(&d.params), "x:Text ...:Integer");
    let d = parse_ok_with("#DECLARE($a : Text; \\\n  $b : Text)->$r : Text\n", &MethodNames::new())
        .declare
        .unwrap();
    assert_eq!(params(&d.params), "a:Text b:Text");
    let d = parse_ok_with("#declare", &MethodNames::new()).declare.unwrap();
    assert!(d.params.is_empty());
    assert_eq!(
        errors("$a:=1\n#DECLARE($x : Text)"),
        ["misplaced-declare: `#DECLARE` must be the first statement of the method"]
    );
}

#[test]
fn class_files() {
    let src = "Class extends Animal\n\
               property name : Text\n\
               property a; b : Integer:=3\n\
               shared singleton Class constructor($n : Text)\n\
               \tSuper($n)\n\
               \tThis.name:=$n\n\
               \n\
               Function get fullName() : Text\n\
               \treturn This.name\n\
               Function set fullName($v : Text)\n\
               \tThis.name:=$v\n\
               shared Function greet($who : Text) -> $r : Text\n\
               \tIf ($who=\"\")\n\
               \t\t$r:=\"hi\"\n\
               \tEnd if\n\
               exposed Function get\n\
               local Function set()\n";
    let f = parse_ok_with(src, &MethodNames::new());
    assert!(f.body.is_empty());
    let c = f.class.unwrap();
    assert_eq!(c.extends.unwrap().text, "Animal");
    assert!(c.shared && c.singleton);
    let k = c.constructor.unwrap();
    assert_eq!(k.kind, FunctionKind::Constructor);
    assert_eq!(params(&k.params), "n:Text");
    assert_eq!(block(&k.body), "(call Super $n) (:= (. This name) $n)");
    assert_eq!(c.properties.len(), 2);
    assert_eq!(
        c.properties[1].names.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(c.properties[1].init.as_ref().map(e).as_deref(), Some("3"));
    let fns: Vec<String> = c
        .functions
        .iter()
        .map(|f| {
            format!(
                "{:?} {}{} ({}){} [{}]",
                f.kind,
                if f.shared { "shared " } else { "" },
                f.name.text,
                params(&f.params),
                result(&f.result),
                block(&f.body)
            )
        })
        .collect();
    assert_eq!(
        fns,
        [
            "Getter fullName () : Text [(return (. This name))]",
            "Setter fullName (v:Text) [(:= (. This name) $v)]",
            "Plain shared greet (who:Text) -> r:Text [(if (= $who \"\") [(:= $r \"hi\")])]",
            "Plain get () []",
            "Plain set () []",
        ]
    );
    assert_eq!(
        errors("$a:=1\nFunction f\n$b:=2"),
        ["statement-outside-function: statement before the first class member"]
    );
}

#[test]
fn lines_and_comments() {
    assert_eq!(p("$a:=1\r\n\r\n$b:=2\r$c:=3\n"), "(:= $a 1) (:= $b 2) (:= $c 3)");
    assert_eq!(p("\u{FEFF}$a:=1"), "(:= $a 1)");
    assert_eq!(p("If (True)\n\u{A0}\u{A0}$a:=1\n\tEnd if"), "(if [True] [(:= $a 1)])");
    assert_eq!(p("$a:=1 /* x /* nested */ y */ +2"), "(:= $a (+ 1 2))");
    assert_eq!(p("$a:=1\n/* multi\nline */\n$b:=2"), "(:= $a 1) (:= $b 2)");
    assert_eq!(p("$a:=1 /* multi\nline */ $b:=2"), "(:= $a 1) (:= $b 2)");
    assert_eq!(p("ALERT(/* a\nb */ \"x\")"), "[ALERT](\"x\")");
    assert_eq!(p("$a:=1+\\\n  2 \\  // continued\n  +3"), "(:= $a (+ (+ 1 2) 3))");
    assert_eq!(p("$a:=7\\2"), "(:= $a (\\ 7 2))");
    assert_eq!(p("//%attributes = {\"lang\":\"en\"}\n$a:=1 // end"), "(:= $a 1)");
    assert_eq!(p("For/* c */($i;1;2)\nEnd for"), "(for $i 1 2 [])");
    assert_eq!(p(""), "");
    assert_eq!(p("\n\n// only a comment\n"), "");
}

#[test]
fn syntax_errors_are_reported_and_recovered() {
    assert_eq!(
        errors("If ($a=1)\n$b:=1\n"),
        ["unclosed-block: `If` opened at line 1 is never closed by `End if`"]
    );
    assert_eq!(
        errors("While (True)\nEnd for\nEnd while"),
        ["unmatched-end: `End for` does not close `While` (opened at line 1)"]
    );
    assert_eq!(
        errors("For ($i;1;2)\nIf (True)\nEnd for"),
        ["mismatched-end: `End for` does not close `If` (opened at line 2)"]
    );
    assert_eq!(
        errors("$a:=(1+)\n$b:=2\n$c:=)"),
        [
            "unexpected-token: unexpected `)`, expected an expression",
            "unexpected-token: unexpected `)`, expected an expression"
        ]
    );
    assert_eq!(errors("$a:=\"abc\n$b:=1"), ["unterminated-text: unterminated text literal"]);
    assert_eq!(errors("$a:=1 /* abc\n$b:=1"), ["unterminated-comment: unterminated comment"]);
    assert_eq!(errors("$a:=1 @ 2"), ["invalid-character: unexpected character `@`"]);
    assert_eq!(
        errors("Else\nEnd if"),
        [
            "misplaced-else: `Else` outside `If` or `Case of`",
            "unmatched-end: `End if` without a matching `If`"
        ]
    );
    assert_eq!(errors("var $a : Strange"), ["unknown-type: unknown type `Strange`"]);
    assert_eq!(errors("3:=4"), ["invalid-assignment: cannot assign to a literal"]);
    assert_eq!(errors("$d:=!2024-02-30!"), ["invalid-date: invalid date literal `!2024-02-30!`"]);
}

#[test]
fn pointers_and_dereferences() {
    assert_eq!(x("->$x"), "(-> $x)");
    assert_eq!(x("$p->"), "(deref $p)");
    assert_eq!(x("$p->{3}"), "({} (deref $p) 3)");
    assert_eq!(x("$p->.name"), "(. (deref $p) name)");
    // A property name may follow the arrow directly.
    assert_eq!(x("$p->type"), "(. (deref $p) type)");
    assert_eq!(x("$p->[2]"), "([] (deref $p) 2)");
    assert_eq!(x("($o.ptr)->{$i}"), "({} (deref (. $o ptr)) $i)");
    assert_eq!(x("$1->"), "(deref $1)");
    assert_eq!(x("->$p->"), "(-> (deref $p))");
    assert_eq!(x("->[Clients]Name"), "(-> [Clients]Name)");
    assert_eq!(x("->[Clients]"), "(-> [Clients])");
    assert_eq!(x("[Sales:2]Total:4"), "[Sales]Total");
    assert_eq!(p("$p->:=1\n$p->{2}:=3"), "(:= (deref $p) 1) (:= ({} (deref $p) 2) 3)");
}

#[test]
fn sequential_parameters_and_declarations() {
    assert_eq!(p("var $1; $2 : Text"), "(var $1 $2 : Text)");
    assert_eq!(p("var ${2} : Real"), "(var ${2} : Real)");
    assert_eq!(p("var $0 : Object"), "(var $0 : Object)");
    assert_eq!(x("${$i+1}"), "${(+ $i 1)}");
    assert!(p("C_LONGINT(${2})").contains("C_LONGINT"));
    // A local whose name starts with digits is a local, not a parameter.
    assert_eq!(p("var $4dVersion : Text"), "(var $4dVersion : Text)");
    assert_eq!(x("$4dVersion+$1"), "(+ $4dVersion $1)");
}

#[test]
fn tokenized_names_after_keywords() {
    assert_eq!(p("return This:C1470.x"), "(return (. This x))");
    assert_eq!(p("return Length:C16(\"ab\")"), "(return [Length](\"ab\"))");
    assert_eq!(
        x("Version type:C495 ?? 64 bit version:K5:25"),
        "(?? [Version type] k[64 bit version])"
    );
}

#[test]
fn component_class_types() {
    let f = parse_ok_with(
        "Function f($d : cs.NetKit._DateTime) : cs.NetKit.Mail\n\tvar $x : cs.A.B:=$d",
        &MethodNames::new(),
    );
    let class = f.class.expect("a class");
    assert_eq!(params(&class.functions[0].params), "d:cs.NetKit._DateTime");
}

#[test]
fn orda_members_sql_and_odd_keys() {
    let f = parse_ok_with(
        "exposed Alias aka_name name\nAlias boss manager.name\nexposed onHTTPGet Function pic() : Text\n\treturn \"x\"",
        &MethodNames::new(),
    );
    let class = f.class.expect("a class");
    let aliases: Vec<String> =
        class.aliases.iter().map(|(n, p)| format!("{} {}", n.text, p.text)).collect();
    assert_eq!(aliases, ["aka_name name", "boss manager.name"]);
    assert_eq!(class.functions[0].name.text, "pic");
    assert_eq!(
        p("Begin SQL\n  SELECT * FROM T\n  INTO :$x;\nEnd SQL\n$y:=1"),
        "(sql \"  SELECT * FROM T\\n  INTO :$x;\\n\") (:= $y 1)"
    );
    assert_eq!(x("{$oid: \"a\"; b: 1}"), "{$oid: \"a\"; b: 1}");
    assert_eq!(x("$o.$.x"), "(. (. $o $) x)");
}

#[test]
fn comments_continued_by_backslash() {
    assert_eq!(p("// If ($a)\\\n\t& ($b)\n$x:=1"), "(:= $x 1)");
    assert_eq!(p("$x:=1 // one \\\n// two\n$y:=2"), "(:= $x 1) (:= $y 2)");
}

#[test]
fn sort_order_arguments() {
    assert_eq!(p("SORT ARRAY($a; $b; >; <)"), "[SORT ARRAY]($a $b > <)");
}

#[test]
fn project_constants_are_one_token_after_builtins_and_methods() {
    use crate::syntax::project_constants::{ConstValue, ProjectConstant};
    let k = |name: &str| {
        std::sync::Arc::new(ProjectConstant {
            name: name.to_string(),
            value: ConstValue::Longint(1),
            theme: String::new(),
            file: Default::default(),
        })
    };
    let mut names: MethodNames = ["Retry now"].into_iter().collect();
    names.add_constants([k("Max retry count"), k("Is text"), k("Max retry"), k("Retry now")]);
    let f = parse_ok_with("$x:=MAX retry count+Max retry+Max(1)+Is text+Retry now", &names);
    // The longest name wins; then a built-in command or constant, or a method, of the same name.
    assert_eq!(
        block(&f.body),
        "(:= $x (+ (+ (+ (+ pk[Max retry count] pk[Max retry]) [Max](1)) k[Is text]) m[Retry now]))"
    );
}
