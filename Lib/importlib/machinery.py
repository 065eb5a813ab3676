"""`importlib.machinery`: the finders, loaders and suffix lists that
describe Ember's import system (see `_bootstrap` and `_bootstrap_external`:
Ember imports built-in modules and `.py` sources)."""

from importlib._bootstrap import BuiltinImporter, FrozenImporter, ModuleSpec
from importlib._bootstrap_external import (
    BYTECODE_SUFFIXES,
    DEBUG_BYTECODE_SUFFIXES,
    EXTENSION_SUFFIXES,
    OPTIMIZED_BYTECODE_SUFFIXES,
    SOURCE_SUFFIXES,
    ExtensionFileLoader,
    FileFinder,
    NamespaceLoader,
    PathFinder,
    SourceFileLoader,
    SourcelessFileLoader,
    WindowsRegistryFinder,
)


def all_suffixes():
    """Every recognised suffix of a module file."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
