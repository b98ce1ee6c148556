// §12 (add-to-date.md): Add to date adds years, months and days with calendar arithmetic
ALERT(String(Add to date(!2020-01-15!; 1; 2; 3); ISO date))
ALERT(String(Add to date(!2019-12-25!; 0; 1; 10); ISO date))
ALERT(String(Add to date(!2020-03-10!; 0; -3; 0); ISO date))
ALERT(String(Add to date(!2020-02-28!; 0; 0; 1); ISO date))
ALERT(String(Add to date(!2021-02-28!; 0; 0; 1); ISO date))
