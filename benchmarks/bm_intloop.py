"""Integer loops: a sieve, a collatz search and modular arithmetic."""
import sys


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return sum(1 for f in flags if f)


def collatz_longest(limit):
    best, best_len = 1, 1
    for start in range(1, limit):
        n, length = start, 1
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            length += 1
        if length > best_len:
            best, best_len = start, length
    return best, best_len


def modsum(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i * i) % 1000003
    return acc


def main(size):
    print("checksum", sieve(size * 20000), collatz_longest(size * 2000), modsum(size * 50000))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
