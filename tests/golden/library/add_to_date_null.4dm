// Add to date on the null date builds a date from its parts (year 0, month 0, day 0 plus the
// amounts); parts out of range carry over; a year outside 1…32767 gives the null date.
ALERT(String(Add to date(!00-00-00!; 2016; 1; 4); ISO date))
ALERT(String(Add to date(!00-00-00!; 2024; 3; 0); ISO date))
ALERT(String(Add to date(!00-00-00!; 1999; 14; 1); ISO date))
ALERT(String(Add to date(!00-00-00!; 2020; 2; 31); ISO date))
ALERT(String(Add to date(!00-00-00!; 0; 0; 1)=!00-00-00!))
// A real date: plain calendar arithmetic.
ALERT(String(Add to date(!2023-01-31!; 0; 1; 0); ISO date))
