# Realistic program: a bank simulation with accounts, transactions, custom exceptions and an audit log.
class BankError(Exception):
    """Base class for all bank errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(account.number, amount)
        self.account = account
        self.amount = amount

    def __str__(self):
        return (f"account {self.account.number} has {self.account.balance:.2f}, "
                f"cannot withdraw {self.amount:.2f}")


class AccountFrozen(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    pass


class Account:
    _next_number = 1000

    def __init__(self, owner, balance=0.0, overdraft=0.0):
        self.owner = owner
        self.balance = float(balance)
        self.overdraft = overdraft
        self.frozen = False
        self.history = []
        self.number = Account._next_number
        Account._next_number += 1

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"withdrawal must be positive, got {amount}")
        if self.balance - amount < -self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def __repr__(self):
        flag = " FROZEN" if self.frozen else ""
        return f"<Account {self.number} {self.owner}: {self.balance:,.2f}{flag}>"


class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

    def __repr__(self):
        return super().__repr__().replace("<Account", "<Savings")


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.audit = []

    def open(self, kind, owner, *args, **kwargs):
        account = kind(owner, *args, **kwargs)
        self.accounts[account.number] = account
        self.audit.append(f"open {account.number} for {owner}")
        return account

    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None

    def transfer(self, src, dst, amount):
        a, b = self.get(src), self.get(dst)
        try:
            a.withdraw(amount)
        except BankError as e:
            self.audit.append(f"FAILED transfer {src}->{dst} {amount}: {type(e).__name__}")
            raise
        try:
            b.deposit(amount)
        except BankError:
            a.deposit(amount)  # roll back
            self.audit.append(f"ROLLBACK transfer {src}->{dst} {amount}")
            raise
        self.audit.append(f"transfer {src}->{dst} {amount:.2f}")

    def total(self):
        return sum(acc.balance for acc in self.accounts.values())

    def report(self):
        lines = [f"== {self.name} =="]
        for number in sorted(self.accounts):
            acc = self.accounts[number]
            lines.append(f"{number:>6} {acc.owner:<8} {acc.balance:>12,.2f}")
        lines.append(f"{'total':>15} {self.total():>12,.2f}")
        return "\n".join(lines)


bank = Bank("First Python Bank")
alice = bank.open(Account, "alice", 500)
bob = bank.open(Account, "bob", 50, overdraft=100)
carol = bank.open(SavingsAccount, "carol", 10_000, rate=0.035)
print(alice, bob, carol)

operations = [
    ("transfer", alice.number, bob.number, 120.5),
    ("transfer", bob.number, carol.number, 250),
    ("transfer", bob.number, carol.number, 50),
    ("withdraw", alice.number, -5),
    ("deposit", carol.number, 0),
    ("transfer", 4242, alice.number, 1),
    ("freeze", bob.number),
    ("transfer", alice.number, bob.number, 10),
    ("interest", carol.number),
    ("withdraw", alice.number, 379.5),
    ("withdraw", alice.number, 0.01),
]
for op in operations:
    kind, *args = op
    try:
        if kind == "transfer":
            bank.transfer(*args)
            result = "ok"
        elif kind == "withdraw":
            result = bank.get(args[0]).withdraw(args[1])
        elif kind == "deposit":
            result = bank.get(args[0]).deposit(args[1])
        elif kind == "freeze":
            bank.get(args[0]).frozen = True
            result = "frozen"
        elif kind == "interest":
            result = bank.get(args[0]).add_interest()
        print(f"{kind:<9} {args} -> {result}")
    except InsufficientFunds as e:
        print(f"{kind:<9} {args} -> insufficient: {e}")
    except UnknownAccount as e:
        print(f"{kind:<9} {args} -> unknown account {e.args[0]} (is KeyError: {isinstance(e, KeyError)})")
    except BankError as e:
        print(f"{kind:<9} {args} -> bank error {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"{kind:<9} {args} -> invalid: {e}")

print(bank.report())
for line in bank.audit:
    print(" audit:", line)
for acc in (alice, bob, carol):
    print(acc.owner, acc.history)
print(f"{bank.total():.2f}", [type(a).__name__ for a in bank.accounts.values()])
