import asyncio

class CM:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, *exc):
        print("aexit", exc[0].__name__ if exc[0] else None)
        return True

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    async with CM() as r:
        print("in", r)
    async with CM():
        raise ValueError("swallowed")
    total = 0
    async for v in agen(4):
        total += v
    else:
        print("async for else")
    print("total", total)
    print([x async for x in agen(3)], {x: x async for x in agen(2)})
    print([await asyncio.sleep(0, result=i) for i in range(3)])
    g = (x * 2 async for x in agen(3))
    print([y async for y in g])
    return "done"

print(asyncio.run(main()))
