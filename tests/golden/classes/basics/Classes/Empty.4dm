// An empty class file: its instances are empty objects
