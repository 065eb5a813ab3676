# heapq and bisect: tie order of nlargest/nsmallest, merge with key/reverse, max-heap helpers, errors.
import heapq
import bisect

data = [(1, "a"), (3, "b"), (1, "c"), (2, "d"), (3, "e"), (1, "f"), (2, "g")]
key = lambda t: t[0]
for n in [0, 1, 2, 3, 5, 7, 10, -1]:
    print(n, heapq.nsmallest(n, data, key=key), heapq.nlargest(n, data, key=key))
print(heapq.nsmallest(3, iter(data), key=key), heapq.nlargest(3, iter(data), key=key))
print(heapq.nsmallest(2, iter([5, 1, 4, 1])), heapq.nlargest(2, iter([5, 1, 4, 5])), heapq.nlargest(1, []), heapq.nsmallest(1, iter([])))
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(4, words, key=len), heapq.nlargest(2, iter(words), key=len))

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
    print(h)
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 4), h, heapq.heapreplace(h, 10), h)
out = []
while h:
    out.append(heapq.heappop(h))
print(out)
data2 = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data2)
print(data2)
heapq._heapify_max(data2)
print(data2, heapq._heappop_max(data2), data2, heapq._heapreplace_max(data2, 100), data2)

print(list(heapq.merge([1, 3, 5], [2, 3, 4], [3], [])))
print(list(heapq.merge([(1, "x"), (2, "y")], [(1, "a"), (3, "b")], key=lambda t: t[0])))
print(list(heapq.merge([9, 5, 1], [8, 5, 2], reverse=True)), list(heapq.merge(["ccc", "a"], ["bb"], key=len, reverse=True)))
print(list(heapq.merge()), list(heapq.merge([1])), list(heapq.merge(iter("ad"), "bc", "")))
m = heapq.merge([1, 2], [1.0, 2.0])
print(next(m), type(next(m)).__name__, list(m))


class Task:
    def __init__(self, p, name):
        self.p, self.name = p, name

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return self.name


tasks = [Task(2, "b"), Task(1, "a"), Task(2, "c"), Task(1, "d"), Task(0, "e")]
heapq.heapify(tasks)
print(tasks, [heapq.heappop(tasks) for _ in range(5)])
for fn in [lambda: heapq.heappush((), 1), lambda: heapq.heappop("x"), lambda: heapq.heapify(None),
           lambda: heapq.heappushpop([1], None), lambda: heapq.heapreplace([], 0), lambda: heapq.nlargest("x", [1])]:
    try:
        print(fn())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

a = [10, 20, 20, 30]
print(bisect.bisect_left(a, 20), bisect.bisect_right(a, 20), bisect.bisect_left(a, 20, 2), bisect.bisect_right(a, 20, 0, 1))
print(bisect.bisect_left(a, 25, hi=2), bisect.bisect(a, 5), bisect.bisect(a, 35), bisect.bisect_left([], 1))
recs = [("x", 1), ("y", 2), ("z", 2), ("w", 4)]
print(bisect.bisect_left(recs, 2, key=lambda r: r[1]), bisect.bisect_right(recs, 2, key=lambda r: r[1]))
bisect.insort_left(recs, ("L", 2), key=lambda r: r[1])
bisect.insort_right(recs, ("R", 2), key=lambda r: r[1])
bisect.insort(recs, ("E", 9), key=lambda r: r[1])
print(recs)
letters = list("bdf")
bisect.insort(letters, "c")
bisect.insort_left(letters, "a", 0, 0)
print(letters)
for fn in [lambda: bisect.bisect([1], 1, -2), lambda: bisect.insort([1], 0, lo=-1), lambda: bisect.bisect([1, "a"], 2)]:
    try:
        print(fn())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


# Comparisons that resize the heap, and argument errors of the native primitives.
class Grower:
    def __init__(self, heap, v):
        self.heap, self.v = heap, v

    def __lt__(self, other):
        self.heap.append(0)
        return self.v < other.v


heap = []
heap.append(Grower(heap, 5))
for fn in [lambda: heapq.heappush(heap, Grower(heap, 1)), lambda: heapq.heapify([1, 2, 3] * 0 + [Grower(heap, 3), Grower(heap, 1)])]:
    try:
        fn()
        print("no error")
    except RuntimeError as e:
        print("RuntimeError", e)
for fn in [lambda: heapq.heappush([]), lambda: heapq.heappop([], 1), lambda: heapq.heapify(), lambda: heapq.heappushpop([], 1, 2),
           lambda: heapq.heappush(heap=[], item=1), lambda: bisect.bisect_right([1], x=1), lambda: bisect.bisect_left(),
           lambda: bisect.bisect_right([1, 2, 3], 2, hi=-1), lambda: bisect.bisect_right([1, 2, 3], 2, 0, -5),
           lambda: bisect.insort_left((1, 2), 0), lambda: bisect.bisect_left([1], 1, "x")]:
    try:
        print(fn())
    except (TypeError, AttributeError, ValueError) as e:
        print(type(e).__name__, e)


class SortedBox(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


sb = SortedBox([1, 5])
bisect.insort(sb, 3)
print(sb, heapq.heappushpop([1, 2], 0), heapq.heappushpop([3], 4))
