# find / rfind / index / rindex / count with ranges, negative indices and errors.
s = "abracadabra"
for sub in ["a", "bra", "abra", "z", "", "ra", "abracadabra", "abracadabrax"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
    for start, end in [(1, None), (3, 8), (-4, None), (-100, 100), (5, 2), (0, -1), (11, 11), (12, 20)]:
        print("   ", start, end, s.find(sub, start, end), s.rfind(sub, start, end), s.count(sub, start, end))
print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("a", 0, 5))
for args in [("z",), ("a", 20), ("bra", 2, 4), ("", 12)]:
    try:
        print(s.index(*args))
    except ValueError as e:
        print("index", args, "ValueError:", e)
    try:
        print(s.rindex(*args))
    except ValueError as e:
        print("rindex", args, "ValueError:", e)
print("".find(""), "".count(""), "abc".count(""), "aaaa".count("aa"), "aaaa".find("aa", 1), "a".rfind("", 0))
print("héllo wörld".find("ö"), "日本語日本".rfind("日本"), "😀😀x".index("x"), "ab".find("b", None, None))
try:
    s.find(1)
except TypeError as e:
    print("TypeError:", e)
try:
    s.count()
except TypeError as e:
    print("TypeError:", e)
print("x" in s, "bra" in s, "" in s, "" in "", s.__contains__("cad"))
try:
    print(1 in s)
except TypeError as e:
    print("TypeError:", e)
