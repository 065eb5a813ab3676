# hash() of ints: small, negative, -1 special case, modulus wrap-around, huge.
M = 2 ** 61 - 1
for v in [0, 1, -1, -2, 2, 100, -100, M - 1, M, M + 1, -M, -M - 1, 2 ** 61, 2 ** 64,
          -(2 ** 64), 2 ** 100, -(2 ** 100), 10 ** 30, 2 ** 63 - 1, -(2 ** 63)]:
    print(v, hash(v))
print(hash(True), hash(False), hash(1.0), hash(-1.0), hash(0.5), hash(-0.5), hash(1e300))
print(hash(2.0 ** 61), hash(float(M)), hash(-0.0), hash(float("inf")), hash(float("-inf")))
print(hash(1) == hash(1.0) == hash(True), hash(10 ** 20) == hash(1e20), hash(10**20) == hash(float(10**20)))
print(hash(complex(1, 0)) == hash(1), hash(3j), hash(1 + 2j))
print(hash((1, 2)), hash(()), hash((-1,)), hash((1, (2, 3))), hash(frozenset()), hash(frozenset({1, 2, 3})))
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}), {1: "a", 1.0: "b", True: "c"})
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
for v in [5, -1, -2, 2 ** 64, M]:
    print(v, hash(H(v)))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
for obj in [[1], {1: 2}, {1}, bytearray(b"x")]:
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)
