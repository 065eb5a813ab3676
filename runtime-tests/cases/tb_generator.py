# Exception raised inside a generator while being consumed by a for loop.
def numbers():
    yield 1
    yield 2
    raise StopAsyncIteration("odd exception from generator")

total = 0
for n in numbers():
    total += n
    print("got", n)
