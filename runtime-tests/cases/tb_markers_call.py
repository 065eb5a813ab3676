# Position markers under a failing call inside a larger expression.
def fails(x):
    return 10 / x

def compute():
    result = 1 + fails(5) + fails(0) * 2
    return result

compute()
