# __slots__ naming __doc__, __qualname__ or __classcell__, and a __call__
# class attribute that is not a descriptor.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


class NoDoc:
    __slots__ = ("__doc__", "x")


print(type(NoDoc.__dict__["__doc__"]).__name__, NoDoc.__doc__ is NoDoc.__dict__["__doc__"])
n = NoDoc()
n.__doc__ = "instance doc"
n.x = 1
print(n.__doc__, n.x)
attempt("unset slot", lambda: NoDoc().__doc__)


def with_docstring():
    class A:
        "a docstring"
        __slots__ = ("__doc__",)


attempt("docstring and slot", with_docstring)


class Q:
    __slots__ = ("__qualname__",)


q = Q()
q.__qualname__ = "qq"
print(Q.__qualname__, q.__qualname__)


class WithSuper:
    __slots__ = ("__classcell__", "v")

    def who(self):
        return super().__repr__()[:12]


w = WithSuper()
print(w.who())


def conflict():
    class C:
        __slots__ = ("a",)
        a = 1


attempt("class variable", conflict)


class Meta(type):
    __call__ = dict


class Made(metaclass=Meta):
    pass


print(Made(a=1), Made([("b", 2)]))


class CallStatic:
    __call__ = staticmethod(lambda *a: ("static", a))


class CallLen:
    __call__ = len


print(CallStatic()(1, 2))
attempt("len as __call__", lambda: CallLen()([1, 2, 3]))
