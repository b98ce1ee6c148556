throw(77; "the background job failed")
