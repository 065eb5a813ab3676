"""Ember's `importlib._bootstrap`: module specs and the importers for
modules compiled into Ember, as Python objects.

CPython freezes its whole import system into this module.  Ember imports
natively (`vm/src/import.rs`): `import` statements never come here.  This
module describes that machinery to library code that asks for it (`pydoc`,
`pkgutil`, `runpy`, `importlib.util`, the test support helpers): it builds
`ModuleSpec` objects, creates modules from them and runs their loaders, and
finds modules the way the native importer does (Ember's built-in modules,
then `.py` sources and packages on the search path; see
`_bootstrap_external.PathFinder`).

Ember runs Python on one thread, so the module locks are plain records with
the documented methods.
"""

import sys

_ERR_MSG_PREFIX = "No module named "
_ERR_MSG = _ERR_MSG_PREFIX + "{!r}"

# The other half, set by `_bootstrap_external` when it is imported.
_bootstrap_external = None


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


def _wrap(new, old):
    """Copy the naming attributes of `old` onto `new`."""
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        if hasattr(old, attr):
            setattr(new, attr, getattr(old, attr))
    new.__dict__.update(old.__dict__)


def _new_module(name):
    return type(sys)(name)


def _call_with_frames_removed(f, *args, **kwds):
    """CPython hides these frames from tracebacks; Ember just calls."""
    return f(*args, **kwds)


def _verbose_message(message, *args, verbosity=1):
    if sys.flags.verbose >= verbosity:
        if not message.startswith(("#", "import ")):
            message = "# " + message
        print(message.format(*args), file=sys.stderr)


# Module locks.  One thread runs Python in Ember, so a lock only counts
# how often it is held; the manager keeps the documented shape.

class _DeadlockError(RuntimeError):
    pass


class _ModuleLock:
    """A re-entrant lock for one module name."""

    def __init__(self, name):
        self.name = name
        self.count = 0
        self.owner = None
        self.waiters = 0

    def has_deadlock(self):
        return False

    def acquire(self):
        self.count += 1
        self.owner = 1
        return True

    def release(self):
        if self.count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self.count -= 1
        if self.count == 0:
            self.owner = None

    def __repr__(self):
        return f"_ModuleLock({self.name!r}) at {id(self)}"


class _DummyModuleLock(_ModuleLock):
    def __repr__(self):
        return f"_DummyModuleLock({self.name!r}) at {id(self)}"


class _ModuleLockManager:
    def __init__(self, name):
        self._name = name
        self._lock = None

    def __enter__(self):
        self._lock = _get_module_lock(self._name)
        self._lock.acquire()

    def __exit__(self, *args):
        self._lock.release()


_module_locks = {}
_blocking_on = {}


def _get_module_lock(name):
    """The lock for `name`, made on first use and dropped when released."""
    lock = _module_locks.get(name)
    if lock is None:
        lock = _module_locks[name] = _ModuleLock(name)
    return lock


def _lock_unlock_module(name):
    lock = _get_module_lock(name)
    lock.acquire()
    lock.release()


# Specs.

class ModuleSpec:
    """What the import system knows about a module: its name, its loader,
    where it comes from (`origin`) and, for a package, where its submodules
    are searched (`submodule_search_locations`)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            parts.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            parts.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __eq__(self, other):
        locations = self.submodule_search_locations
        try:
            return (self.name == other.name
                    and self.loader == other.loader
                    and self.origin == other.origin
                    and locations == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if _bootstrap_external is not None and self.origin.endswith(
                    tuple(_bootstrap_external.SOURCE_SUFFIXES)):
                try:
                    self._cached = _bootstrap_external._get_cached(self.origin)
                except NotImplementedError:
                    pass
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The package the module belongs to ('' for a top-level module)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for `name` from what `loader` can tell about it."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        if _bootstrap_external is None:
            raise NotImplementedError
        spec_from_file_location = _bootstrap_external.spec_from_file_location
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _spec_from_module(module, loader=None, origin=None):
    """A spec rebuilt from a module's attributes."""
    try:
        spec = module.__spec__
    except AttributeError:
        pass
    else:
        if spec is not None:
            return spec
    name = module.__name__
    if loader is None:
        loader = getattr(module, "__loader__", None)
    location = getattr(module, "__file__", None)
    if origin is None:
        origin = location
        if origin is None and loader is not None:
            origin = getattr(loader, "_ORIGIN", None)
    cached = getattr(module, "__cached__", None)
    try:
        search = list(module.__path__)
    except AttributeError:
        search = None
    spec = ModuleSpec(name, loader, origin=origin)
    spec._set_fileattr = location is not None and origin == location
    spec.cached = cached
    spec.submodule_search_locations = search
    return spec


def _init_module_attrs(spec, module, *, override=False):
    """Set `__name__`, `__loader__`, `__package__`, `__spec__`, `__path__`,
    `__file__` and `__cached__` of `module` from `spec`."""
    def settable(attr):
        return override or getattr(module, attr, None) is None

    if override or getattr(module, "__name__", None) is None:
        try:
            module.__name__ = spec.name
        except AttributeError:
            pass
    if settable("__loader__"):
        loader = spec.loader
        if loader is None and spec.submodule_search_locations is not None \
                and _bootstrap_external is not None:
            loader = _bootstrap_external.NamespaceLoader.__new__(
                _bootstrap_external.NamespaceLoader)
            loader._path = spec.submodule_search_locations
            spec.loader = loader
            module.__file__ = None
        try:
            module.__loader__ = loader
        except AttributeError:
            pass
    if settable("__package__"):
        try:
            module.__package__ = spec.parent
        except AttributeError:
            pass
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if settable("__path__") and spec.submodule_search_locations is not None:
        try:
            module.__path__ = spec.submodule_search_locations
        except AttributeError:
            pass
    if spec.has_location:
        if settable("__file__"):
            try:
                module.__file__ = spec.origin
            except AttributeError:
                pass
        if (settable("__cached__")) and spec.cached is not None:
            try:
                module.__cached__ = spec.cached
            except AttributeError:
                pass
    return module


def module_from_spec(spec):
    """A new module for `spec`, made by its loader's `create_module` when
    that returns one, with the import-related attributes set."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = _new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


def _module_repr_from_spec(spec):
    name = "?" if spec.name is None else spec.name
    if spec.origin is None:
        if spec.loader is None:
            return f"<module {name!r}>"
        return f"<module {name!r} ({spec.loader!r})>"
    if spec.has_location:
        return f"<module {name!r} from {spec.origin!r}>"
    return f"<module {spec.name!r} ({spec.origin})>"


def _exec(spec, module):
    """Run `spec`'s loader again in the existing `module` (reloading)."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name!r} not in sys.modules", name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError("missing loader", name=spec.name)
            _init_module_attrs(spec, module, override=True)
        else:
            _init_module_attrs(spec, module, override=True)
            if not hasattr(spec.loader, "exec_module"):
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def _load_backward_compatible(spec):
    spec.loader.load_module(spec.name)
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    if getattr(module, "__loader__", None) is None:
        try:
            module.__loader__ = spec.loader
        except AttributeError:
            pass
    if getattr(module, "__package__", None) is None:
        try:
            module.__package__ = spec.parent
        except AttributeError:
            pass
    if getattr(module, "__spec__", None) is None:
        try:
            module.__spec__ = spec
        except AttributeError:
            pass
    return module


def _load_unlocked(spec):
    if spec.loader is not None and not hasattr(spec.loader, "exec_module"):
        return _load_backward_compatible(spec)
    module = module_from_spec(spec)
    spec._initializing = True
    try:
        sys.modules[spec.name] = module
        try:
            if spec.loader is None:
                if spec.submodule_search_locations is None:
                    raise ImportError("missing loader", name=spec.name)
            else:
                spec.loader.exec_module(module)
        except BaseException:
            try:
                del sys.modules[spec.name]
            except KeyError:
                pass
            raise
        # The module may have replaced itself in sys.modules.
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    finally:
        spec._initializing = False
    return module


def _load(spec):
    """Create a module from `spec`, enter it in `sys.modules` and run it;
    return what `sys.modules` then holds for the name."""
    with _ModuleLockManager(spec.name):
        return _load_unlocked(spec)


def _load_module_shim(self, fullname):
    """The deprecated `load_module()` in terms of `exec_module()`."""
    import warnings
    warnings.warn("the load_module() method is deprecated and slated for removal in "
                  "Python 3.12; use exec_module() instead", DeprecationWarning)
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        module = sys.modules[fullname]
        _exec(spec, module)
        return sys.modules[fullname]
    return _load(spec)


# The importers of modules compiled into Ember.

class BuiltinImporter:
    """Finds and loads the modules compiled into Ember
    (`sys.builtin_module_names`)."""

    _ORIGIN = "built-in"

    @staticmethod
    def module_repr(module):
        return f"<module {module.__name__!r} (built-in)>"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if fullname in sys.builtin_module_names:
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        spec = cls.find_spec(fullname, path)
        return spec.loader if spec is not None else None

    @staticmethod
    def create_module(spec):
        if spec.name not in sys.builtin_module_names:
            raise ImportError(f"{spec.name!r} is not a built-in module", name=spec.name)
        import _imp
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        """A built-in module is complete once created."""

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

    load_module = classmethod(_load_module_shim)


class FrozenImporter:
    """Ember has no frozen modules: this importer finds nothing."""

    _ORIGIN = "frozen"

    @staticmethod
    def module_repr(m):
        return f"<module {m.__name__!r} ({FrozenImporter._ORIGIN})>"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        raise ImportError(f"{module.__name__!r} is not a frozen module", name=module.__name__)

    @classmethod
    def load_module(cls, fullname):
        raise ImportError(f"{fullname!r} is not a frozen module", name=fullname)

    @classmethod
    def get_code(cls, fullname):
        raise ImportError(f"{fullname!r} is not a frozen module", name=fullname)

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        raise ImportError(f"{fullname!r} is not a frozen module", name=fullname)


class _ImportLockContext:
    """The global import lock (a no-op: Ember imports on one thread)."""

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, exc_traceback):
        pass


# Finding and importing by name.

def _resolve_name(name, package, level):
    """The absolute name of a relative module name."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def _find_spec_legacy(finder, name, path):
    loader = finder.find_module(name, path)
    if loader is None:
        return None
    return spec_from_loader(name, loader)


def _ember_finders():
    """The finders Ember's native importer amounts to, in its order."""
    finders = [BuiltinImporter]
    if _bootstrap_external is not None:
        finders.append(_bootstrap_external.PathFinder)
    return finders


def _find_spec(name, path, target=None):
    """The spec of `name` from the finders of `sys.meta_path`, then from
    Ember's own (built-in modules, then the search path); None when no
    finder knows the name."""
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    is_reload = name in sys.modules
    for finder in list(meta_path) + [f for f in _ember_finders() if f not in meta_path]:
        find_spec = getattr(finder, "find_spec", None)
        if find_spec is None:
            spec = _find_spec_legacy(finder, name, path)
        else:
            spec = find_spec(name, path, target)
        if spec is None:
            continue
        if is_reload and name in sys.modules:
            module = sys.modules[name]
            current = getattr(module, "__spec__", None)
            if current is not None:
                return current
        return spec
    return None


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        elif not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")


def _find_and_load(name, import_=None):
    """Import `name` with Ember's native importer."""
    module = sys.modules.get(name, _NEEDS_LOADING)
    if module is _NEEDS_LOADING or getattr(getattr(module, "__spec__", None), "_initializing", False):
        __import__(name)
        module = sys.modules[name]
    if module is None:
        raise ModuleNotFoundError(f"import of {name} halted; None in sys.modules", name=name)
    return module


_NEEDS_LOADING = object()


def _gcd_import(name, package=None, level=0):
    """Import and return the module `name` (relative to `package` when
    `level` > 0)."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _find_and_load(name)


def _handle_fromlist(module, fromlist, import_, *, recursive=False):
    """Import the submodules a `from package import ...` names."""
    for x in fromlist:
        if not isinstance(x, str):
            where = module.__name__ + (".__all__" if recursive else "``from list''")
            raise TypeError(f"Item in {where} must be str, not {type(x).__name__}")
        if x == "*":
            if not recursive and hasattr(module, "__all__"):
                _handle_fromlist(module, module.__all__, import_, recursive=True)
        elif not hasattr(module, x):
            from_name = f"{module.__name__}.{x}"
            try:
                _call_with_frames_removed(import_, from_name)
            except ModuleNotFoundError as exc:
                if exc.name == from_name and sys.modules.get(from_name, _NEEDS_LOADING) is not None:
                    continue
                raise
    return module


def _calc___package__(globals):
    """The package a module's globals place it in."""
    package = globals.get("__package__")
    spec = globals.get("__spec__")
    if package is not None:
        return package
    if spec is not None:
        return spec.parent
    package = globals["__name__"]
    if "__path__" not in globals:
        package = package.rpartition(".")[0]
    return package


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """The builtin `__import__` (Ember's native import statement)."""
    import builtins
    return builtins.__import__(name, globals, locals, fromlist, level)


def _builtin_from_name(name):
    spec = BuiltinImporter.find_spec(name)
    if spec is None:
        raise ImportError("no built-in module named " + name)
    return _load_unlocked(spec)


def _setup(sys_module, _imp_module):
    """Nothing to set up: Ember's import system is native."""


def _install(sys_module, _imp_module):
    """Nothing to install: Ember's import system is native."""


def _install_external_importers(external):
    """Called by `_bootstrap_external` once it is imported."""
    global _bootstrap_external
    _bootstrap_external = external
