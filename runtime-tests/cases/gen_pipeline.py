# Generator pipelines: chained lazy stages, early termination, cleanup via finally, generator state checks.
log = []
def source(n):
    try:
        for i in range(n):
            log.append(f"produce {i}")
            yield i
    finally:
        log.append("source closed")
def square(it):
    for v in it:
        yield v * v
def only_even(it):
    for v in it:
        if v % 2 == 0:
            yield v
def take(it, n):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
pipeline = take(only_even(square(source(100))), 3)
print(list(pipeline))
print(log)
log.clear()
def running_avg(it):
    total = count = 0
    for v in it:
        total += v
        count += 1
        yield total / count
print([round(a, 3) for a in running_avg([3, 5, 10, 2])])
def chunks(it, size):
    chunk = []
    for v in it:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunks(range(10), 4)), list(chunks([], 3)))
def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]
print(list(windows("abcdef", 3)), list(windows([1, 2], 3)))
def read_lines(text):
    for line in text.splitlines():
        yield line
def parse(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        yield key.strip(), value.strip()
config = """
# comment
name = ember
 version=0.1
empty =
"""
print(dict(parse(read_lines(config))))
g = source(3)
print(g.gi_running, next(g), g.gi_running)
g.close()
print(log, g.gi_frame)
def interleave(*iterables):
    iterators = [iter(it) for it in iterables]
    while iterators:
        for it in list(iterators):
            try:
                yield next(it)
            except StopIteration:
                iterators.remove(it)
print(list(interleave("abc", [1, 2], (True,))))
gen_of_gens = ((i, (j for j in range(i))) for i in range(4))
print([(i, sum(g)) for i, g in gen_of_gens])
