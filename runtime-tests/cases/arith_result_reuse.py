# Arithmetic whose operand dies at the operation: compiled code may build the
# result in the operand's own object when nothing else refers to it. Every
# other reference must keep seeing the old value.


def float_chain(n, a, b):
    x = 0.5
    for _ in range(n):
        x = x * a + b
    return x


def int_counter(n):
    i = 10**6
    total = 0
    while i < 10**6 + n:
        total += i
        i += 1
    return i, total


def aliases():
    x = 1000.5
    y = x          # a second reference: x must not change under y
    x += 1.0
    k = 123456
    kept = [k]
    k += 1
    k *= 3
    return x, y, k, kept


def same_operand(v):
    w = v * 1.5
    return w * w, (w + w) - w


def crossing_small_range():
    out = []
    i = 250
    while i < 262:
        out.append(i)
        i += 1
    j = 300
    while j > 240:
        j -= 7
        out.append(j)
    return out


def mixed(n):
    acc = 0
    f = 0.0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
        f = f / 2.0 + i
    return acc, f


def overflow_to_big():
    x = 2**62 - 10
    seen = []
    for _ in range(4):
        x = x + 2**60
        seen.append(x)
    y = -(2**62)
    y = y - 2**62
    return seen, y


def division_errors(v):
    x = v * 2.0
    try:
        x = x / 0.0
    except ZeroDivisionError as e:
        return "caught", x, str(e)


class F(float):
    pass


def subclass_operands():
    x = F(2.5)
    x = x * 2.0
    y = 3.0 * F(1.5)
    return type(x).__name__, x, type(y).__name__, y


def in_generator(n):
    x = 1.0
    i = 1000
    for _ in range(n):
        x = x * 1.25 - 0.25
        i += 3
        yield x, i


def in_closure():
    total = 10**7

    def add(k):
        nonlocal total
        total += k
        return total

    return [add(k) for k in range(5)], total


class Acc:
    def __init__(self):
        self.v = 10**9

    def bump(self, k):
        self.v += k
        return self.v


print(float_chain(100000, 0.999, 0.001))
print(int_counter(5000))
print(aliases())
print(same_operand(3.0))
print(crossing_small_range())
print(mixed(2000))
print(overflow_to_big())
print(division_errors(4.0))
print(subclass_operands())
print(list(in_generator(5)))
print(in_closure())
a = Acc()
print([a.bump(k) for k in range(4)], a.v)
vals = [x * 1.0 for x in range(5)]
vals2 = [v + 1.0 for v in vals]
print(vals, vals2)
