# Recursion: mutual recursion, memoisation by hand, sys.setrecursionlimit and catching RecursionError.
import sys
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(90))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
old = sys.getrecursionlimit()
print(old)
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def count_depth(n=0):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n
d = count_depth()
print(150 < d < 200)
sys.setrecursionlimit(old)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
def perms(items):
    if len(items) <= 1:
        return [items]
    return [[items[i]] + p for i in range(len(items)) for p in perms(items[:i] + items[i + 1:])]
print(perms([1, 2, 3]))
def flatten(x):
    return [z for y in x for z in flatten(y)] if isinstance(x, list) else [x]
print(flatten([1, [2, [3, [4, [5]]]], [[6]]]))
