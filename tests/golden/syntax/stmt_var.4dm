// var declarations
var $a : Text
var $b; $c; $d : Integer
var $e : Real:=1.5
var $f:=20
var $g : Collection:=[]
var $h : Object:={}
var $p : cs.Person
var $file : 4D.File
var $v
var $t : text
var $all1 : Date
var $all2 : Time
var $all3 : Boolean
var $all4 : Pointer
var $all5 : Picture
var $all6 : Blob
var $all7 : Variant
var processVar : Text
