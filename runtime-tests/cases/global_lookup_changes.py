# Global and builtin lookups from a function called many times while the
# module rebinds, shadows, deletes and restores the names it reads.
import builtins

counter = 0


def read():
    return counter, len("abc")


out = []
for k in range(6):
    out.append(read())
    counter = k * 10
    if k == 2:
        len = lambda s: -1  # a global now shadows the builtin
    if k == 4:
        del len
print(out)

del counter
try:
    read()
except NameError as e:
    print("NameError:", e)
counter = "back"
print(read())

saved = builtins.len
builtins.len = lambda s: 99
print(read())
builtins.len = saved
print(read())


def shadowed_builtin_in_loop(n):
    total = 0
    for i in range(n):
        total += abs(-i)
    return total


print(shadowed_builtin_in_loop(5))
abs = lambda v: 1
print(shadowed_builtin_in_loop(5))
del abs
print(shadowed_builtin_in_loop(5))
g = globals()
g["counter"] = "via globals()"
print(read())
