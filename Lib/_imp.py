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
