# Uncaught RecursionError with a small recursion limit; repeated frames are collapsed.
import sys
sys.setrecursionlimit(60)

def down(n):
    return down(n + 1) + 1

down(0)
