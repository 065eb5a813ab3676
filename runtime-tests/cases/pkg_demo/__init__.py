print("init pkg_demo")
from .core import add, VERSION
from . import util
__all__ = ["add", "VERSION", "util"]
