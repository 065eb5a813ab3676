# str.maketrans forms and str.translate (mapping to str, int, None, missing keys).
t1 = str.maketrans("abc", "xyz")
print(sorted(t1.items()))
print("aabbcc-abc".translate(t1))
t2 = str.maketrans("abc", "xyz", "-")
print(sorted(t2.items()), "aabbcc-abc".translate(t2))
t3 = str.maketrans({"a": "AA", "b": None, ord("c"): 67, "d": ord("D")})
print(sorted(t3.items()), "abcd-abcd".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "hello".translate({104: None, 111: "0"}))
class Lookup:
    def __getitem__(self, k):
        if k == ord("e"):
            return "3"
        raise LookupError(k)
print("hello there".translate(Lookup()))
for args in [("ab", "x"), ({"ab": 1},), ({1.5: "x"},), (1,)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "abc".translate({ord("a"): 1.5})
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".translate({ord("a"): 0x110000})
except ValueError as e:
    print("ValueError:", e)
print("üñî".translate(str.maketrans("üñî", "uni")), "日本".translate({ord("日"): "sun"}))
