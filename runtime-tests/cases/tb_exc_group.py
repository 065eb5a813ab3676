# Uncaught ExceptionGroup: the nested box-drawing traceback format.
def task(n):
    if n % 2:
        raise ValueError(f"task {n} failed")
    return n

errors = []
for i in range(4):
    try:
        task(i)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("some tasks failed", errors)
