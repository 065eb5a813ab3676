# Chained comparisons: evaluation order, single evaluation of middle operands, short-circuit, mixed operators.
log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) == v(1) != v(2) is not None, log)
log.clear()
print(v(1) < v(5) > v(2) >= v(2) <= v(9), log)
x = 5
print(1 < x < 10, 10 < x < 20, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < x > 2)
print(1 in [1, 2] in [[1, 2]], "a" in "abc" not in "xyz", None is None is None, [] is not [] is not None)
print((1 < 2) == True, 1 < 2 == True, not 1 < 2, not (1 > 2) == True)
a = [3]
print(a == [3] == a, 2 < 3 != 3, 1 < 2 < 3 < 4 < 5 < 4)
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  compare {self.n} < {other.n}")
        return self.n < other.n
print(Loud(1) < Loud(2) < Loud(0) < Loud(5))
try:
    print(1 < "a" < 2)
except TypeError as e:
    print("TypeError:", e)
print(0 < 0.5 < True < 2 < 2.5 < 3 + 0j if False else "skip complex", -1 < -0.0 <= 0 < 1e-300)
y = 3
print(1 < y and y < 5, 1 < y < 5, (1 < y) < 5, 1 < (y < 5))
