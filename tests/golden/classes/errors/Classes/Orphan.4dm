Class extends NoSuchParent
