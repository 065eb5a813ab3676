# Realistic program: graph algorithms (BFS, DFS, Dijkstra, topological sort, connected components, cycles).
import heapq
from collections import deque, defaultdict


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = defaultdict(dict)

    def add_edge(self, u, v, w=1):
        self.adj[u][v] = w
        if not self.directed:
            self.adj[v][u] = w
        else:
            self.adj[v]
        return self

    def nodes(self):
        return sorted(self.adj)

    def bfs(self, start):
        seen = {start}
        order = []
        dist = {start: 0}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in seen:
                    seen.add(v)
                    dist[v] = dist[u] + 1
                    queue.append(v)
        return order, dist

    def dfs(self, start):
        order = []
        seen = set()

        def visit(u):
            seen.add(u)
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in seen:
                    visit(v)
        visit(start)
        return order

    def dfs_iterative(self, start):
        order, seen, stack = [], set(), [start]
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            order.append(u)
            stack.extend(sorted(self.adj[u], reverse=True))
        return order

    def dijkstra(self, source):
        dist = {source: 0}
        prev = {}
        heap = [(0, source)]
        done = set()
        while heap:
            d, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            for v, w in sorted(self.adj[u].items()):
                if w < 0:
                    raise ValueError(f"negative edge {u}->{v}")
                nd = d + w
                if v not in dist or nd < dist[v]:
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        return dist, prev

    @staticmethod
    def path(prev, source, target):
        if target != source and target not in prev:
            return None
        path = [target]
        while path[-1] != source:
            path.append(prev[path[-1]])
        return path[::-1]

    def topo_sort(self):
        if not self.directed:
            raise TypeError("topological sort needs a directed graph")
        indegree = {u: 0 for u in self.adj}
        for u in self.adj:
            for v in self.adj[u]:
                indegree[v] += 1
        ready = [u for u in sorted(indegree) if indegree[u] == 0]
        heapq.heapify(ready)
        order = []
        while ready:
            u = heapq.heappop(ready)
            order.append(u)
            for v in self.adj[u]:
                indegree[v] -= 1
                if indegree[v] == 0:
                    heapq.heappush(ready, v)
        if len(order) != len(self.adj):
            cyclic = sorted(u for u, d in indegree.items() if d > 0)
            raise ValueError(f"graph has a cycle involving {cyclic}")
        return order

    def components(self):
        seen = set()
        comps = []
        for u in self.nodes():
            if u not in seen:
                order, _ = self.bfs(u)
                seen.update(order)
                comps.append(sorted(order))
        return comps

    def find_cycle(self):
        color = {u: 0 for u in self.adj}
        parent = {}

        def visit(u):
            color[u] = 1
            for v in sorted(self.adj[u]):
                if color[v] == 1:
                    cycle = [v, u]
                    while cycle[-1] != v:
                        cycle.append(parent[cycle[-1]])
                    return list(reversed(cycle))
                if color[v] == 0:
                    parent[v] = u
                    found = visit(v)
                    if found:
                        return found
            color[u] = 2
            return None
        for u in self.nodes():
            if color[u] == 0:
                found = visit(u)
                if found:
                    return found
        return None


g = Graph()
for u, v, w in [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3), ("E", "D", 4),
                ("D", "F", 11), ("X", "Y", 1)]:
    g.add_edge(u, v, w)
print("nodes", g.nodes())
print("bfs", g.bfs("A"))
print("dfs", g.dfs("A"), g.dfs_iterative("A"))
dist, prev = g.dijkstra("A")
print("dijkstra", sorted(dist.items()))
for target in ["D", "F", "A", "Y"]:
    print("path A ->", target, Graph.path(prev, "A", target))
print("components", g.components())

dag = Graph(directed=True)
for u, v in [("shirt", "tie"), ("tie", "jacket"), ("trousers", "shoes"), ("trousers", "belt"), ("belt", "jacket"),
             ("shirt", "belt"), ("socks", "shoes"), ("undershorts", "trousers"), ("undershorts", "shoes")]:
    dag.add_edge(u, v)
dag.adj["watch"] = {}  # an isolated node
print("topo", dag.topo_sort())
print("cycle in dag", dag.find_cycle())
dag.add_edge("jacket", "shirt")
try:
    dag.topo_sort()
except ValueError as e:
    print("ValueError:", e)
print("cycle", dag.find_cycle())
try:
    g.topo_sort()
except TypeError as e:
    print("TypeError:", e)
neg = Graph(directed=True).add_edge(1, 2, -3)
try:
    neg.dijkstra(1)
except ValueError as e:
    print("ValueError:", e)
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
cells = Graph()
for r, row in enumerate(grid):
    for c, ch in enumerate(row):
        if ch == "#":
            continue
        for dr, dc in ((0, 1), (1, 0)):
            rr, cc = r + dr, c + dc
            if rr < len(grid) and cc < len(row) and grid[rr][cc] != "#":
                cells.add_edge((r, c), (rr, cc))
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
end = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
d, p = cells.dijkstra(start)
route = Graph.path(p, start, end)
print("maze distance", d[end], "steps", len(route) - 1)
canvas = [list(row) for row in grid]
for r, c in route[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
