"""Runs Ember bytecode on CPython 3.11 by translating it to CPython code objects.

Ember's code shapes follow CPython 3.11's, so a code unit maps to a CPython
code object almost instruction for instruction: add RESUME/RETURN_GENERATOR,
PRECALL before CALL, RESUME after YIELD_VALUE and inline CACHE entries, make
jumps relative, and re-encode the exception and line tables. This lets the
compiler's output be executed and compared with CPython's own behaviour before
Ember's interpreter exists.

Usage: python3 translate.py DUMP_FILE   (the dump is written by tests/exec.rs)
"""
import ast
import builtins
import opcode
import sys
import types

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

OP = opcode.opmap
CACHES = opcode._inline_cache_entries
RELATIVE_FORWARD = {"FOR_ITER", "SEND", "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"}
COND = {"POP_JUMP_IF_FALSE": "FALSE", "POP_JUMP_IF_TRUE": "TRUE", "POP_JUMP_IF_NONE": "NONE",
        "POP_JUMP_IF_NOT_NONE": "NOT_NONE"}


def const(c):
    tag = c[0]
    if tag == "none":
        return None
    if tag == "ellipsis":
        return ...
    if tag == "float":
        return float(c[1])
    if tag == "complex":
        return complex(float(c[1]), float(c[2]))
    if tag == "tuple":
        return tuple(const(x) for x in c[1])
    if tag == "frozenset":
        return frozenset(tuple(frozenset(const(x) for x in c[1])))
    if tag == "code":
        return translate(c[1])
    return c[1]


def varint(v):
    out = []
    while v >= 64:
        out.append(64 | (v & 63))
        v >>= 6
    out.append(v)
    return out


def exc_varint(v):
    chunks = []
    while True:
        chunks.append(v & 63)
        v >>= 6
        if not v:
            break
    chunks.reverse()
    return [c | 64 for c in chunks[:-1]] + [chunks[-1]]


def translate(d):
    opnames = OPNAMES
    # Decode Ember words, folding EXTENDED_ARG.
    instrs, word_to_instr, ext = [], {}, 0
    start = 0
    for w, word in enumerate(d["code"]):
        name, arg = opnames[word & 0xFF], (ext << 24) | (word >> 8)
        if name == "EXTENDED_ARG":
            ext = arg
            continue
        word_to_instr[start] = len(instrs)
        instrs.append((name, arg, d["positions"][w]))
        ext, start = 0, w + 1
    word_to_instr[start] = len(instrs)
    is_gen = d["flags"] & (0x20 | 0x80 | 0x200)

    # Expand to CPython instructions: (name, arg, target ember index or None, pos).
    out, first_of = [], []
    prefix_done = False
    for i, (name, arg, pos) in enumerate(instrs):
        if not prefix_done and name not in ("COPY_FREE_VARS", "MAKE_CELL"):
            # CPython gives the prologue the line of the definition (no columns).
            head = (d["first_line"], d["first_line"], None, None)
            if is_gen:
                out += [("RETURN_GENERATOR", 0, None, head), ("POP_TOP", 0, None, head)]
            out.append(("RESUME", 0, None, head))
            prefix_done = True
        first_of.append(len(out))
        target = word_to_instr[arg] if opcode.opmap.get(name) in opcode.hasjrel or name in (
            "JUMP", "JUMP_BACKWARD") or name in COND else None
        if name in ("LOAD_CONST", "KW_NAMES"):
            arg += 1
        if name == "CALL":
            out += [("PRECALL", arg, None, pos), ("CALL", arg, None, pos)]
        elif name == "YIELD_VALUE":
            out += [("YIELD_VALUE", 0, None, pos), ("RESUME", 2 if arg == 1 else 1, None, pos)]
        else:
            out.append((name, arg, target, pos))
    first_of.append(len(out))

    global TARGET_IS_SEND
    TARGET_IS_SEND = lambda t: instrs[t][0] == "SEND"  # noqa: E731

    # Lay out with caches and EXTENDED_ARG until stable.
    sizes = [1] * len(out)
    while True:
        offsets, off = [], 0
        for k, (name, arg, target, pos) in enumerate(out):
            offsets.append(off)
            off += sizes[k] + CACHES[OP[jump_name(name, k, target, first_of)]]
        offsets.append(off)
        changed = False
        final = []
        for k, (name, arg, target, pos) in enumerate(out):
            real = jump_name(name, k, target, first_of)
            if target is not None:
                t = offsets[first_of[target]]
                after = offsets[k] + sizes[k] + CACHES[OP[real]]
                arg = t - after if t >= after else after - t
            need = 1 + (arg > 0xFF) + (arg > 0xFFFF) + (arg > 0xFFFFFF)
            if need > sizes[k]:
                sizes[k] = need
                changed = True
            final.append((real, arg, pos))
        if not changed:
            break

    code, units_pos = bytearray(), []
    for k, (name, arg, pos) in enumerate(final):
        for s in range(sizes[k] - 1, 0, -1):
            code += bytes([OP["EXTENDED_ARG"], (arg >> (8 * s)) & 0xFF])
            units_pos.append(pos)
        code += bytes([OP[name], arg & 0xFF])
        units_pos.append(pos)
        for _ in range(CACHES[OP[name]]):
            code += bytes([0, 0])
            units_pos.append(pos)

    def unit_of(ember_word):
        return offsets[first_of[word_to_instr[ember_word]]] if ember_word in word_to_instr else len(code) // 2

    exc = bytearray()
    for (s, e, t, depth, lasti) in d["exc"]:
        su, eu, tu = unit_of(s), unit_of(e), unit_of(t)
        first = True
        for v in (su, eu - su, tu, (depth << 1) | lasti):
            bs = exc_varint(v)
            if first:
                bs[0] |= 0x80
                first = False
            exc += bytes(bs)

    # Location table (CPython 3.11 format): runs of equal positions, long form.
    lt, prev_line, k = bytearray(), d["first_line"], 0
    while k < len(units_pos):
        pos = units_pos[k]
        n = 1
        while k + n < len(units_pos) and n < 8 and units_pos[k + n] == pos:
            n += 1
        if not pos:
            lt.append(0x80 | (15 << 3) | (n - 1))
        elif pos[2] is None:
            delta = pos[0] - prev_line
            lt.append(0x80 | (13 << 3) | (n - 1))
            lt += bytes(varint((-delta << 1) | 1 if delta < 0 else delta << 1))
            prev_line = pos[0]
        else:
            line, end_line, col, end_col = pos
            delta = line - prev_line
            lt.append(0x80 | (14 << 3) | (n - 1))
            lt += bytes(varint((-delta << 1) | 1 if delta < 0 else delta << 1))
            lt += bytes(varint(end_line - line))
            lt += bytes(varint(col + 1))
            lt += bytes(varint(end_col + 1))
            prev_line = line
        k += n

    kinds, names = d["kinds"], d["localsplus"]
    varnames = tuple(n for n, kd in zip(names, kinds) if kd & 0x20)
    cellvars = tuple(n for n, kd in zip(names, kinds) if kd & 0x40)
    freevars = tuple(n for n, kd in zip(names, kinds) if kd & 0x80)
    # CPython takes a function's docstring from its first constant: put the
    # docstring (or None) there and shift constant indices by one.
    consts = (d["doc"],) + tuple(const(c) for c in d["consts"])
    return types.CodeType(
        d["argcount"], d["posonly"], d["kwonly"], len(varnames), d["stacksize"] + 2, d["flags"],
        bytes(code), consts, tuple(d["names"]), varnames, d["filename"], d["name"], d["qualname"],
        d["first_line"], bytes(lt), bytes(exc), freevars, cellvars)


def jump_name(name, k, target, first_of):
    if target is None:
        return name
    backward = first_of[target] <= k
    if name in ("JUMP", "JUMP_BACKWARD"):
        # The back edge of a SEND loop must not handle signals (they belong to
        # the delegate, as in CPython).
        if backward and TARGET_IS_SEND(target):
            return "JUMP_BACKWARD_NO_INTERRUPT"
        return "JUMP_BACKWARD" if backward else "JUMP_FORWARD"
    if name in COND:
        return "POP_JUMP_%s_IF_%s" % ("BACKWARD" if backward else "FORWARD", COND[name])
    if backward:
        raise ValueError("backward %s" % name)
    return name


def main():
    global OPNAMES
    with open(sys.argv[1]) as f:
        dump = ast.literal_eval(f.read())
    OPNAMES = dump["opnames"]
    code = translate(dump["code"])
    exec(code, {"__name__": "__main__", "__builtins__": builtins})


if __name__ == "__main__":
    main()
