# bytearray mutators and slice assignment edge cases; a minimal memoryview over bytes and bytearray.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

ba = bytearray(b"abc")
for label, f in [
    ("append str", lambda: ba.append("a")), ("append 256", lambda: ba.append(256)),
    ("append big", lambda: ba.append(2 ** 100)), ("insert str", lambda: ba.insert("a", 1)),
    ("insert 300", lambda: ba.insert(0, 300)), ("insert big", lambda: ba.insert(2 ** 100, 1)),
    ("pop big", lambda: ba.pop(2 ** 100)), ("pop str", lambda: ba.pop("x")), ("remove bytes", lambda: ba.remove(b"a")),
    ("remove 300", lambda: ba.remove(300)), ("extend str", lambda: ba.extend("abc")), ("extend int", lambda: ba.extend(5)),
    ("extend range", lambda: ba.extend([1, 300])), ("extend bad item", lambda: ba.extend(iter([1, "x"]))),
    ("alloc", lambda: bytearray(b"ab").__alloc__() >= 3), ("reduce", lambda: bytearray(b"\xff").__reduce__()),
    ("reduce_ex 4", lambda: bytearray(b"\xff").__reduce_ex__(4)), ("after failures", lambda: ba),
]:
    t(label, f)
b2 = bytearray(b"abc")
b2.insert(-10, 65)
b2.insert(-1, 66)
b2.insert(100, 67)
print(b2, b2.pop(-2), b2.pop(0), b2)

def u(label, f):
    global ba
    ba = bytearray(b"abcdef")
    try:
        f()
        print(label, ba)
    except Exception as e:
        print(label, type(e).__name__ + ":", e, ba)

for label, f in [
    ("str", lambda: ba.__setitem__(slice(0, 2), "xy")), ("int", lambda: ba.__setitem__(slice(0, 2), 3)),
    ("list", lambda: ba.__setitem__(slice(0, 2), [1, 2, 3])), ("bad list", lambda: ba.__setitem__(slice(0, 2), [1, 256])),
    ("ext short", lambda: ba.__setitem__(slice(0, 6, 2), [1, 2])), ("ext ok", lambda: ba.__setitem__(slice(0, 6, 2), b"xyz")),
    ("ext neg", lambda: ba.__setitem__(slice(5, 0, -2), b"xyz")), ("self", lambda: ba.__setitem__(slice(0, 2), ba)),
    ("mv", lambda: ba.__setitem__(slice(0, 0), memoryview(b"mv"))),
    ("rev self", lambda: ba.__setitem__(slice(None, None, -1), ba)), ("none", lambda: ba.__setitem__(slice(0, 6, 2), None)),
    ("backwards", lambda: ba.__setitem__(slice(4, 2), b"XY")), ("key str", lambda: ba.__setitem__("a", 1)),
    ("index 10", lambda: ba.__setitem__(10, 1)), ("del 10", lambda: ba.__delitem__(10)),
    ("del rev", lambda: ba.__delitem__(slice(None, None, -1))), ("del odd", lambda: ba.__delitem__(slice(1, None, 2))),
    ("del key str", lambda: ba.__delitem__("x")), ("get str", lambda: ba.__getitem__("x")),
    ("iadd str", lambda: ba.__iadd__("x")), ("imul neg", lambda: ba.__imul__(-1)),
    ("imul huge", lambda: ba.__imul__(2 ** 62)), ("imul big", lambda: ba.__imul__(2 ** 100)),
    ("float", lambda: ba.__setitem__(slice(0, 2), 1.5)), ("item big", lambda: ba.__setitem__(0, 2 ** 100)),
    ("item -1", lambda: ba.__setitem__(-1, 0)), ("gen", lambda: ba.__setitem__(slice(1, 3), (x for x in b"XYZ"))),
    ("tail", lambda: ba.__setitem__(slice(100, 200), b"!")), ("iadd self", lambda: ba.__iadd__(ba)),
]:
    u(label, f)
x = bytearray(b"ab")
x += b"cd"
x *= 2
print(x, x is x.copy(), x.copy() == x)
try:
    x *= 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    x += 5
except TypeError as e:
    print("TypeError:", e)

m = memoryview(b"abcdef")
print(m[1], m[-1], bytes(m[1:4]), m[::2].tobytes(), m.tolist(), len(m[::2]), m.nbytes, m.readonly, m.itemsize,
      m.format, m.ndim, m.shape, m.strides, m.obj, m == b"abcdef", m[::2] == b"ace", hash(m) == hash(b"abcdef"),
      m.hex(), m.hex(":"), list(m[:2]), m.c_contiguous, m[::2].c_contiguous, m[::2].strides, m[::-1].tobytes(),
      m[::2].obj, b"x" + m[:1], bytearray(m[2:4]))
for label, f in [("index", lambda: m[10]), ("key", lambda: m["a"]), ("assign ro", lambda: m.__setitem__(0, 1)),
                 ("str", lambda: memoryview("x")), ("none", lambda: memoryview())]:
    t(label, f)
m.release()
m.release()
for label, f in [("len", lambda: len(m)), ("tobytes", lambda: m.tobytes()), ("bytes", lambda: bytes(m)),
                 ("eq", lambda: m == b""), ("eq self", lambda: m == m)]:
    t(label, f)
ba = bytearray(b"xyz")
w = memoryview(ba)
w[0] = 65
w[1:3] = b"BC"
print(ba, w.readonly)
for label, f in [("hash", lambda: hash(w)), ("256", lambda: w.__setitem__(0, 256)),
                 ("shape", lambda: w.__setitem__(slice(0, 2), b"a"))]:
    t(label, f)
with memoryview(b"ab") as q:
    print(q[0], q.tolist())
print(memoryview(memoryview(b"ab")).obj, memoryview(b"ab").toreadonly().readonly,
      memoryview(b"ab") == memoryview(b"ab"), memoryview(b"ab") != bytearray(b"ab"), memoryview(b"a") == "a")
t("lt", lambda: memoryview(b"a") < memoryview(b"b"))
