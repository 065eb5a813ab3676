"""N-queens with generators: one solver filters the permutations produced
by a hand-written recursive permutation generator, the other is a recursive
backtracking generator of partial placements. Measures generator creation,
resumption, `yield from`, sets and tuple building."""
import sys


def permutations(items):
    """Yield every ordering of `items` as a tuple (recursive generator)."""
    if len(items) <= 1:
        yield tuple(items)
        return
    for k, head in enumerate(items):
        rest = items[:k] + items[k + 1:]
        for tail in permutations(rest):
            yield (head,) + tail


def is_peaceful(cols):
    """cols[row] = column of that row's queen; rows and columns are distinct
    by construction, so only the two diagonal families need checking."""
    n = len(cols)
    return (len({r + c for r, c in enumerate(cols)}) == n
            and len({r - c for r, c in enumerate(cols)}) == n)


def solve_by_permutations(n):
    return (cols for cols in permutations(list(range(n))) if is_peaceful(cols))


def placements(n, row=0, cols=(), diag=frozenset(), anti=frozenset()):
    """Recursive generator of complete, non-attacking placements."""
    if row == n:
        yield cols
        return
    for c in range(n):
        if c in cols or row + c in diag or row - c in anti:
            continue
        yield from placements(n, row + 1, cols + (c,), diag | {row + c}, anti | {row - c})


def encode(cols):
    value = 0
    for c in cols:
        value = value * len(cols) + c
    return value


def main(size):
    perm_count = back_count = 0
    signature = 0
    for r in range(size):
        n = 6 + r % 3           # 6, 7, 8 in turn
        small = n - 1           # the permutation filter is far costlier
        sols = list(placements(n))
        back_count += len(sols)
        signature = (signature * 31 + sum(encode(s) for s in sols[::3])) % 1000000007
        perm_count += sum(1 for _ in solve_by_permutations(small))
    first8 = next(placements(8))
    print(f"rounds {size} backtracking solutions {back_count}")
    print(f"permutation-filter solutions {perm_count}")
    print(f"signature {signature}")
    print(f"first 8-queens {first8}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 80)
