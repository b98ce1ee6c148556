// nothing but comments

/* and
blocks */
