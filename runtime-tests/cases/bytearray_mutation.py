# bytearray mutation: item/slice assignment, deletion, append/extend/insert/pop/remove, +=, *=, errors.
ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b""
print(ba)
ba[0:0] = b">>"
print(ba)
ba[::2] = b"xyz"
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b"ab")
ba.extend([99, 100])
ba.extend(bytearray(b"e"))
ba.insert(0, 60)
ba.insert(-1, 95)
ba.insert(100, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("a"))
print(ba)
ba += b"+="
print(ba)
ba *= 2
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba == c, len(ba))
for fn in [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, -1), lambda: ba.__setitem__(0, "a"),
           lambda: ba.__setitem__(slice(0, 2, 1), 5), lambda: ba.__setitem__(slice(0, 6, 2), b"ab"),
           lambda: ba.append(300), lambda: ba.remove(255), lambda: bytearray().pop(), lambda: ba.pop(99),
           lambda: ba.insert(0, b"a"), lambda: ba.extend(5), lambda: ba.extend([1, "x"]), lambda: hash(ba)]:
    try:
        fn()
        print("ok", ba)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
x = bytearray(5)
x[1:4] = [1, 2, 3]
print(x, bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__)
y = bytearray(b"abcdef")
y[1:5:2] = b"XY"
y[-1] = ord("Z")
print(y, y[1], y[1:3], type(y[1:3]).__name__, y.hex(), y.upper(), bytearray.fromhex("ff 00"))
z = bytearray(b"0123456789")
del z[7:2:-2]
print(z)
z[2:2] = b"INS"
z[len(z):] = b"END"
print(z, z.find(b"INS"), z.count(b"E"), z.startswith(b"01"), z.replace(b"INS", b"-"))
