# reversed() on lists, tuples, strings, ranges, dicts, __reversed__ and the __len__/__getitem__ protocol.
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(0, 10, 3))),
      list(reversed({"a": 1, "b": 2})), list(reversed(b"xy")), list(reversed([])))
class Custom:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Custom())))
class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(reversed(Seq())), list(Seq()), 9 in Seq())
class NotSeq:
    pass
class OnlyLen:
    def __len__(self):
        return 3
class NoneReversed:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
for obj in [NotSeq(), OnlyLen(), NoneReversed(), {1, 2}, 5, iter([1, 2])]:
    try:
        print(list(reversed(obj)))
    except TypeError as e:
        print("TypeError:", e)
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), next(r, "done"))
lst = [1, 2, 3]
rv = reversed(lst)
lst.append(4)
print(list(rv))
lst2 = [1, 2, 3]
rv2 = reversed(lst2)
next(rv2)
lst2.clear()
print(list(rv2))
print("".join(reversed("stressed")), list(reversed(list(enumerate("ab")))), type(reversed(range(3))).__name__)
