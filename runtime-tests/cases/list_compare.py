# Sequence comparison rules for lists: lexicographic, length, nested, identity shortcut, errors.
pairs = [([], []), ([1], []), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]), ([2], [1, 9, 9]), ([[1, 2]], [[1, 3]]),
         ([1, "a"], [1, "b"]), ([1.0], [1]), ([True], [1])]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
nan = float("nan")
x = [nan]
print(x == x, [nan] == [nan], x == [nan], [nan] < [nan])
for a, b in [([1, "a"], [1, 2]), ([1], ["a"]), ([None], [None]), ([[1]], [(1,)])]:
    print(a == b)
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
print([1] == (1,), [1, 2] != (1, 2), max([[1, 2], [1, 3], [0, 5]]), min([[], [0], [-1, 9]]))
class AlwaysEq:
    def __eq__(self, other):
        return True
print([AlwaysEq()] == [1], [1, AlwaysEq()] == [1, 2], [1] == [AlwaysEq()])
