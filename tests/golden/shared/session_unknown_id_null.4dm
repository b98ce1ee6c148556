// §8, §15 #39 (session-storage.md, session-info.md): an unknown session id gives Null for Session storage and Session info
ALERT(String(Session storage("no-such-id")=Null))
ALERT(String(Session storage("00000000000000000000000000000000")=Null))
ALERT(String(Session info("no-such-id")=Null))
