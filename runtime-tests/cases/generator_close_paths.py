# Closing suspended generators: with and without handlers at the yield,
# from inside themselves, and by reclamation (finalisers run on close).
def g():
    yield 1
    yield 2
x = g(); next(x); x.close(); print(list(x))
def h():
    try:
        yield 1
    finally:
        print("finally")
y = h(); next(y); y.close()
def k():
    try:
        yield 1
    except GeneratorExit:
        print("caught"); raise
z = k(); next(z); del z
def me():
    yield mine.close()
mine = me()
try: next(mine)
except ValueError as e: print(e)
class D:
    def __del__(self): print("D del")
def locs():
    d = D()
    yield 1
w = locs(); next(w); w.close(); print("after close")
print(any(i > 3 for i in range(10)))
