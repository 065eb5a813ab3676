# Closures capture variables, not values: late binding, loops, rebinding after creation.
def make_funcs():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    return funcs
print([f() for f in make_funcs()])
def make_funcs_bound():
    return [(lambda i=i: i) for i in range(3)]
print([f() for f in make_funcs_bound()])
def make_funcs_factory():
    def factory(n):
        return lambda: n
    return [factory(i) for i in range(3)]
print([f() for f in make_funcs_factory()])
def rebinding():
    x = "before"
    def get():
        return x
    x = "after"
    return get
print(rebinding()())
def loop_closures():
    result = []
    for name in ["a", "b"]:
        def show():
            return name
        result.append(show)
    name = "final"
    return [f() for f in result]
print(loop_closures())
def unbound_in_closure():
    def inner():
        return value
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    value = 1
    return inner()
print(unbound_in_closure())
adders = {}
for n in (1, 2, 3):
    adders[n] = lambda x, n=n: x + n
print({k: f(10) for k, f in adders.items()})
def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle()
print(outer()())
print([g() for g in [lambda: j for j in "xyz"]], [g() for g in [lambda j=j: j for j in "xyz"]])
