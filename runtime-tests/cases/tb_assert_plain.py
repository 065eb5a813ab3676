# Failing assert without a message.
def check(values):
    assert sorted(values) == values
    return "sorted"

print(check([1, 2, 3]))
check([3, 1, 2])
