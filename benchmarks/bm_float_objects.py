"""Float-valued objects: many small Point instances with x, y, z floats are created
from trigonometric formulas, normalised in place, and reduced with component-wise
maximum/minimum and a centroid, allocating and discarding objects heavily."""
import math
import sys


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    @classmethod
    def from_seed(cls, i):
        s = math.sin(i * 0.37)
        c = math.cos(i * 0.11)
        return cls(s * 2.5 - c, c * c * 4.0 + s, (s * c) / (1.0 + abs(s)))

    @property
    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def normalize(self):
        n = self.norm
        if n > 0.0:
            inv = 1.0 / n
            self.x *= inv
            self.y *= inv
            self.z *= inv
        return self

    def maximize(self, other):
        """Component-wise maximum, in place."""
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self

    def minimize(self, other):
        self.x = min(self.x, other.x)
        self.y = min(self.y, other.y)
        self.z = min(self.z, other.z)
        return self

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)

    def __truediv__(self, k):
        return Point(self.x / k, self.y / k, self.z / k)

    def copy(self):
        return Point(self.x, self.y, self.z)

    def __repr__(self):
        return f"Point({self.x:.6f}, {self.y:.6f}, {self.z:.6f})"


def reduce_batch(points):
    hi = points[0].copy()
    lo = points[0].copy()
    for p in points[1:]:
        hi.maximize(p)
        lo.minimize(p)
    total = Point(0.0, 0.0, 0.0)
    for p in points:
        total = total + p
    return hi, lo, total / len(points)


def run(n, offset):
    points = [Point.from_seed(i + offset) for i in range(n)]
    for p in points:
        p.normalize()
    return reduce_batch(points)


def main(size):
    batch = 10000
    hi_all = lo_all = None
    centroid_sum = Point(0.0, 0.0, 0.0)
    for round_no in range(size):
        hi, lo, centroid = run(batch, round_no * 7)
        hi_all = hi if hi_all is None else hi_all.maximize(hi)
        lo_all = lo if lo_all is None else lo_all.minimize(lo)
        centroid_sum = centroid_sum + centroid
    print("max", hi_all)
    print("min", lo_all)
    print("centroid", centroid_sum / size)
    print("norm", f"{(centroid_sum / size).norm:.9f}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
