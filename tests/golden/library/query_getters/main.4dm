// .query() and .indices() read computed properties (Function get) of class instances the way
// the language reads $o.passed.
var $checks : Collection
$checks:=[cs.Check.new("a"; True); cs.Check.new("b"; False); cs.Check.new("c"; True); {label: "plain"; passed: True}]
ALERT(String($checks.query("passed = :1"; True).length))
ALERT($checks.query("passed = :1"; False).extract("label").join(","))
ALERT(JSON Stringify($checks.indices("kind = 'good'")))
ALERT(String($checks.query("passed = null").length))
