//! Ember's bytecode, declared once.
//!
//! Every opcode appears exactly once in the `opcodes!` table below, with its
//! argument kind, flags and stack effect. The compiler (stack depth analysis), the
//! interpreter (dispatch), the disassembler and, later, the HIR builder all read
//! this table; nothing else lists opcodes.
//!
//! # Encoding
//! An instruction is one `u32` word: the opcode in the low 8 bits and the argument
//! in the high 24 bits. An argument that does not fit in 24 bits is preceded by
//! `EXTENDED_ARG` words carrying the higher bits (`arg = (prefix << 24) | low`).
//! Jump arguments are absolute instruction indices into the code array.
//!
//! # Stack notation
//! In the docs below, the stack is written bottom-to-top: `[a, b] -> [c]` pops `b`
//! (top of stack, TOS) then `a`, and pushes `c`. `NULL` is an empty slot (a null
//! pointer in the interpreter) used by the call protocol.
//!
//! # Call protocol
//! Every call leaves `[X, Y, arg1..argN]` on the stack before `CALL N`. If `X` is
//! `NULL`, the callable is `Y` and the arguments are `arg1..argN`; otherwise the
//! callable is `X` and the arguments are `Y, arg1..argN` (a method and its `self`).
//! `PUSH_NULL` before loading a plain callable produces the first form;
//! `LOAD_METHOD` and `LOAD_GLOBAL` with the push-null bit produce either form.
//! `KW_NAMES k` immediately before `CALL` names the last `len(consts[k])` arguments.
//!
//! # Exceptions
//! There is no block stack. The code unit's exception table maps instruction ranges
//! to handlers; when an instruction raises, the interpreter finds the innermost
//! entry covering it, pops the value stack down to the entry's `depth`, pushes the
//! raising instruction's index (as an int) if `push_lasti` is set, pushes the
//! exception, and jumps to the handler.
//!
//! # Generators
//! A code unit flagged `GENERATOR`/`COROUTINE`/`ASYNC_GENERATOR` does not run when
//! called: the call returns a generator object owning the frame, which starts at
//! instruction 0 on the first `send(None)`. On every later resumption the sent value
//! is pushed before execution continues after the `YIELD_VALUE`.
//! `yield from` / `await` compile to this exact three-instruction loop:
//! ```text
//!   L:  SEND exit            ; [iter, v] -> [iter, y]  or  -> [result] jumping to exit
//!       YIELD_VALUE 1        ; 1 = delegating yield: iter is the new TOS while suspended
//!       JUMP_BACKWARD L
//!   exit:
//! ```
//! so `generator.throw()` can find the delegate (`iter`) and the exit target.

use std::fmt;

/// What an instruction's argument means; the disassembler prints it accordingly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain number (a count, a depth, a flag word).
    Count,
    /// An index into `consts`.
    Const,
    /// An index into `names`.
    Name,
    /// `(names index << 1) | push_null` for `LOAD_GLOBAL`.
    GlobalName,
    /// An index into the localsplus array (locals, then cells, then free variables).
    Local,
    /// An absolute instruction index.
    Jump,
    /// A [`BinaryOp`] number.
    BinaryOp,
    /// A [`CompareOp`] number.
    CompareOp,
}

/// Instruction flags.
pub mod flags {
    /// The instruction may transfer control to its jump target.
    pub const JUMP: u8 = 1;
    /// Control never falls through to the next instruction.
    pub const TERMINATOR: u8 = 2;
    /// The instruction may raise an exception.
    pub const CAN_RAISE: u8 = 4;
    /// The instruction suspends the frame (generators).
    pub const SUSPENDS: u8 = 8;
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:expr])*
        $name:ident = $num:literal, $kind:ident, [$($flag:ident)|*], |$arg:ident, $jump:ident| $effect:expr;
    )*) => {
        /// A bytecode opcode. See the module documentation for the stack notation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// Decodes an opcode byte.
            #[inline]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                match byte {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// The opcode's name as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// What the argument means.
            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// The opcode's [`flags`].
            pub fn flags(self) -> u8 {
                match self { $( Opcode::$name => 0 $(| flags::$flag)*, )* }
            }

            /// Net change in stack depth. `jump` selects the effect when the
            /// instruction transfers control to its target (only meaningful for
            /// opcodes with the `JUMP` flag).
            #[allow(unused_variables, clippy::identity_op)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self {
                    $( Opcode::$name => { let $arg = arg as i32; let $jump = jump; $effect } )*
                }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP = 0, None, [], |a, j| 0;
    /// `[x] -> []`.
    POP_TOP = 1, None, [], |a, j| -1;
    /// `[] -> [NULL]`.
    PUSH_NULL = 2, None, [], |a, j| 1;
    /// `[.., x, (n-1 items)] -> [.., x, (n-1 items), x]`: pushes the n-th item from the top (n >= 1).
    COPY = 3, Count, [], |a, j| 1;
    /// Swaps TOS with the n-th item from the top (n >= 2).
    SWAP = 4, Count, [], |a, j| 0;
    /// `[] -> [consts[i]]`.
    LOAD_CONST = 5, Const, [], |a, j| 1;
    /// `[] -> [localsplus[i]]`; raises UnboundLocalError if unbound.
    LOAD_FAST = 6, Local, [CAN_RAISE], |a, j| 1;
    /// `[x] -> []`, `localsplus[i] = x`.
    STORE_FAST = 7, Local, [], |a, j| -1;
    /// Unbinds `localsplus[i]`; raises UnboundLocalError if unbound.
    DELETE_FAST = 8, Local, [CAN_RAISE], |a, j| 0;
    /// `[] -> [value]`: looks `names[i]` up in locals, then globals, then builtins (NameError).
    LOAD_NAME = 9, Name, [CAN_RAISE], |a, j| 1;
    /// `[x] -> []`: `locals[names[i]] = x`.
    STORE_NAME = 10, Name, [CAN_RAISE], |a, j| -1;
    /// `del locals[names[i]]` (NameError if missing).
    DELETE_NAME = 11, Name, [CAN_RAISE], |a, j| 0;
    /// `[] -> [value]` or, with the low bit of the argument set, `[] -> [NULL, value]`:
    /// looks `names[arg >> 1]` up in globals then builtins (NameError).
    LOAD_GLOBAL = 12, GlobalName, [CAN_RAISE], |a, j| 1 + (a & 1);
    /// `[x] -> []`: `globals[names[i]] = x`.
    STORE_GLOBAL = 13, Name, [CAN_RAISE], |a, j| -1;
    /// `del globals[names[i]]` (NameError if missing).
    DELETE_GLOBAL = 14, Name, [CAN_RAISE], |a, j| 0;
    /// Replaces `localsplus[i]` with a new cell holding its current value (possibly unbound).
    /// Emitted at the start of a function for each cell variable.
    MAKE_CELL = 15, Local, [], |a, j| 0;
    /// Copies the function's `n` closure cells into the last `n` localsplus slots.
    /// Emitted first in every code unit that has free variables.
    COPY_FREE_VARS = 16, Count, [], |a, j| 0;
    /// `[] -> [cell]`: pushes the cell object in `localsplus[i]` itself.
    LOAD_CLOSURE = 17, Local, [], |a, j| 1;
    /// `[] -> [cell contents]`; an empty cell raises NameError (free variable) or
    /// UnboundLocalError (cell variable of this code unit).
    LOAD_DEREF = 18, Local, [CAN_RAISE], |a, j| 1;
    /// Like `LOAD_DEREF` but first looks the variable's name up in the frame's locals
    /// mapping (used in class bodies).
    LOAD_CLASSDEREF = 19, Local, [CAN_RAISE], |a, j| 1;
    /// `[x] -> []`: stores `x` into the cell in `localsplus[i]`.
    STORE_DEREF = 20, Local, [], |a, j| -1;
    /// Empties the cell in `localsplus[i]` (error if already empty, as `LOAD_DEREF`).
    DELETE_DEREF = 21, Local, [CAN_RAISE], |a, j| 0;
    /// `[obj] -> [obj.names[i]]`.
    LOAD_ATTR = 22, Name, [CAN_RAISE], |a, j| 0;
    /// `[value, obj] -> []`: `obj.names[i] = value`.
    STORE_ATTR = 23, Name, [CAN_RAISE], |a, j| -2;
    /// `[obj] -> []`: `del obj.names[i]`.
    DELETE_ATTR = 24, Name, [CAN_RAISE], |a, j| -1;
    /// `[obj] -> [method, obj]` when `names[i]` resolves to a plain function found on the
    /// type (an unbound method), else `[obj] -> [NULL, obj.names[i]]`.
    LOAD_METHOD = 25, Name, [CAN_RAISE], |a, j| 1;
    /// `[lhs, rhs] -> [lhs op rhs]` for the [`BinaryOp`] numbered `arg` (in-place forms included).
    BINARY_OP = 26, BinaryOp, [CAN_RAISE], |a, j| -1;
    /// `[x] -> [-x]`.
    UNARY_NEGATIVE = 27, None, [CAN_RAISE], |a, j| 0;
    /// `[x] -> [+x]`.
    UNARY_POSITIVE = 28, None, [CAN_RAISE], |a, j| 0;
    /// `[x] -> [not x]`.
    UNARY_NOT = 29, None, [CAN_RAISE], |a, j| 0;
    /// `[x] -> [~x]`.
    UNARY_INVERT = 30, None, [CAN_RAISE], |a, j| 0;
    /// `[lhs, rhs] -> [lhs op rhs]` for the [`CompareOp`] numbered `arg`.
    COMPARE_OP = 31, CompareOp, [CAN_RAISE], |a, j| -1;
    /// `[lhs, rhs] -> [lhs is rhs]` (`is not` when arg is 1).
    IS_OP = 32, Count, [], |a, j| -1;
    /// `[item, container] -> [item in container]` (`not in` when arg is 1).
    CONTAINS_OP = 33, Count, [CAN_RAISE], |a, j| -1;
    /// `[container, key] -> [container[key]]`.
    BINARY_SUBSCR = 34, None, [CAN_RAISE], |a, j| -1;
    /// `[value, container, key] -> []`: `container[key] = value`.
    STORE_SUBSCR = 35, None, [CAN_RAISE], |a, j| -3;
    /// `[container, key] -> []`: `del container[key]`.
    DELETE_SUBSCR = 36, None, [CAN_RAISE], |a, j| -2;
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3).
    BUILD_SLICE = 37, Count, [CAN_RAISE], |a, j| 1 - a;
    /// `[x1..xn] -> [(x1, .., xn)]`.
    BUILD_TUPLE = 38, Count, [], |a, j| 1 - a;
    /// `[x1..xn] -> [[x1, .., xn]]`.
    BUILD_LIST = 39, Count, [], |a, j| 1 - a;
    /// `[x1..xn] -> [{x1, .., xn}]`.
    BUILD_SET = 40, Count, [CAN_RAISE], |a, j| 1 - a;
    /// `[k1, v1, .., kn, vn] -> [{k1: v1, ..}]`.
    BUILD_MAP = 41, Count, [CAN_RAISE], |a, j| 1 - 2 * a;
    /// `[v1..vn, keys] -> [dict(zip(keys, values))]` where `keys` is a tuple constant.
    BUILD_CONST_KEY_MAP = 42, Count, [CAN_RAISE], |a, j| -a;
    /// `[s1..sn] -> [s1 + .. + sn]` for str pieces.
    BUILD_STRING = 43, Count, [], |a, j| 1 - a;
    /// `[list, (i-1 items), x] -> [list, (i-1 items)]`: `list.append(x)`; the list is the
    /// i-th item from the top after popping `x`.
    LIST_APPEND = 44, Count, [], |a, j| -1;
    /// Like `LIST_APPEND` for a set (`set.add(x)`).
    SET_ADD = 45, Count, [CAN_RAISE], |a, j| -1;
    /// `[dict, (i-1 items), key, value] -> [dict, (i-1 items)]`: `dict[key] = value`.
    MAP_ADD = 46, Count, [CAN_RAISE], |a, j| -2;
    /// `[list, .., iterable] -> [list, ..]`: `list.extend(iterable)` (list at depth i).
    LIST_EXTEND = 47, Count, [CAN_RAISE], |a, j| -1;
    /// `[set, .., iterable] -> [set, ..]`: `set.update(iterable)`.
    SET_UPDATE = 48, Count, [CAN_RAISE], |a, j| -1;
    /// `[dict, .., mapping] -> [dict, ..]`: `dict.update(mapping)` (for `{**m}`).
    DICT_UPDATE = 49, Count, [CAN_RAISE], |a, j| -1;
    /// Like `DICT_UPDATE` but raises TypeError on a duplicate key (for `f(**m)`); the
    /// callable is at depth `i + 2` for the error message.
    DICT_MERGE = 50, Count, [CAN_RAISE], |a, j| -1;
    /// `[list] -> [tuple(list)]`.
    LIST_TO_TUPLE = 51, None, [], |a, j| 0;
    /// `[seq] -> [xn, .., x1]`: unpacks exactly n items, first item on top.
    UNPACK_SEQUENCE = 52, Count, [CAN_RAISE], |a, j| a - 1;
    /// `[seq] -> [..]` for `a, *b, c = seq`: arg is `before | (after << 8)`; pushes the
    /// `after` items, the starred list, then the `before` items, the first item on top.
    UNPACK_EX = 53, Count, [CAN_RAISE], |a, j| (a & 0xff) + (a >> 8);
    /// `[value] -> [str]` or, when `arg & 4`, `[value, spec] -> [str]`: formats for an
    /// f-string. `arg & 3` is the conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FORMAT_VALUE = 54, Count, [CAN_RAISE], |a, j| if a & 4 != 0 { -1 } else { 0 };
    /// Unconditional forward jump.
    JUMP = 55, Jump, [JUMP | TERMINATOR], |a, j| 0;
    /// Unconditional backward jump (a loop back edge; the interpreter checks for
    /// pending signals here).
    JUMP_BACKWARD = 56, Jump, [JUMP | TERMINATOR | CAN_RAISE], |a, j| 0;
    /// `[x] -> []`, jumping if `x` is false.
    POP_JUMP_IF_FALSE = 57, Jump, [JUMP | CAN_RAISE], |a, j| -1;
    /// `[x] -> []`, jumping if `x` is true.
    POP_JUMP_IF_TRUE = 58, Jump, [JUMP | CAN_RAISE], |a, j| -1;
    /// `[x] -> []`, jumping if `x is None`.
    POP_JUMP_IF_NONE = 59, Jump, [JUMP], |a, j| -1;
    /// `[x] -> []`, jumping if `x is not None`.
    POP_JUMP_IF_NOT_NONE = 60, Jump, [JUMP], |a, j| -1;
    /// If `x` (TOS) is false, jump leaving it; else pop it.
    JUMP_IF_FALSE_OR_POP = 61, Jump, [JUMP | CAN_RAISE], |a, j| if j { 0 } else { -1 };
    /// If `x` (TOS) is true, jump leaving it; else pop it.
    JUMP_IF_TRUE_OR_POP = 62, Jump, [JUMP | CAN_RAISE], |a, j| if j { 0 } else { -1 };
    /// `[x] -> [iter(x)]`.
    GET_ITER = 63, None, [CAN_RAISE], |a, j| 0;
    /// `[it] -> [it, next(it)]`; when exhausted, `[it] -> []` and jump.
    FOR_ITER = 64, Jump, [JUMP | CAN_RAISE], |a, j| if j { -1 } else { 1 };
    /// `[x] -> [iter(x)]`, except that generators and (in a coroutine) coroutines are kept.
    GET_YIELD_FROM_ITER = 65, None, [CAN_RAISE], |a, j| 0;
    /// Builds a function. Pops, from the top: the code object, then (if `arg & 8`) a tuple
    /// of closure cells, (if `arg & 4`) the annotations tuple `(name, value, ..)`, (if
    /// `arg & 2`) the keyword-only defaults dict, (if `arg & 1`) the defaults tuple.
    /// Pushes the function. Its `__qualname__` comes from the code unit.
    MAKE_FUNCTION = 66, Count, [], |a, j| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
    /// `[x] -> []`: returns `x` from the frame.
    RETURN_VALUE = 67, None, [TERMINATOR], |a, j| -1;
    /// `[x] -> [sent]`: suspends yielding `x`; resumes with the sent value pushed.
    /// arg 1 marks the delegating yield of a `SEND` loop (see module docs).
    YIELD_VALUE = 68, Count, [SUSPENDS | CAN_RAISE], |a, j| 0;
    /// `[iter, v] -> [iter, y]`: sends `v` into `iter` (`next(iter)` when `v` is None and
    /// `iter` is not a generator/coroutine) and pushes what it yields; when it returns
    /// `r` (StopIteration), `[iter, v] -> [r]` and jump.
    SEND = 69, Jump, [JUMP | CAN_RAISE], |a, j| if j { -1 } else { 0 };
    /// `[x] -> [awaitable iterator of x]` (`x.__await__()`, or x itself for a coroutine).
    /// arg: 0 plain await, 1 after `__aenter__`, 2 after `__aexit__` (error messages).
    GET_AWAITABLE = 70, Count, [CAN_RAISE], |a, j| 0;
    /// `[x] -> [x.__aiter__()]`.
    GET_AITER = 71, None, [CAN_RAISE], |a, j| 0;
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`.
    GET_ANEXT = 72, None, [CAN_RAISE], |a, j| 1;
    /// `[aiter, exc] -> []` if `exc` is StopAsyncIteration, else re-raises `exc`.
    /// Used as the exception handler of an `async for` loop.
    END_ASYNC_FOR = 73, None, [CAN_RAISE], |a, j| -2;
    /// `[mgr] -> [mgr.__aexit__ (bound), awaitable of mgr.__aenter__()]`.
    BEFORE_ASYNC_WITH = 74, None, [CAN_RAISE], |a, j| 1;
    /// `[x] -> [wrapped x]`: marks a value yielded by an async generator.
    ASYNC_GEN_WRAP = 75, None, [], |a, j| 0;
    /// arg 0: re-raise the exception being handled; 1: `[exc] -> raise exc`;
    /// 2: `[exc, cause] -> raise exc from cause`.
    RAISE_VARARGS = 76, Count, [TERMINATOR | CAN_RAISE], |a, j| -a;
    /// `[.., exc] -> raise exc` keeping its traceback. When `arg > 0`, the frame's
    /// current instruction (for the traceback line) is first restored from the int that
    /// is the `arg`-th item from the top after popping `exc` (a pushed `lasti`).
    /// Only `exc` is popped; the handler's unwinding discards the rest.
    RERAISE = 77, Count, [TERMINATOR | CAN_RAISE], |a, j| -1;
    /// `[exc] -> [prev, exc]`: saves the currently handled exception (`sys.exc_info()`,
    /// None if none) and makes `exc` the handled one.
    PUSH_EXC_INFO = 78, None, [], |a, j| 1;
    /// `[prev] -> []`: restores `prev` as the currently handled exception.
    POP_EXCEPT = 79, None, [], |a, j| -1;
    /// `[exc, type] -> [exc, matches]`: `isinstance(exc, type)`; TypeError if `type`
    /// is not an exception class or tuple of them.
    CHECK_EXC_MATCH = 80, None, [CAN_RAISE], |a, j| 0;
    /// `[exc, type] -> [rest, match]` for `except*`: splits the exception group; when
    /// nothing matches, `match` is None and `rest` is `exc`.
    CHECK_EG_MATCH = 81, None, [CAN_RAISE], |a, j| 0;
    /// `[orig, list] -> [exc_or_None]`: combines the exceptions raised and re-raised by
    /// the `except*` clauses (`list`) with the original group into what to re-raise.
    PREP_RERAISE_STAR = 82, None, [CAN_RAISE], |a, j| -1;
    /// `[exit, lasti, prev, exc] -> [exit, lasti, prev, exc, res]`: calls
    /// `exit(type(exc), exc, exc.__traceback__)` (the `with` exception path).
    WITH_EXCEPT_START = 83, None, [CAN_RAISE], |a, j| 1;
    /// `[mgr] -> [bound mgr.__exit__, mgr.__enter__()]`.
    BEFORE_WITH = 84, None, [CAN_RAISE], |a, j| 1;
    /// `[] -> [AssertionError]`.
    LOAD_ASSERTION_ERROR = 85, None, [], |a, j| 1;
    /// `[] -> [builtins.__build_class__]`.
    LOAD_BUILD_CLASS = 86, None, [CAN_RAISE], |a, j| 1;
    /// Creates `__annotations__` in the locals mapping if missing.
    SETUP_ANNOTATIONS = 87, None, [CAN_RAISE], |a, j| 0;
    /// `[level, fromlist] -> [module]`: `__import__(names[i], globals, None, fromlist, level)`.
    IMPORT_NAME = 88, Name, [CAN_RAISE], |a, j| -1;
    /// `[module] -> [module, module.names[i]]` (ImportError "cannot import name").
    IMPORT_FROM = 89, Name, [CAN_RAISE], |a, j| 1;
    /// `[module] -> []`: `from module import *` into the locals mapping.
    IMPORT_STAR = 90, None, [CAN_RAISE], |a, j| -1;
    /// `[subject, cls, names] -> [attrs or None]`: class pattern with `arg` positional
    /// sub-patterns; `names` is a tuple of keyword attribute names. Pushes a tuple of the
    /// positional then keyword attributes on success, None on failure.
    MATCH_CLASS = 91, Count, [CAN_RAISE], |a, j| -2;
    /// `[subject] -> [subject, is_mapping]`.
    MATCH_MAPPING = 92, None, [], |a, j| 1;
    /// `[subject] -> [subject, is_sequence]` (str, bytes and bytearray are not sequences here).
    MATCH_SEQUENCE = 93, None, [], |a, j| 1;
    /// `[subject, keys] -> [subject, keys, values or None]`: looks each key of the tuple
    /// `keys` up in the mapping `subject`; a tuple of values if all are present, else None.
    MATCH_KEYS = 94, None, [CAN_RAISE], |a, j| 1;
    /// `[x] -> [x, len(x)]`.
    GET_LEN = 95, None, [CAN_RAISE], |a, j| 1;
    /// `[x] -> []`: the interactive echo: calls `sys.displayhook(x)`.
    PRINT_EXPR = 96, None, [CAN_RAISE], |a, j| -1;
    /// `[X, Y, arg1..argN] -> [result]`: see the call protocol in the module docs.
    CALL = 97, Count, [CAN_RAISE], |a, j| -a - 1;
    /// Names the keyword arguments of the next `CALL`: `consts[i]` is a tuple of str.
    KW_NAMES = 98, Const, [], |a, j| 0;
    /// `[NULL, callable, args] -> [result]` or, when `arg & 1`,
    /// `[NULL, callable, args, kwargs] -> [result]`; `args` is a tuple, `kwargs` a dict.
    CALL_FUNCTION_EX = 99, Count, [CAN_RAISE], |a, j| -2 - (a & 1);
    /// Supplies the high bits of the next instruction's argument.
    EXTENDED_ARG = 100, Count, [], |a, j| 0;
}

impl Opcode {
    /// Whether the opcode has the given [`flags`] bit.
    #[inline]
    pub fn has_flag(self, flag: u8) -> bool {
        self.flags() & flag != 0
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Encodes an instruction word.
#[inline]
pub const fn encode(op: Opcode, arg: u32) -> u32 {
    (op as u32) | (arg << 8)
}

/// Splits an instruction word into its opcode byte and 24-bit argument.
#[inline]
pub const fn decode(word: u32) -> (u8, u32) {
    ((word & 0xff) as u8, word >> 8)
}

/// Largest argument that fits in one instruction word.
pub const MAX_INLINE_ARG: u32 = (1 << 24) - 1;

macro_rules! simple_enum {
    ($(#[doc = $tdoc:expr])* $ty:ident { $($(#[doc = $doc:expr])* $v:ident = $n:literal => $s:literal,)* }) => {
        $(#[doc = $tdoc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $ty { $($(#[doc = $doc])* $v = $n,)* }
        impl $ty {
            /// Every variant, in numeric order.
            pub const ALL: &'static [$ty] = &[$($ty::$v),*];
            /// Decodes the argument value.
            pub fn from_u32(n: u32) -> Option<$ty> {
                match n { $($n => Some($ty::$v),)* _ => None }
            }
            /// The operator as written in Python source.
            pub fn symbol(self) -> &'static str {
                match self { $($ty::$v => $s,)* }
            }
        }
    };
}

simple_enum! {
    /// The operator of `BINARY_OP`. In-place forms are the plain form plus 13.
    BinaryOp {
        Add = 0 => "+",
        And = 1 => "&",
        FloorDivide = 2 => "//",
        LShift = 3 => "<<",
        MatrixMultiply = 4 => "@",
        Multiply = 5 => "*",
        Remainder = 6 => "%",
        Or = 7 => "|",
        Power = 8 => "**",
        RShift = 9 => ">>",
        Subtract = 10 => "-",
        TrueDivide = 11 => "/",
        Xor = 12 => "^",
        InplaceAdd = 13 => "+=",
        InplaceAnd = 14 => "&=",
        InplaceFloorDivide = 15 => "//=",
        InplaceLShift = 16 => "<<=",
        InplaceMatrixMultiply = 17 => "@=",
        InplaceMultiply = 18 => "*=",
        InplaceRemainder = 19 => "%=",
        InplaceOr = 20 => "|=",
        InplacePower = 21 => "**=",
        InplaceRShift = 22 => ">>=",
        InplaceSubtract = 23 => "-=",
        InplaceTrueDivide = 24 => "/=",
        InplaceXor = 25 => "^=",
    }
}

impl BinaryOp {
    /// Whether this is an augmented-assignment form.
    pub fn is_inplace(self) -> bool {
        self as u8 >= 13
    }
    /// The plain (non in-place) form of this operator.
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            BinaryOp::ALL[self as usize - 13]
        } else {
            self
        }
    }
    /// The in-place form of this operator.
    pub fn inplace(self) -> BinaryOp {
        BinaryOp::ALL[self.base() as usize + 13]
    }
}

simple_enum! {
    /// The operator of `COMPARE_OP`.
    CompareOp {
        Lt = 0 => "<",
        Le = 1 => "<=",
        Eq = 2 => "==",
        Ne = 3 => "!=",
        Gt = 4 => ">",
        Ge = 5 => ">=",
    }
}

impl CompareOp {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbers_round_trip() {
        for (i, op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i, "opcodes are numbered densely in table order");
            assert_eq!(Opcode::from_u8(*op as u8), Some(*op));
        }
        assert_eq!(Opcode::from_u8(255), None);
    }

    #[test]
    fn encoding_round_trips() {
        let w = encode(Opcode::LOAD_CONST, MAX_INLINE_ARG);
        assert_eq!(decode(w), (Opcode::LOAD_CONST as u8, MAX_INLINE_ARG));
    }

    #[test]
    fn jump_effects_differ_only_for_jumps() {
        for op in Opcode::ALL {
            if !op.has_flag(flags::JUMP) {
                assert_eq!(op.stack_effect(3, false), op.stack_effect(3, true), "{op}");
            }
        }
    }

    #[test]
    fn binary_op_inplace_forms() {
        assert_eq!(BinaryOp::Add.inplace(), BinaryOp::InplaceAdd);
        assert_eq!(BinaryOp::InplaceXor.base(), BinaryOp::Xor);
        assert_eq!(BinaryOp::ALL.len(), 26);
    }
}
