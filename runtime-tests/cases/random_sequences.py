# random shuffle/sample/choices with seeds: exact results, weights, cum_weights, k, and errors.
import random
random.seed(7)
deck = list(range(20))
random.shuffle(deck)
print(deck)
letters = list("abcdefgh")
random.shuffle(letters)
print(letters)
print(random.sample(range(100), 10), random.sample("abcdefg", 3), random.sample([1, 2, 3], 3), random.sample([], 0))
print(random.sample(range(10 ** 9), 5), random.sample(["x", "y", "z"], k=2))
print(random.choices("abc", k=10))
print(random.choices([1, 2, 3], weights=[10, 1, 1], k=10))
print(random.choices([1, 2, 3], cum_weights=[1, 2, 30], k=10))
print(random.choices(range(5)), random.choices(["only"], k=3), random.choices("ab", k=0))
print(random.sample(range(5), counts=[1, 2, 1, 1, 3], k=4))
for fn in [lambda: random.sample([1, 2], 3), lambda: random.sample([1], -1), lambda: random.choices([], k=1),
           lambda: random.choices("ab", weights=[1], k=1), lambda: random.choices("ab", weights=[1, 1], cum_weights=[1, 2]),
           lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", weights=[0, 0])]:
    try:
        print(fn())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
random.seed(99)
words = ["alpha", "beta", "gamma", "delta"]
for _ in range(3):
    random.shuffle(words)
    print(words)
