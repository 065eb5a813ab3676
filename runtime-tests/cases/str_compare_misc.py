# String comparison, membership, iteration, join, len, min/max, str() constructor, interpolation basics.
words = ["pear", "Apple", "apple", "banana", "Banana", "", "a", "ab", "b"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, reverse=True))
print("a" < "b" < "c", "abc" == "abc", "abc" != "ABC", "abc" > "ab", "" < "a", "Z" < "a")
for a, b in [("a", 1), ("a", None), ("a", ["a"])]:
    print(a == b, a != b)
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(", ".join(["a", "b", "c"]), "".join([]), "-".join("abc"), "x".join(("1",)), " ".join(map(str, range(5))))
for bad in [["a", 1], [None], "abc".encode()]:
    try:
        print("-".join(bad))
    except TypeError as e:
        print("TypeError:", e)
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(str), str(b"x"), str("already"))
print([c for c in "héllo"], list(enumerate("ab")), "abc"[::-1], "-".join(sorted("hello")))
print(len(""), len("abc"), len("日本語"), len("😀"), "abc".__len__(), "a".__add__("b"), "ab".__mul__(2), "ab".__rmul__(2))
print(str.__name__, type("x").__mro__, "x".__class__ is str, isinstance("x", str))
print("%s and %s" % ("a", "b"), "{} {}".format(1, 2), f"{1 + 1}")
