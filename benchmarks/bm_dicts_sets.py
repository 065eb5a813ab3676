"""Dict- and set-heavy work.

Word counts over a text generated from a hand-written LCG, dict comprehensions,
.get/.setdefault, set algebra (intersection, union, difference, symmetric
difference), and graph search (BFS, iterative DFS, Dijkstra with heapq) on a
generated graph stored as a dict of sets and a dict of weighted edge lists.
"""
import heapq
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "en", "dar", "po", "qua", "zi", "bel"]


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state >> 8

    def below(self, n):
        return self.next() % n


def make_words(rng, n):
    words = []
    base = len(SYLLABLES)
    for _ in range(n):
        r = rng.next()
        k = 1 + r % 3
        r //= 3
        parts = []
        for _ in range(k):
            parts.append(SYLLABLES[r % base])
            r //= base
        words.append("".join(parts))
    return words


def word_stats(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    by_first = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w)
    lengths = {}
    for w, c in counts.items():
        lengths[len(w)] = lengths.get(len(w), 0) + c
    frequent = {w: c for w, c in counts.items() if c >= 20}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    bigrams = {}
    for a, b in zip(words, words[1:]):
        key = (a, b)
        bigrams[key] = bigrams.get(key, 0) + 1
    best_bigram = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
    groups = sorted((k, len(v)) for k, v in by_first.items())
    return len(counts), top, sorted(lengths.items()), len(frequent), best_bigram, groups


def set_algebra(words, rounds):
    vocab = sorted(set(words))
    n = len(vocab)
    acc = 0
    for r in range(rounds):
        a = {vocab[(i * 7 + r) % n] for i in range(0, n, 2)}
        b = {vocab[(i * 5 + r * 3) % n] for i in range(0, n, 3)}
        c = set(vocab[r % 50: r % 50 + 200])
        both = a & b
        either = a | b
        only_a = a - b
        odd = a ^ c
        acc += len(both) * 3 + len(either) + len(only_a) * 2 + len(odd)
        acc += len(both.intersection(c)) + len(c.difference(a, b))
        if b.issubset(either) and not c.isdisjoint(either):
            acc += 1
        merged = {w for w in either if len(w) > 4} - {w for w in c if w[0] in "kmt"}
        acc += len(merged)
    sample = sorted(a & b)[:4]
    return acc, sample


def make_graph(rng, nodes, degree):
    adj = {i: set() for i in range(nodes)}
    weighted = {i: [] for i in range(nodes)}
    for u in range(nodes):
        # a ring edge keeps the graph connected
        v = (u + 1) % nodes
        adj[u].add(v)
        adj[v].add(u)
        w = 1 + rng.below(20)
        weighted[u].append((v, w))
        weighted[v].append((u, w))
        for _ in range(degree):
            v = rng.below(nodes)
            if v != u and v not in adj[u]:
                adj[u].add(v)
                adj[v].add(u)
                w = 1 + rng.below(50)
                weighted[u].append((v, w))
                weighted[v].append((u, w))
    return adj, weighted


def bfs(adj, start):
    dist = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            d = dist[u] + 1
            for v in adj[u]:
                if v not in dist:
                    dist[v] = d
                    nxt.append(v)
        frontier = nxt
    return dist


def dfs_order_sum(adj, start):
    seen = set()
    stack = [start]
    order = 0
    acc = 0
    while stack:
        u = stack.pop()
        if u in seen:
            continue
        seen.add(u)
        acc = (acc + u * order) % 1000003
        order += 1
        stack.extend(sorted(adj[u] - seen))
    return order, acc


def dijkstra(weighted, start):
    dist = {start: 0}
    heap = [(0, start)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in weighted[u]:
            nd = d + w
            if nd < dist.get(v, nd + 1):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def graph_work(rng, nodes, sources):
    adj, weighted = make_graph(rng, nodes, 3)
    edges = sum(len(s) for s in adj.values()) // 2
    acc = 0
    far = 0
    for s in range(sources):
        start = (s * 7919) % nodes
        levels = bfs(adj, start)
        far = max(far, max(levels.values()))
        hist = {}
        for d in levels.values():
            hist[d] = hist.get(d, 0) + 1
        acc += sum(k * v for k, v in hist.items())
        dist = dijkstra(weighted, start)
        acc += sum(dist.values()) % 100003
    order, dfs_acc = dfs_order_sum(adj, 0)
    common = len(adj[0] & adj[1]) + len(adj[2] | adj[3])
    return edges, far, acc, order, dfs_acc, common


def main(size):
    rng = LCG(20240607)
    words = make_words(rng, size * 4000)
    print("checksum", word_stats(words), set_algebra(words, size * 10), graph_work(rng, size * 200, 6))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 26)
