"""Recursive function calls: naive Fibonacci and Ackermann."""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def main(size):
    total = 0
    for i in range(size):
        total += fib(20 + i % 5)
    total += ack(2, size)
    print("checksum", total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
