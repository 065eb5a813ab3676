# eval/exec with globals and locals dicts, expression vs statement modes, compile(), return values, errors.
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'abc'.upper()"), eval(" 42 "))
g = {"a": 10}
print(eval("a * 2", g), eval("a + b", g, {"b": 5}), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
ns = {}
exec("x = 5\ny = x * 2\ndef f(n):\n    return n + y", ns)
print(ns["x"], ns["y"], ns["f"](1), sorted(k for k in ns if not k.startswith("__")))
loc = {}
exec("z = 1", {}, loc)
print(loc)
print(exec("1 + 1"), eval("None"))
code = compile("q = 3 * 3", "<string>", "exec")
space = {}
exec(code, space)
print(space["q"], type(code).__name__)
expr = compile("q + 1", "<expr>", "eval")
print(eval(expr, space))
single = compile("print('single mode prints repr:', 7)", "<single>", "single")
exec(single)
for src, mode in [("1 +", "eval"), ("x = = 1", "exec"), ("import", "exec"), ("def f(:\n pass", "exec"), ("return 5", "exec"),
                  ("x = 1", "eval"), ("yield 1", "exec"), ("break", "exec"), ("a b", "eval")]:
    try:
        compile(src, "<test>", mode)
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", repr(src), "|", e.msg, "| line", e.lineno)
for fn in [lambda: eval("undefined_name"), lambda: eval("1/0"), lambda: exec("raise KeyError('from exec')"),
           lambda: eval(5), lambda: compile("x", "f", "bogus"), lambda: eval("x", [])]:
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
def scope_test():
    local_var = "local"
    return eval("local_var"), eval("local_var + '!'", {}, {"local_var": "override"})
print(scope_test())
counter = {"n": 0}
exec("for i in range(4):\n    n += i", counter)
print(counter["n"])
exec("import math as m\nr = m.sqrt(16)", space)
print(space["r"])
print(eval("__name__"), eval("__name__", {}) if False else eval("__name__", {"__name__": "custom"}))
print(eval("(lambda: 99)()"), eval("sum(v for v in range(4))", {"sum": lambda it: "shadowed sum"}))
