# dict and set comprehensions, key collisions, conditional values, nested comprehensions.
squares = {n: n * n for n in range(8)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(3) for j in range(i)})
print({word: len(word) for word in "the quick brown fox".split()})
print({k: ("even" if k % 2 == 0 else "odd") for k in range(5)})
print({i: {j: i + j for j in range(2)} for i in range(3)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups, {k: len(v) for k, v in groups.items()})
print(dict(enumerate("abc")), dict(zip(range(3), "xyz")), {**{i: i for i in range(3)}, 1: "one"})
print(sorted({x * x % 7 for x in range(20)}), {n for n in range(5)}, {s.upper() for s in "aAb" if s.islower()} == {"A", "B"})
