# return/break/continue interacting with finally: finally overrides, swallowed exceptions, loop control.
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
def finally_runs_after_return():
    log = []
    def inner():
        try:
            log.append("try")
            return "value"
        finally:
            log.append("finally")
    return inner(), log
print(finally_runs_after_return())
def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_before_finally())
def rebind_in_finally():
    x = "original"
    try:
        return x
    finally:
        x = "rebound"
print(rebind_in_finally())
def break_in_finally():
    for i in range(5):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested_finally():
    log = []
    try:
        try:
            return "inner return"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
        print(log)
print(nested_finally())
def exception_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    exception_in_finally()
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("finally", n)
    return n
print(while_finally())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen_finally():
    print("got", v)
    break
print("after loop")
def return_in_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("finally after except return")
print(return_in_except())
def count_finally():
    count = 0
    for i in range(4):
        try:
            if i % 2:
                continue
        finally:
            count += 1
    return count
print(count_finally())
