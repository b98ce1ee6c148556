ALERT(New collection)
