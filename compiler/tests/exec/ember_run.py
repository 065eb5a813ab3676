"""Runs a module on CPython 3.11 with every source module it imports compiled
by Ember (via the `pydump` example) and translated by translate.py.

    EMBER_PYDUMP=target/release/examples/pydump python3 ember_run.py test.test_grammar

Modules imported before the hook is installed (the interpreter's startup set)
keep CPython's bytecode.
"""
import ast
import importlib.machinery as m
import os
import runpy
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import translate  # noqa: E402

PYDUMP = os.environ.get("EMBER_PYDUMP") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "target", "release", "examples", "pydump")
COMPILED = []


class EmberLoader(m.SourceFileLoader):
    def get_code(self, fullname):
        return self.source_to_code(None, self.get_filename(fullname))

    def source_to_code(self, data, path, *, _optimize=-1):
        r = subprocess.run([PYDUMP, path], capture_output=True, text=True)
        if r.returncode != 0:
            raise SyntaxError("ember: " + r.stderr.strip())
        dump = ast.literal_eval(r.stdout)
        translate.OPNAMES = dump["opnames"]
        COMPILED.append(path)
        return translate.translate(dump["code"])


sys.path_hooks.insert(0, m.FileFinder.path_hook(
    (m.ExtensionFileLoader, m.EXTENSION_SUFFIXES),
    (EmberLoader, m.SOURCE_SUFFIXES),
    (m.SourcelessFileLoader, m.BYTECODE_SUFFIXES)))
sys.path_importer_cache.clear()

if __name__ == "__main__":
    target = sys.argv[1]
    sys.argv = sys.argv[1:]
    try:
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    finally:
        print("ember compiled %d modules" % len(COMPILED), file=sys.stderr)
