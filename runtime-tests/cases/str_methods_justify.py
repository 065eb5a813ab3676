# center / ljust / rjust / zfill / expandtabs.
for s in ["", "a", "ab", "abc", "héllo"]:
    for w in [0, 1, 4, 5, 8]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w)), repr(s.rjust(w)), repr(s.center(w, "*")),
              repr(s.ljust(w, "-")), repr(s.rjust(w, "ü")))
for s in ["42", "-42", "+42", "", "-", "abc", "3.14", "-0", "+-1", "42" * 3]:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)), repr(s.zfill(-1)))
for bad in ["ab", "", 5]:
    try:
        "x".center(5, bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "x".ljust("5")
except TypeError as e:
    print("TypeError:", e)
for s in ["a\tb\tc", "\t", "abcdefgh\tx", "12\t3456\t7\n1\t2", "x\ty\r\tz", ""]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(1)), repr(s.expandtabs(-3)))
print(repr("a\tb".expandtabs(tabsize=3)))
