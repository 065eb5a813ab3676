# repr/str of complex numbers, including signed zeros and specials, and format().
vals = [0j, -0j, 1j, -1j, complex(0, 0), complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0),
        1 + 1j, 1.5 - 2.5j, complex(1e16, 1e-5), complex(float("inf"), float("nan")),
        complex(-float("inf"), -float("inf")), complex(2, 0), 3e300j, complex(0.1, 0.2), complex(1, 1e100)]
for v in vals:
    print(repr(v), str(v))
print([1j, 2 + 0j], (1 - 1j,))
print(format(1 + 2j, ""), format(1.5 + 2.25j, ".1f"), format(1 + 2j, ">20"), format(3 - 4j, "+.2e"),
      format(1j, "g"), f"{2 + 3j:*^16.3f}")
print((1 + 2j).__repr__(), complex.__name__)
