print("init pkg_demo.util")
from .core import add
from . import core as core_alias

def double_add(a, b):
    return add(a, b) * 2

def which():
    return __name__, __package__, core_alias.__name__
