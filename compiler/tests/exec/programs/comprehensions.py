print([x * 2 for x in range(5) if x % 2])
print({x: x * x for x in range(4)})
print({c for c in "hello"} == set("helo"))
print([(i, j) for i in range(3) for j in range(i) if j])
print([y for x in [[1, 2], [3]] for y in x])
print([[c for c in row] for row in ["ab", "cd"]])
print([z for x in range(3) for z in [x * 10]])
if (n := len("hello")) > 3:
    print("long", n)
def f():
    total = [last := x for x in range(4)]
    return total, last
print(f())
print([last2 := i for i in range(3)], last2)
x = 100
print([x for x in range(3)], x)
class C:
    v = 5
    items = [i for i in range(3)]
    doubled = [v * 2 for v in range(2)]
print(C.items, C.doubled)
print(list(map(lambda t: t[0], [(1, 2), (3, 4)])))
gen = ((a, b) for a in range(2) for b in "xy")
print(list(gen))
print(sorted({k: v for k, v in zip("ab", [2, 1])}.items(), key=lambda kv: kv[1]))
print([i for i in [1, 2, 3] if i != 2 if i != 3])
