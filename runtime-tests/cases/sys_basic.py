# sys module basics with deterministic output: argv, path, maxsize, version_info, recursion limit, modules, stdout.
import sys
print(sys.argv, type(sys.argv).__name__, len(sys.argv))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), len(sys.path) > 0)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11), tuple(sys.version_info)[:2])
print(sys.getrecursionlimit(), type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
sys.stdout.write("written with sys.stdout.write\n")
sys.stderr.write("written to stderr\n")
print(sys.stdout.write("abc") if False else "skip", type(sys.stdout.write("")).__name__)
print(sys.exc_info(), hasattr(sys, "exit"), callable(sys.exit))
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print("TypeError:", e)
print(sys.stdin is not None, sys.stdout is not None, sys.stderr is not None)
sys.argv.append("extra")
print(sys.argv, sys.path[0] is not None)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
