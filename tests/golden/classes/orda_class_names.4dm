// ORDA classes can be named without a datastore: no value is an instance of them
ALERT(String(OB Instance of(New object; 4D.EntitySelection))+" "+String(OB Instance of(New collection; 4D.Entity)))
ALERT(4D.DataClass.name+" "+4D.DataStore.name+" "+4D.Entity.name+" "+4D.EntitySelection.name)
