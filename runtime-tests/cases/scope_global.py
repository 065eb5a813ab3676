# global statement, module-level rebinding from functions, UnboundLocalError, builtins shadowing.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def create_global():
    global created
    created = "made in function"
create_global()
print(created)
def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def unbound_aug():
    counter += 1
try:
    unbound_aug()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow_builtin(), len([1, 2]))
list_ = list
def uses_global_list():
    return list_("ab")
print(uses_global_list())
def del_global():
    global temp
    temp = 1
    del temp
del_global()
try:
    print(temp)
except NameError as e:
    print("NameError:", e)
def read_undefined():
    return undefined_thing
try:
    read_undefined()
except NameError as e:
    print("NameError:", e)
x = "module"
def nested_global():
    x = "enclosing"
    def inner():
        global x
        x = "rebound by inner"
    inner()
    return x
print(nested_global(), x)
print("bump" in globals(), globals()["counter"], sorted(k for k in globals() if k.startswith("cr")))
def cond_local(flag):
    if flag:
        y = 1
    return y
print(cond_local(True))
try:
    cond_local(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
for loop_var in range(3):
    pass
print(loop_var)
[comp_var for comp_var in range(3)]
try:
    print(comp_var)
except NameError as e:
    print("NameError:", e)
