# heapq (push/pop/heapify/replace/pushpop/nlargest/nsmallest/merge) and bisect (left/right/insort with key).
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h, h[0])
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
h = [1, 3, 5]
print(heapq.heapreplace(h, 4), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 10), h)
nums = [15, 3, 42, 7, 23, 8, 4, 16]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(0, nums), heapq.nsmallest(10, nums))
people = [("ann", 31), ("bob", 25), ("cy", 40), ("di", 25)]
print(heapq.nsmallest(2, people, key=lambda p: p[1]), heapq.nlargest(2, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge([], [1])), list(heapq.merge("ace", "bd")))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)), list(heapq.merge(["aa", "b"], ["ccc"], key=len)))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
for fn in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1], "a"), lambda: heapq.heapify(5)]:
    try:
        print(fn())
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 4, 4, 4, 7, 9]
print([bisect.bisect_left(a, v) for v in [0, 1, 4, 5, 9, 10]], [bisect.bisect_right(a, v) for v in [0, 1, 4, 5, 9, 10]])
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4, 3), bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 4, hi=4))
b = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4.0)
print(b)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("x", 4), key=lambda r: r[1])
print(recs)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
