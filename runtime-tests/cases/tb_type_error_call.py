# TypeError from calling a function with a wrong number of arguments.
def area(width, height):
    return width * height

print(area(2, 3))
print(area(4))
