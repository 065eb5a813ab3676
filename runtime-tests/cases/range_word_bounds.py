# range() at and beyond the machine-word bounds, with every argument form.
import sys

M = sys.maxsize


def show(*args):
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = "OverflowError: " + str(e)
    first = [r[i] for i in range(3) if i < r.__len__()] if isinstance(n, int) else [r.start]
    last = r[-1] if isinstance(n, int) and n else None
    print(args, n, r, first, last, r.start, r.stop, r.step)


for args in [(5,), (0,), (-3,), (1, 10), (10, 1), (1, 10, 3), (10, 1, -3), (10, 1, 3),
             (0, M, 7), (-5, 5, -1), (True, 5), (0, M), (M, 0, -1), (-M - 1, -1), (2**70,), (0, 2**70, 3)]:
    show(*args)
for args in [(-M - 1, M), (M, -M - 1, -1)]:
    r = range(*args)
    print(r, r[0], r[-1], r.count(0), 5 in r)
    try:
        len(r)
    except OverflowError as e:
        print("OverflowError", e)
for bad in [(1, 2, 0), (1.5,), ("a",), ()]:
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum(range(10**6)), list(range(-2, -12, -4)), range(3) == range(0, 3, 1))
