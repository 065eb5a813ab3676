# print(): sep, end, file=sys.stderr, flush, None handling, errors; input() at EOF raises EOFError.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="", end="|\n")
print("no newline", end="")
print(" ... continued")
print()
print(sep="x")
print(1, None, True, [1], sep=None, end=None)
print("x", "y", sep="\n")
print("to stderr", 42, file=sys.stderr)
print("stderr sep", "a", sep="::", file=sys.stderr, end="!\n")
print("flushed", flush=True)
print(*range(5), sep=", ")
print(*[], sep="never shown")
print("", end="")
for kwargs in [{"sep": 5}, {"end": 1}, {"file": "not a file"}, {"bogus": 1}]:
    try:
        print("x", **kwargs)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 1, 2, file=w, sep="+")
print(w.parts)
sys.stdout.write("direct write\n")
n = sys.stdout.write("returns count\n")
print(n)
try:
    input()
except EOFError as e:
    print("EOFError:", repr(e))
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError with prompt:", e)
print("done")
