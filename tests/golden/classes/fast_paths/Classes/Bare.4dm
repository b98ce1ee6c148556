// No constructor at all.
property a : Text
