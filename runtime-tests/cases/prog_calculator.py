# Realistic program: tokenizer + recursive-descent parser + evaluator for arithmetic with variables and functions.
import math


class CalcError(Exception):
    pass


class Token:
    __slots__ = ("kind", "value", "pos")

    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos

    def __repr__(self):
        return f"{self.kind}:{self.value!r}"


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(text) and text[i + 1].isdigit()):
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            raw = text[start:i]
            if raw.count(".") > 1:
                raise CalcError(f"bad number {raw!r} at {start}")
            tokens.append(Token("num", float(raw) if "." in raw else int(raw), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(Token("name", text[start:i], start))
        elif text.startswith("**", i):
            tokens.append(Token("op", "**", i))
            i += 2
        elif ch in "+-*/%^(),=":
            tokens.append(Token("op", "**" if ch == "^" else ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None, len(text)))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def next(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.next()
        if tok.value != value:
            raise CalcError(f"expected {value!r} at {tok.pos}, found {tok.value!r}")
        return tok

    def parse(self):
        node = self.statement()
        if self.peek().kind != "end":
            tok = self.peek()
            raise CalcError(f"unexpected {tok.value!r} at {tok.pos}")
        return node

    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.i + 1].value == "=":
            name = self.next().value
            self.next()
            return ("assign", name, self.expr())
        return self.expr()

    def expr(self):
        node = self.term()
        while self.peek().value in ("+", "-"):
            op = self.next().value
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek().value in ("*", "/", "%"):
            op = self.next().value
            node = (op, node, self.unary())
        return node

    def unary(self):
        if self.peek().value in ("-", "+"):
            op = self.next().value
            return ("neg" if op == "-" else "pos", self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().value == "**":
            self.next()
            return ("**", base, self.unary())
        return base

    def atom(self):
        tok = self.next()
        if tok.kind == "num":
            return ("num", tok.value)
        if tok.kind == "name":
            if self.peek().value == "(":
                self.next()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr())
                    while self.peek().value == ",":
                        self.next()
                        args.append(self.expr())
                self.expect(")")
                return ("call", tok.value, args)
            return ("var", tok.value)
        if tok.value == "(":
            node = self.expr()
            self.expect(")")
            return node
        raise CalcError(f"unexpected {tok.value!r} at {tok.pos}")


FUNCTIONS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "floor": math.floor, "hypot": math.hypot}


def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise CalcError(f"undefined variable {node[1]!r}")
        return env[node[1]]
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "pos":
        return +evaluate(node[1], env)
    if kind == "call":
        fn = FUNCTIONS.get(node[1])
        if fn is None:
            raise CalcError(f"unknown function {node[1]!r}")
        args = [evaluate(a, env) for a in node[2]]
        try:
            return fn(*args)
        except (TypeError, ValueError) as e:
            raise CalcError(f"{node[1]}: {e}") from e
    left, right = evaluate(node[1], env), evaluate(node[2], env)
    try:
        if kind == "+":
            return left + right
        if kind == "-":
            return left - right
        if kind == "*":
            return left * right
        if kind == "/":
            return left / right
        if kind == "%":
            return left % right
        if kind == "**":
            return left ** right
    except ZeroDivisionError as e:
        raise CalcError(f"division by zero in {kind}") from e
    raise CalcError(f"bad node {kind}")


def show(node):
    kind = node[0]
    if kind == "num":
        return repr(node[1])
    if kind == "var":
        return node[1]
    if kind == "assign":
        return f"{node[1]} := {show(node[2])}"
    if kind in ("neg", "pos"):
        return f"({'-' if kind == 'neg' else '+'}{show(node[1])})"
    if kind == "call":
        return f"{node[1]}({', '.join(show(a) for a in node[2])})"
    return f"({show(node[1])} {kind} {show(node[2])})"


env = {"pi": math.pi}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "2 ^ -1", "x = 7", "y = x * 2 + 1", "y % 4",
         "7 / 2", "7 % -3", "sqrt(16) + max(1, 5, 3)", "hypot(3, 4)", "floor(pi * 100) / 100", "z + 1", "1 / 0",
         "1 +", "(1 + 2", "3 $ 4", "1.2.3", "foo(1)", "sqrt(-1)", "max()", "2 * (3 + 4) * -(1 - 6)", ".5 + .25",
         "abs(-x) + -+-x", "100000 ** 5", "1, 2"]
for line in lines:
    try:
        tree = Parser(tokenize(line)).parse()
        value = evaluate(tree, env)
        print(f"{line:<26} => {show(tree):<40} = {value!r}")
    except CalcError as e:
        cause = f" (caused by {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"{line:<26} => error: {e}{cause}")
print(sorted(env.items()))
print(tokenize("a1 = (b_2+3.5)**2"))
