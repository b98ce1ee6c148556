// --filter without wildcards: a substring, any case
