# Cells shared among closures, __closure__ contents, del of captured names, class bodies and closures.
def pair():
    shared = []
    def push(v):
        shared.append(v)
    def peek():
        return list(shared)
    return push, peek
push, peek = pair()
push(1)
push(2)
print(peek(), push.__closure__[0].cell_contents is peek.__closure__[0].cell_contents)
def make():
    a = 1
    b = "two"
    def f():
        return a, b
    return f
f = make()
print(len(f.__closure__), [c.cell_contents for c in f.__closure__], f.__code__.co_freevars if False else "skip")
def no_closure():
    return 1
print(no_closure.__closure__)
def deleted():
    x = 5
    def get():
        return x
    del x
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    x = 6
    return get()
print(deleted())
def class_in_function():
    value = "captured"
    class Inner:
        attr = value
        def method(self):
            return value
    return Inner
C = class_in_function()
print(C.attr, C().method())
def counter_objects():
    counts = {"n": 0}
    def bump():
        counts["n"] += 1
        return counts["n"]
    return bump
b1 = counter_objects()
b2 = counter_objects()
print(b1(), b1(), b2(), b1())
x = "global"
def reads_global_then_local():
    def inner():
        return x
    return inner()
print(reads_global_then_local())
def make_multipliers():
    return [lambda v, k=k: v * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
