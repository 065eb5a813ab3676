"""Tuple and sequence unpacking.

Swaps, `a, b = b, a + b`, star-unpacking (`first, *rest = seq`), nested
unpacking in for loops over lists of tuples, functions returning tuples that
callers unpack, zip/enumerate unpacking and dict.items() unpacking.
"""
import sys


def fib_pairs(n):
    a, b = 0, 1
    total = 0
    for _ in range(n):
        a, b = b, (a + b) % 1000003
        total += a
    return total % 1000003


def swaps(n):
    x, y, z = 1, 2, 3
    for i in range(n):
        x, y = y, x
        x, y, z = z, x + i % 5, y
        if y > 1000:
            x, y, z = y % 7, z % 11, x % 13
    return x, y, z


def divmod_pair(a, b):
    return a // b, a % b


def min_max_sum(values):
    lo = hi = values[0]
    total = 0
    for v in values:
        if v < lo:
            lo = v
        elif v > hi:
            hi = v
        total += v
    return lo, hi, total


def returned_tuples(n):
    acc = 0
    for i in range(1, n):
        q, r = divmod_pair(i * 7919, i % 97 + 1)
        acc += q % 13 + r
        lo, hi, total = min_max_sum((i % 17, i % 5, i % 23, i % 3))
        acc += hi - lo + total
    return acc


def star_unpacking(n):
    seqs = [list(range(k % 9 + 2)) for k in range(32)]
    acc = 0
    for i in range(n):
        seq = seqs[i % 32]
        first, *rest = seq
        *init, last = seq
        head, *middle, tail = seq
        acc += first + len(rest) + last * 2 + len(init) + len(middle) * 3 + tail
        a, b, *others = (i, i + 1, i + 2, i + 3)
        acc += a + b - len(others)
    return acc % 1000003


def nested_loops(n):
    records = [((i % 13, i % 7), (chr(97 + i % 26), i % 11)) for i in range(200)]
    acc = 0
    rounds = n // len(records)
    for _ in range(rounds):
        for (x, y), (letter, weight) in records:
            acc += x * y + weight + (letter == "e")
        for idx, ((x, _), (_, w)) in enumerate(records):
            if idx % 3 == 0:
                acc += x + w
    return acc


def zip_enumerate(n):
    xs = [i * 3 % 29 for i in range(300)]
    ys = [i * 5 % 31 for i in range(300)]
    names = ["n%d" % (i % 40) for i in range(300)]
    acc = 0
    rounds = n // 300
    for _ in range(rounds):
        for i, (x, y) in enumerate(zip(xs, ys)):
            acc += i * x - y
        for x, y, name in zip(xs, ys, names):
            acc += len(name) * (x > y)
        for i, x in enumerate(xs, start=1):
            acc ^= i + x
    return acc


def dict_items(n):
    table = {"k%d" % i: (i, i * i % 37) for i in range(150)}
    inverse = {}
    acc = 0
    rounds = n // 150
    for r in range(rounds):
        for key, (a, b) in table.items():
            acc += a * b + len(key)
            if r == 0:
                inverse[b] = key
        for b, key in inverse.items():
            acc -= b
    pairs = sorted((v, k) for k, v in inverse.items())
    (first_v, first_k), *_, (last_v, last_k) = pairs
    return acc, first_v, first_k, last_v, last_k


def main(size):
    n = size * 10000
    print("checksum", fib_pairs(n), swaps(n), returned_tuples(n // 2), star_unpacking(n // 3),
          nested_loops(n), zip_enumerate(n), dict_items(n))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
