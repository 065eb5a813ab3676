"""Ember's `importlib`: the documented entry points over Ember's native
import system (`vm/src/import.rs`).

`_bootstrap`, `_bootstrap_external`, `machinery` and `util` are Ember's
own (CPython's need `_imp` and its frozen bootstrap).  The package's
`__path__` continues into the host library's `importlib` directory, so the
pure-Python parts built on those (`abc`, `resources`, `metadata`,
`readers`, `simple`) come from there.
"""

import sys

from importlib import _bootstrap
from importlib import _bootstrap_external

__all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

__import__ = _bootstrap.__import__

_pack_uint32 = _bootstrap_external._pack_uint32
_unpack_uint32 = _bootstrap_external._unpack_uint32


def _extend_path():
    """Add the host library's importlib directory after Ember's own."""
    own = __path__[0]
    for entry in sys.path:
        if not isinstance(entry, str) or not entry:
            continue
        candidate = _bootstrap_external._path_join(entry, "importlib")
        if candidate == own or candidate in __path__:
            continue
        if _bootstrap_external._path_isfile(_bootstrap_external._path_join(candidate, "abc.py")):
            __path__.append(candidate)
            return


_extend_path()


def _resolve_name(name, package, level):
    return _bootstrap._resolve_name(name, package, level)


def invalidate_caches():
    """Call `invalidate_caches()` on the finders of `sys.meta_path` and on
    the path finder (Ember's own finders keep no caches of directories)."""
    for finder in sys.meta_path:
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()
    _bootstrap_external.PathFinder.invalidate_caches()


def find_loader(name, path=None):
    """The loader of module `name` (deprecated in favour of `util.find_spec`)."""
    import warnings
    warnings.warn("Deprecated since Python 3.4 and slated for removal in Python 3.12; use "
                  "importlib.util.find_spec() instead", DeprecationWarning, stacklevel=2)
    try:
        loader = sys.modules[name].__loader__
        if loader is None:
            raise ValueError(f"{name}.__loader__ is None")
        return loader
    except KeyError:
        pass
    except AttributeError:
        raise ValueError(f"{name}.__loader__ is not set") from None
    spec = _bootstrap._find_spec(name, path)
    if spec is None:
        return None
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError(f"spec for {name} missing loader", name=name)
        raise ImportError("namespace packages do not have loaders", name=name)
    return spec.loader


def import_module(name, package=None):
    """Import a module; `package` anchors a relative name (`..mod`)."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != ".":
                break
            level += 1
    return _bootstrap._gcd_import(name[level:], package, level)


_RELOADING = {}


def reload(module):
    """Run the module's loader again in its own namespace; return what
    `sys.modules` then holds for its name."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name) from None
            pkgpath = parent.__path__
        else:
            pkgpath = None
        spec = module.__spec__ = _bootstrap._find_spec(name, pkgpath, module)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
        _bootstrap._exec(spec, module)
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)
