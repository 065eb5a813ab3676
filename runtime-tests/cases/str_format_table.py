# Realistic string formatting: aligned tables, number formatting, padding with unicode, wrapping by hand.
rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 1234.5), ("Ünïcode", 100, 0.015)]
header = f"{'Item':<12}|{'Qty':>5}|{'Price':>10}|{'Total':>12}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12}|{qty:>5d}|{price:>10,.2f}|{total:>12,.3f}")
print("=" * len(header))
print(f"{'TOTAL':<12}|{'':>5}|{'':>10}|{grand:>12,.3f}")
print("{:^40}".format(" centered title "), "|{:*^20}|".format("mid"), "|{:<8}|{:>8}|".format("l", "r"))
for v in [0, 1, -1, 1234.5678, -0.000123, 1e10, float("inf")]:
    print(f"{v!r:>14} {v:>12.3g} {v:>+12.2e} {v:>10.1%}" if v != float("inf") else f"{v!r:>14} {v:>12}")
text = "The quick brown fox jumps over the lazy dog and keeps running through the forest until nightfall."
width = 30
line = ""
lines = []
for word in text.split():
    if len(line) + len(word) + (1 if line else 0) > width:
        lines.append(line)
        line = word
    else:
        line = f"{line} {word}" if line else word
lines.append(line)
for ln in lines:
    print(f"|{ln:<{width}}|")
for i in range(1, 6):
    print(f"{i:>2} {'#' * i:<5} {i ** 3:>4} {i / 7:.4f} {bin(i):>6} {i:03o} {i * 255:#06x}")
print("%-10s|%5d|%8.3f|" % ("pct", 42, 3.14159), "%(a)s-%(b)05.1f" % {"a": "x", "b": 2.25})
