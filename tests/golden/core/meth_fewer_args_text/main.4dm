// §5, §15 #38 (parameters.md): missing arguments hold their type default, concate("Hello") gives "Hello "
ALERT("["+concat_words("Hello")+"]")
ALERT("["+concat_words+"]")
