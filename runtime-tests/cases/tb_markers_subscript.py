# Position markers for a nested subscript failure.
matrix = {"rows": [[1, 2], [3, 4]]}
print(matrix["rows"][1][0])
print(matrix["rows"][1][2] + 1)
