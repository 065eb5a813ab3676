# functools.lru_cache and cache: hits/misses, maxsize eviction, typed, cache_clear, cache_parameters, recursion.
import functools
calls = []
@functools.lru_cache(maxsize=3)
def slow_square(n):
    calls.append(n)
    return n * n
for n in [1, 2, 3, 1, 4, 2, 1, 5]:
    slow_square(n)
print(calls, slow_square.cache_info())
slow_square.cache_clear()
print(slow_square.cache_info(), slow_square(2), slow_square.cache_info())
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())
@functools.lru_cache
def bare(x):
    return x * 2
print(bare(3), bare(3), bare.cache_info(), bare.cache_parameters())
@functools.lru_cache(maxsize=10, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())
@functools.cache
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
print(count_paths(10, 10), count_paths.cache_info().currsize)
@functools.lru_cache(maxsize=0)
def never_cached(x):
    return x
never_cached(1)
never_cached(1)
print(never_cached.cache_info())
@functools.lru_cache(maxsize=4)
def kw(a, b=0, *, c=0):
    return a + b + c
print(kw(1), kw(1, 0), kw(a=1), kw(1, c=0), kw.cache_info())
try:
    @functools.lru_cache(maxsize=4)
    def unhashable(x):
        return x
    unhashable([1])
except TypeError as e:
    print("TypeError:", e)
print(slow_square.__name__, fib.__wrapped__(1), type(functools.lru_cache(maxsize=1)).__name__ in ("function", "builtin_function_or_method"))
