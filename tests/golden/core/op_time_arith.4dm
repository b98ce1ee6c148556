// §2.4, §15 #8 (dt_time.md): Time±Time gives a Time, Time with a Number gives a Number, Time%Time gives a Time
ALERT(String(?02:03:04?+?01:02:03?))
ALERT(String(?05:00:00?-?01:30:30?))
ALERT(String(?02:03:04?+65))
ALERT(String(?00:10:00?-30))
ALERT(String(?00:01:30?*3))
ALERT(String(?01:00:00?/4))
ALERT(String(?20:10:00?%?04:20:00?))
ALERT(String((?22:00:00?+?03:15:00?)%?24:00:00?))
