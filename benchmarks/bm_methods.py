"""Method calls and attribute access on instances of small classes."""
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)


class Counter:
    def __init__(self):
        self.count = 0

    def bump(self, n):
        self.count += n
        return self

    def value(self):
        return self.count


class Shape:
    def area(self):
        return 0

    def describe(self):
        return self.area() * 2


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def main(size):
    acc = Vec(0, 0)
    c = Counter()
    shapes = [Square(i % 7) if i % 2 else Rect(i % 5, i % 3) for i in range(100)]
    total = 0
    for i in range(size * 2000):
        v = Vec(i % 10, i % 7)
        acc = acc.add(v.scaled(2))
        c.bump(v.dot(acc) % 13)
        total += shapes[i % 100].describe()
    print("checksum", acc.x, acc.y, c.value(), total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
