# Pickling and copying builtin iterators at several positions.
import copy
import pickle


def advance(it, n):
    for _ in range(n):
        next(it, None)
    return it


def check(name, make, steps=(0, 1, 2, 10)):
    for n in steps:
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            it = advance(make(), n)
            got = pickle.loads(pickle.dumps(it, proto))
            print(name, n, proto, type(got).__name__, list(got), list(it))
        it = advance(make(), n)
        print(name, n, "copy", list(copy.copy(it)), list(it))


d = {"a": 1, "b": 2, "c": 3}
check("list", lambda: iter([1, 2, 3]))
check("tuple", lambda: iter((1, 2, 3)))
check("str", lambda: iter("abc"))
check("str-wide", lambda: iter("ab\u20ac"))
check("bytes", lambda: iter(b"xyz"))
check("bytearray", lambda: iter(bytearray(b"xyz")))
check("range", lambda: iter(range(3, 20, 4)))
check("range-rev", lambda: reversed(range(5)))
check("list-rev", lambda: reversed([1, 2, 3]))
check("tuple-rev", lambda: reversed((1, 2, 3)))
check("dict-keys", lambda: iter(d))
check("dict-values", lambda: iter(d.values()))
check("dict-items", lambda: iter(d.items()))
check("dict-keys-rev", lambda: reversed(d))
check("dict-values-rev", lambda: reversed(d.values()))
check("dict-items-rev", lambda: reversed(d.items()))
check("set", lambda: iter({7}))
check("frozenset", lambda: iter(frozenset([7])))
check("enumerate", lambda: enumerate("abc", 10))
check("zip", lambda: zip("abc", [1, 2]))
check("zip-strict", lambda: zip("abc", [1, 2, 3], strict=True))
check("map", lambda: map(abs, [-1, -2, 3]))
check("filter", lambda: filter(None, [0, 1, 0, 2]))
check("calliter", lambda: iter(iter([1, 2, 3, 4]).__next__, 3))

# Deterministic reduce values.
print(advance(iter([1, 2, 3]), 1).__reduce__())
print(advance(iter([1, 2, 3]), 4).__reduce__())
print(advance(iter((1, 2)), 3).__reduce__())
print(advance(iter("ab"), 3).__reduce__())
print(advance(iter(b"ab"), 3).__reduce__())
print(advance(iter(range(2, 10, 3)), 1).__reduce__())
print(advance(iter(range(2, 10, 3)), 5).__reduce__())
print(advance(reversed(range(5)), 1).__reduce__())
print(advance(reversed([1, 2, 3]), 1).__reduce__())
print(advance(reversed([1, 2, 3]), 3).__reduce__())
print(advance(reversed([1, 2, 3]), 4).__reduce__())
print(advance(reversed((1, 2, 3)), 4).__reduce__())
print(advance(iter(d), 1).__reduce__())
print(advance(iter(d.items()), 1).__reduce__())
print(advance(reversed(d.values()), 1).__reduce__())
print(advance(iter(d), 5).__reduce__())
print(advance(iter({5}), 1).__reduce__())
print(advance(iter(abs, 3), 0).__reduce__()[1])
it = iter([1, 2, 3]).__next__
print(advance(iter(it, 3), 3).__reduce__())
print(zip([], strict=True).__reduce__()[2], len(zip([], []).__reduce__()))
print(map(abs, []).__reduce__()[1][0], filter(None, []).__reduce__()[1][0])
print(enumerate([], 5).__reduce__()[1][1])

# __setstate__ clamps the index.
for n in (-5, 0, 2, 10):
    a = iter([1, 2, 3])
    a.__setstate__(n)
    b = reversed([1, 2, 3])
    b.__setstate__(n)
    c = iter(range(4))
    c.__setstate__(n)
    print(n, list(a), list(b), list(c))
try:
    iter([1]).__setstate__("x")
except TypeError as e:
    print("TypeError", e)

# itertools
import itertools as I


def second(a, b):
    return b


def upper(s):
    return s.upper()


def below3(x):
    return x < 3


check("count", lambda: I.islice(I.count(5, 2), 6))
print(advance(I.count(1.5, 0.5), 3).__reduce__(), advance(I.count(7), 2).__reduce__())
check("repeat", lambda: I.repeat("r", 3))
check("cycle", lambda: I.islice(I.cycle("ab"), 7), steps=(0, 1, 3, 5))
check("chain", lambda: I.chain("ab", [], (1, 2)))
check("chain-from", lambda: I.chain.from_iterable(["xy", "z"]))
check("islice", lambda: I.islice(range(20), 2, 15, 3))
check("islice-stop", lambda: I.islice("abcdef", 4))
check("accumulate", lambda: I.accumulate([1, 2, 3, 4]))
check("accumulate-init", lambda: I.accumulate([1, 2, 3], initial=10))
check("accumulate-func", lambda: I.accumulate([3, 1, 4, 1, 5], max))
check("accumulate-none", lambda: I.accumulate([None, 1, 2], second))
check("zip_longest", lambda: I.zip_longest("abc", [1], fillvalue="-"))
check("compress", lambda: I.compress("abcdef", [1, 0, 1, 1, 0, 1]))
check("dropwhile", lambda: I.dropwhile(below3, [1, 2, 3, 1, 5]))
check("takewhile", lambda: I.takewhile(below3, [1, 2, 3, 1, 5]))
check("filterfalse", lambda: I.filterfalse(None, [0, 1, 0, 2]))
check("starmap", lambda: I.starmap(pow, [(2, 3), (3, 2), (10, 0)]))
check("product", lambda: I.product("ab", range(3)))
check("product-repeat", lambda: I.product([0, 1], repeat=3), steps=(0, 1, 5, 9))
check("product-empty", lambda: I.product("ab", ""))
check("permutations", lambda: I.permutations("abc"), steps=(0, 1, 4, 9))
check("permutations-r", lambda: I.permutations(range(4), 2), steps=(0, 1, 7, 20))
check("combinations", lambda: I.combinations("abcd", 2), steps=(0, 1, 4, 9))
check("combinations-0", lambda: I.combinations("ab", 0))
check("cwr", lambda: I.combinations_with_replacement("abc", 2), steps=(0, 1, 4, 9))


def groups(g):
    return [(k, list(v)) for k, v in g]


for n in range(4):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        g = advance(I.groupby("aabbbcd"), n)
        print("groupby", n, proto, groups(pickle.loads(pickle.dumps(g, proto))), groups(g))
g = I.groupby("aabbc", key=upper)
k, gr = next(g)
next(gr)
print(pickle.loads(pickle.dumps(gr)).__class__.__name__, list(pickle.loads(pickle.dumps(gr))), list(gr))
next(g)
print(gr.__reduce__()[1], list(pickle.loads(pickle.dumps(gr))))

a, b = I.tee("abcdef")
next(a)
next(a)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("tee", proto, list(pickle.loads(pickle.dumps(a, proto))), list(pickle.loads(pickle.dumps(b, proto))))
print(list(copy.copy(a)), list(a), list(b))

print(I.islice("abc", 1, None).__reduce__()[1][1:], I.islice("abc", 1, None).__reduce__()[2])
print(advance(I.accumulate([1, 2]), 1).__reduce__()[2], I.accumulate([1]).__reduce__()[2])
print(I.product("ab", repeat=2).__reduce__(), advance(I.product("ab", repeat=2), 2).__reduce__())
print(advance(I.product("ab"), 5).__reduce__())
print(advance(I.permutations("abc", 2), 3).__reduce__())
print(advance(I.combinations("abc", 2), 2).__reduce__())
print(advance(I.combinations("abc", 2), 5).__reduce__())
print(advance(I.combinations_with_replacement("ab", 2), 2).__reduce__())
print(advance(I.cycle("ab"), 1).__reduce__()[2], advance(I.cycle("ab"), 3).__reduce__()[2])
print(advance(I.dropwhile(bool, [1, 0, 1]), 1).__reduce__()[2], I.takewhile(bool, []).__reduce__()[2])
print(I.chain().__reduce__()[1], advance(I.chain("a"), 2).__reduce__())
print(I.zip_longest("a", fillvalue=0).__reduce__()[2], advance(I.zip_longest("a", "bc"), 1).__reduce__()[2])
c = I.cycle("xyz")
c.__setstate__((["p", "q"], True))
print(list(I.islice(c, 8)))
ch = I.chain()
ch.__setstate__((iter(["ab", "c"]), iter("z")))
print(list(ch))
for bad in ((), (1, 2, 3), ("x",)):
    try:
        I.chain().__setstate__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in ((1,), ([], 1, 2), ("x", 1), ([1], "x")):
    try:
        I.cycle("a").__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    I.product("ab").__setstate__((1, 2))
except ValueError as e:
    print("ValueError", e)
p = I.product("abc", "xy")
p.__setstate__((5, -3))
print(list(p))
