"""Cache of source file lines, used to show source code in warnings and
tracebacks: ``getline(filename, lineno)`` returns one line ('' if it cannot
be found)."""

import sys

from _linecache import getlines as _read_lines

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line ``lineno`` (1-based) of the file, with its newline; '' if the
    file or the line does not exist."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Every line of the file, reading it into the cache if needed."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop cache entries whose files changed on disk. (Without file
    metadata, entries are kept: source files are not expected to change
    while a program runs.)"""


def _join(directory, name):
    if not directory:
        return name
    if directory.endswith("/"):
        return directory + name
    return directory + "/" + name


def updatecache(filename, module_globals=None):
    """(Re)read a file into the cache and return its lines ([] if it cannot
    be read). Relative names are also searched on sys.path."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    fullname = filename
    lines = _read_lines(fullname)
    if not lines and not filename.startswith("/"):
        for directory in sys.path:
            if not isinstance(directory, str):
                continue
            fullname = _join(directory, filename)
            lines = _read_lines(fullname)
            if lines:
                break
    if not lines:
        return []
    if not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    size = sum(len(line) for line in lines)
    cache[filename] = size, None, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Record that the lines of a module can be loaded later through its
    loader. Ember's modules are always read from files, so this only
    reports whether the file is already cached."""
    entry = cache.get(filename)
    if entry is not None:
        return len(entry) == 1
    return False
