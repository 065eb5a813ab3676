# Numeric literals: underscores, hex/octal/binary, floats, exponents, imaginary, and invalid forms.
print(1_000_000, 0x_FF, 0o_17, 0b_1010, 0xdead_beef, 1_0.0_1, 1e1_0, 0_0, 00, 0.0_5)
print(0xFF, 0XFF, 0o777, 0O777, 0b1111, 0B1111, 0x0, 0b0, 0o0)
print(1., .5, 1.e3, 1.5e-3, 1E+2, 0e0, 1_2.3_4e5_6 if False else 12.34e5, 3.14_15)
print(1j, 2.5j, 1e3j, 0j, 1_0j, 0x10 + 1j, .5j, 5J)
print(123456789012345678901234567890, 0x123456789ABCDEF0123456789, 0b1 << 70)
print(type(1).__name__, type(1.0).__name__, type(1j).__name__, type(0x1).__name__, type(1e0).__name__)
print(-0x10, -0b11, -0o7, +0x1, ~0x0F)
print(1 .real, 1.0.is_integer(), 0x10.bit_length() if False else (0x10).bit_length(), 1_0 .bit_length())
for src in ["1__0", "1_", "0x", "0b2", "0o8", "09", "1e", "1.2.3", "0x_", "1_e5", "1e_5", "0b1_", "1.__0", "0_7", "1j_"]:
    try:
        value = eval(src)
        print(repr(src), "->", value)
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
print(0.1 + 0.2, 1e308 * 10, 1e-324, 1.7976931348623157e308, 4.9e-324)
print(int("0x10", 16), int("10", 0) if False else int("0o10", 0), float("1_5.5"), complex("1_0j"))
