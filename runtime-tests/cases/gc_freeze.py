# gc.freeze leaves the tracked objects out of later collections; unfreeze
# brings them back (a pre-fork server freezes what the workers share).
import gc


class Cycle:
    def __init__(self):
        self.me = self


gc.collect()
gc.disable()
c = Cycle()
gc.freeze()
print(gc.get_freeze_count() > 0)
del c
print(gc.collect())  # the frozen cycle is not examined
young = Cycle()
del young
print(gc.collect() > 0)  # a cycle made after the freeze is
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect() > 0)  # the old cycle
gc.enable()
for f in (gc.freeze, gc.unfreeze, gc.get_freeze_count):
    try:
        f(1)
    except TypeError as e:
        print("TypeError", e)
