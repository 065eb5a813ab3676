# Building strings incrementally; str methods chained; count of characters; ord sums.
parts = []
for i in range(20):
    parts.append(str(i * i))
s = ",".join(parts)
print(s, len(s))
acc = ""
for ch in "the quick brown fox jumps over the lazy dog":
    if ch != " ":
        acc = ch + acc
print(acc)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sum(ord(c) for c in "hello"), "".join(chr(ord(c) + 1) for c in "HAL"))
words = "  The Quick  brown FOX  ".split()
print(" ".join(w.capitalize() for w in words), "_".join(w.lower() for w in words))
print("x".join(["", ""]), "ab".join(["1", "2", "3"]), str.join("/", ["usr", "bin"]))
line = "name: Ada ; age: 36 ; lang: python"
fields = dict(part.strip().split(": ") for part in line.split(";"))
print(fields)
print("{:-^30}".format(" end "), "*" * 10)
