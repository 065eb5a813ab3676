# Uncaught ModuleNotFoundError for an import of a module that does not exist.
import sys
print("sys imported:", sys.__name__)
import definitely_not_a_module_xyz
