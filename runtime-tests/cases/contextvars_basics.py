# contextvars: ContextVar get/set/reset, Tokens, Context.run/copy and the
# mapping interface, copy_context, and the error messages.
import contextvars
from contextvars import Context, ContextVar, Token, copy_context


def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        msg = str(e)
        if " at 0x" in msg:
            msg = msg[:msg.index(" at 0x")] + " ..."
        print(label, "->", type(e).__name__, msg)
    else:
        print(label, "->", r)


print(sorted(contextvars.__all__))
v = ContextVar("v")
w = ContextVar("w", default=10)
print(v.name, w.name, repr(v).startswith("<ContextVar name='v' at 0x"))
print(repr(w).startswith("<ContextVar name='w' default=10 at 0x"))
attempt("get unset", v.get)
print(v.get(5), v.get(None), w.get(), w.get(7))
t1 = v.set(1)
print(v.get(), v.get(5), t1.var is v, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
attempt("reset twice", v.reset, t2)
print(repr(t2).startswith("<Token used var=<ContextVar name='v'"))
v.reset(t1)
attempt("get after reset", v.get)
attempt("reset wrong var", w.reset, v.set(3))
attempt("reset not token", v.reset, 1)
attempt("Token()", Token)
attempt("ContextVar(1)", ContextVar, 1)
attempt("ContextVar()", ContextVar)
attempt("Context(1)", Context, 1)
attempt("set no arg", v.set)
attempt("class ContextVar", type, "X", (ContextVar,), {})
attempt("class Context", type, "X", (Context,), {})
print(ContextVar[int], Token[str])
print(Context.__module__, ContextVar.__module__, Token.__module__, Context.__name__)

ctx = copy_context()
print(type(ctx).__name__, v in ctx, ctx[v], ctx.get(v), ctx.get(w), ctx.get(w, "dflt"), len(ctx))
attempt("ctx[1]", lambda: ctx[1])
attempt("1 in ctx", lambda: 1 in ctx)
attempt("ctx.get(1)", ctx.get, 1)
attempt("ctx[w]", lambda: ctx[w])
attempt("hash(ctx)", hash, ctx)


def body(x, y=0):
    print("  in run:", v.get(), x, y)
    v.set(100)
    w.set(20)
    print("  after set:", v.get(), w.get())
    return x + y


print(ctx.run(body, 1, y=2))
print("outside:", v.get(), w.get())
print("ctx now:", ctx[v], ctx[w], len(ctx), sorted(var.name for var in ctx))
print(sorted(k.name for k in ctx.keys()), sorted(map(repr, ctx.values())))
print(sorted((k.name, val) for k, val in ctx.items()))
attempt("run no args", ctx.run)


def reenter():
    return ctx.run(lambda: 1)


attempt("run re-entered", ctx.run, reenter)
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, c2[v])
c2.run(v.set, 55)
print(c2[v], ctx[v], c2 == ctx, c2 != ctx, ctx == 1)

empty = Context()
print(len(empty), list(empty), empty.run(v.get, "default-arg"))


def token_elsewhere():
    return v.set(9)


tok = empty.run(token_elsewhere)
attempt("reset other ctx", v.reset, tok)
print(empty[v], v.get())

# Nested runs and contexts made inside runs.
outer = Context()


def inner_level():
    v.set("inner")
    return copy_context()


def outer_level():
    v.set("outer")
    snap = Context().run(inner_level)
    return v.get(), snap[v]


print(outer.run(outer_level), outer[v])

# Generators see the context current when they resume.
g_var = ContextVar("g", default="none")


def gen():
    yield g_var.get()
    yield g_var.get()


g = gen()
print(next(g))
g_var.set("later")
print(next(g))
