# Mapping patterns: key subsets, **rest, nested values, literal and dotted keys, non-dict mappings.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with extra {sorted(rest.items())}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": t, **rest}:
            return f"unknown type {t} rest={rest}"
        case {}:
            return "empty or typeless mapping"
    return "not a mapping"
events = [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "mod": "shift"}, {"type": "key", "key": "b"},
          {"type": "scroll", "delta": -1}, {"other": 1}, {}, [("type", "click")], "str", {"type": "click", "pos": [3, 4], "x": 0}]
for e in events:
    print(e, "->", handle(e))
class Keys:
    A = "a"
def keyed(d):
    match d:
        case {1: one, Keys.A: a, None: n}:
            return f"int key {one}, dotted key {a}, None key {n}"
        case {True: t}:
            return f"True key {t}"
    return "no"
print(keyed({1: "one", "a": "A", None: "n"}), keyed({1: "x"}), keyed({True: "t"}))
from collections import OrderedDict, defaultdict
print(handle(OrderedDict(type="key", key="z")), handle(defaultdict(int, type="scroll")))
def rest_is_copy(d):
    match d:
        case {"a": _, **rest}:
            rest["added"] = True
            return rest, d
print(rest_is_copy({"a": 1, "b": 2}))
