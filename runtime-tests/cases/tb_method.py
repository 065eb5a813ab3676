# Exception inside a method called through another method.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: balance {self.balance}, requested {amount}")
        self.balance -= amount

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.balance += amount

a = Account(100)
b = Account(0)
a.transfer(b, 30)
print(a.balance, b.balance)
a.transfer(b, 500)
