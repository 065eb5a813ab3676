# __index__ used by slicing, range, bin/hex/oct, sequence repetition, indexing, int(), operator.index.
import operator
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
seq = list(range(10))
print(seq[I(3)], seq[I(-1)], seq[I(2):I(8):I(2)], "abcdef"[I(1):I(4)], (1, 2, 3)[I(0)], b"xyz"[I(2)])
print(range(I(5)), list(range(I(1), I(10), I(3))), range(10)[I(4)], bin(I(10)), hex(I(255)), oct(I(8)))
print("ab" * I(3), [0] * I(2), I(2) * "xy", operator.index(I(7)), int(I(9)), format(I(5) if False else 5, "b"))
print(bytes(I(3)), bytearray(I(2)), chr(I(65)), pow(I(2), I(5)) if False else "skip", slice(I(1), I(2)).indices(I(5)))
print(round(3.14159, I(2)), [1, 2, 3, 4].pop(I(1)), "hello".ljust(I(7), "*"), list("abc").index("c", I(1)))
class NotIndex:
    def __int__(self):
        return 3
for fn in [lambda: seq[NotIndex()], lambda: bin(NotIndex()), lambda: range(NotIndex()), lambda: "a" * NotIndex(),
           lambda: operator.index(2.0), lambda: seq[1.0:2], lambda: hex(1.5)]:
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
class BadIndex:
    def __index__(self):
        return "no"
try:
    seq[BadIndex()]
except TypeError as e:
    print("TypeError:", e)
print(seq[True], operator.index(True), type(operator.index(True)).__name__)
print(seq[I(100):], seq[I(-100):I(2)])
try:
    seq[I(100)]
except IndexError as e:
    print("IndexError:", e)
