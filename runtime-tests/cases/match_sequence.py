# Sequence patterns: fixed length, star captures, nested, tuples vs lists, strings are not sequences here.
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: first={first} middle={middle} last={last}"
        case [first, *rest]:
            return f"first={first} rest={rest}"
for v in [[], [1], (1, 2), [1, 2, 3], [1, 2, 3, 4, 5], range(3), "ab", b"ab", {1, 2}, iter([1])]:
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", shape(v))
def nested(v):
    match v:
        case [(a, b), [c, *d]]:
            return f"nested a={a} b={b} c={c} d={d}"
        case [*_, [*_, "deep"]]:
            return "deep at the end"
        case (1, *_, 9):
            return "starts 1 ends 9"
        case [int(), str(), *others]:
            return f"int then str then {len(others)} more"
    return "no match"
print(nested([(1, 2), [3, 4, 5]]), nested([0, ["x", "deep"]]), nested((1, 5, 5, 9)), nested([1, "s", None, None]),
      nested([1, 2]))
def star_positions(v):
    match v:
        case [*head, 0]:
            return f"ends with zero, head={head}"
        case [0, *tail]:
            return f"starts with zero, tail={tail}"
        case [a, *_, b]:
            return f"a={a} b={b}"
    return "short"
print(star_positions([1, 2, 0]), star_positions([0, 1]), star_positions([5, 6, 7]), star_positions([5]))
def capture_whole(v):
    match v:
        case [1, 2] as pair:
            return f"pair {pair}"
        case [1, (2 | 3) as second, *_] as whole:
            return f"second={second} whole={whole}"
    return "none"
print(capture_whole([1, 2]), capture_whole((1, 3, 4)), capture_whole([1, 4]))
