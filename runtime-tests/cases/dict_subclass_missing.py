# dict subclasses: __missing__, overriding __getitem__/__setitem__, and which methods use them.
class Default(dict):
    def __missing__(self, key):
        return f"<missing {key}>"
d = Default(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, d)
class Counting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counting()
for ch in "banana":
    c[ch] += 1
print(c, sorted(c.items()))
class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.upper())
u = Upper()
u["x"] = 1
print(u, u["X"], u["x"], dict.__getitem__(u, "X"))
u2 = Upper(y=2)
u2.update(z=3)
print(u2)
class Raising(dict):
    def __missing__(self, key):
        raise KeyError(f"custom {key}")
try:
    Raising()["q"]
except KeyError as e:
    print("KeyError:", e)
class NoMissingOnGet(dict):
    def __missing__(self, key):
        return "from missing"
n = NoMissingOnGet()
print(n["a"], n.get("a", "get default"), n.setdefault("b", 2), n.pop("c", "popdefault"))
class WithInit(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.extra = "attr"
w = WithInit([(1, 2)])
print(w, w.extra, isinstance(w, dict), type(w).__mro__)
