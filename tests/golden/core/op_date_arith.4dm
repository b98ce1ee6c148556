// §2.4, §15 #7 (dt_date.md): Date-Date gives days, Date±Number gives a Date
ALERT(String(!2017-01-20!-!2017-01-01!))
ALERT(String(!2017-01-20!+9;ISO date))
ALERT(String(!2021-03-05!-5;ISO date))
ALERT(String(!2024-02-28!+2;ISO date))
ALERT(String(!2023-12-31!+1;ISO date))
ALERT(String(!2020-01-01!-!2020-01-11!))
