// --max-steps stops a numeric method at the same statement as the general path would.
ALERT(String(nm_count(10)))
ALERT(String(nm_count(100000)))
