# itertools combinatoric iterators: product (repeat), permutations, combinations, combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", [1, 2])), list(product()), list(product([])), list(product("ab", [])))
print(list(product([0, 1], repeat=3)), list(product("ab", "c", repeat=2)))
print(list(permutations("abc")), list(permutations("abc", 2)), list(permutations(range(3), 0)), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("ab", 5)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement(range(2), 3)), list(combinations_with_replacement("", 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))), len(list(product(range(3), repeat=4))))
print(list(permutations([1, 1, 2])), list(combinations([3, 1, 2], 2)))
for fn in [lambda: permutations("ab", -1), lambda: combinations("ab", -1), lambda: product("a", repeat=-1),
           lambda: combinations("ab"), lambda: permutations(5)]:
    try:
        print(list(fn()))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
