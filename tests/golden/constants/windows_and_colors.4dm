// Window type constants (Open window, Open form window, Windows themes) and the colour
// constants have values: 4D's constant list gives them where the docs do not.
ALERT("Plain window="+String(Plain window)+" Modal dialog box="+String(Modal dialog box)+" Palette window="+String(Palette window))
ALERT("Has zoom box="+String(Has zoom box)+" Pop up window="+String(Pop up window)+" Sheet window="+String(Sheet window))
ALERT("Plain form window="+String(Plain form window)+" Movable form dialog box="+String(Movable form dialog box)+" Controller form window="+String(Controller form window))
ALERT("Regular window="+String(Regular window)+" Floating window="+String(Floating window)+" Modal dialog="+String(Modal dialog))
// Combined the way 4D code does it.
ALERT("Plain form window no title="+String(Plain form window no title))
ALERT("White="+String(White)+" Red="+String(Red)+" Dark grey="+String(Dark grey)+" Black="+String(Black))
ALERT("Foreground color="+String(Foreground color)+" Background color none="+String(Background color none))
ALERT("Millions of colors 32 bit="+String(Millions of colors 32 bit))
ALERT(String(Value type(Palette window)=Is longint))
