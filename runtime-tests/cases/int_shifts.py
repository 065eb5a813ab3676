# Left and right shifts, including negatives, big amounts and errors.
for v in [0, 1, -1, 7, -7, 1000, -1000, 2**64, -(2**64)]:
    print(v, [v << s for s in (0, 1, 3, 10)], [v >> s for s in (0, 1, 3, 10, 100)])
print(1 << 100, -1 << 100, (1 << 100) >> 99, -(1 << 100) >> 200)
print(5 >> 1000, -5 >> 1000, 0 << 1000)
print(True << 3, False << 3, 8 >> True)
for a, b in [(1, -1), (-1, -3), (1, 1.0), (1.0, 1)]:
    try:
        print(a << b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        print(a >> b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = 3
x <<= 4; print(x)
x >>= 2; print(x)
print(-17 >> 2, -17 // 4, 17 >> 2, 17 // 4)
print(int.__lshift__(3, 2), int.__rshift__(-64, 3), (3).__rlshift__(1))
