# compile(..., "single") echoes expression values through sys.displayhook,
# including string constants (no docstring in interactive mode).
import sys

for src in ['"abc"', "5", "x = 1", '"""doc"""', "None", "'é'", "(1, 'two')", "x"]:
    exec(compile(src, "<s>", "single"))


def hook(v):
    print("hook", repr(v))


sys.displayhook = hook
exec(compile("'q'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
ns = {}
exec(compile("y = 2\n", "<s>", "single"), ns)
print(ns["y"], "__doc__" in ns)
