# replace with counts, empty patterns, unicode; and str multiplication/concatenation.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("", "-"), "".replace("", "x"), "abc".replace("", "-", 2), "aaa".replace("a", ""), "aaa".replace("aa", "b"))
print("abc".replace("x", "y"), "ababab".replace("aba", "X"), "😀a😀".replace("😀", ":)"), "straße".replace("ß", "ss"))
print("a" * 5, "ab" * 0, "ab" * -3, 3 * "xy", "" * 100, "a" + "b" + "c")
t = "x"
t += "y"
t *= 3
print(t)
try:
    "abc".replace("a")
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".replace(1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
print("abc".replace("b", "BBB", 1).replace("B", "c"))
