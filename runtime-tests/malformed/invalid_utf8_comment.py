# comment with bad bytes Ã(
x = 1
