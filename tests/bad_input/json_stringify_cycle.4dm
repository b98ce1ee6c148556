$o:=New object
$o.self:=$o
$t:=JSON Stringify($o)
