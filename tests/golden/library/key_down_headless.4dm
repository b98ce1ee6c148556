// No key is down in a headless run: the modifier-key functions give False.
ALERT(String(Shift down)+" "+String(Caps lock down)+" "+String(Windows Ctrl down)+" "+String(Windows Alt down))
ALERT(String(Macintosh command down)+" "+String(Macintosh option down)+" "+String(Macintosh control down))
