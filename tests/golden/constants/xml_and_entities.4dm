// XML option selectors and values, and the ISO Latin-1 entity constants.
ALERT("XML indentation="+String(XML indentation)+" XML with indentation="+String(XML with indentation)+" XML no indentation="+String(XML no indentation))
ALERT("XML binary encoding="+String(XML binary encoding)+" XML base64="+String(XML base64)+" XML BOM="+String(XML BOM)+" XML line ending="+String(XML line ending)+" XML CRLF="+String(XML CRLF))
ALERT("XML DOCTYPE="+String(XML DOCTYPE)+" XML CDATA="+String(XML CDATA)+" Is XML="+String(Is XML)+" Is DOM reference="+String(Is DOM reference))
ALERT(ISO L1 Ampersand+" "+ISO L1 Less than+" "+ISO L1 e acute+" "+ISO L1 Cap A ring+" "+ISO L1 y umlaut)
ALERT(Replace string("café"; "é"; ISO L1 e acute))
