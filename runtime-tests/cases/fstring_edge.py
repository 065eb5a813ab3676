# f-string edge cases: = debugging with specs and conversions, whitespace, calls, format protocol.
value = 12.3456
s = "text"
lst = [1, 2, 3]
print(f"{value=}")
print(f"{value = }")
print(f"{value=:.2f}")
print(f"{value = :>12.1f}")
print(f"{s=}", f"{s=!s}", f"{s=!r}", f"{s=!a}", f"{s = !r:>8}")
print(f"{lst[1:]=}", f"{len(lst)=}", f"{lst[0] + lst[-1] = }")
print(f"{ value }", f"{  s  !r}", f"{s:}", f"{'':>3}|")
class Fmt:
    def __format__(self, spec):
        return f"Fmt<{spec}>"
    def __repr__(self):
        return "Fmt()"
    def __str__(self):
        return "Fmt-str"
o = Fmt()
print(f"{o}", f"{o:abc}", f"{o!r}", f"{o!s}", f"{o=}", f"{o=:spec}", f"{o!r:>8}")
width = 6
for i in range(3):
    print(f"{i:>{width}}|{i * 1.5:<{width}.{i}f}|{'#' * i:^{width}}|")
nested = {"a": {"b": [10, 20]}}
print(f"{nested['a']['b'][1]}", f"{nested!r}")
print(f"{'%d items' % 3}", f"{'{} and {}'.format(1, 2)}", f"{3:{'>'}{'1'}{'0'}}")
print(f"{1_000_000:,}", f"{0x1f:08b}", f"{-1:+}", f"{+1: }", f"{255:#06x}")
try:
    print(f"{undefined_name}")
except NameError as e:
    print("NameError:", e)
try:
    print(f"{1:d}{'x':d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{value:q}")
except ValueError as e:
    print("ValueError:", e)
print(f"{'a' 'b'}", f"{('a', 'b')[1]}", f"{ {1, 2} == {2, 1} }", f"{(yield_ := 5)}")
print(f"result: {sum(x * x for x in range(10))}", f"{min(3, 1, 2)!r:*>4}")
