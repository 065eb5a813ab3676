# importlib's spec and loader objects: finding modules, making modules
# from specs, running loaders, and the path helpers.
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import tempfile

sys.dont_write_bytecode = True


def describe(spec):
    if spec is None:
        return "None"
    origin = spec.origin
    if origin and os.path.isabs(origin):
        origin = "/".join(origin.split(os.sep)[-2:])
    search = spec.submodule_search_locations
    if search is not None:
        search = [os.path.basename(p) for p in search]
    return (spec.name, type(spec.loader).__name__ if not isinstance(spec.loader, type)
            else spec.loader.__name__, origin, search, spec.parent, spec.has_location)


for name in ["json", "json.decoder", "_sre", "sys", "no_such_module_here", "_helper_mod"]:
    print(name, describe(importlib.util.find_spec(name)))

try:
    importlib.util.find_spec("json.no_such_sub")
except Exception as e:
    print(type(e).__name__, e)
print(importlib.util.find_spec("json.no_such_sub"))
try:
    importlib.util.find_spec("os.path.nothing")
except Exception as e:
    print(type(e).__name__, e)

print(importlib.util.resolve_name(".decoder", "json"))
print(importlib.util.resolve_name("..x", "a.b.c"))
try:
    importlib.util.resolve_name(".x", None)
except ImportError as e:
    print("ImportError", e)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError", e)

print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.Loader))
print(isinstance(importlib.machinery.PathFinder, type), hasattr(importlib.machinery.FileFinder, "path_hook"))
print(importlib.machinery.BuiltinImporter.find_spec("_sre").origin)
print(importlib.machinery.BuiltinImporter.find_spec("json"))
print(importlib.machinery.FrozenImporter.find_spec("no_such_frozen"))

spec = importlib.machinery.ModuleSpec("pkg.mod", None, origin="here")
print(spec.name, spec.parent, spec.origin, spec.has_location, spec.submodule_search_locations, spec.cached)
spec2 = importlib.machinery.ModuleSpec("pkg", None, is_package=True)
print(spec2.parent, spec2.submodule_search_locations)
print(spec == importlib.machinery.ModuleSpec("pkg.mod", None, origin="here"), spec == spec2)

m = importlib.util.module_from_spec(spec)
print(type(m).__name__, m.__name__, m.__package__, m.__spec__ is spec, m.__loader__)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "tmpmod.py")
    with open(path, "w") as f:
        f.write("X = 40 + 2\ndef f():\n    return __name__\n")
    spec = importlib.util.spec_from_file_location("tmpmod", path)
    print(type(spec.loader).__name__, spec.origin == path, spec.has_location)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(mod.X, mod.f(), mod.__file__ == path, "tmpmod" in sys.modules)
    print(spec.loader.get_source("tmpmod").splitlines()[0])
    print(spec.loader.is_package("tmpmod"))
    try:
        spec.loader.get_filename("other")
    except ImportError as e:
        print("ImportError", e)

    pkg = os.path.join(d, "tmppkg")
    os.mkdir(pkg)
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("Y = 'pkg'\n")
    with open(os.path.join(pkg, "sub.py"), "w") as f:
        f.write("from . import Y\nZ = Y * 2\n")
    sys.path.insert(0, d)
    try:
        s = importlib.util.find_spec("tmppkg")
        print(s.name, s.submodule_search_locations == [pkg], s.loader.is_package("tmppkg"))
        sub = importlib.import_module(".sub", "tmppkg")
        print(sub.Z, sub.__name__)
        with open(os.path.join(pkg, "sub.py"), "w") as f:
            f.write("from . import Y\nZ = Y * 3 + '!'\n")
        print(importlib.reload(sub).Z)
        import pkgutil
        print(sorted(name for _, name, _ in pkgutil.iter_modules([pkg])))
        print(pkgutil.get_data("tmppkg", "sub.py").decode().splitlines()[1])
    finally:
        sys.path.remove(d)
        for name in ("tmppkg", "tmppkg.sub", "tmpmod"):
            sys.modules.pop(name, None)

print(importlib.util.source_from_cache(os.path.join("a", "__pycache__", "m.tag.pyc")))
try:
    importlib.util.source_from_cache(os.path.join("a", "m.tag.pyc"))
except ValueError as e:
    print("ValueError", e)
