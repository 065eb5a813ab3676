# Zero-argument super() uses the current value of the first local: methods
# that rebind or delete it see what the interpreter sees.


class A:
    def who(self):
        return f"A.who({type(self).__name__})"


class B(A):
    def who(self):
        return "B:" + super().who()

    def swapped(self, other):
        self = other
        return super().who()

    def deleted(self):
        del self
        try:
            return super().who()
        except RuntimeError as e:
            return f"RuntimeError: {e}"


class C(B):
    pass


for _ in range(3):
    print(B().who(), C().who())
    print(B().swapped(C()))
    print(B().deleted())
    try:
        print(B().swapped(A()))
    except TypeError as e:
        print("TypeError:", e)
