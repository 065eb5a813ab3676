# The standard streams are context managers that close the stream on exit
# (json.tool does `with options.infile as infile` on sys.stdin).
import sys

with sys.stdin as f:
    print(f is sys.stdin, f.closed)
print(sys.stdin.closed)
try:
    with sys.stdin:
        pass
except ValueError as e:
    print("ValueError", e)
print(sys.stdout.__enter__() is sys.stdout)
