"""String building and formatting.

f-strings with format specs, str.format, %-formatting, join, split, replace,
upper/lower, slicing and str.find, used to build a text report and to expand a
simple ${name} template. The checksum is the text length plus a hash computed
here by summing ord() values line by line modulo a prime (never the built-in hash).
"""
import sys

PRIME = 1000003

ITEMS = ("widget gadget sprocket flange bracket gasket spindle lever "
         "pulley ratchet hinge valve nozzle bearing coupling").split()
CITIES = ["Lisbon", "Oslo", "Quito", "Hanoi", "Perth", "Dakar", "Lima", "Riga"]


def checksum(text):
    """Sums ord() values line by line, mixing in line order, modulo a prime."""
    h = 0
    for i, line in enumerate(text.splitlines()):
        h = (h * 31 + sum(map(ord, line)) + i) % PRIME
    return h


def make_rows(n):
    rows = []
    for i in range(n):
        name = ITEMS[(i * 7) % len(ITEMS)]
        city = CITIES[(i * 3 + i // 7) % len(CITIES)]
        qty = (i * 37) % 250 + 1
        price = ((i * 7919) % 10000) / 100.0
        rows.append((i, name, city, qty, price))
    return rows


def fstring_report(rows):
    lines = [f"{'id':>6} | {'item':<10} | {'city':^8} | {'qty':>5} | {'price':>9} | {'total':>11}"]
    lines.append("-" * len(lines[0]))
    grand = 0.0
    for ident, name, city, qty, price in rows:
        total = qty * price
        grand += total
        lines.append(f"{ident:>6d} | {name:<10} | {city:^8} | {qty:>5} | {price:>9.2f} | {total:>11,.2f}")
        if ident % 8 == 0:
            width = 8 + ident % 6
            lines.append(f"  {name!r:{width}} {qty=} {price:{width}.{ident % 3}f} {ident:#o} {qty:08b} {city.upper()!s:>10}")
    lines.append(f"{'grand':>6} | {len(rows):<10x} | {'':^8} | {'':>5} | {'':>9} | {grand:>11.3e}")
    return "\n".join(lines)


def format_method_report(rows):
    out = []
    header = "{0:<4}{1:>12}{2:>8}".format("#", "item", "pct")
    out.append(header)
    for ident, name, city, qty, price in rows:
        pct = qty / 250
        out.append("{:04d}{:>12}{:>8.1%} {city!r} {q:+d}".format(ident % 10000, name.title(), pct, city=city, q=qty - 125))
        width = 6 + ident % 5
        out.append("{0[1]}:{0[3]:>{w}} {1:_<{w}.{p}f} {2!s:.3}".format(rows[ident], price, city, w=width, p=ident % 4))
    return "\n".join(out)


def percent_report(rows):
    out = []
    for ident, name, city, qty, price in rows:
        out.append("%5d %-10s %8.3f %s/%x %05.1f%%" % (ident, name, price, city.lower(), qty, qty / 2.5))
    out.append("%(count)d rows, %(first)s..%(last)s" % {"count": len(rows), "first": rows[0][1], "last": rows[-1][1]})
    return "\n".join(out)


def expand_template(template, values):
    """Replaces every ${key} in template with values[key], scanning with str.find."""
    parts = []
    pos = 0
    while True:
        start = template.find("${", pos)
        if start < 0:
            parts.append(template[pos:])
            break
        end = template.find("}", start)
        parts.append(template[pos:start])
        key = template[start + 2:end]
        parts.append(str(values.get(key, "?" + key.upper())))
        pos = end + 1
    return "".join(parts)


TEMPLATE = ("Dear ${name}, your order #${order} of ${qty} ${item}s ships from ${city}. "
            "Total due: ${total}. Reference ${ref}; missing: ${nothing}.\n")


def template_work(rows):
    letters = []
    for ident, name, city, qty, price in rows:
        values = {
            "name": name.capitalize() + " " + city[:3].upper(),
            "order": ident,
            "qty": qty,
            "item": name,
            "city": city,
            "total": f"{qty * price:.2f}",
            "ref": f"{ident:08X}-{city[::-1].lower()}",
        }
        letters.append(expand_template(TEMPLATE, values))
    return "".join(letters)


def text_processing(text):
    words = text.split()
    lowered = [w.lower().strip(".,;:#") for w in words]
    long_words = [w for w in lowered if len(w) > 5]
    swapped = text.replace("ships", "SHIPS").replace("Dear", "Hello").swapcase()
    lines = swapped.splitlines()
    starts = sum(1 for line in lines if line.startswith("hELLO"))
    ends = sum(1 for line in lines if line.endswith("."))
    count_the = text.count(" the ") + text.count("Total")
    pos = 0
    hits = 0
    while True:
        pos = text.find("Oslo", pos)
        if pos < 0:
            break
        hits += 1
        pos += 4
    parts = [p.strip() for p in text.split(";")]
    sliced = "".join(p[1:4] for p in parts[:200])
    centred = "|".join(w.center(12, "*") for w in long_words[:50])
    return (len(words), len(long_words), starts, ends, count_the, hits,
            checksum(sliced), checksum(centred), text.rfind("Riga"), swapped[10:30])


def main(size):
    rows = make_rows(size * 500)
    report = fstring_report(rows)
    fmt = format_method_report(rows)
    pct = percent_report(rows)
    letters = template_work(rows)
    stats = text_processing(letters)
    sample = report.splitlines()[3] + "/" + fmt.splitlines()[2] + "/" + pct.splitlines()[1]
    print("checksum", len(report), checksum(report), len(fmt), checksum(fmt), len(pct), checksum(pct),
          len(letters), checksum(letters), stats)
    print(sample)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 32)
