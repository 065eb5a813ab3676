# sys.exit with an int code: status 3, finally blocks run, nothing on stderr.
import sys
try:
    print("about to exit")
    sys.exit(3)
finally:
    print("finally still runs")
print("not reached")
