# Native library types used wrongly: descriptors on other objects, unsafe __new__, bad sizes; never a crash.
from collections import deque, defaultdict, OrderedDict
import functools, operator, _collections, _functools
tests = [
 lambda: deque.__init__(5), lambda: deque.append(5, 1), lambda: defaultdict.__missing__(5, 1),
 lambda: functools.partial.__setstate__(5, ()), lambda: operator.itemgetter.__call__(5, 1),
 lambda: type(functools.cmp_to_key(len)).__lt__(1, 2), lambda: deque.maxlen.__get__(5),
 lambda: object.__new__(deque), lambda: object.__new__(functools.partial), lambda: object.__new__(defaultdict),
 lambda: deque.__new__(int), lambda: defaultdict.__new__(dict), lambda: _collections._tuplegetter(0, None).__get__(5, int),
 lambda: _collections._tuplegetter(-1, None), lambda: _collections._tuplegetter(5, "d").__get__((1,), tuple),
 lambda: type(iter(deque())).__length_hint__(5), lambda: deque.__len__(5), lambda: deque.__iter__([]),
 lambda: functools.partial.__call__(5), lambda: defaultdict.default_factory.__set__(5, 1),
 lambda: _collections._count_elements(5, "ab"), lambda: _collections._count_elements({}, 5),
 lambda: operator.attrgetter.__reduce__(operator.itemgetter(1)), lambda: deque.__reduce__(5),
 lambda: deque().__class_getitem__(int), lambda: functools.reduce(lambda a, b: 1 / 0, [1, 2]),
 lambda: type(iter(deque()))(), lambda: type(functools.cmp_to_key(len))(), lambda: operator.methodcaller.__new__(operator.methodcaller),
 lambda: deque.__mul__(deque([1]), 2**70), lambda: deque([1], maxlen=2) * (2**62),
 lambda: deque([1]).rotate(2**70), lambda: deque([1]).insert(2**70, 1), lambda: deque(maxlen=2**70),
 lambda: deque([1])[2**70], lambda: deque([1]).index(1, 2**70), lambda: _collections._tuplegetter(2**70, None),
 lambda: list(type(iter(deque()))(deque([1, 2, 3]), 1)), lambda: list(type(reversed(deque()))(deque([1, 2, 3]), 2)),
 lambda: type(iter(deque()))(1), lambda: type(len)(), lambda: type({}.keys())(), lambda: type(iter({}))(),
 lambda: object.__new__(type(iter(deque()))), lambda: int.__new__(bool), lambda: dict.__new__(defaultdict),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, "ok", repr(r)[:60])
    except Exception as e:
        print(i, type(e).__name__, str(e)[:100])
