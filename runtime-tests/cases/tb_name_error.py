# NameError for a misspelled name (3.11 adds a "Did you mean" suggestion).
def greet(name):
    message = "hello " + name
    return mesage

greet("world")
