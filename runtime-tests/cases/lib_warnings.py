# warnings: default filters and the once-per-location registry, filters, catch_warnings(record=True), errors.
import sys
import warnings


def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def user():
    warnings.warn("careful")


for i in range(3):
    user()
    warnings.warn(f"loop {i % 2}")
deprecated_api()
warnings.warn("main deprecation", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn(RuntimeWarning("instance message"))
warnings.warn("bytes", BytesWarning)
print("stdout line")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    user()
    user()
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("custom"))
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
print(str(caught[0]).startswith("{message : UserWarning('careful'), category : 'UserWarning', filename : "))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        user()
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    warnings.simplefilter("ignore", UserWarning)
    user()
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("always", category=UserWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    warnings.warn("Skip case-insensitively")
print([str(w.message) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("once only")
        user()
print(len(caught), [str(w.message) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("module")
    user()
    user()
    warnings.warn("careful")
print(len(caught))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", SyntaxWarning, "fake.py", 12, module="fake")
print(caught[0].filename, caught[0].lineno, caught[0].category.__name__)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  the line  "))
print(repr(warnings.formatwarning("msg", FutureWarning, "nofile.py", 3)))
shown = []
old = warnings.showwarning
warnings.showwarning = lambda *a: shown.append((str(a[0]), a[1].__name__, a[3]))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    user()
warnings.showwarning = old
print(shown)
for bad in [lambda: warnings.warn("x", 5), lambda: warnings.warn("x", int), lambda: warnings.simplefilter("bogus"),
            lambda: warnings.filterwarnings("ignore", lineno=-1)]:
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__, e)
cw = warnings.catch_warnings()
print(repr(cw), repr(warnings.catch_warnings(record=True)))
try:
    cw.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(len(warnings.filters) >= 5, warnings.filters[-1][0], warnings.defaultaction)
sys.stderr.flush()
