"""Run one module of CPython's Lib/test and report each test's outcome.

This script runs inside the interpreter under test (Ember, or CPython for
the baseline); `cpython_tests.py` starts it once per module:

    ember cpython_tests_child.py [--expected FILE] [--skip ID]... [--list] NAME

It imports `test.NAME`, loads its tests with unittest's default loader
(which honours the module's `load_tests`) and runs them with a result
class that records outcomes without formatting tracebacks (only a one-line
repr of each exception is kept).  Progress and the summary go to stdout as
marked lines, so the parent still knows how far a module got when the
interpreter crashes or hangs:

    @@CPYTESTS-START@@ ID           a test is about to run
    @@CPYTESTS-RESULT@@ {json}      the summary, last

Test ids drop the leading `test.` (`test_int.IntTestCases.test_basic`).
Failures of class and module fixtures are recorded under ids such as
`test_x.Cls.setUpClass` and `test_x.setUpModule`.

With `--expected FILE`, a failing or erroring test listed there becomes
"expected" and a listed test that passes becomes "unexpected-success"
(unless its reason starts with `[flaky]`).
`--skip ID` leaves a test unrun (the parent uses it to get past a test that
crashed the interpreter).  `--list` prints the ids of the loaded tests
without running them.

This file is also imported by the parent for `read_expected`.
"""

import sys

START = "@@CPYTESTS-START@@"
RESULT = "@@CPYTESTS-RESULT@@"

# Outcome kinds, worst first: a test's subtests merge to the worst of them.
KINDS = ("error", "failure", "unexpected-success-ut", "pass", "skip", "expected-failure-ut")


def read_expected(path):
    """The expected-failures file as {test id: reason}.

    A line is `ID # reason`; blank lines and lines starting with `#` are
    ignored.  A line without a reason is kept with an empty reason.
    """
    entries = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            ident, _, reason = line.partition("#")
            entries[ident.strip()] = reason.strip()
    return entries


def emit(text):
    """One marked line on the real stdout, even while a test captures it."""
    out = sys.__stdout__
    out.write("\n" + text + "\n")
    out.flush()


def short_id(test_id):
    if test_id.startswith("test."):
        return test_id[len("test."):]
    return test_id


def holder_id(description):
    """`setUpClass (test.test_x.Cls)` -> `test_x.Cls.setUpClass`."""
    name, sep, rest = description.partition(" (")
    if sep and rest.endswith(")"):
        return short_id(rest[:-1]) + "." + name
    return short_id(description)


def test_id(test):
    if isinstance(test, unittest.case._SubTest):
        test = test.test_case
    if type(test).__name__ == "_ErrorHolder":
        return holder_id(test.description)
    try:
        ident = test.id()
    except Exception:
        ident = type(test).__qualname__
    if ident.startswith("unittest.loader._FailedTest."):
        ident = "test." + ident[len("unittest.loader._FailedTest."):] + ".load"
    return short_id(ident)


def one_line(err):
    """A one-line description of an exc_info triple, never raising."""
    if err is None:
        return ""
    exc = err[1]
    try:
        text = repr(exc)
    except BaseException:
        text = "<unprintable %s>" % type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def reset_signals():
    """Unblocks every signal and cancels any alarm after a test.

    A test that blocks SIGALRM around starting a thread leaves it blocked when
    the start fails (Ember runs one thread), and every later test waiting for
    an alarm would then hang; a failing test must not take the rest of its
    module down with it.
    """
    try:
        import signal
    except ImportError:
        return
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
    if hasattr(signal, "alarm"):
        signal.alarm(0)


def make_result_class():
    class Recording(unittest.TestResult):
        """Records (id -> kind, message); never calls traceback."""

        def __init__(self):
            super().__init__()
            self.outcomes = {}
            self.order = []

        def record(self, test, kind, err=None):
            ident = test_id(test)
            if ident not in self.outcomes:
                self.order.append(ident)
                self.outcomes[ident] = (kind, one_line(err))
                return
            old_kind, old_msg = self.outcomes[ident]
            if KINDS.index(kind) < KINDS.index(old_kind):
                self.outcomes[ident] = (kind, one_line(err) or old_msg)

        def startTest(self, test):
            self.testsRun += 1
            emit(START + " " + test_id(test))

        def stopTest(self, test):
            reset_signals()

        def addSuccess(self, test):
            self.record(test, "pass")

        def addError(self, test, err):
            self.record(test, "error", err)

        def addFailure(self, test, err):
            self.record(test, "failure", err)

        def addSkip(self, test, reason):
            self.record(test, "skip")

        def addExpectedFailure(self, test, err):
            self.record(test, "expected-failure-ut", err)

        def addUnexpectedSuccess(self, test):
            self.record(test, "unexpected-success-ut")

        def addSubTest(self, test, subtest, err):
            if err is None:
                return
            failure = issubclass(err[0], test.failureException)
            self.record(test, "failure" if failure else "error", err)

    return Recording


def iter_tests(suite):
    if isinstance(suite, unittest.TestSuite):
        for t in suite:
            yield from iter_tests(t)
    else:
        yield suite


def classify(kind, reason):
    """The reported outcome of a test given its listed reason (None: not listed).

    A reason starting with `[flaky]` marks a test Ember fails only some of
    the time: its passes are not reported as unexpected successes.
    """
    listed = reason is not None
    if kind in ("error", "failure"):
        return "expected" if listed else kind
    if kind == "unexpected-success-ut":
        return "expected" if listed else "failure"
    if kind == "pass" and listed and not reason.startswith("[flaky]"):
        return "unexpected-success"
    return kind


def import_os_helper():
    """Import test.support.os_helper while the file-system encoding reads as
    latin-1, when the interpreter cannot decode b'\\xff' with surrogateescape.

    os_helper probes at import time for a file name that decodes to a lone
    surrogate; Ember's str cannot hold one, so the probe raises and every
    test module would fail to import.  Under latin-1 every byte decodes, so
    os_helper sets TESTFN_UNENCODABLE and TESTFN_UNDECODABLE to None and the
    tests that need such names skip.  Other modules (os, io) have already
    read the real encoding.
    """
    try:
        b"\xff".decode(sys.getfilesystemencoding(), "surrogateescape")
        return
    except UnicodeDecodeError:
        pass
    real = sys.getfilesystemencoding
    sys.getfilesystemencoding = lambda: "latin-1"
    try:
        import test.support.os_helper  # noqa: F401
    finally:
        sys.getfilesystemencoding = real


def main(argv):
    global unittest
    expected = {}
    skip = set()
    listing = False
    args = list(argv)
    name = None
    while args:
        a = args.pop(0)
        if a == "--expected":
            expected = read_expected(args.pop(0))
        elif a == "--skip":
            skip.add(args.pop(0))
        elif a == "--list":
            listing = True
        else:
            name = a
    summary = {"module": name, "import_error": None, "tests": []}
    try:
        import unittest
        import importlib

        import_os_helper()
        module = importlib.import_module("test." + name)
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except BaseException as e:
        summary["import_error"] = one_line((type(e), e, None))
        emit(RESULT + " " + __import__("json").dumps(summary))
        return
    import json

    if listing:
        summary["tests"] = [[test_id(t), "listed", ""] for t in iter_tests(suite)]
        emit(RESULT + " " + json.dumps(summary))
        return
    for t in iter_tests(suite):
        if test_id(t) in skip:
            t.run = lambda result=None, *a, **k: result
    result = make_result_class()()
    try:
        suite.run(result)
    except BaseException as e:
        summary["run_error"] = one_line((type(e), e, None))
    for ident in result.order:
        kind, message = result.outcomes[ident]
        summary["tests"].append([ident, classify(kind, expected.get(ident)), message])
    emit(RESULT + " " + json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.stdout.flush()
