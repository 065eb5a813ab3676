# The _json accelerators: scanstring, the scanner and the encoder, through
# the json package and directly, with error messages and positions.
import json
import _json
from collections import OrderedDict
from decimal import Decimal

print(json.decoder.scanstring is _json.scanstring, json.scanner.make_scanner is _json.make_scanner)
print(json.encoder.c_make_encoder is _json.make_encoder, _json.make_scanner.__module__, _json.make_encoder.__name__)

S = _json.scanstring
for text, end in [('"abc"', 1), ('"a\\nb\\t\\"\\\\\\/\\b\\f\\r"', 1), ('"x"', 0), ('xx"é\\u00e9"', 3),
                  ('"\\ud834\\udd20 ok"', 1), ('"\\u0041\\u00DF"', 1), ('"é€𝄠" tail', 1), ('', 0)]:
    try:
        print(repr(S(text, end)))
    except Exception as e:
        print(type(e).__name__, e)
for text in ['"\\x"', '"a\x01"', '"\\u12"', '"\\u12zz"', '"\\ud834\\u12"', '"\\u0041', '"abc', '"\\', '"é\\q"',
             '"ü\x1f"', '"\\uzzzz"']:
    try:
        print(repr(S(text, 1)))
    except json.JSONDecodeError as e:
        print(repr(text), e.msg, e.pos, e.lineno, e.colno)
print(repr(S('"a\x01b"', 1, False)), repr(S('"a\nb"', 1, 0)))
for args in [("x", -1), ("x", 2), (b"x", 1), ("x", 1.5), ("x", 2 ** 70)]:
    try:
        print(S(*args))
    except Exception as e:
        print(type(e).__name__, e)

for doc in ['{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9", {"b": {}}], "c": []}',
            ' [ 1 , 2 ] ', '"just a string"', '-0', '0.5e-3', '1E+2', '12345678901234567890123', '[NaN, Infinity, -Infinity]',
            '{"é": "ü", "k": {"é": 1}}', '[[[[[]]]]]', '{"a" : {"b" :{"c":[ ]}}}']:
    print(repr(json.loads(doc)))

for bad in ['', '[', '[42', '{"spam":42,', '["spam"', '{"a" 1}', '[1,]', 'nul', '-', '-x', '1.', '01', '[1] x',
            '{,', '{"spam":[}', '[42 "spam"', '{"spam":42 "ham"', '\n  \n\n     !', '["é", ü]', '{"é": 1, ü}',
            '[1, 2', 'tru', '[-', '[-Infinit]', '"\\ud800"x']:
    try:
        print(repr(bad), repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), e)

print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, 1e2]', parse_float=Decimal, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "const " + s))
print(json.loads('[1e400, -1e400, 2.5e-400]'))
keys = json.loads('[{"key": 1}, {"key": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])

class Ctx:
    strict = False
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
    memo = {}

scan = _json.make_scanner(Ctx())
print(scan.strict, scan.parse_float is float, scan.parse_constant is str, scan.object_hook)
print(scan('xx[1, "a\tb"] yy', 2), scan("  3.25", 2))
for args in [("[1]", -1), ("[1]", 3), ("[1]", 1), ("x", 0), (b"[]", 0)]:
    try:
        print(scan(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _json.make_scanner(1)
except AttributeError as e:
    print("AttributeError", e)

print(json.dumps({"a": [1, 2.5, float("inf"), True, None, "é\n\x00"], 3: {}, 1.5: [], None: (), True: 1, False: 0}))
print(json.dumps({"a": "é€𝄠"}, ensure_ascii=False, sort_keys=True), json.dumps("é€𝄠\x7f"))
print(json.dumps([1, [2, [3]], (4, 5)], separators=(",", ":")), json.dumps({"b": 1, "a": [2]}, sort_keys=True))
print(json.dumps([float("nan"), -float("inf"), 1e100, 0.1, -0.0, 10 ** 20, -7]))
circular = []
circular.append(circular)
d = {}
d["self"] = d
for obj in [circular, d, {(1, 2): 3}, {"a": 1, 1: "a"}, object()]:
    try:
        print(json.dumps(obj, sort_keys=isinstance(obj, dict) and 1 in obj))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
print(json.dumps([object(), 1], default=lambda o: {"obj": [None]}))

class MyInt(int):
    def __repr__(self):
        return "MyInt!"

class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"

class MyStr(str):
    pass

class MyDict(dict):
    def items(self):
        return [("z", 1), ("y", 2)]

print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), {MyInt(1): MyStr("v")}, MyDict(a=1)]))

enc = _json.make_encoder(None, None, _json.encode_basestring, None, ":", ",", True, False, True)
print(enc({"b": [1, "x"], "a": None}, 0), enc.sort_keys, enc.skipkeys, enc.key_separator, enc.indent)
enc = _json.make_encoder({}, str, lambda s: "<" + s + ">", None, "=", ";", False, False, True)
print(enc({"k": [1, "v", MyStr("w")]}, 0), enc.markers)
bad = _json.make_encoder(None, str, lambda s: None, None, ": ", ", ", False, False, False)
for obj in ["spam", {"spam": 1}]:
    try:
        bad(obj, 4)
    except TypeError as e:
        print("TypeError", e)
for args in [(1, None, None, None, ": ", ", ", False, False, False),
             (None, None, None, None, b": ", ", ", False, False, False),
             (None, None, None, None, ": ", 1, False, False, False)]:
    try:
        _json.make_encoder(*args)
    except TypeError as e:
        print("TypeError", e)

print(_json.encode_basestring_ascii("a\u20ac\U0001d120\"\\\x00\x1f\x7f/"), _json.encode_basestring("a\u20ac\x00\n/"))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    try:
        f(b"x")
    except TypeError as e:
        print("TypeError", e)

try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError:
    print("RecursionError decoding")
deep = []
for _ in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError:
    print("RecursionError encoding")
