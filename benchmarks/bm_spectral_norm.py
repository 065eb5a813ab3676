"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
estimated on an N x N corner by power iteration on A^T A. Measures small
function calls, float division, list comprehensions, zip/enumerate and sum()
over generator expressions."""
import sys
import math


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(v):
    """A . v"""
    return [sum(entry(i, j) * x for j, x in enumerate(v)) for i in range(len(v))]


def times_transposed(v):
    """A^T . v"""
    return [sum(entry(j, i) * x for j, x in enumerate(v)) for i in range(len(v))]


def times_ata(v):
    return times_transposed(times(v))


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def normalised(v):
    length = math.sqrt(dot(v, v))
    return [x / length for x in v]


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = u
    estimates = []
    for _ in range(iterations):
        v = times_ata(u)
        u = times_ata(v)
        estimates.append(math.sqrt(dot(u, v) / dot(v, v)))
    return estimates, normalised(u)


def main(size):
    n = 100
    estimates, vec = spectral_norm(n, size)
    print(f"n={n} iterations={size}")
    print(f"norm {estimates[-1]:.9f}")
    print(f"first {estimates[0]:.9f} steps-to-converge "
          f"{next(k for k, e in enumerate(estimates) if abs(e - estimates[-1]) < 1e-12)}")
    print(f"vector head {' '.join(f'{x:.6f}' for x in vec[:4])}")
    print(f"vector sum {sum(vec):.9f}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
