# Annotations: variable annotations at module/class/function level, __annotations__, annotation evaluation.
x: int = 5
y: "forward ref"
z: list[int] = [1, 2]
print(x, z, __annotations__)
try:
    print(y)
except NameError as e:
    print("NameError:", e)
def f(a: int, b: "str" = "s", *args: float, c: bool = True, **kw: dict) -> list:
    local: int = 3
    unassigned: str
    return [a, b, args, c, kw, local]
print(f(1), f.__annotations__)
class C:
    count: int = 0
    name: str
    items: "list[str]"
    def method(self, v: int) -> None:
        self.v: int = v
print(C.__annotations__, C.count, hasattr(C, "name"))
c = C()
c.method(4)
print(c.v, C.method.__annotations__)
evaluated = []
def note(v):
    evaluated.append(v)
    return v
value: note("module annotation") = 1
def g(p: note("param annotation")) -> note("return annotation"):
    inner: note("local annotation never evaluated") = 2
    return inner
print(evaluated, g(0), evaluated)
class D:
    attr: note("class annotation") = 3
print(evaluated[-1], D.attr)
obj = type("O", (), {})()
obj.field: int = 10
lst = [0]
lst[0]: int = 7
print(obj.field, lst, "field" in __annotations__)
def no_annotations():
    pass
print(no_annotations.__annotations__, (lambda: 0).__annotations__)
