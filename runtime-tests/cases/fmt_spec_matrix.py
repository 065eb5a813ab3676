# format(value, spec) over a matrix of ints, floats, complex numbers and strs:
# fill/align, sign, z, #, 0, width, grouping, precision and every presentation type.
vals = [0, 1, -1, 7, 42, -42, 255, 1234, -1234, 123456789, 10**20, -10**30, 2**64+5, True,
        0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159, 1234.5678, -1234.5678, 1e16, 1e-5, 1.5e-7, 123456789.0, 1e100, 9.9999999, 0.00009999,
        float('inf'), float('-inf'), float('nan'), 1e22, 5e-324, 0.5, 100.0,
        1+2j, -1.5-2.5j, 1j, -0.0+0j, 0j, 1e20+1j, complex(float('inf'), float('nan')),
        "", "a", "héllo", "abcdef"]
specs = ["", "s", "d", "5", "<5", ">8", "^9", "=10", "*^11", "0", "05", "010", "+", "-", " ", "+10", "z", "z.1f", "#", "#x", "#o", "#b", "#X",
         "x", "X", "o", "b", "c", "n", ",", "_", ",d", "_x", "_b", "010,", "012_", "e", "E", ".3e", ".0e", "#.0e", "f", "F", ".2f", ".0f", "#.0f",
         "g", "G", ".3g", ".0g", "#g", "#.3g", ".10g", "%", ".1%", ".3", ".1", ".0", ".17", "10.3", "<10.2f", "^+12,.2f", "0=12", "x<8", "0<6",
         ".2s", "<3.1", ",.2f", "_.3f", "015,.2f", "+015_.2e", " 08.3f", "-010", "z.2e", "#.2", "#10", "e>10", "Z", ".20f", ".30e"]
for v in vals:
    for s in specs:
        try:
            r = repr(format(v, s))
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(v), repr(s), r)
