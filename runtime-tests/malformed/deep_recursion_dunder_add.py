class X:
    def __add__(self, other):
        return self + other

X() + 1
