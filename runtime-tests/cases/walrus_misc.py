# Assignment expressions: while loops, comprehensions filters, precedence, invalid targets.
data = iter([3, 1, 4, 1, 5, 9, 2, 6, 0, 7])
collected = []
while (v := next(data)) != 0:
    collected.append(v)
print(collected, v)
print([y for x in range(10) if (y := x * x) % 3 == 0])
values = [1, 5, 10, 50]
if any((big := v) > 8 for v in values):
    print("first big", big)
print((n := 5), n, (n := n + 1) * 2, n)
def f(x):
    return x * 2
print([r for v in range(5) if (r := f(v)) > 4])
text = "key=value"
if (idx := text.find("=")) != -1:
    print(text[:idx], text[idx + 1:])
a = [1, 2, 3]
print((length := len(a)) > 2, length)
print((w := 1) + (w := 2) + w, w)
for bad in ["(a.b := 1)", "(a[0] := 1)", "((a, b) := (1, 2))", "x := 5", "def f(): (yield := 1)"]:
    try:
        compile(bad, "<walrus>", "exec")
        print("compiled", bad)
    except SyntaxError as e:
        print("SyntaxError:", repr(bad), e.msg)
lst = [y := 10, y ** 2]
print(lst, y)
print(f"{(q := 'inside f-string')}", q)
