// Picture metadata names are tag paths (texts); the metadata values are numbers, except the
// GPS references, which are one-letter texts.
ALERT(TIFF date time+" "+TIFF xResolution+" "+EXIF flash fired+" "+EXIF F number)
ALERT(GPS latitude deg+" "+GPS dest longitude sec+" "+IPTC keywords+" "+IPTC date time created)
ALERT("EXIF daylight="+String(EXIF daylight)+" EXIF uncalibrated="+String(EXIF uncalibrated)+" EXIF other="+String(EXIF other))
ALERT("TIFF rotate90CW="+String(TIFF rotate90CW)+" TIFF JPEG2000="+String(TIFF JPEG2000)+" IPTC headshot="+String(IPTC headshot))
ALERT(GPS north+GPS south+GPS east+GPS west+" "+GPS true north+GPS magnetic north+" "+GPS km h+GPS miles h)
ALERT(String(Value type(TIFF model)=Is text)+" "+String(Value type(EXIF shade)=Is longint))
