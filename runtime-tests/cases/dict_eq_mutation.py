# Dict lookups whose key comparison (__eq__) changes the dict: the lookup
# goes on when the change leaves the compared entry alone, restarts when the
# table is rebuilt, and never loops forever.
import functools


@functools.lru_cache(maxsize=10)
def cached(x):
    return x


class Reentrant:
    def __init__(self, x):
        self.x = x

    def __hash__(self):
        return self.x

    def __eq__(self, other):
        if self.x == 2:
            cached(Reentrant(1))
        return self.x == other.x


cached(Reentrant(1))
cached(Reentrant(2))
print(cached(Reentrant(2)).x, cached.cache_info())


class Grows:
    """Equal to keys with the same hash; the first comparison fills the dict."""

    def __init__(self, h, target=None):
        self.h, self.target = h, target

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        d, self.target = self.target, None
        if d is not None:
            for i in range(100, 200):
                d[i] = i
        return isinstance(other, Grows) and self.h == other.h


d = {}
d[Grows(7, d)] = "seven"
print(d.get(Grows(7)), len(d))
class Churn:
    """A stored key whose comparison adds and removes another key."""

    def __init__(self, d=None):
        self.d = d

    def __hash__(self):
        return 3

    def __eq__(self, other):
        if self.d is not None:
            self.d["tmp"] = 1
            del self.d["tmp"]
        return isinstance(other, Churn)


d = {}
key = Churn()
d[key] = "three"
key.d = d
print(d[Churn()], d.get(Churn()), list(d.values()))
