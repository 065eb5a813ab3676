# AttributeError on a builtin type with a close suggestion.
items = [3, 1, 2]
items.sort()
print(items)
items.apend(4)
