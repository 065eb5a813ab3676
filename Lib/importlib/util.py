"""The path helpers of `importlib.util` over Ember's import system.

Ember imports sources only and never writes bytecode, but callers still
ask where a cache file would live (`cache_from_source`), so the documented
`__pycache__/NAME.TAG.pyc` scheme is computed here.
"""

import os
import sys

from importlib import _resolve_name


def _tag():
    tag = sys.implementation.cache_tag
    return tag if tag is not None else "ember"


def resolve_name(name, package):
    """Resolve a relative module name (`..mod`) against `package`."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {name!r} (required for relative module names)")
    level = len(name) - len(name.lstrip("."))
    return _resolve_name(name[level:], package, level)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The `.pyc` path that belongs to the source file `path`."""
    path = os.fspath(path)
    head, tail = os.path.split(path)
    base = tail.rpartition(".")[0] or tail
    name = f"{base}.{_tag()}"
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization:
        if not optimization.isalnum():
            raise ValueError(f"{optimization!r} is not alphanumeric")
        name = f"{name}.opt-{optimization}"
    return os.path.join(head, "__pycache__", name + ".pyc")


def source_from_cache(path):
    """The source path for a `__pycache__/NAME.TAG.pyc` path."""
    path = os.fspath(path)
    head, pyc = os.path.split(path)
    parent, cache_dir = os.path.split(head)
    if cache_dir != "__pycache__":
        raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    parts = pyc.split(".")
    if len(parts) not in (3, 4):
        raise ValueError(f"expected only 2 or 3 dots in {pyc!r}")
    return os.path.join(parent, parts[0] + ".py")
