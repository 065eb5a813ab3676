"""Ember's `_imp`: the few hooks of CPython's import machinery that library
code calls directly.  Ember has no frozen or extension modules, and its
import system (native) takes no global import lock."""

import sys


def extension_suffixes():
    """Ember loads no extension modules."""
    return []


def is_builtin(name):
    """1 for a module compiled into Ember, else 0 (as CPython answers)."""
    return 1 if name in sys.builtin_module_names else 0


def is_frozen(name):
    return False


def _override_frozen_modules_for_tests(override):
    """Nothing to override: Ember has no frozen modules."""


def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


check_hash_based_pycs = "never"


def create_builtin(spec):
    """A module object for the built-in module `spec.name`: `sys` and
    `builtins` are the running ones, any other is made afresh."""
    name = spec.name
    if name in ("sys", "builtins"):
        return sys.modules[name]
    if name not in sys.builtin_module_names:
        raise ImportError(f"no built-in module named {name}", name=name)
    saved = sys.modules.pop(name, None)
    try:
        __import__(name)
        return sys.modules[name]
    finally:
        if saved is not None:
            sys.modules[name] = saved
        else:
            sys.modules.pop(name, None)


def exec_builtin(module):
    """Built-in modules are complete once created."""
    return 0


def _fix_co_filename(code, path):
    """Ember compiles sources with their real path: nothing to fix."""


def find_frozen(name, *, withdata=False):
    return None


def is_frozen_package(name):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def get_frozen_object(name, data=None):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def init_frozen(name):
    return None
