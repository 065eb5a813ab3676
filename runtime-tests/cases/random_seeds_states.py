# random seeding from every accepted type, state round trips, getrandbits/randbytes sizes, subclasses and errors.
import random
for s in [0, 1, -1, 2 ** 32, 2 ** 32 - 1, 2 ** 64 + 5, -(2 ** 100), 10 ** 50, 3.5, -0.0, 1e300, "", "hello", "héllo ✓",
          b"bytes", bytearray(b"\x00\xff"), True, False]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(40), random.randrange(10 ** 20))
for s in ["abc", b"abc", "", "x" * 300]:
    random.seed(s, version=1)
    print("v1", repr(s)[:20], random.random())
random.seed(7)
state = random.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]), state[1][-1], state[2], state[1][:3])
first = [random.random() for _ in range(700)]
random.setstate(state)
print(first == [random.random() for _ in range(700)])
random.seed(8)
random.gauss()
st = random.getstate()
print(st[2] is not None, st[1][-1])
a = random.gauss()
random.setstate(st)
print(a == random.gauss())
v2 = (2, tuple(x - 2 ** 32 if i % 2 else x for i, x in enumerate(state[1][:-1])) + (state[1][-1],), None)
random.setstate(v2)
print(random.random() == first[0])
for k in [1, 7, 31, 32, 33, 63, 64, 65, 100, 128, 1000]:
    random.seed(k)
    v = random.getrandbits(k)
    print(k, v.bit_length() <= k, v % 1000003)
random.seed(5)
print(random.randbytes(0), random.randbytes(5), len(random.randbytes(33)))
r1 = random.Random(123)
r2 = random.Random("123")
r3 = random.Random(123.0)
print(r1.random(), r2.random(), r3.random(), random.Random(b"123").random() == random.Random("123").random())
class OnlyRandom(random.Random):
    def __init__(self, seq):
        self.seq = seq
        self.i = 0
        super().__init__(0)
    def random(self):
        self.i += 1
        return self.seq[self.i % len(self.seq)]
o = OnlyRandom([0.1, 0.5, 0.9, 0.3])
print([o.randrange(10) for _ in range(8)], o.choice("abcdef"), OnlyRandom._randbelow.__name__)
class Bits(random.Random):
    def getrandbits(self, k):
        return (2 ** k - 1) // 3
print(Bits(1).randrange(100), Bits._randbelow.__name__, random.Random._randbelow.__name__)
class Sub(random.Random):
    pass
s = Sub(42)
print(s.random(), type(s).__name__, isinstance(s, random.Random), Sub._randbelow.__name__)
import _random
print(_random.Random(42).random(), _random.Random().random() < 1.0, type(_random.Random(5).getstate()).__name__)
x = _random.Random(3)
x.seed(3)
print(x.random(), x.getrandbits(70))
for fn in [lambda: random.seed([1]), lambda: random.seed({}), lambda: random.setstate((3, (1, 2), None)),
           lambda: random.setstate((9, (), None)), lambda: random.getrandbits(2.5), lambda: random.Random(1, 2),
           lambda: _random.Random().setstate([0] * 625), lambda: _random.Random().setstate((0,) * 624 + (700,)),
           lambda: _random.Random().setstate((-1,) + (0,) * 624), lambda: _random.Random(x=3),
           lambda: random.randbytes(-1), lambda: random.getrandbits(-5), lambda: random.Random().seed(1, 2, 3)]:
    try:
        print(fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
