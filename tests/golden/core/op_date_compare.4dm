// §3.2 (dt_date.md): comparison operators on dates
ALERT(String(!2020-01-01!<!2020-06-01!))
ALERT(String(!2020-01-01!=!2020-01-01!))
ALERT(String(!2020-03-01!>=!2020-03-02!))
ALERT(String(!2020-03-01!#!2020-03-02!))
