# Failing assert with a message expression.
def average(values):
    assert len(values) > 0, f"cannot average {len(values)} values"
    return sum(values) / len(values)

print(average([1, 2, 3, 4]))
average([])
