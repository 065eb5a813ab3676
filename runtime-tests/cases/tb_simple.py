# Uncaught exception at module level after some output: traceback on stderr, exit status 1.
print("before the error")
values = [1, 2, 3]
print(values[5])
print("never printed")
