# sys.exit(None) and raise SystemExit: status 0, no stderr; SystemExit can be caught first.
import sys
try:
    sys.exit(42)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e), isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise SystemExit("x", "y")
except SystemExit as e:
    print("tuple code", e.code, e.args)
try:
    exit_code = sys.exit()
except SystemExit as e:
    print("no-arg code", e.code)
print("exiting normally with None")
sys.exit(None)
