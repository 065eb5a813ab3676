# format() mini-language for integers: fill/align/sign/#/0/width/grouping/types.
vals = [0, 5, -5, 42, -42, 255, 1234567, -1234567, 2 ** 40]
specs = ["", "d", "5d", "<6", ">6", "^7", "*^9", "+", "-", " ", "06", "+06", "=8", "0=8", "x", "X", "#x", "#X",
         "o", "#o", "b", "#b", "08b", "#010b", ",", "_", "_x", "_b", ",d", "12,", "+,", "c", "n", "e", ".2f", "%",
         "#_o", "-^+10", "G"]
for spec in specs:
    out = []
    for v in vals:
        try:
            r = format(v, spec)
            out.append(repr(r) if spec == "c" else r)
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(repr(spec), "|".join(out))
for bad in [",_", "_,", ".2d", "s", "=^5", "#c", "+c", ",c", "10.3x", ",x"]:
    try:
        print(bad, format(42, bad))
    except ValueError as e:
        print(bad, "ValueError:", e)
print(format(True, "d"), format(True, ""), format(False, "x"), format(True, "^5"), f"{True:>5}")
