// §10 (last-errors.md): Last errors is null when no error occurred
ALERT(String(Last errors=Null))
