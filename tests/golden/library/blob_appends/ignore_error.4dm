// error handler for blob_appends
