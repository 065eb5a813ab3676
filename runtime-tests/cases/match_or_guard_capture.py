# Or-patterns, guards (evaluation order and side effects), capture patterns, as-patterns, binding rules.
calls = []
def guard(name, result):
    calls.append(name)
    return result
def check(v):
    match v:
        case 1 | 2 | 3 if guard("small", v != 2):
            return "small but not 2"
        case [x, y] | (x, y, _) if guard("pairish", x < y):
            return f"pairish {x} {y}"
        case {"k": 1 | 2 as val}:
            return f"k is {val}"
        case str(s) | bytes(s) if len(s) > 3:
            return f"long text {s!r}"
        case (0 | 1) as bit:
            return f"bit {bit}"
        case other:
            return f"captured other: {other!r}"
for v in [1, 2, 3, [1, 5], [5, 1], (2, 3, 4), {"k": 2}, {"k": 3}, "long string", b"bytes!", "ab", 0]:
    calls.clear()
    print(repr(v), "->", check(v), calls)
def bindings(v):
    match v:
        case [a, b, *_] if a == b:
            pass
        case _:
            a = b = "unbound by pattern"
    return a, b
print(bindings([1, 1, 2]), bindings([1, 2]))
def partial_binding(v):
    a = "before"
    match v:
        case [a, 0]:
            return "matched", a
        case _:
            return "not matched", a
print(partial_binding([5, 0]), partial_binding([5, 1]))
for src in ["match x:\n case a | b: pass", "match x:\n case [a, a]: pass", "match x:\n case a:\n  pass\n case 1:\n  pass",
            "match x:\n case (a | 1): pass", "match x:\n case {**r, 'k': 1}: pass", "match x:\n case [*a, *b]: pass"]:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
match = "match is a soft keyword"
case = [match]
print(match, case)
match case:
    case [str() as text]:
        print("soft keywords still work:", text)
