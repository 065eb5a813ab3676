# Realistic program: a hand-written JSON-like serializer, pretty printer and parser with round trips.
class EncodeError(TypeError):
    pass


class DecodeError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def encode_string(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(value, indent=None, level=0, seen=None):
    seen = set() if seen is None else seen
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = "," if indent is None else ","
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise EncodeError(f"cannot encode non-finite float {value!r}")
        return repr(value)
    if isinstance(value, str):
        return encode_string(value)
    if isinstance(value, (list, tuple, dict)):
        if id(value) in seen:
            raise EncodeError("circular reference detected")
        seen.add(id(value))
        try:
            if isinstance(value, dict):
                if not value:
                    return "{}"
                parts = []
                for k in value:
                    if not isinstance(k, str):
                        raise EncodeError(f"keys must be str, not {type(k).__name__}")
                    colon = ": " if indent is not None else ":"
                    parts.append(pad + encode_string(k) + colon + encode(value[k], indent, level + 1, seen))
                return "{" + sep.join(parts) + end + "}"
            if not value:
                return "[]"
            return "[" + sep.join(pad + encode(v, indent, level + 1, seen) for v in value) + end + "]"
        finally:
            seen.discard(id(value))
    raise EncodeError(f"Object of type {type(value).__name__} is not serializable")


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise DecodeError(msg, self.pos)

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\n\r":
            self.pos += 1

    def decode(self):
        value = self.value()
        self.skip()
        if self.pos != len(self.text):
            self.error("extra data")
        return value

    def value(self):
        self.skip()
        if self.pos >= len(self.text):
            self.error("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        return self.number()

    def number(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        raw = self.text[start:self.pos]
        if not raw:
            self.error(f"unexpected character {self.text[start]!r}")
        try:
            return float(raw) if any(c in raw for c in ".eE") else int(raw)
        except ValueError:
            self.pos = start
            self.error(f"bad number {raw!r}")

    def string(self):
        self.pos += 1
        out = []
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            ch = self.text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                esc = self.text[self.pos + 1:self.pos + 2]
                simple = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
                if esc in simple:
                    out.append(simple[esc])
                    self.pos += 2
                elif esc == "u":
                    code = int(self.text[self.pos + 2:self.pos + 6], 16)
                    self.pos += 6
                    if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.pos):
                        low = int(self.text[self.pos + 2:self.pos + 6], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        self.pos += 6
                    out.append(chr(code))
                else:
                    self.error(f"bad escape {esc!r}")
            else:
                out.append(ch)
                self.pos += 1

    def arr(self):
        self.pos += 1
        items = []
        self.skip()
        if self.text[self.pos:self.pos + 1] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            ch = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                self.pos -= 1
                self.error("expected ',' or ']'")

    def obj(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos:self.pos + 1] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            if self.text[self.pos:self.pos + 1] != '"':
                self.error("expected string key")
            key = self.string()
            self.skip()
            if self.text[self.pos:self.pos + 1] != ":":
                self.error("expected ':'")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.pos -= 1
                self.error("expected ',' or '}'")


doc = {
    "name": "Ember",
    "version": [0, 1, 0],
    "stable": False,
    "score": 9.75,
    "tiny": 1e-7,
    "nothing": None,
    "tags": ["runtime", "jit", "python"],
    "nested": {"empty_list": [], "empty_obj": {}, "deep": [[1, [2, [3]]]]},
    "text": 'quote " backslash \\ newline \n tab \t unicode é 日本 😀',
    "big": 2 ** 70,
}
compact = encode(doc)
print(compact)
pretty = encode(doc, indent=2)
print(pretty)
back = Decoder(compact).decode()
print(back == doc, Decoder(pretty).decode() == doc)
print(encode((1, "two", [3.5, None])), encode(""), encode([]), encode({}), encode(-0.0), encode(True))
loop = [1]
loop.append(loop)
for bad in [{1: "int key"}, float("nan"), {1, 2}, loop, {"f": print}]:
    try:
        print(encode(bad))
    except EncodeError as e:
        print("EncodeError:", e, "| is TypeError:", isinstance(e, TypeError))
for text in ['{"a": 1,}', "[1 2]", '{"a" 1}', '"unterminated', "[1, 2", "tru", "{} extra", '"bad \\q escape"', "-",
             '  [ 1 , "x" , { "k" : [ ] } ]  ', '"\\ud83d\\ude00"', "1.5e3", "[-0, 2e-2]"]:
    try:
        print(repr(text), "->", repr(Decoder(text).decode()))
    except DecodeError as e:
        print(repr(text), "-> DecodeError:", e, "| pos", e.pos)
