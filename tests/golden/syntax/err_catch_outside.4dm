Catch
Try
Catch
Catch
End try
