# The main file itself has a syntax error: nothing runs, SyntaxError is reported with a caret.
print("this line is never executed")

def broken(:
    pass
