# assert statements: passing, failing with and without messages, message evaluation laziness.
assert True
assert 1 == 1, "never shown"
def lazy_message():
    print("message evaluated")
    return "lazy"
assert True, lazy_message()
try:
    assert False, lazy_message()
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 > 2
except AssertionError as e:
    print("no message:", repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("non-str message:", e.args[0], type(e.args[0]).__name__)
try:
    assert None, None
except AssertionError as e:
    print("None message:", e.args)
def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
print(check(4))
try:
    check("4")
except AssertionError as e:
    print("AssertionError:", e)
x = 5
assert (x > 0), "parenthesised"
try:
    assert x < 0, "x was %d" % x
except AssertionError as e:
    print(e)
print(__debug__)
