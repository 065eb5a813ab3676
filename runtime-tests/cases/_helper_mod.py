# Helper module imported by the import_* cases (not a case itself: the name starts with '_').
print("executing _helper_mod, __name__ =", __name__)
CONSTANT = 42
counter = 0
_private = "hidden"

def greet(name):
    return f"hello, {name}"

def bump():
    global counter
    counter += 1
    return counter

class Widget:
    def __init__(self, size):
        self.size = size

    def __repr__(self):
        return f"Widget({self.size})"
