# __import__ and compile() details: module objects, fromlist, filenames in tracebacks of compiled code.
m = __import__("math")
print(m.__name__, m.sqrt(81), type(m).__name__)
s = __import__("sys")
print(s is __import__("sys"), s.__name__)
c = __import__("collections", fromlist=["deque"])
print(c.__name__, hasattr(c, "deque"))
try:
    __import__("no_such_module_for_test")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
code = compile("def f(x):\n    return 1 / x\nresult = f(2)", "virtual_file.py", "exec")
ns = {}
exec(code, ns)
print(ns["result"])
try:
    ns["f"](0)
except ZeroDivisionError as e:
    print("ZeroDivisionError from compiled code:", e, e.__traceback__ is not None)
try:
    compile("x = (1,\n  2,\n  3", "multi.py", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno)
try:
    compile("\tx = 1\n  y = 2", "indent.py", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("if True:\nx = 1", "indent2.py", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("a = 1\n  b = 2\n", "indent3.py", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
print(type(compile("1", "f", "eval")).__name__, eval(compile("2 + 2", "f", "eval")))
