"""A small tour of Python that Ember runs exactly as CPython does."""


class Account:
    """A bank account with a transaction log."""

    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.log.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.owner, amount - self.balance)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


class InsufficientFunds(Exception):
    def __init__(self, owner, missing):
        super().__init__(f"{owner} is short by {missing}")
        self.missing = missing


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def make_counter(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


def main():
    acct = Account("ada", 100).deposit(50)
    try:
        acct.withdraw(500)
    except InsufficientFunds as e:
        print("refused:", e, "| missing", e.missing)
    acct.withdraw(30)
    print(acct, acct.log)

    fibs = []
    for n in fibonacci():
        if n > 100:
            break
        fibs.append(n)
    print("fibonacci:", fibs)

    counter = make_counter(10)
    print("counter:", counter(), counter(5), counter())

    words = "the quick brown fox jumps over the lazy dog the end".split()
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print("top words:", top)
    print("squares of evens:", {n: n * n for n in range(10) if n % 2 == 0})

    match acct.log[0]:
        case ("deposit", amount) if amount > 10:
            print(f"first entry: a deposit of {amount:>5}")
        case _:
            print("first entry: something else")


if __name__ == "__main__":
    main()
