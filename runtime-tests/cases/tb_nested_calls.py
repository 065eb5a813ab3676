# Traceback through several nested function calls.
def level_three(d):
    return d["missing"]

def level_two(d):
    value = level_three(d)
    return value

def level_one():
    data = {"present": 1}
    return level_two(data)

print("calling")
level_one()
