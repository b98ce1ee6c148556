// §12 (day-of.md, month-of.md, year-of.md, day-number.md): Day number gives 1 for Sunday .. 7 for Saturday
ALERT(String(Day of(!2017-01-29!)))
ALERT(String(Month of(!2017-01-29!)))
ALERT(String(Year of(!2017-01-29!)))
ALERT(String(Day number(!2017-01-29!)))
ALERT(String(Day number(!2024-02-29!)))
ALERT(String(Day number(!2023-07-15!)))
