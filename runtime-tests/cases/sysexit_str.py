# sys.exit with a string: the message goes to stderr and the status is 1.
import sys
print("exiting with a message")
sys.exit("fatal: configuration missing")
