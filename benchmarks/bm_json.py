"""A JSON-like serializer and recursive-descent parser written in Python.

The parser walks a string with an index and handles objects, arrays, strings
with escapes (including \\uXXXX), integers, floats with exponents, true, false
and null; the serializer produces compact text. A generated nested document is
round-tripped many times; the checksum covers text lengths and decoded values.
"""
import sys


class ParseError(Exception):
    pass


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
REVERSE_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
WHITESPACE = " \t\n\r"
NUMBER_CHARS = set("+-0123456789.eE")


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in WHITESPACE:
            pos += 1
        self.pos = pos

    def parse(self):
        value = self.value()
        self.skip_ws()
        if self.pos != len(self.text):
            raise ParseError(f"trailing data at {self.pos}")
        return value

    def value(self):
        self.skip_ws()
        if self.pos >= len(self.text):
            raise ParseError("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "t":
            return self.literal("true", True)
        if ch == "f":
            return self.literal("false", False)
        if ch == "n":
            return self.literal("null", None)
        return self.number()

    def literal(self, word, result):
        if self.text.startswith(word, self.pos):
            self.pos += len(word)
            return result
        raise ParseError(f"bad literal at {self.pos}")

    def obj(self):
        self.pos += 1
        result = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            if self.text[self.pos] != '"':
                raise ParseError(f"expected key at {self.pos}")
            key = self.string()
            self.skip_ws()
            if self.text[self.pos] != ":":
                raise ParseError(f"expected ':' at {self.pos}")
            self.pos += 1
            result[key] = self.value()
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise ParseError(f"expected ',' or '}}' at {self.pos - 1}")

    def array(self):
        self.pos += 1
        result = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                raise ParseError(f"expected ',' or ']' at {self.pos - 1}")

    def string(self):
        text = self.text
        pos = self.pos + 1
        chunks = []
        start = pos
        while True:
            ch = text[pos]
            if ch == '"':
                chunks.append(text[start:pos])
                self.pos = pos + 1
                return "".join(chunks)
            if ch == "\\":
                chunks.append(text[start:pos])
                esc = text[pos + 1]
                if esc == "u":
                    chunks.append(chr(int(text[pos + 2:pos + 6], 16)))
                    pos += 6
                else:
                    try:
                        chunks.append(ESCAPES[esc])
                    except KeyError:
                        raise ParseError(f"bad escape {esc!r}") from None
                    pos += 2
                start = pos
            else:
                pos += 1

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        while pos < len(text) and text[pos] in NUMBER_CHARS:
            pos += 1
        self.pos = pos
        token = text[start:pos]
        if not token:
            raise ParseError(f"unexpected {text[start]!r} at {start}")
        if "." in token or "e" in token or "E" in token:
            return float(token)
        return int(token)


def encode_string(s):
    out = ['"']
    for ch in s:
        rep = REVERSE_ESCAPES.get(ch)
        if rep is not None:
            out.append(rep)
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dumps(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return encode_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(encode_string(k) + ":" + dumps(v) for k, v in value.items()) + "}"
    raise TypeError(f"cannot serialize {type(value).__name__}")


def loads(text):
    return Parser(text).parse()


class LCG:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.state >> 33) % n


NAMES = ["id", "name", "tags", "score", "active", "owner", "notes", "size", "ratio", "children"]
TEXTS = ["plain", "with \"quotes\"", "tab\tand\nnewline", "back\\slash", "caf\u00e9 \u2603", "slash/path", ""]


def generate(rng, depth):
    kind = rng.below(7) if depth <= 0 else 7 + rng.below(3) if depth > 3 else rng.below(12)
    if kind == 0:
        return None
    if kind == 1:
        return rng.below(2) == 1
    if kind == 2:
        return rng.below(2000000) - 1000000
    if kind == 3:
        return (rng.below(200000) - 100000) / 64.0
    if kind == 4:
        return (rng.below(1000) + 1) * 10.0 ** (rng.below(50) - 25)
    if kind in (5, 6):
        return TEXTS[rng.below(len(TEXTS))] + str(rng.below(100))
    if kind in (7, 8):
        return [generate(rng, depth - 1) for _ in range(rng.below(6))]
    obj = {}
    for _ in range(1 + rng.below(6)):
        obj[NAMES[rng.below(len(NAMES))]] = generate(rng, depth - 1)
    return obj


def pretty(value, indent=0):
    """A whitespace-heavy rendering, to exercise the parser's skip_ws."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [pad + encode_string(k) + " : " + pretty(v, indent + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, list) and value:
        return "[ " + " , ".join(pretty(v, indent + 1) for v in value) + " ]"
    return dumps(value)


def summarize(value):
    """Returns (node count, integer checksum) of a decoded value."""
    if isinstance(value, dict):
        count, acc = 1, len(value)
        for k, v in value.items():
            c, a = summarize(v)
            count += c
            acc = (acc * 31 + a + len(k)) % 1000000007
        return count, acc
    if isinstance(value, list):
        count, acc = 1, 7
        for v in value:
            c, a = summarize(v)
            count += c
            acc = (acc * 17 + a) % 1000000007
        return count, acc
    if isinstance(value, bool):
        return 1, 3 if value else 5
    if value is None:
        return 1, 11
    if isinstance(value, int):
        return 1, value % 1000003
    if isinstance(value, float):
        return 1, int(value * 64) % 1000003
    return 1, sum(ord(c) for c in value) + len(value)


def main(size):
    rng = LCG(42)
    docs = [{"doc": i, "body": generate(rng, 5)} for i in range(20)]
    total_len = 0
    acc = 0
    for r in range(size):
        for doc in docs:
            text = dumps(doc)
            back = loads(text)
            if back != doc:
                raise AssertionError("round trip mismatch")
            again = dumps(back)
            total_len += len(text) + len(again)
            if r % 4 == 0:
                spaced = pretty(back)
                total_len += len(spaced)
                if loads(spaced) != doc:
                    raise AssertionError("pretty round trip mismatch")
            count, check = summarize(back)
            acc = (acc * 7 + check + count) % 1000000007
    errors = 0
    for bad in ['{"a" 1}', "[1, 2", '"\\q"', "tru", "[1,]x", "{}", "-"]:
        try:
            loads(bad)
        except (ParseError, IndexError, ValueError):
            errors += 1
    print("checksum", total_len, acc, errors, dumps(docs[0])[:60])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 80)
