// Named (#DECLARE) and sequential parameters can be mixed in one method.
ALERT(String(add_all(1; 2; 3; 4)))
ALERT(describe("total"; 10; "extra"))
