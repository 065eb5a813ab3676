# sys.exit inside try/except Exception is not caught; except BaseException catches it; nested finally ordering.
import sys
def run():
    try:
        sys.exit(5)
    except Exception:
        print("not caught by Exception")
    finally:
        print("finally inside run")
try:
    run()
except BaseException as e:
    print("caught", type(e).__name__, e.code)
try:
    try:
        sys.exit("message")
    finally:
        print("inner finally")
except SystemExit as e:
    print("code is the message:", e.code)
def handler():
    try:
        raise ValueError("original")
    except ValueError:
        sys.exit(7)
try:
    handler()
except SystemExit as e:
    print("context preserved:", repr(e.__context__), e.code)
print("final exit 0 via exit code 0")
sys.exit(0)
