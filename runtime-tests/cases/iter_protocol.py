# The iterator protocol: __iter__/__next__ classes, for-loop semantics, else clause, iterables reused.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)), sorted(Countdown(3)), 2 in Countdown(5))
c = Countdown(3)
for x in c:
    print("first loop", x)
for x in c:
    print("never", x)
class Reusable:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
r = Reusable("xy")
print(list(r), list(r), tuple(r), "-".join(r), dict.fromkeys(r))
for i in range(3):
    if i == 5:
        break
else:
    print("loop else ran")
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print("after break", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 42:
        pass
except TypeError as e:
    print("TypeError:", e)
a, b, c = Countdown(3)
print(a, b, c, [*Countdown(2), *"ab"], {*Countdown(2)})
x, *rest = Reusable(range(5))
print(x, rest)
it = iter([1, 2, 3, 4, 5, 6])
for v in it:
    print("pair", v, next(it))
