# Assigning a class attribute is seen through every subclass, however often
# it changes and whichever class was looked up first (method-cache tags).
class Base:
    attr = 0
class One(Base):
    pass
class Two(One):
    pass
Base.attr = 1
print(One.attr, One().attr, Two.attr)
Base.attr = 2
print(One.attr, One().attr, Two().attr)
Base.attr = 3
print(One.attr, One().attr, Two.attr)
class P: pass
class V: pass
Base.attr = P()
print(type(One().attr).__name__)
Base.attr = P()
v = V()
print(type(One().attr).__name__, type(Two().attr).__name__)
One.attr = "own"
print(One.attr, Two.attr, Base.attr.__class__.__name__)
del One.attr
print(type(Two.attr).__name__)
