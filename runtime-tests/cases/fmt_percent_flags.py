# % formatting flags: - + space 0 #, width and precision including '*'.
for v in [0, 7, -7, 123456]:
    print("[%5d][%-5d][%05d][%+d][% d][%+05d][%-+6d][% 05d]" % (v, v, v, v, v, v, v, v))
for v in [0.0, 3.14159, -2.5, 1234.5678]:
    print("[%8.2f][%-8.2f][%08.2f][%+.1f][% .3f][%#.0f][%.0f][%+08.1e]" % (v, v, v, v, v, v, v, v))
for v in [255, -255, 0]:
    print("[%#8x][%#-8o][%08X][%#08x][%+x][% o]" % (v, v, v, v, v, v))
print("[%*d][%-*d][%.*f][%*.*f]" % (6, 42, 6, 42, 2, 3.14159, 10, 3, 2.71828))
print("[%*d]" % (-6, 42), "[%10s][%-10s][%.2s][%*s]" % ("right", "left", "trunc", 4, "ab"))
print("[%5c][%-3c]" % ("x", 66), "[%#g][%#.3g][%g]" % (1.0, 1.0, 1.0), "[%%]" % ())
for fmt, args in [("[%5%]", ()), ("[%5%]", (1,)), ("[%-%]", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("[%10r][%-10a]" % ("q", "é"))
print("%.3d|%.5x|%8.3d|%-8.3d|%08.3d" % (5, 255, -7, 7, 7))
print("%#.3o|%#5x|%#05x|%#-5x|" % (8, 15, 15, 15))
