# collections._count_elements adds one per element to any mapping, through
# its __getitem__/__setitem__ protocol (get + item assignment).
from collections import Counter, OrderedDict, _count_elements

d = {}
_count_elements(d, "abracadabra")
print(sorted(d.items()))

m = OrderedDict()
_count_elements(m, iter("mississippi"))
print(list(m.items()))

class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)

_count_elements(Logged(x=1), "xyx")
print(Counter("hello") == Counter({"l": 2, "h": 1, "e": 1, "o": 1}))
