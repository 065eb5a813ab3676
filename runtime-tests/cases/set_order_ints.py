# Iteration order of int sets as CPython prints them (hash == value, open addressing).
print({5, 3, 1}, {1, 3, 5}, {10, 1, 100, 1000}, {-1, -2, 0, 1})
print({32, 0, 16, 8}, {7, 15, 23, 31}, set(range(20, 0, -3)), {2 ** 40, 1, 2 ** 33})
s = set()
for i in [64, 1, 33, 65, 2, 128]:
    s.add(i)
    print(s)
s.discard(1)
s.add(97)
print(s, list(s), sorted(s))
print(set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]), {x * 8 for x in range(10)}, frozenset([40, 8, 24]))
t = set(range(100))
for i in range(0, 100, 3):
    t.discard(i)
print(list(t)[:15])
print({True, 2, 0.0}, {1.5, 2.5, 3}, {-5, 5}, {(1, 2)})
