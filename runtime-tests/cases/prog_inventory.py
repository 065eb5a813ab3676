# Realistic program: an inventory system with hand-written dataclass-like classes (fields, __eq__, ordering,
# validation), reports and order processing.
class Field:
    def __init__(self, kind, default=None, validator=None):
        self.kind = kind
        self.default = default
        self.validator = validator

    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        if self.validator and not self.validator(value):
            raise ValueError(f"invalid value for {self.name}: {value!r}")
        setattr(obj, self.private, value)


class RecordMeta(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        fields = []
        for base in reversed(cls.__mro__[1:]):
            fields.extend(f for f in getattr(base, "_fields", ()) if f not in fields)
        fields.extend(k for k, v in ns.items() if isinstance(v, Field))
        cls._fields = tuple(fields)
        return cls


class Record(metaclass=RecordMeta):
    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(self._fields)} positional arguments")
        values = dict(zip(self._fields, args))
        for k, v in kwargs.items():
            if k not in self._fields:
                raise TypeError(f"{type(self).__name__} got an unexpected field {k!r}")
            if k in values:
                raise TypeError(f"{type(self).__name__} got multiple values for {k!r}")
            values[k] = v
        for name in self._fields:
            field = type(self).__dict__.get(name) or next(
                c.__dict__[name] for c in type(self).__mro__ if name in c.__dict__)
            if name in values:
                setattr(self, name, values[name])
            elif field.default is None:
                raise TypeError(f"{type(self).__name__} missing field {name!r}")

    def astuple(self):
        return tuple(getattr(self, f) for f in self._fields)

    def asdict(self):
        return {f: getattr(self, f) for f in self._fields}

    def replace(self, **changes):
        data = self.asdict()
        data.update(changes)
        return type(self)(**data)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.astuple() == other.astuple()

    def __lt__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.astuple() < other.astuple()

    def __hash__(self):
        return hash(self.astuple())

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"


class Item(Record):
    sku = Field(str, validator=lambda s: len(s) == 6 and s[:2].isalpha() and s[2:].isdigit())
    name = Field(str, validator=bool)
    price = Field(float, validator=lambda p: p >= 0)
    qty = Field(int, default=0, validator=lambda q: q >= 0)


class PerishableItem(Item):
    days_left = Field(int, default=7)


class OutOfStock(Exception):
    def __init__(self, sku, wanted, available):
        super().__init__(f"{sku}: wanted {wanted}, only {available} available")
        self.sku, self.wanted, self.available = sku, wanted, available


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, item):
        if item.sku in self.items:
            existing = self.items[item.sku]
            self.items[item.sku] = existing.replace(qty=existing.qty + item.qty)
        else:
            self.items[item.sku] = item

    def fulfil(self, order):
        for sku, wanted in order:
            item = self.items.get(sku)
            if item is None:
                raise KeyError(sku)
            if item.qty < wanted:
                raise OutOfStock(sku, wanted, item.qty)
        total = 0.0
        for sku, wanted in order:
            item = self.items[sku]
            self.items[sku] = item.replace(qty=item.qty - wanted)
            total += item.price * wanted
        return round(total, 2)

    def value(self):
        return round(sum(i.price * i.qty for i in self.items.values()), 2)

    def report(self):
        rows = sorted(self.items.values(), key=lambda i: (-i.price * i.qty, i.sku))
        lines = [f"{'SKU':<7}{'NAME':<12}{'PRICE':>8}{'QTY':>5}{'VALUE':>10}"]
        for i in rows:
            lines.append(f"{i.sku:<7}{i.name:<12}{i.price:>8.2f}{i.qty:>5}{i.price * i.qty:>10.2f}")
        lines.append(f"{'TOTAL':<32}{self.value():>10.2f}")
        return "\n".join(lines)


print(Item._fields, PerishableItem._fields)
inv = Inventory()
inv.add(Item("AB1234", "widget", 2.5, 100))
inv.add(Item("CD5678", name="gadget", price=12.75, qty=8))
inv.add(PerishableItem("EF0001", "milk", 0.99, 30, days_left=3))
inv.add(Item("AB1234", "widget", 2.5, 20))
inv.add(Item("GH4321", "gizmo", 40.0))
print(inv.report())
for order in [[("AB1234", 10), ("CD5678", 2)], [("EF0001", 31)], [("ZZ9999", 1)], [("GH4321", 0), ("AB1234", 110)]]:
    try:
        print("order", order, "->", inv.fulfil(order))
    except OutOfStock as e:
        print("order", order, "-> out of stock:", e, (e.wanted, e.available))
    except KeyError as e:
        print("order", order, "-> unknown sku", e)
print(inv.report())
bad_inputs = [lambda: Item("A1", "x", 1.0), lambda: Item("AB1234", "", 1.0), lambda: Item("AB1234", "x", 1),
              lambda: Item("AB1234", "x", -1.0), lambda: Item("AB1234", "x"), lambda: Item("AB1234", "x", 1.0, 1, 2),
              lambda: Item("AB1234", "x", 1.0, color="red"), lambda: Item("AB1234", "x", 1.0, name="y"),
              lambda: Item("AB1234", "x", 1.0, qty=-5)]
for make in bad_inputs:
    try:
        print(make())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
a = Item("AB1234", "widget", 2.5, 1)
b = a.replace(qty=2)
print(a, b, a == b, a < b, a == a.replace(), len({a, a.replace(), b}), sorted([b, a]) == [a, b])
p = PerishableItem("EF0001", "milk", 0.99)
print(p, p.asdict(), p == Item("EF0001", "milk", 0.99), isinstance(p, Item))
