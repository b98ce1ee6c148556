$o:=New object("name"; "loop")
$o.self:=$o
ALERT($o.self.self.name)
