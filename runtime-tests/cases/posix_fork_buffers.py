# os.fork and os.system with buffered stdout: both processes keep unflushed output, as in CPython.
import os, sys
print("before fork")
pid = os.fork()
if pid == 0:
    print("in child")
    sys.exit(0)
os.waitpid(pid, 0)
print("parent done")
print("before system")
os.system("echo from shell")
