"""Incremental constraint solving: a one-way dataflow planner over a class hierarchy
of constraints (stay, edit, equality, scale) with strengths, exercised by a long
equality chain and by a set of linear projections."""
import sys


class Strength:
    """A constraint strength; a lower rank is stronger."""

    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def stronger(self, other):
        return self.rank < other.rank

    def weaker(self, other):
        return self.rank > other.rank

    @staticmethod
    def weakest_of(a, b):
        return a if a.weaker(b) else b

    @property
    def next_weaker(self):
        return ORDERED_STRENGTHS[self.rank + 1]

    def __repr__(self):
        return f"Strength({self.name})"


ORDERED_STRENGTHS = [
    Strength(rank, name)
    for rank, name in enumerate(
        ["required", "strong-preferred", "preferred", "strong-default", "normal", "weak-default", "weakest"]
    )
]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = ORDERED_STRENGTHS


class PlanningError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def attach(self, constraint):
        self.constraints.append(constraint)

    def detach(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None

    def __repr__(self):
        return f"{self.name}={self.value}"


class Constraint:
    """Base class: knows how to add/remove itself through the current planner."""

    planner = None

    def __init__(self, strength):
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def uninstall(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def satisfy(self, mark):
        """Tries to satisfy this constraint by choosing an output that is not yet
        marked; returns the constraint it displaced, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise PlanningError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        displaced = out.determined_by
        if displaced is not None:
            displaced.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise PlanningError("cycle encountered")
        out.mark = mark
        return displaced

    def is_input(self):
        return False

    def __repr__(self):
        return f"{type(self).__name__}({self.strength.name})"


class UnaryConstraint(Constraint):
    def __init__(self, var, strength):
        super().__init__(strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.attach(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.detach(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.var.mark != mark and self.strength.stronger(self.var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its current value."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable as set from outside (e.g. by the user)."""

    def is_input(self):
        return True

    def execute(self):
        pass


FORWARD, BACKWARD, UNDECIDED = 1, -1, 0


class BinaryConstraint(Constraint):
    def __init__(self, a, b, strength):
        super().__init__(strength)
        self.a = a
        self.b = b
        self.direction = UNDECIDED
        self.install()

    def variables(self):
        return (self.a, self.b)

    def add_to_graph(self):
        for v in self.variables():
            v.attach(self)
        self.direction = UNDECIDED

    def remove_from_graph(self):
        for v in self.variables():
            v.detach(self)
        self.direction = UNDECIDED

    def choose_method(self, mark):
        a, b, strength = self.a, self.b, self.strength
        if a.mark == mark:
            ok = b.mark != mark and strength.stronger(b.walk_strength)
            self.direction = FORWARD if ok else UNDECIDED
        elif b.mark == mark:
            ok = a.mark != mark and strength.stronger(a.walk_strength)
            self.direction = BACKWARD if ok else UNDECIDED
        elif a.walk_strength.weaker(b.walk_strength):
            self.direction = BACKWARD if strength.stronger(a.walk_strength) else UNDECIDED
        else:
            self.direction = FORWARD if strength.stronger(b.walk_strength) else BACKWARD

    def is_satisfied(self):
        return self.direction != UNDECIDED

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def mark_inputs(self, mark):
        self.input().mark = mark

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, src.walk_strength)
        out.stay = src.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = UNDECIDED

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None


class EqualityConstraint(BinaryConstraint):
    """a == b"""

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest == src * scale + offset, where scale and offset are variables too."""

    def __init__(self, src, scale, offset, dest, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(src, dest, strength)

    def variables(self):
        return (self.a, self.b, self.scale, self.offset)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, src.walk_strength)
        out.stay = src.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan(list):
    """An ordered list of constraints whose execution propagates edits."""

    def execute(self):
        for constraint in self:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        displaced = constraint.satisfy(mark)
        while displaced is not None:
            displaced = displaced.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while strength is not WEAKEST:
            for c in unsatisfied:
                if c.strength is strength:
                    self.incremental_add(c)
            strength = strength.next_weaker

    def consumers(self, var):
        """Satisfied constraints that take `var` as an input."""
        determining = var.determined_by
        return [c for c in var.constraints if c is not determining and c.is_satisfied()]

    def add_propagate(self, constraint, mark):
        todo = [constraint]
        while todo:
            c = todo.pop()
            if c.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            c.recalculate()
            todo.extend(self.consumers(c.output()))
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            var = todo.pop()
            unsatisfied.extend(c for c in var.constraints if not c.is_satisfied())
            for c in self.consumers(var):
                c.recalculate()
                todo.append(c.output())
        return unsatisfied

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop()
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                todo.extend(self.consumers(out))
        return plan

    def plan_for_inputs(self, constraints):
        return self.make_plan(c for c in constraints if c.is_input() and c.is_satisfied())


def chain_test(n):
    """A chain v0 == v1 == ... == vn; editing v0 must propagate to vn."""
    planner = Constraint.planner = Planner()
    variables = [Variable(f"v{i}") for i in range(n + 1)]
    for prev, var in zip(variables, variables[1:]):
        EqualityConstraint(prev, var, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(last, STRONG_DEFAULT)
    edit = EditConstraint(first, PREFERRED)
    plan = planner.plan_for_inputs([edit])
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            raise PlanningError(f"chain test failed: {last!r} != {i}")
        total += last.value
    edit.uninstall()
    return total + len(plan)


def change(planner, var, value):
    edit = EditConstraint(var, PREFERRED)
    plan = planner.plan_for_inputs([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.uninstall()
    return len(plan)


def projection_test(n):
    """n destinations each tied to a source by dst = src * scale + offset."""
    planner = Constraint.planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources, dests = [], []
    for i in range(n):
        src = Variable(f"src{i}", i)
        dst = Variable(f"dst{i}", i)
        sources.append(src)
        dests.append(dst)
        StayConstraint(src, NORMAL)
        ScaleConstraint(src, scale, offset, dst, REQUIRED)
    src, dst = sources[-1], dests[-1]
    plans = change(planner, src, 17)
    if dst.value != 1170:
        raise PlanningError("projection 1 failed")
    plans += change(planner, dst, 1050)
    if src.value != 5:
        raise PlanningError("projection 2 failed")
    plans += change(planner, scale, 5)
    if any(d.value != i * 5 + 1000 for i, d in enumerate(dests[:-1])):
        raise PlanningError("projection 3 failed")
    plans += change(planner, offset, 2000)
    if any(d.value != i * 5 + 2000 for i, d in enumerate(dests[:-1])):
        raise PlanningError("projection 4 failed")
    return plans + sum(d.value for d in dests) + sum(s.value for s in sources)


def main(size):
    chain_total = projection_total = 0
    for i in range(size):
        n = 80 + i % 41
        chain_total += chain_test(n)
        projection_total += projection_test(n)
    print("chain", chain_total)
    print("projection", projection_total)
    print("marks", Constraint.planner.current_mark)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 110)
