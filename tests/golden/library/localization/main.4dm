// Localized strings from Resources/<language>.lproj/*.xlf beside this method.
// English is picked at start-up when there is an en.lproj folder.
ALERT("language: "+Get database localization+" / "+Get database localization(Current localization))
ALERT(Localized string("greeting")+" OK="+String(OK))
ALERT(Localized string("Save & quit")+" OK="+String(OK))  // no target: the source
ALERT("["+Localized string("only_here")+"] OK="+String(OK))  // not in English
ALERT("["+Localized string("GREETING")+"] OK="+String(OK))  // names are exact

SET DATABASE LOCALIZATION("de")
ALERT("set de: OK="+String(OK)+" current="+Get database localization(Current localization)+" default="+Get database localization(Default localization))
ALERT(Localized string("greeting")+" / "+Localized string("only_here"))

SET DATABASE LOCALIZATION("ja")  // no such folder: unchanged
ALERT("set ja: OK="+String(OK)+" current="+Get database localization(Current localization))
