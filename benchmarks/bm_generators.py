"""A pipeline of generators: a pseudo-random source feeds filtering, mapping,
sliding-window, chunking/flattening (`yield from`) and run-length stages,
mixed with generator expressions, and a sink reduces the stream to a few
numbers. Measures generator creation and resumption, closures and small
tuple/list traffic."""
import sys


def source(count, seed):
    """`count` pseudo-random ints in [0, 1000) from a small xorshift."""
    state = seed
    for _ in range(count):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        yield state % 1000


def keep(predicate, items):
    for item in items:
        if predicate(item):
            yield item


def apply(func, items):
    for item in items:
        yield func(item)


def windows(items, width):
    """Sliding windows of `width` consecutive items, as tuples."""
    window = []
    for item in items:
        window.append(item)
        if len(window) > width:
            del window[0]
        if len(window) == width:
            yield tuple(window)


def chunks(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(batches):
    for batch in batches:
        yield from batch


def expand(items):
    """Each value v turns into a short burst depending on its remainder."""
    for v in items:
        if v % 5 == 0:
            yield from (v + k for k in range(3))
        elif v % 7 == 0:
            yield from reversed((v, -v))
        else:
            yield v


def run_lengths(items):
    """Collapse equal neighbours to (value, repeat) pairs."""
    it = iter(items)
    try:
        current = next(it)
    except StopIteration:
        return
    n = 1
    for item in it:
        if item == current:
            n += 1
        else:
            yield current, n
            current, n = item, 1
    yield current, n


def take_every(items, step):
    for i, item in enumerate(items):
        if i % step == 0:
            yield item


def pipeline(count, seed):
    numbers = source(count, seed)
    odd_or_big = keep(lambda x: x % 2 or x > 500, numbers)
    scaled = apply(lambda x: x * 3 - 1000, odd_or_big)
    averaged = (sum(w) // len(w) for w in windows(scaled, 4))
    regrouped = flatten(sorted(b) for b in chunks(averaged, 8))
    expanded = expand(regrouped)
    bucketed = (x // 50 for x in expanded)
    return run_lengths(bucketed)


def sink(pairs):
    total = runs = longest = 0
    histogram = {}
    for value, repeat in pairs:
        runs += 1
        total += value * repeat
        if repeat > longest:
            longest = repeat
        histogram[value] = histogram.get(value, 0) + repeat
    return total, runs, longest, histogram


def main(size):
    total, runs, longest, histogram = sink(pipeline(size * 1000, 2463534242))
    top = sorted(histogram.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    sampled = sum(take_every(source(size * 100, 88172645), 7))
    print(f"items {size * 1000} runs {runs} total {total} longest {longest}")
    print(f"buckets {len(histogram)} top {top}")
    print(f"sampled {sampled}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
