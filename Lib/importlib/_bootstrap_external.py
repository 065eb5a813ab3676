"""Ember's `importlib._bootstrap_external`: file-based finders and loaders
as Python objects.

Ember's native importer (`vm/src/import.rs`) looks for `NAME/__init__.py`
then `NAME.py` in each directory of the search path.  `FileFinder` and
`PathFinder` here search the same way, so `importlib.util.find_spec`,
`pkgutil` and `runpy` see what `import` would load; `SourceFileLoader`
compiles and runs a source file in a module's namespace.  Ember never reads
or writes bytecode caches: `SourcelessFileLoader` refuses `.pyc` files and
`ExtensionFileLoader` refuses shared libraries.

Importing this module installs `FileFinder`'s path hook in `sys.path_hooks`
when that list is empty, as a description of the native search for code
that walks the path hooks (`pkgutil.iter_modules`).
"""

import os
import sys

import _imp
from importlib import _bootstrap

_MS_WINDOWS = sys.platform == "win32"
path_separators = "\\/" if _MS_WINDOWS else "/"
path_sep = path_separators[0]
path_sep_tuple = tuple(path_separators)

# The magic number of CPython 3.11's bytecode files (Ember writes none, but
# callers compare the header of existing files with it).
MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, "little")

_PYCACHE = "__pycache__"
_OPT = "opt-"

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = _imp.extension_suffixes()


def _pack_uint32(x):
    return (int(x) & 0xFFFFFFFF).to_bytes(4, "little")


def _unpack_uint32(data):
    assert len(data) == 4
    return int.from_bytes(data, "little")


def _unpack_uint16(data):
    assert len(data) == 2
    return int.from_bytes(data, "little")


def _relax_case():
    """True where file names compare case-insensitively (never on Linux)."""
    return False


def _path_join(*path_parts):
    return path_sep.join(part.rstrip(path_separators) for part in path_parts if part)


def _path_split(path):
    head, _, tail = path.rpartition(path_sep)
    return head, tail


def _path_stat(path):
    return os.stat(path)


def _path_is_mode_type(path, mode):
    try:
        stat_info = _path_stat(path)
    except OSError:
        return False
    return (stat_info.st_mode & 0o170000) == mode


def _path_isfile(path):
    return _path_is_mode_type(path, 0o100000)


def _path_isdir(path):
    if not path:
        path = os.getcwd()
    return _path_is_mode_type(path, 0o040000)


def _path_isabs(path):
    return path.startswith(path_separators)


def _path_abspath(path):
    if not _path_isabs(path):
        path = _path_join(os.getcwd(), path)
    return path


def _write_atomic(path, data, mode=0o666):
    """Write `data` to `path` through a temporary file renamed into place."""
    temp = f"{path}.{id(path)}"
    fd = os.open(temp, os.O_EXCL | os.O_CREAT | os.O_WRONLY, mode & 0o666)
    try:
        with open(fd, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _cache_tag():
    return sys.implementation.cache_tag or sys.implementation.name


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The `__pycache__/NAME.TAG[.opt-N].pyc` path that belongs to the
    source file `path` (Ember computes it for callers; it writes none)."""
    if debug_override is not None:
        import warnings
        warnings.warn("the debug_override parameter is deprecated; use 'optimization' instead",
                      DeprecationWarning)
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    path = os.fspath(path)
    head, tail = _path_split(path)
    base, sep, rest = tail.rpartition(".")
    almost = "".join([(base if base else rest), ".", _cache_tag()])
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization != "":
        if not optimization.isalnum():
            raise ValueError(f"{optimization!r} is not alphanumeric")
        almost = f"{almost}.{_OPT}{optimization}"
    filename = almost + BYTECODE_SUFFIXES[0]
    return _path_join(head, _PYCACHE, filename)


def source_from_cache(path):
    """The source path for a `__pycache__/NAME.TAG.pyc` path."""
    path = os.fspath(path)
    head, pycache_filename = _path_split(path)
    head, pycache = _path_split(head)
    if pycache != _PYCACHE:
        raise ValueError(f"{_PYCACHE} not bottom-level directory in {path!r}")
    dot_count = pycache_filename.count(".")
    if dot_count not in {2, 3}:
        raise ValueError(f"expected only 2 or 3 dots in {pycache_filename!r}")
    if dot_count == 3:
        optimization = pycache_filename.rsplit(".", 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError(f"optimization portion of filename does not start with {_OPT!r}")
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError(f"optimization level {optimization!r} is not an alphanumeric value")
    base_filename = pycache_filename.partition(".")[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])


def _get_sourcefile(bytecode_path):
    """The source file next to a bytecode path, if it exists."""
    if len(bytecode_path) == 0:
        return None
    rest, _, extension = bytecode_path.rpartition(".")
    if not rest or extension.lower()[-3:-1] != "py":
        return bytecode_path
    try:
        source_path = source_from_cache(bytecode_path)
    except (NotImplementedError, ValueError):
        source_path = bytecode_path[:-1]
    return source_path if _path_isfile(source_path) else bytecode_path


def _get_cached(filename):
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    return None


def _calc_mode(path):
    try:
        mode = _path_stat(path).st_mode
    except OSError:
        mode = 0o666
    return mode | 0o200


def _check_name(method):
    """Make a loader method refuse a name other than the loader's own."""
    def _check_name_wrapper(self, name=None, *args, **kwargs):
        if name is None:
            name = self.name
        elif self.name != name:
            raise ImportError(f"loader for {self.name} cannot handle {name}", name=name)
        return method(self, name, *args, **kwargs)

    _bootstrap._wrap(_check_name_wrapper, method)
    return _check_name_wrapper


def _find_module_shim(self, fullname):
    """The deprecated `find_module()` of a path-entry finder."""
    import warnings
    warnings.warn(f"{_bootstrap._object_name(self)}.find_module() is deprecated and slated for "
                  "removal in Python 3.12; use find_spec() instead", DeprecationWarning)
    spec = self.find_spec(fullname)
    return None if spec is None else spec.loader


def decode_source(source_bytes):
    """Decode source bytes as the compiler would (PEP 263 coding cookie,
    BOM, universal newlines)."""
    import io
    import tokenize
    readline = io.BytesIO(source_bytes).readline
    encoding = tokenize.detect_encoding(readline)
    newline_decoder = io.IncrementalNewlineDecoder(None, True)
    return newline_decoder.decode(source_bytes.decode(encoding[0]))


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the module in the file `location`."""
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)
        try:
            location = _path_abspath(location)
        except OSError:
            pass
    spec = _bootstrap.ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = _path_split(location)[0]
            spec.submodule_search_locations.append(dirname)
    return spec


class WindowsRegistryFinder:
    """Finds nothing: there is no Windows registry on Ember's platforms."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @classmethod
    def find_module(cls, fullname, path=None):
        return None


class _LoaderBasics:
    """What loaders that run a code object share."""

    def is_package(self, fullname):
        """A module is a package when its file is `__init__.py`."""
        filename = _path_split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit(".", 1)[0]
        tail_name = fullname.rpartition(".")[2]
        return filename_base == "__init__" and tail_name != "__init__"

    def create_module(self, spec):
        """The default module object."""

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f"cannot load module {module.__name__!r} when get_code() returns None")
        exec(code, module.__dict__)

    def load_module(self, fullname):
        return _bootstrap._load_module_shim(self, fullname)


class SourceLoader(_LoaderBasics):
    """A loader of source text (Ember compiles it on every load)."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {"mtime": self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Loaders that can write files override this."""

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError("source not available through get_data()", name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, "exec", dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        source_path = self.get_filename(fullname)
        source_bytes = self.get_data(source_path)
        return self.source_to_code(source_bytes, source_path)


class FileLoader:
    """A loader for one file: `name` and `path`."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    @_check_name
    def load_module(self, fullname):
        return super(FileLoader, self).load_module(fullname)

    @_check_name
    def get_filename(self, fullname):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as file:
            return file.read()

    @_check_name
    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)


class SourceFileLoader(FileLoader, SourceLoader):
    """Loads a `.py` file."""

    def path_stats(self, path):
        st = _path_stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

    def _cache_bytecode(self, source_path, bytecode_path, data):
        """Ember writes no bytecode caches."""

    def set_data(self, path, data, *, _mode=0o666):
        """Write `data` to `path`, creating missing parent directories."""
        parent, filename = _path_split(path)
        path_parts = []
        while parent and not _path_isdir(parent):
            parent, part = _path_split(parent)
            path_parts.append(part)
        for part in reversed(path_parts):
            parent = _path_join(parent, part)
            try:
                os.mkdir(parent)
            except FileExistsError:
                continue
            except OSError:
                return
        try:
            _write_atomic(path, data, _mode)
        except OSError:
            pass


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """Bytecode files: Ember cannot run CPython bytecode."""

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        data = self.get_data(path)
        if data[:4] != MAGIC_NUMBER:
            raise ImportError(f"bad magic number in {fullname!r}: {data[:4]!r}", name=fullname, path=path)
        raise ImportError(f"Ember cannot run bytecode files: {path!r}", name=fullname, path=path)

    def get_source(self, fullname):
        return None


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """Extension modules: Ember loads none."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        raise ImportError(f"Ember cannot load extension modules: {self.path!r}",
                          name=spec.name, path=self.path)

    def exec_module(self, module):
        raise ImportError(f"Ember cannot load extension modules: {self.path!r}",
                          name=module.__name__, path=self.path)

    def is_package(self, fullname):
        file_name = _path_split(self.path)[1]
        return any(file_name == "__init__" + suffix for suffix in EXTENSION_SUFFIXES)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None

    @_check_name
    def get_filename(self, fullname):
        return self.path


class _NamespacePath:
    """The `__path__` of a namespace package: recomputed whenever the
    parent's path changes."""

    _epoch = 0

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._last_parent_path = tuple(self._get_parent_path())
        self._last_epoch = self._epoch
        self._path_finder = path_finder

    def _find_parent_path_names(self):
        parent, dot, me = self._name.rpartition(".")
        if dot == "":
            return "sys", "path"
        return parent, "__path__"

    def _get_parent_path(self):
        parent_module_name, path_attr_name = self._find_parent_path_names()
        return getattr(sys.modules[parent_module_name], path_attr_name)

    def _recalculate(self):
        parent_path = tuple(self._get_parent_path())
        if parent_path != self._last_parent_path or self._epoch != self._last_epoch:
            spec = self._path_finder(self._name, parent_path)
            if spec is not None and spec.loader is None and spec.submodule_search_locations:
                self._path = spec.submodule_search_locations
            self._last_parent_path = parent_path
            self._last_epoch = self._epoch
        return self._path

    def __iter__(self):
        return iter(self._recalculate())

    def __getitem__(self, index):
        return self._recalculate()[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._recalculate())

    def __repr__(self):
        return f"_NamespacePath({self._path!r})"

    def __contains__(self, item):
        return item in self._recalculate()

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    """The loader of a namespace package (a directory without
    `__init__.py`)."""

    def __init__(self, name, path, path_finder):
        self._path = _NamespacePath(name, path, path_finder)

    @staticmethod
    def module_repr(module):
        return f"<module {module.__name__!r} (namespace)>"

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        """The default module object."""

    def exec_module(self, module):
        pass

    def load_module(self, fullname):
        return _bootstrap._load_module_shim(self, fullname)

    def get_resource_reader(self, module):
        from importlib.readers import NamespaceReader
        return NamespaceReader(self._path)


_NamespaceLoader = NamespaceLoader


class PathFinder:
    """Finds modules in the directories of `sys.path` or of a package's
    `__path__`, through `sys.path_importer_cache` and `sys.path_hooks`;
    entries no hook accepts are searched as Ember's native importer does."""

    @staticmethod
    def invalidate_caches():
        for name, finder in list(sys.path_importer_cache.items()):
            if finder is None or not _path_isabs(name):
                del sys.path_importer_cache[name]
            elif hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()
        _NamespacePath._epoch += 1

    @staticmethod
    def _path_hooks(path):
        for hook in sys.path_hooks:
            try:
                return hook(path)
            except ImportError:
                continue
        return None

    @classmethod
    def _path_importer_cache(cls, path):
        if path == "":
            try:
                path = os.getcwd()
            except FileNotFoundError:
                return None
        try:
            finder = sys.path_importer_cache[path]
        except KeyError:
            finder = cls._path_hooks(path)
            if finder is None and _path_isdir(path):
                finder = FileFinder(path, *_get_supported_file_loaders())
            sys.path_importer_cache[path] = finder
        return finder

    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is None:
                continue
            if hasattr(finder, "find_spec"):
                spec = finder.find_spec(fullname, target)
            else:
                loader = finder.find_module(fullname)
                spec = None if loader is None else _bootstrap.spec_from_loader(fullname, loader)
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            portions = spec.submodule_search_locations
            if portions is None:
                raise ImportError("spec missing loader")
            namespace_path.extend(portions)
        spec = _bootstrap.ModuleSpec(fullname, None)
        spec.submodule_search_locations = namespace_path
        return spec

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        """The spec of `fullname` in `path` (default `sys.path`), or None."""
        if path is None:
            path = sys.path
        spec = cls._get_spec(fullname, path, target)
        if spec is None:
            return None
        if spec.loader is None:
            namespace_path = spec.submodule_search_locations
            if not namespace_path:
                return None
            # Ember's native importer has no namespace packages.
            return None
        return spec

    @classmethod
    def find_module(cls, fullname, path=None):
        import warnings
        warnings.warn("PathFinder.find_module() is deprecated and slated for removal in "
                      "Python 3.12; use find_spec() instead", DeprecationWarning)
        spec = cls.find_spec(fullname, path)
        return None if spec is None else spec.loader

    @staticmethod
    def find_distributions(*args, **kwargs):
        """The installed distributions (`importlib.metadata`)."""
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)


class FileFinder:
    """Finds modules in one directory: a package `NAME/__init__.py`, then
    a module file for each suffix its loaders handle."""

    def __init__(self, path, *loader_details):
        loaders = []
        for loader, suffixes in loader_details:
            loaders.extend((suffix, loader) for suffix in suffixes)
        self._loaders = loaders
        if not path or path == ".":
            self.path = os.getcwd()
        else:
            self.path = _path_abspath(path)

    def invalidate_caches(self):
        """The finder looks at the directory on each call: nothing cached."""

    find_module = _find_module_shim

    def find_loader(self, fullname):
        import warnings
        warnings.warn("FileFinder.find_loader() is deprecated and slated for removal in "
                      "Python 3.12; use find_spec() instead", DeprecationWarning)
        spec = self.find_spec(fullname)
        if spec is None:
            return None, []
        return spec.loader, spec.submodule_search_locations or []

    def _get_spec(self, loader_class, fullname, path, smsl, target):
        loader = loader_class(fullname, path)
        return spec_from_file_location(fullname, path, loader=loader,
                                       submodule_search_locations=smsl)

    def find_spec(self, fullname, target=None):
        tail_module = fullname.rpartition(".")[2]
        base_path = _path_join(self.path, tail_module)
        if _path_isdir(base_path):
            for suffix, loader_class in self._loaders:
                init_filename = "__init__" + suffix
                full_path = _path_join(base_path, init_filename)
                if _path_isfile(full_path):
                    return self._get_spec(loader_class, fullname, full_path, [base_path], target)
        for suffix, loader_class in self._loaders:
            full_path = _path_join(self.path, tail_module + suffix)
            if _path_isfile(full_path):
                return self._get_spec(loader_class, fullname, full_path, None, target)
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        """A `sys.path_hooks` callable making a finder for a directory."""
        def path_hook_for_FileFinder(path):
            if not _path_isdir(path):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)

        return path_hook_for_FileFinder

    def __repr__(self):
        return f"FileFinder({self.path!r})"


def _fix_up_module(ns, name, pathname, cpathname=None):
    """Give a namespace run from a file `__loader__` and `__spec__`."""
    loader = ns.get("__loader__")
    spec = ns.get("__spec__")
    if not loader:
        if spec:
            loader = spec.loader
        elif pathname == cpathname:
            loader = SourcelessFileLoader(name, pathname)
        else:
            loader = SourceFileLoader(name, pathname)
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
    try:
        ns["__spec__"] = spec
        ns["__loader__"] = loader
        ns["__file__"] = pathname
        ns["__cached__"] = cpathname
    except Exception:
        pass


def _get_supported_file_loaders():
    """The (loader, suffixes) pairs of the files Ember imports."""
    return [(SourceFileLoader, SOURCE_SUFFIXES)]


def _set_bootstrap_module(_bootstrap_module):
    global _bootstrap
    _bootstrap = _bootstrap_module


def _install(_bootstrap_module):
    """Nothing to install: Ember's import system is native."""


_bootstrap._install_external_importers(sys.modules[__name__])
if not sys.path_hooks:
    sys.path_hooks.append(FileFinder.path_hook(*_get_supported_file_loaders()))
