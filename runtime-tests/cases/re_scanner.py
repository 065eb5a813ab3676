# re: Pattern.scanner, finditer over positions, re.Scanner, larger inputs.
import re

p = re.compile(r"\d+|[a-z]+")
sc = p.scanner("ab12 cd")
print(type(sc).__name__, sc.pattern is p)
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search(), sc.match(), sc.search())

sc = re.compile(r"x*").scanner("axxb")
out = []
while True:
    m = sc.search()
    if m is None:
        break
    out.append((m.span(), m.group()))
print(out)

sc = re.compile(r"\w").scanner("abcdef", 2, 4)
print([m.span() for m in iter(sc.search, None)], sc.search())
sc = re.compile(b"a").scanner(b"aab")
print(sc.match(), sc.match(), sc.match())
try:
    re.compile("a").scanner(b"a")
except TypeError as e:
    print("TypeError", e)

scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", lambda s, t: ("ident", t)),
    (r"\d+\.\d*", lambda s, t: ("float", float(t))),
    (r"\d+", lambda s, t: ("int", int(t))),
    (r"[-+*/=()]", lambda s, t: ("op", t)),
    (r"\s+", None),
])
print(scanner.scan("x1 = (42 + y) * 3.5 / z"))
print(scanner.scan("a = 1 $ b"))
print(re.Scanner([(r"a", "A"), (r"b", "B")]).scan("abba"))

# Larger inputs, many matches, long non-ASCII text.
text = "lorem ipsum dolor sit amet " * 500
print(len(re.findall(r"\w+", text)), len(re.split(r"\s+", text)), re.subn(r"o", "0", text)[1])
uni = "αβγ δεζ ηθι " * 400
print(len(re.findall(r"\w+", uni)), re.search(r"ηθι$", uni.strip()).span(), re.sub(r"β", "b", uni)[:12])
print(re.search(r"(a+)+b", "a" * 20 + "b").span())
print(re.match(r"(?:a|b)*c", "ab" * 3000 + "c").end())
print(re.fullmatch(r"(\w+\s?)+", "word " * 200) is not None)
big = "x" * 10000 + "needle" + "y" * 10000
print(re.search("needle", big).span(), big.find("needle"))
print(sum(1 for _ in re.finditer(r"[aeiou]", text)))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "one two three four five"))
lines = "\n".join("key%d = value%d" % (i, i * i) for i in range(50))
print(dict(re.findall(r"^(\w+) = (\w+)$", lines, re.M))["key7"])
print(re.compile(r"(?P<k>\w+)=(?P<v>\d+)").sub(lambda m: "%s:%d" % (m["k"], int(m["v"]) + 1), "a=1,b=22"))

# Non-ASCII subjects: successive matches, spans in code points, group values.
u = "żółw ĀĀ😀x 日本語 ok é" * 3
print([(m.span(), m.group(), m.span(1)) for m in re.finditer(r"(\w)\w*", u)])
print([m.group() for m in re.finditer(r"(?<=Ā)\S", u)], [m.span() for m in re.finditer(r"\b", u)][:8])
sc = re.compile(r"\S+").scanner(u, 3, 30)
print([(m.span(), m.group(), m.pos, m.endpos) for m in iter(sc.search, None)])
sc = re.compile(r"\w|\s").scanner("aé 😀b")
print([sc.match() for _ in range(3)], sc.search(), sc.search(), sc.match())
print(re.sub(r"(\w)(\w*)", lambda m: m.group(2) + m.group(1) + str(m.start()), u))
print(re.subn(r"😀", lambda m: "<%d:%d>" % m.span(), u))
print(re.split(r"(\s)", u)[:9])
