# Complex numbers: construction, arithmetic, attributes, errors.
a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(a), a.conjugate(), a.real, a.imag)
print(a ** 2, a ** 0, a ** -1, (1j) ** 2, 1j * 1j, pow(a, 2), 2 ** 1j == 2 ** 1j)
print(a == complex(3, 4), a != b, a == 3 + 4.0j, (1 + 0j) == 1, hash(1 + 0j) == hash(1))
print(complex(), complex(2), complex(2.5), complex("1+2j"), complex("  -3.5j "), complex("(1-1j)"), complex(" 5 "))
print(complex(1 + 2j, 3j), complex(real=1, imag=2), complex("inf+nanj"), complex("-infj"))
for s in ["1 + 2j", "j", "1+j", "2j+1", "abc", "", "1+2jj", "()"]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for op in [lambda: a < b, lambda: a // b, lambda: a % b, lambda: divmod(a, b), lambda: int(a), lambda: float(a),
           lambda: a / 0, lambda: 0j ** -1, lambda: complex("1", 2), lambda: round(a), lambda: complex([])]:
    try:
        print(op())
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(1j.real, 1j.imag, type(1j).__name__, (2 + 0j).imag, isinstance(1j, complex))
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a - True, a / 2, 1 / (1j))
z = 1 + 1j
z += 1
z *= 1j
print(z)
print(abs(3e200 + 4e200j), abs(complex(float("inf"), 1)), abs(complex(float("nan"), 1)))
