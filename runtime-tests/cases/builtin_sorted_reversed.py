# sorted() and reversed() against many iterables and key/reverse combinations.
print(sorted([3, 1, 2]), sorted((3, 1, 2)), sorted("cba"), sorted({3, 1, 2}), sorted({"b": 1, "a": 2}), sorted(range(5, 0, -1)))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted(["b", "A", "c"]))
print(sorted([-3, 2, -1], key=abs), sorted([-3, 2, -1], key=abs, reverse=True), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted([1.5, -2, 0, True, False]), sorted([[2], [1, 5], [1]]), sorted([], reverse=True), sorted(iter([2, 1])))
items = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
print(sorted(items, key=lambda t: t[1]), sorted(items, key=lambda t: t[1], reverse=True))
print(list(reversed(sorted("hello"))), sorted(reversed([1, 3, 2])))
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(5)
except TypeError as e:
    print("TypeError:", e)
data = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(data), sorted(data, key=str.casefold), sorted(data, key=lambda s: (s.lower(), s)))
print(sorted(data, key=len), sorted(map(len, data)), sorted(set(map(str.lower, data))))
