# random.gauss / uniform with fixed seeds, plus simple statistics over long deterministic streams.
import random
random.seed(2024)
print([random.gauss(0, 1) for _ in range(5)])
print([random.gauss(10, 2.5) for _ in range(3)], random.gauss())
print([random.uniform(1, 2) for _ in range(3)], random.uniform(10, -10))
random.seed(2024)
first = random.gauss(0, 1)
random.seed(2024)
print(first == random.gauss(0, 1))
random.seed(1)
vals = [random.random() for _ in range(1000)]
print(sum(vals) / len(vals), min(vals) >= 0, max(vals) < 1)
random.seed(3)
counts = [0] * 6
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print(counts, sum(counts))
random.seed(5)
g = [random.gauss(100, 15) for _ in range(500)]
mean = sum(g) / len(g)
print(mean, 95 < mean < 105)
random.seed(11)
walk = 0
path = []
for _ in range(20):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
