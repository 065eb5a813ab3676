# Lists used as stacks and queues, nested list aliasing, in-place vs rebinding, list of lists building.
stack = []
for token in "3 4 + 2 * 7 -".split():
    if token.isdigit():
        stack.append(int(token))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b}[token])
    print(token, stack)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
alias = grid[1]
alias.append("x")
print(grid, alias is grid[1])
bad_grid = [[0] * 3] * 3
bad_grid[0][0] = 1
print(bad_grid, bad_grid[0] is bad_grid[2])
a = [1, 2]
b = a
a = a + [3]
print(a, b)
a = b
a += [3]
print(a, b, a is b)
def modify(lst):
    lst.append("modified")
    lst = ["rebound"]
    return lst
orig = ["orig"]
print(modify(orig), orig)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
transposed = [list(row) for row in zip(*matrix)]
flattened = [v for row in matrix for v in row]
print(matrix, transposed, flattened, sum(map(sum, matrix)))
rotated = [list(reversed(col)) for col in zip(*matrix)]
print(rotated, [row[::-1] for row in matrix][::-1])
history = []
for i in range(5):
    history.insert(0, i)
    if len(history) > 3:
        history.pop()
print(history)
nested = [1, [2, [3, [4]]]]
copy = nested[:]
copy[1][0] = "shared"
copy[0] = "not shared"
print(nested, copy)
print([[]] * 2 == [[], []], [1, 2] * 0, [None] * 3, list(range(3)) * 2, [[1, 2]] + [[3]])
