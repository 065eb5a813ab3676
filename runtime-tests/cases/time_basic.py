# time module: only deterministic facts (types, monotonicity, sleep(0), perf_counter ordering).
import time
t = time.time()
print(type(t).__name__, t > 1_600_000_000)
m1 = time.monotonic()
m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1)
p1 = time.perf_counter()
time.sleep(0)
time.sleep(0.001)
p2 = time.perf_counter()
print(p2 >= p1, p2 - p1 >= 0.0009)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, time.monotonic_ns() > 0)
print(time.sleep(0))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
start = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, elapsed < 60)
