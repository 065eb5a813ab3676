# Floor division, modulo and shifts of machine-word ints at the edges of
# the fast paths (signs, zero, shift counts near the word size, overflow).
vals = [0, 1, -1, 2, -2, 3, 7, -7, 13, 1000, -1000, 2**31, -2**31, 2**62, -2**62, 2**63-1, -2**63, 2**62 - 1]
def fd(a, b): return a // b
def md(a, b): return a % b
def rs(a, b): return a >> b
def ls(a, b): return a << b
out = []
for a in vals:
    for b in vals + [62, 63, 64, 65, 100]:
        for f in (fd, md, rs, ls):
            try:
                if f is ls and b > 200: continue
                out.append(f(a, b))
            except Exception as e:
                out.append(type(e).__name__)
print(len(out))
for k in range(0, len(out), 40): print(out[k:k+40])
print(out[:50])
print([x for x in out if isinstance(x, str)][:5], sum(1 for x in out if isinstance(x, str)))
