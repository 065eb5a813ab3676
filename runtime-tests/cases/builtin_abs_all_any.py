# abs, all, any, bin, hex, oct, chr, ord, callable, divmod on assorted inputs and error paths.
print(abs(-3), abs(3.5), abs(-0.0), abs(-2 ** 100), abs(3 - 4j), abs(True), abs(False))
print(all([]), all([1, "x"]), all([1, 0]), all(iter([])), all("abc"), all([[]]), any([]), any([0, "", None]), any([0, 1]))
def gen(vals, log):
    for v in vals:
        log.append(v)
        yield v
log = []
print(all(gen([1, 0, 1], log)), log)
log = []
print(any(gen([0, 2, 3], log)), log)
print(bin(0), bin(5), bin(-5), bin(2 ** 65), hex(0), hex(255), hex(-255), oct(8), oct(-8), oct(0))
print(chr(97), chr(0x263A), ord("a"), ord("☺"), ord(b"a"), ord(bytearray(b"z")))
print(callable(len), callable(lambda: 0), callable(int), callable(5), callable("s"), callable(type), callable(print))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), divmod(True, 2))
for fn, arg in [(abs, "x"), (all, 5), (any, None), (bin, 1.5), (hex, "1"), (oct, None), (chr, "a"), (ord, 5),
                (callable, None)]:
    try:
        print(fn.__name__, fn(arg))
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)
try:
    divmod(1)
except TypeError as e:
    print("TypeError:", e)
try:
    abs()
except TypeError as e:
    print("TypeError:", e)
try:
    abs(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    chr(1, 2)
except TypeError as e:
    print("TypeError:", e)
