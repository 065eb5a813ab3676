# Exception inside a lambda called by map inside list().
convert = lambda s: int(s) * 2
print(list(map(convert, ["1", "2"])))
print(list(map(convert, ["3", "x"])))
