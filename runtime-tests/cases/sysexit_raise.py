# raise SystemExit(2) from inside nested calls with a pending finally; status 2.
def inner():
    raise SystemExit(2)

def outer():
    try:
        inner()
    finally:
        print("outer finally")

try:
    outer()
except Exception:
    print("SystemExit is not an Exception, so this is skipped")
