print("init pkg_demo.core")
VERSION = (1, 2, 3)

def add(a, b):
    return a + b
