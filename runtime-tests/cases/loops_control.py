# Loop control: break/continue in nested loops, for/while else, loop variable after loop, range mutation.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if (i + j) % 2:
            continue
        print("pair", i, j)
    else:
        print("inner else never runs")
print("i after loop", i, "j after loop", j)
def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            break
    else:
        return "not found"
    return f"found at {idx}"
print(find("abc", "b"), find("abc", "z"), find([], 1))
n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
else:
    print("while finished normally, n =", n)
while True:
    n -= 1
    if n < 5:
        break
else:
    print("not printed")
print("n =", n)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print("iter", x)
print(lst)
for x in range(0):
    print("never")
else:
    print("empty range else")
count = 0
for _ in iter(lambda: (count := count + 1) if False else None, 1):
    break
print("sentinel loop ok")
result = []
for a, b in zip(range(3), range(10, 13)):
    result.append(a * b)
print(result)
outer_done = False
for i in range(5):
    for j in range(5):
        if i * j == 6:
            outer_done = True
            break
    if outer_done:
        break
print("stopped at", i, j)
k = 10
while k:
    k //= 2
    print("k", k, end="; ")
print()
for ch in "hi":
    pass
print(ch)
