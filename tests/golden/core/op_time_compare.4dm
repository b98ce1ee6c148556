// §3.2 (dt_time.md): comparison operators on times
ALERT(String(?09:15:00?<?09:15:01?))
ALERT(String(?12:00:00?=?12:00:00?))
ALERT(String(?10:00:01?<=?10:00:00?))
ALERT(String(?8:05:30?=?08:05:30?))
