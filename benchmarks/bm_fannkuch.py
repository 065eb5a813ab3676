"""Fannkuch-redux style pancake flipping: for every permutation of a small
list, repeatedly reverse the prefix whose length is given by the first
element until a 0 comes first; track the maximum flip count and a signed
checksum. Measures list slicing/slice assignment, indexing and tight
integer loops."""
import sys


def count_flips(perm):
    """Number of prefix reversals needed before 0 reaches the front."""
    first = perm[0]
    if first == 0:
        return 0
    stack = perm[:]
    flips = 0
    while first:
        stack[:first + 1] = stack[first::-1]
        flips += 1
        first = stack[0]
    return flips


def fannkuch(start):
    """Walk all permutations of `start` in Heap's order (iterative form).

    Returns (max_flips, checksum, count) where the checksum adds the flip
    count of even-numbered permutations and subtracts that of odd ones.
    """
    perm = list(start)
    n = len(perm)
    counters = [0] * n
    max_flips = checksum = 0
    index = 0

    def visit():
        nonlocal max_flips, checksum, index
        flips = count_flips(perm)
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if index & 1 else flips
        index += 1

    visit()
    i = 1
    while i < n:
        if counters[i] < i:
            j = counters[i] if i % 2 else 0
            perm[j], perm[i] = perm[i], perm[j]
            visit()
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1
    return max_flips, checksum, index


def starting_order(n, round_no):
    """A different starting arrangement for each round: rotate, and reverse
    on alternate sweeps, so each pass visits permutations in a new order."""
    base = list(range(n))
    shift = round_no % n
    order = base[shift:] + base[:shift]
    if (round_no // n) % 2:
        order.reverse()
    return order


def main(size):
    n = 7
    best = 0
    total = 0
    visited = 0
    per_round = []
    for r in range(size):
        m, c, count = fannkuch(starting_order(n, r))
        best = max(best, m)
        total += c * (r + 1)
        visited += count
        per_round.append(c)
    print(f"n={n} rounds={size} permutations={visited}")
    print(f"max flips {best}")
    print(f"checksum {total} first {per_round[0]} distinct {len(set(per_round))}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 70)
