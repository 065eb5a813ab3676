print("init pkg_demo.sub.leaf")
from ..core import VERSION
from .. import util

def info():
    return f"leaf sees VERSION={VERSION} and util.double_add(1, 2)={util.double_add(1, 2)}"
