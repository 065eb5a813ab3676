# Every random distribution with fixed seeds: exact values (triangular, normal, lognormal, expo, von Mises, gamma, beta, Pareto, Weibull).
import random
random.seed(31337)
print([random.triangular() for _ in range(3)], random.triangular(1, 5), random.triangular(1, 5, 4.5), random.triangular(2, 2, 2))
print([random.normalvariate() for _ in range(3)], random.normalvariate(10, 0.5), random.lognormvariate(0, 0.25))
print([random.expovariate(1.5) for _ in range(3)], random.expovariate(0.01))
print([random.vonmisesvariate(1.0, k) for k in (0, 1e-7, 0.5, 4.0, 100.0)])
print([random.gammavariate(a, 2.0) for a in (0.2, 0.5, 0.999, 1.0, 1.5, 3.0, 50.0)])
print([random.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (1, 1), (10, 0.3))])
print([random.paretovariate(a) for a in (0.5, 1, 3)], [random.weibullvariate(1, b) for b in (0.5, 1, 5)])
print(random.uniform(3, 3.5), random.uniform(-1e300, 1e300), random.gauss(5, 0), random.random())
for fn in [lambda: random.gammavariate(0, 1), lambda: random.gammavariate(1, -1), lambda: random.expovariate(0),
           lambda: random.triangular(1, 1, 3), lambda: random.choices("abc", k=2.5), lambda: random.choices("ab", 2),
           lambda: random.choices("ab", cum_weights=[1, float("inf")]), lambda: random.sample("abc", 2, counts=[1, 1]),
           lambda: random.sample("abc", 2, counts=[1, 1, 1.5]), lambda: random.sample("abc", 2, counts=[0, 0, 0]),
           lambda: random.randrange(3, None, 2)]:
    try:
        print(fn())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
random.seed(99)
print(random.sample(range(10000), 30)[:5], random.sample(range(30), 30)[:5], random.sample("ab" * 50, 12))
print(random.choices(range(10), weights=range(10), k=8), random.choices("xyz", [0.2, 0.3, 0.5], k=6))
print(random.sample(["a", "b", "c"], 6, counts=[3, 2, 1]), random.choices([1, 2], k=-3), random.sample((1, 2, 3), k=0))
deck = list(range(52))
random.shuffle(deck)
print(deck[:10], sorted(deck) == list(range(52)))
print(random.randrange(-10, 10, 3), random.randrange(10, -10, -3), random.randrange(2 ** 70, 2 ** 71), random.randint(-5, -5))
