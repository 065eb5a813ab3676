"""`importlib.util` over Ember's import system: finding specs, making
modules from them, the bytecode-cache path scheme and `LazyLoader`.

Ember's native importer does not give the modules it loads a `__spec__`
(it stays None, with `__loader__`); `find_spec` of such a module rebuilds
the spec from the module's `__file__` (or from its being built in) instead
of refusing it.
"""

import sys
import types

import _imp
from importlib._bootstrap import (
    _find_spec,
    _resolve_name,
    module_from_spec,
    spec_from_loader,
    BuiltinImporter,
)
from importlib._bootstrap_external import (
    MAGIC_NUMBER,
    _RAW_MAGIC_NUMBER,
    cache_from_source,
    decode_source,
    source_from_cache,
    spec_from_file_location,
)
from importlib._abc import Loader


def source_hash(source_bytes):
    """The hash of `source_bytes` that hash-based `.pyc` files record."""
    return _imp.source_hash(_RAW_MAGIC_NUMBER, source_bytes)


def resolve_name(name, package):
    """Resolve a relative module name (`..mod`) against `package`."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {name!r} (required for relative module names)")
    level = len(name) - len(name.lstrip("."))
    return _resolve_name(name[level:], package, level)


def _spec_of_loaded(name, module):
    """The spec of a module already in `sys.modules`."""
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError(f"{name}.__spec__ is not set") from None
    if spec is not None:
        return spec
    # Modules the native importer loaded carry no spec: describe them.
    if name != "__main__" and getattr(module, "__loader__", None) is None:
        if name in sys.builtin_module_names:
            return BuiltinImporter.find_spec(name)
        location = getattr(module, "__file__", None)
        if isinstance(location, str):
            path = getattr(module, "__path__", None)
            search = list(path) if path is not None else None
            return spec_from_file_location(name, location, submodule_search_locations=search)
    raise ValueError(f"{name}.__spec__ is None")


def _find_spec_from_path(name, path=None):
    """The spec of `name`: `sys.modules[name].__spec__` when loaded, else
    what the finders find in `path`.  Parent packages are not imported."""
    if name not in sys.modules:
        return _find_spec(name, path)
    return _spec_of_loaded(name, sys.modules[name])


def find_spec(name, package=None):
    """The spec of the module `name` (relative to `package` when it starts
    with a dot), importing its parent package; None if no finder finds it."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname in sys.modules:
        return _spec_of_loaded(name, sys.modules[fullname])
    parent_name = fullname.rpartition(".")[0]
    if parent_name:
        parent = __import__(parent_name, fromlist=["__path__"])
        try:
            parent_path = parent.__path__
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent_name!r} while trying to find {fullname!r}",
                name=fullname) from e
    else:
        parent_path = None
    return _find_spec(fullname, parent_path)


class _LazyModule(types.ModuleType):
    """A module whose loader runs on its first attribute access."""

    def __getattribute__(self, attr):
        __spec__ = object.__getattribute__(self, "__spec__")
        loader_state = __spec__.loader_state
        # Become an ordinary module first, so the loader's own attribute
        # accesses do not recurse.
        object.__setattr__(self, "__class__", types.ModuleType)
        original_name = __spec__.name
        attrs_then = loader_state["__dict__"]
        attrs_now = self.__dict__
        attrs_updated = {}
        for key, value in attrs_now.items():
            if key not in attrs_then:
                attrs_updated[key] = value
            elif id(attrs_now[key]) != id(attrs_then[key]):
                attrs_updated[key] = value
        __spec__.loader.exec_module(self)
        if original_name in sys.modules and id(self) != id(sys.modules[original_name]):
            raise ValueError(f"module object for {original_name!r} substituted in sys.modules "
                             "during a lazy load")
        self.__dict__.update(attrs_updated)
        return getattr(self, attr)

    def __delattr__(self, attr):
        self.__getattribute__(attr)
        delattr(self, attr)


class LazyLoader(Loader):
    """Wraps a loader so that a module runs only when first used."""

    @staticmethod
    def __check_eager_loader(loader):
        if not hasattr(loader, "exec_module"):
            raise TypeError("loader must define exec_module()")

    @classmethod
    def factory(cls, loader):
        """A callable making lazy loaders around `loader`'s results."""
        cls.__check_eager_loader(loader)
        return lambda *args, **kwargs: cls(loader(*args, **kwargs))

    def __init__(self, loader):
        self.__check_eager_loader(loader)
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        """Arrange for the wrapped loader to run on first access."""
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        loader_state = {}
        loader_state["__dict__"] = module.__dict__.copy()
        loader_state["__class__"] = module.__class__
        module.__spec__.loader_state = loader_state
        module.__class__ = _LazyModule

