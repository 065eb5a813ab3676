# format() mini-language for floats: e E f F g G n % and default, precision, # and specials.
vals = [0.0, -0.0, 1.0, -1.5, 3.14159265, 1234567.891, 1e-7, 1.5e16, 2.5, 0.125, 1e300, float("inf"), float("-inf"),
        float("nan")]
specs = ["", ".0", ".3", "e", ".2e", "E", "f", ".0f", ".1f", "F", "g", ".2g", ".10g", "G", "#g", "#.3g", "n", "%",
         ".1%", "+.2f", " .2f", "010.3f", "<12.2f", ">+12.3e", "^12g", "*=12.1f", ",.2f", "_.3f", ",", ".3", "#.0f",
         "#.0e", "z.1f", "-.1f", ".15g", ".17g", "r" if False else ".2"]
for spec in specs:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append("ValueError:" + str(e))
    print(repr(spec), "|".join(out))
for bad in ["d", "x", "c", "s", ",_f"]:
    try:
        print(format(1.5, bad))
    except ValueError as e:
        print(bad, "ValueError:", e)
print(format(1e16, ""), format(1e16, "g"), format(123456789.0, ""), format(0.0001, ""), format(0.0001, "g"))
print(f"{2/3:.5}", f"{2/3:.5f}", f"{100:.2f}", f"{100:e}", f"{100:%}", f"{-0.0:.0f}", f"{-0.001:.1f}", f"{-0.001:z.1f}")
