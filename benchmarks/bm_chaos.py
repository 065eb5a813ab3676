"""Chaos game: iterated function systems (a fern, a Sierpinski triangle and
a spiral) driven by a hand-written linear congruential generator, with every
visited point binned into a grid of hit counts. Measures float arithmetic,
small objects with __slots__, method calls, int()/floor conversions and
nested-list updates."""
import sys
import math


class Lcg:
    """32-bit linear congruential generator (numerical-recipes constants)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next_int(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state

    def uniform(self):
        return self.next_int() / 4294967296.0


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Affine:
    """p -> (a*x + b*y + e, c*x + d*y + f)"""
    __slots__ = ("a", "b", "c", "d", "e", "f")

    def __init__(self, a, b, c, d, e, f):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f

    @classmethod
    def rotation(cls, angle, scale, dx, dy):
        cs, sn = math.cos(angle) * scale, math.sin(angle) * scale
        return cls(cs, -sn, sn, cs, dx, dy)

    def __call__(self, p):
        return Point(self.a * p.x + self.b * p.y + self.e,
                     self.c * p.x + self.d * p.y + self.f)

    def determinant(self):
        return abs(self.a * self.d - self.b * self.c)


class System:
    def __init__(self, name, maps, weights=None):
        self.name = name
        self.maps = maps
        if weights is None:
            # Weight each map by the area it preserves, with a floor so thin
            # maps (the fern's stem) still get picked.
            weights = [max(m.determinant(), 0.01) for m in maps]
        total = sum(weights)
        running = 0.0
        self.cumulative = []
        for w in weights:
            running += w / total
            self.cumulative.append(running)
        self.cumulative[-1] = 1.0

    def choose(self, r):
        for m, edge in zip(self.maps, self.cumulative):
            if r < edge:
                return m
        return self.maps[-1]


class Grid:
    def __init__(self, width, height, xmin, xmax, ymin, ymax):
        self.width, self.height = width, height
        self.xmin, self.ymin = xmin, ymin
        self.sx = width / (xmax - xmin)
        self.sy = height / (ymax - ymin)
        self.cells = [[0] * width for _ in range(height)]
        self.outside = 0

    def add(self, p):
        col = int((p.x - self.xmin) * self.sx)
        row = math.floor((p.y - self.ymin) * self.sy)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.cells[row][col] += 1
        else:
            self.outside += 1

    def summary(self):
        flat = [c for line in self.cells for c in line]
        filled = sum(1 for c in flat if c)
        weighted = sum(i * c for i, c in enumerate(flat)) % 1000003
        return filled, max(flat), weighted


def fern():
    return System("fern", [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44),
    ], [0.01, 0.85, 0.07, 0.07])


def sierpinski():
    corners = [(0.0, 0.0), (1.0, 0.0), (0.5, math.sqrt(3.0) / 2)]
    return System("triangle", [Affine(0.5, 0.0, 0.0, 0.5, x / 2, y / 2) for x, y in corners])


def spiral():
    return System("spiral", [
        Affine.rotation(0.35, 0.88, 0.1, 0.05),
        Affine.rotation(-1.9, 0.3, 0.9, 0.2),
        Affine.rotation(2.4, 0.25, -0.4, 0.7),
    ])


def play(system, rng, points, grid):
    p = Point(rng.uniform(), rng.uniform())
    sx = sy = 0.0
    for step in range(points + 20):
        p = system.choose(rng.uniform())(p)
        if step >= 20:          # let the orbit settle onto the attractor
            grid.add(p)
            sx += p.x
            sy += p.y
    return sx / points, sy / points


def main(size):
    rng = Lcg(20240611)
    jobs = [
        (fern(), Grid(60, 100, -2.5, 2.8, 0.0, 10.0)),
        (sierpinski(), Grid(80, 70, 0.0, 1.0, 0.0, 0.87)),
        (spiral(), Grid(80, 50, -0.8, 1.3, -0.25, 1.1)),
    ]
    for system, grid in jobs:
        mx, my = play(system, rng, size * 1000, grid)
        filled, peak, weighted = grid.summary()
        print(f"{system.name}: mean ({mx:.9f}, {my:.9f}) filled {filled} "
              f"peak {peak} weighted {weighted} outside {grid.outside}")
    print(f"rng state {rng.state}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
