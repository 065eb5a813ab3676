# SystemExit(True) behaves like exit code 1 (bool is an int); nothing printed to stderr.
import sys
print("exit True")
sys.exit(True)
