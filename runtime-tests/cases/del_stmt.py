# del statement: names, attributes, subscripts, slices, tuples of targets, and the errors.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print("c" in globals(), "a" in globals())
lst = list(range(10))
del lst[0], lst[-1]
print(lst)
del lst[::3]
print(lst)
del lst[1:3]
print(lst)
d = {"k": 1, "j": 2, "m": 3}
del d["k"], d["m"]
print(d)
class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(vars(o))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)
def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
def del_unassigned():
    try:
        del never_assigned
    except NameError as e:
        return "NameError: " + str(e)
print(del_unassigned())
[p, q] = [1, 2]
del [p, q]
print("p" in globals())
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
class WithDelitem:
    def __delitem__(self, key):
        print("delitem", key)
    def __delattr__(self, name):
        print("delattr", name)
w = WithDelitem()
del w[1:2], w["k"], w.anything
try:
    del ()
    print("del () is fine")
except SyntaxError:
    pass
for bad in ["del 1", "del f()", "del a + b", "del (a, 1)"]:
    try:
        compile(bad, "<del>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", repr(bad), e.msg)
