# list.sort and sorted: stability, key, reverse (stable too), mixed types error, mutation detection.
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35), ("frank", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_len = sorted(["ccc", "a", "bb", "dd", "e", "fff"], key=len)
print(by_len, sorted(["ccc", "a", "bb", "dd", "e", "fff"], key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=lambda v: v % 3, reverse=True)
print(nums)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((3, 1, 2)), sorted([]), sorted([1.5, 1, True, 0.5]))
print(sorted(["b", "B", "a", "A"], key=str.lower), sorted([[2, 1], [1, 2], [1, 1, 1]]), sorted([(1, "b"), (1, "a")]))
for data in [[1, "a"], [None, 1], [[1], (1,)], [1, 2, "3", 4], [1j, 2j]]:
    try:
        print(sorted(data))
    except TypeError as e:
        print("TypeError:", e)
big = [(i * 7919) % 1000 for i in range(500)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
lst = [3, 1, 2]
def bad_key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(lambda v: v)
except TypeError as e:
    print("TypeError:", e)
print([1, 2].sort(), sorted([3, 2, 1], reverse=0))
class Obj:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Obj({self.v})"
print(sorted([Obj(3), Obj(1), Obj(2)]), max([Obj(3), Obj(5)], key=lambda o: o.v))
flags = [True, False, True, False]
print(sorted(flags), sorted(range(10), key=lambda v: v % 2 == 0))
