Class extends Registry
