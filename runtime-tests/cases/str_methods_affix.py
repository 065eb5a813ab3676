# startswith / endswith with tuples and ranges; removeprefix / removesuffix.
s = "hello world"
for arg in ["hello", "world", "", "h", "d", "Hello", ("x", "he"), ("x", "y"), (), ("world", "hello")]:
    print(repr(arg), s.startswith(arg), s.endswith(arg))
for start, end in [(6, None), (0, 5), (-5, None), (6, 100), (20, None), (3, 2), (-100, -6)]:
    print(start, end, s.startswith("world", start, end), s.endswith("world", start, end), s.startswith("", start, end),
          s.endswith("hello", start, end), s.endswith("", start, end))
for bad in [1, ["a"], ("a", 1)]:
    try:
        s.startswith(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        s.endswith(bad)
    except TypeError as e:
        print("TypeError:", e)
for t in ["prefix_body_suffix", "prefix", "body", "", "prefixprefix"]:
    print(repr(t), repr(t.removeprefix("prefix")), repr(t.removesuffix("suffix")), repr(t.removeprefix("")), repr(t.removesuffix(t)))
try:
    "x".removeprefix(None)
except TypeError as e:
    print("TypeError:", e)
print("ñandú".startswith("ñ"), "日本".endswith("本"), "abc".startswith(("", "z")))
