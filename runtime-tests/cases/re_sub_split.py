# re: sub / subn (string templates, group references, callables), split, findall.
import re

print(re.sub(r"\d+", "#", "a1b22c333d"))
print(re.sub(r"\d+", "#", "a1b22c333d", count=2))
print(re.sub(r"\d+", "#", "a1b22c333d", 1))
print(re.sub(r"\d+", "#", "a1b22c333d", count=-1))
print(re.subn(r"\d+", "#", "a1b22c333d"))
print(re.subn(r"x", "#", "abc"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>=\g<k>", "a=1 b=2"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"))
print(re.sub(r"(\d)", r"\g<1>0", "1 2 3"))
print(re.sub(r"x", r"\n\t\\", "axb"))
print(re.sub(r"x", "\\\\", "axb"))
print(re.sub(r"", "-", "abc"))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"a|(?=b)", "-", "abab"))
print(re.subn(r"\b", "|", "hello big world"))
print(re.sub(r"\s+", " ", "  lots   of\t\n space  ").strip())
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"))
print(re.sub(r"^", "> ", "line1\nline2\nline3", flags=re.M))
print(re.sub(r"$", ";", "a\nb\n", flags=re.M))
print(re.sub("é", "e", "café é"))
print(re.sub("(😀+)", r"<\1>", "a😀😀b😀"))

# callables
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.sub(r"(?P<w>\w)(\w*)", lambda m: m.group("w").upper() + m.group(2), "hello big world"))
print(re.sub(r"x", lambda m: None, "axbxc"))
print(re.subn(r"[aeiou]", lambda m: m.group().upper(), "programming language"))
calls = []
def rec(m):
    calls.append((m.span(), m.group(), m.pos, m.endpos, m.string))
    return "<%d>" % len(calls)
print(re.sub(r"o", rec, "foo boo"), calls)

class Upper:
    def __call__(self, m):
        return m.group(0).upper()
print(re.sub(r"[a-c]", Upper(), "abcdef"))

# template expansion through Match.expand
m = re.match(r"(?P<first>\w+) (?P<second>\w+)", "hello world")
print(m.expand(r"\2 \1"), m.expand(r"\g<second>-\g<first>"), m.expand(r"\g<0>!"), m.expand("plain"))
print(re.match(b"(a)(b)", b"ab").expand(rb"\2\1"))

# split
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1))
print(re.split(r"\W+", "Words, words, words.", maxsplit=-1))
print(re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"(a)|(b)", "xaybz"))
print(re.split(r"x*", "axbc"))
print(re.split(r"", "abc"))
print(re.split(r"\b", "a b"))
print(re.split(r"(?m)^", "a\nb\nc"))
print(re.split(r",", ""))
print(re.split(r"", ""))
print(re.split(r"(,)", ",a,"))
print(re.split(r"\s*;\s*", "a ; b;c  ;  d"))
print(re.split("—", "α—β—γ"))

# findall / finditer
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.findall(r"(\w)(\d)?", "a1 b"))
print(re.findall(r"a(b)?", "ab a"))
print(re.findall(r"", "abc"))
print(re.findall(r"x*", "axxb"))
print(re.findall(r"\b\w", "hello big world"))
print(re.findall(r"(?i)[a-c]", "AbCd"))
print(re.findall(r"(?:ab)+", "ababxab"))
print(re.findall(r"\w+", "ünïcödé wörds"))
p = re.compile(r"\w+")
print(p.findall("ab cd ef gh", 3), p.findall("ab cd ef gh", 3, 7), p.findall("ab cd", endpos=1))
print([m.span() for m in re.finditer(r"\w+", "ab cd  ef")])
print([m.group() for m in p.finditer("ab cd ef", 2, 7)])
print([(m.start(), m.group()) for m in re.finditer(r"x*", "axxb")])
it = re.finditer(r"\d", "1a2")
print(type(it).__name__, next(it).group(), next(it).group())
try:
    next(it)
except StopIteration:
    print("StopIteration")
