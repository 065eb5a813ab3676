# Scratch files for the io_* cases: a fresh directory under /tmp (a file
# name prefix there while the os module is unavailable), removed by cleanup().
import time

try:
    import os
except ImportError:
    os = None

_unique = "%d_%d" % (time.time_ns(), id(object()))
_made = []

if os is not None:
    _dir = "/tmp/ember_io_" + _unique
    os.mkdir(_dir)
    _prefix = _dir + "/"
else:
    _dir = None
    _prefix = "/tmp/ember_io_" + _unique + "_"


def path(name):
    p = _prefix + name
    if p not in _made:
        _made.append(p)
    return p


def size(p):
    with open(p, "rb") as f:
        return len(f.read())


def cleanup():
    for p in _made:
        if os is not None:
            try:
                os.remove(p)
            except FileNotFoundError:
                pass
        else:
            try:
                open(p, "wb").close()
            except OSError:
                pass
    if os is not None:
        os.rmdir(_dir)
