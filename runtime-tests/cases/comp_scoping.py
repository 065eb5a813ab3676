# Comprehension scoping: own scope for loop vars, first iterable evaluated in enclosing scope, walrus leaks.
x = "outer"
result = [x for x in range(3)]
print(result, x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
data = [1, 2, 3]
print([i + len(data) for i in data])
try:
    print([undefined_in_comp for _ in range(1)])
except NameError as e:
    print("NameError:", e)
gen = (i for i in range(3))
print(list(gen))
items = [1, 2, 3]
g = (v * 2 for v in items)
items = [100]
print(list(g))
def late():
    n = 1
    g = (n * v for v in range(3))
    n = 10
    return list(g)
print(late())
if (total := sum(range(5))) > 5:
    print("walrus in if", total)
print([last := v for v in range(4)], last)
print([(y := v * 2) + y for v in range(3)], y)
def walrus_in_func():
    [z := c for c in "abc"]
    return z
print(walrus_in_func())
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("class C:\n    [(j := 1) for _ in range(2)]")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
matrix = [[1, 2], [3, 4]]
flat = [v for row in matrix for v in row]
print(flat, [row for row in matrix if (s := sum(row)) > 3], s)
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() for _ in range(3)], counter)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print({i: [j for j in range(i)] for i in range(3)})
print(list(map(lambda t: t[0] * t[1], [(a, b) for a in range(2) for b in range(3)])))
