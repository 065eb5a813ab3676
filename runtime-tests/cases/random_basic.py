# random with fixed seeds: exact sequences from random(), randint, randrange, choice, uniform, getrandbits.
import random
random.seed(12345)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], [random.randrange(5, 50, 5) for _ in range(8)])
print([random.randrange(-10, 10) for _ in range(8)], random.randrange(0, 100, 7))
print([random.choice("abcdef") for _ in range(10)], random.choice([None]), random.choice(range(1000)))
print([round(random.uniform(-1, 1), 10) for _ in range(4)], random.uniform(5, 5))
print(random.getrandbits(1), random.getrandbits(8), random.getrandbits(64), random.getrandbits(100), random.getrandbits(0))
random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(123)
print(random.random(), random.randint(0, 10 ** 30))
random.seed(2 ** 100 + 7)
print(random.random())
random.seed(-5)
print(random.random())
state = random.getstate()
x = [random.random() for _ in range(3)]
random.setstate(state)
print(x == [random.random() for _ in range(3)])
r = random.Random(42)
print(r.random(), r.randint(1, 100), r.choice("xyz"))
r2 = random.Random()
r2.seed(42)
print(r2.random())
for fn in [lambda: random.randint(5, 1), lambda: random.randrange(0), lambda: random.randrange(1, 1), lambda: random.choice([]),
           lambda: random.randrange(0, 10, 0), lambda: random.getrandbits(-1)]:
    try:
        print(fn())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
