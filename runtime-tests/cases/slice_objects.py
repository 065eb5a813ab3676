# slice objects: attributes, indices(), equality, use with lists/strings/custom __getitem__.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(5)), slice(None), slice(1, None, -1))
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, -1), slice(100, -100, -3), slice(-100, 100), slice(5, 2),
           slice(None, None, 7), slice(3, 3), slice(-1, -2, -1), slice(10, None, -2), slice(None, -12, -1)]:
    print(sl, sl.indices(10), sl.indices(0), sl.indices(3), list(range(10))[sl], "abcdefghij"[sl])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    slice("a", 2).indices(5)
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice("a", [1]).stop)
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print("TypeError:", e)
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[::], r[1:2, 3], r[..., 1], r[:, None], r[::-1], r["k"], r[1:2:3, ::])
print(type(r[1:2]).__name__, r[:] == slice(None, None, None), Ellipsis, ..., r[...] is Ellipsis)
class Wrapped:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self.data))
            return Wrapped([self.data[i] for i in range(start, stop, step)])
        return self.data[key]
    def __repr__(self):
        return f"Wrapped({self.data})"
w = Wrapped(list("abcdef"))
print(w[1:4], w[::-2], w[-1], w[10:], w[:][::2][1])
