# Realistic program: an interpreter for a small Forth-like stack language with words, loops and errors.
class StackError(Exception):
    pass


class Interp:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.output = []
        self.builtins = {
            "+": self.binop(lambda a, b: a + b), "-": self.binop(lambda a, b: a - b),
            "*": self.binop(lambda a, b: a * b), "/": self.binop(self.div), "mod": self.binop(self.mod),
            "=": self.binop(lambda a, b: -1 if a == b else 0), "<": self.binop(lambda a, b: -1 if a < b else 0),
            ">": self.binop(lambda a, b: -1 if a > b else 0),
            "dup": self.dup, "drop": self.drop, "swap": self.swap, "over": self.over, "rot": self.rot,
            ".": self.dot, "emit": self.emit, "cr": lambda: self.output.append("\n"), ".s": self.show_stack,
            "depth": lambda: self.stack.append(len(self.stack)), "negate": lambda: self.push(-self.pop()),
        }

    @staticmethod
    def div(a, b):
        if b == 0:
            raise StackError("division by zero")
        q = abs(a) // abs(b)
        return q if (a >= 0) == (b >= 0) else -q

    @staticmethod
    def mod(a, b):
        if b == 0:
            raise StackError("division by zero")
        return a - b * Interp.div(a, b)

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        if not self.stack:
            raise StackError("stack underflow")
        return self.stack.pop()

    def binop(self, fn):
        def run():
            b = self.pop()
            a = self.pop()
            self.push(fn(a, b))
        return run

    def dup(self):
        v = self.pop()
        self.push(v)
        self.push(v)

    def drop(self):
        self.pop()

    def swap(self):
        b, a = self.pop(), self.pop()
        self.push(b)
        self.push(a)

    def over(self):
        b, a = self.pop(), self.pop()
        self.stack.extend([a, b, a])

    def rot(self):
        c, b, a = self.pop(), self.pop(), self.pop()
        self.stack.extend([b, c, a])

    def dot(self):
        self.output.append(f"{self.pop()} ")

    def emit(self):
        self.output.append(chr(self.pop()))

    def show_stack(self):
        self.output.append(f"<{len(self.stack)}> " + " ".join(map(str, self.stack)) + " ")

    def tokenize(self, src):
        tokens = []
        in_comment = False
        for tok in src.split():
            if tok == "(":
                in_comment = True
            elif tok == ")" and in_comment:
                in_comment = False
            elif not in_comment:
                tokens.append(tok.lower())
        return tokens

    def compile_block(self, tokens, i, terminators, eof_ok=False):
        block = []
        while i < len(tokens):
            tok = tokens[i]
            if tok in terminators:
                return block, i, tok
            if tok == "if":
                then_block, i, term = self.compile_block(tokens, i + 1, ("else", "then"))
                else_block = []
                if term == "else":
                    else_block, i, term = self.compile_block(tokens, i + 1, ("then",))
                block.append(("if", then_block, else_block))
            elif tok == "do":
                body, i, _ = self.compile_block(tokens, i + 1, ("loop",))
                block.append(("do", body))
            elif tok == "begin":
                body, i, _ = self.compile_block(tokens, i + 1, ("until",))
                block.append(("begin", body))
            else:
                block.append(tok)
            i += 1
        if terminators and not eof_ok:
            raise StackError(f"missing {' or '.join(terminators)}")
        return block, i, None

    def execute(self, block, loop_index=None):
        for item in block:
            if isinstance(item, tuple):
                kind = item[0]
                if kind == "if":
                    self.execute(item[1] if self.pop() != 0 else item[2], loop_index)
                elif kind == "do":
                    start, limit = self.pop(), self.pop()
                    for i in range(start, limit):
                        self.execute(item[1], i)
                elif kind == "begin":
                    guard = 0
                    while True:
                        guard += 1
                        if guard > 1000:
                            raise StackError("loop limit exceeded")
                        self.execute(item[1], loop_index)
                        if self.pop() != 0:
                            break
                continue
            if item == "i":
                if loop_index is None:
                    raise StackError("'i' outside of a loop")
                self.push(loop_index)
            elif item in self.words:
                self.execute(self.words[item], loop_index)
            elif item in self.builtins:
                self.builtins[item]()
            else:
                try:
                    self.push(int(item, 0))
                except ValueError:
                    raise StackError(f"unknown word {item!r}") from None

    def run(self, src):
        tokens = self.tokenize(src)
        i = 0
        main = []
        while i < len(tokens):
            if tokens[i] == ":":
                if i + 1 >= len(tokens):
                    raise StackError("missing word name")
                name = tokens[i + 1]
                body, i, _ = self.compile_block(tokens, i + 2, (";",))
                self.words[name] = body
                i += 1
            else:
                chunk, i, _ = self.compile_block(tokens, i, (":",), eof_ok=True)
                main.extend(chunk)
        self.execute(main)
        out = "".join(self.output)
        self.output.clear()
        return out


programs = [
    "2 3 + 4 * .",
    ": square dup * ; 7 square . 12 square .",
    ": fact dup 1 > if dup 1 - fact * then ; 10 fact . 20 fact .",
    "10 0 do i . loop",
    ": fizz 15 1 do i 15 mod 0 = if 70 emit else i 5 mod 0 = if 66 emit else i . then then loop ; fizz",
    "1 2 3 rot .s cr swap over .s",
    "( comment ) 72 emit 105 emit 33 emit cr",
    ": countdown begin dup . 1 - dup 0 = until drop ; 5 countdown",
    "-7 2 / . -7 2 mod . 7 -2 / . 0x10 .",
    "1 0 /",
    "+",
    "1 2 frob",
    ": broken if 1 ;",
    "i",
    "depth . 5 negate .",
    ": fib 0 1 rot 0 do over + swap loop drop ; 30 fib .",
    "begin 0 until",
]
interp = Interp()
for src in programs:
    try:
        out = interp.run(src)
        print(f"{src!r}\n  -> {out!r}  stack={interp.stack}")
    except StackError as e:
        print(f"{src!r}\n  !! {e}  stack={interp.stack}")
        interp.stack.clear()
        interp.output.clear()
print(sorted(interp.words))
