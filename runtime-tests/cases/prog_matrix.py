# Realistic program: a Matrix class with arithmetic, transpose, determinant, inverse (Fractions-free rational
# arithmetic via integer pairs), Gaussian elimination and error handling.
class MatrixError(ValueError):
    pass


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Q:
    """A tiny exact rational number."""
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Q denominator is zero")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Q) else Q(x)

    def __add__(self, o):
        o = Q.of(o)
        return Q(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__

    def __sub__(self, o):
        o = Q.of(o)
        return Q(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Q.of(o) - self

    def __mul__(self, o):
        o = Q.of(o)
        return Q(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Q.of(o)
        return Q(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return Q(-self.n, self.d)

    def __eq__(self, o):
        o = Q.of(o)
        return self.n == o.n and self.d == o.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"


class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("rows must be non-empty and of equal length")
        self.rows = [[Q.of(v) for v in r] for r in rows]

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        if self.shape != other.shape:
            raise MatrixError(f"cannot add {self.shape} and {other.shape}")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, other):
        if isinstance(other, (int, Q)):
            return Matrix([[v * other for v in r] for r in self.rows])
        return NotImplemented

    __rmul__ = __mul__

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            raise MatrixError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum((a * b for a, b in zip(row, col)), Q(0)) for col in cols] for row in self.rows])

    def transpose(self):
        return Matrix(zip(*self.rows))

    def determinant(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("determinant needs a square matrix")
        a = [r[:] for r in self.rows]
        det = Q(1)
        for col in range(n):
            pivot = next((r for r in range(col, n) if a[r][col] != 0), None)
            if pivot is None:
                return Q(0)
            if pivot != col:
                a[col], a[pivot] = a[pivot], a[col]
                det = -det
            det = det * a[col][col]
            for r in range(col + 1, n):
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
        return det

    def inverse(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("inverse needs a square matrix")
        aug = [r[:] + [Q(1) if i == j else Q(0) for j in range(n)] for i, r in enumerate(self.rows)]
        for col in range(n):
            pivot = next((r for r in range(col, n) if aug[r][col] != 0), None)
            if pivot is None:
                raise MatrixError("matrix is singular")
            aug[col], aug[pivot] = aug[pivot], aug[col]
            pv = aug[col][col]
            aug[col] = [x / pv for x in aug[col]]
            for r in range(n):
                if r != col and aug[r][col] != 0:
                    f = aug[r][col]
                    aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
        return Matrix([row[n:] for row in aug])

    def __repr__(self):
        cells = [[repr(v) for v in r] for r in self.rows]
        width = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(width) for c in r) + "]" for r in cells)


A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
B = Matrix([[1, 2], [3, 4], [5, 6]])
print(A, A.shape, sep="\n")
print(A @ B)
print(A.transpose())
print("det A =", A.determinant(), "det I4 =", Matrix.identity(4).determinant())
inv = A.inverse()
print(inv)
print(A @ inv == Matrix.identity(3), inv @ A == Matrix.identity(3))
print(2 * B + B * Q(1, 2))
print(Matrix([[1, 2], [2, 4]]).determinant(), Matrix([[0, 1], [1, 0]]).determinant())
H = Matrix([[Q(1, i + j + 1) for j in range(4)] for i in range(4)])
print("Hilbert det:", H.determinant())
print(H.inverse())
for action in [lambda: A + B, lambda: B @ B, lambda: B.determinant(), lambda: Matrix([[1, 2], [2, 4]]).inverse(),
               lambda: Matrix([[1], [2, 3]]), lambda: Matrix([]), lambda: Q(1, 0), lambda: A * "x"]:
    try:
        print(action())
    except (MatrixError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(Q(6, -4), Q(0, 5), Q(3) + 1, 1 - Q(1, 3), Q(2, 3) * Q(3, 2), Q(1, 2) == Q(2, 4), len({Q(1, 2), Q(2, 4)}))
