# Conditional expressions and boolean operators: short-circuit, return values, precedence, truthiness.
log = []
def t(name, val):
    log.append(name)
    return val
print(t("a", 0) or t("b", "") or t("c", "found"), log)
log.clear()
print(t("a", 1) and t("b", [1]) and t("c", 0) and t("d", 5), log)
log.clear()
print(t("cond", True) if t("test", 0) else t("else", "E"), log)
print(1 if True else 2, 1 if False else 2, "a" if "" else "b" if [] else "c")
print(not 1 or 2, not (1 or 2), 1 and not 0, (1 or 0) and (0 or 3))
print(0 or None, None or 0, [] and 1, {} or [] or (), 5 and 6 or 7, 0 and 6 or 7)
print(True + (1 if 0 else 2), [x if x % 2 else -x for x in range(4)], (lambda v: "neg" if v < 0 else "pos")(-1))
x = None
print(x or "default", x is None and "is None", x is not None or "fallback")
print(1 < 2 and 2 < 3, 1 < 2 or 1 / 0, 0 and 1 / 0, bool(0 or 0.0 or 0j or "" or b"" or None))
def f():
    return "value"
print((f() if f else None), (f if not f else f)())
a = b = 0
result = a or b or "all falsy"
print(result)
