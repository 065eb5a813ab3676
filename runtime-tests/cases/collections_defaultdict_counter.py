# defaultdict (factories, __missing__, repr) and Counter (most_common, arithmetic, elements, subtract, update).
from collections import defaultdict, Counter
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
none_factory = defaultdict(None, {"k": 1})
try:
    none_factory["missing"]
except KeyError as e:
    print("KeyError:", e)
print(repr(defaultdict(int)), repr(defaultdict(None)), defaultdict(str, a="x").get("b"), "b" in defaultdict(int))
dcopy = dd.copy()
print(type(dcopy).__name__, dcopy.default_factory is list)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
c = Counter("abracadabra")
print(c, c.most_common(), c.most_common(2), c["a"], c["z"], len(c), sum(c.values()), c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c2 = Counter(a=1, b=5, z=2)
print(c + c2, c - c2, c & c2, c | c2, -Counter(a=-2, b=3), +Counter(a=-2, b=3))
c.subtract(c2)
print(c)
c.update("aaa")
c.update({"q": 10})
print(c, c.most_common(1))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter() == Counter(a=0), Counter("ab") <= Counter("abc"))
del c["q"]
print("q" in c, Counter(x=3).most_common(5), repr(Counter()), Counter({"k": 1}).keys())
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))
