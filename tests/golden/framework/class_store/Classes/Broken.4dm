Class extends NoSuchClass
