# Requests for more memory than the machine has raise MemoryError (never abort or
# get the process killed), and the interpreter carries on afterwards.
import itertools

CASES = [
    "[0] * 2**40", "(2**40) * [0]", "[1, 2] * 2**39", "[None] * (2**62)", "(1,) * 2**40",
    "'a' * 2**40", "'ab' * 2**39", "'\\u20ac' * 2**40", "'a'.join(['b'] * 3) * 2**40",
    "bytearray(2**40)", "bytes(2**40)", "bytes(range(3)) * 2**40",
    "'ab'.center(2**40)", "'x'.ljust(2**40)", "'x'.rjust(2**40)", "'x'.zfill(2**40)", "b'a'.zfill(2**40)",
    "'a\\tb'.expandtabs(2**40)", "'%*d' % (2**40, 1)", "'{:{}}'.format(1, 2**40)", "format(1, '%d' % 2**40)",
    "'{:>1099511627776}'.format('a')", "str(1).center(2**62)",
    "list(range(2**40))", "tuple(range(2**40))", "sorted(range(2**40))",
    "list(itertools.repeat(0, 2**40))",
    "list(itertools.combinations_with_replacement('', 10**12))",
]
for src in CASES:
    try:
        r = eval(src)
        print(src, "ok", type(r).__name__, len(r))
    except (MemoryError, OverflowError) as e:
        print(src, type(e).__name__, e)

x = [1]
try:
    x *= 2**40
except MemoryError as e:
    print("list *= MemoryError", x)
s = "a"
try:
    s *= 2**40
except MemoryError:
    print("str *= MemoryError", s)
print("still running", sum(range(10)))
