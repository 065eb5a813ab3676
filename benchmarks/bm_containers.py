"""Dict, list and str work: word counts, list building, string joins."""
import sys

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def word_counts(n):
    counts = {}
    for i in range(n):
        w = WORDS[(i * 7 + i // 3) % len(WORDS)]
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]


def list_work(n):
    items = []
    for i in range(n):
        items.append(i * 3 % 17)
    items.sort()
    evens = [x for x in items if x % 2 == 0]
    pairs = list(zip(items[::2], items[1::2]))
    return len(evens), sum(a * b for a, b in pairs) % 1000003


def str_work(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 97) + WORDS[i % len(WORDS)][:3])
    text = ",".join(parts)
    upper = text.upper()
    return len(text), upper.count("ALP"), text[100:110]


def main(size):
    print("checksum", word_counts(size * 10000), list_work(size * 10000), str_work(size * 5000))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
