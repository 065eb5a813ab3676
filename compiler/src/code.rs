//! The compiler's output: a code unit per function, class body, comprehension,
//! lambda or module. Code units are plain Rust data (no runtime objects), so the
//! compiler knows nothing about the object model; the VM turns each unit into a
//! code object.

use num_bigint::BigInt;

/// Code unit flags (the values match CPython's `co_flags` bits).
pub mod code_flags {
    /// Locals live in fast slots (functions); unset for module and class bodies.
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new locals dict is made for each call (functions).
    pub const NEWLOCALS: u32 = 0x0002;
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x0004;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// The code unit is nested in a function.
    pub const NESTED: u32 = 0x0010;
    /// A generator function.
    pub const GENERATOR: u32 = 0x0020;
    /// An `async def` function (not an async generator).
    pub const COROUTINE: u32 = 0x0080;
    /// A generator usable in `await` (set by `types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    /// An `async def` function containing `yield`.
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// What a localsplus slot holds (bits, as CPython's `co_localspluskinds`).
pub mod local_kind {
    /// A plain local variable (or argument).
    pub const LOCAL: u8 = 0x20;
    /// A cell variable: captured by an inner scope. A cell variable that is also an
    /// argument has `LOCAL | CELL` and is converted to a cell by `MAKE_CELL`.
    pub const CELL: u8 = 0x40;
    /// A free variable: a cell copied from the closure by `COPY_FREE_VARS`.
    pub const FREE: u8 = 0x80;
}

/// A constant in a code unit's constant table.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A frozenset of constants, elements in source order. (The runtime builds it
    /// the way CPython's compiler does: insert in source order, then rebuild from
    /// that set's iteration order, which decides the printed order of set
    /// displays built from it.)
    FrozenSet(Vec<Constant>),
    Ellipsis,
    /// A nested code unit (function, lambda, class body, comprehension).
    Code(Box<CodeUnit>),
}

/// Source position of an instruction: 1-based lines, 0-based UTF-8 byte columns,
/// end exclusive. `line == 0` means "no position" (synthetic instructions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One exception-table entry: instructions `start..end` are protected by the
/// handler at `target`. See the module docs of [`crate::bytecode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    /// Stack depth (above the frame's base) to unwind to before pushing.
    pub depth: u32,
    /// Push the raising instruction's index before the exception.
    pub push_lasti: bool,
}

/// A compiled function, class body, comprehension, lambda or module.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    /// `co_name`: the function/class name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `co_qualname`, e.g. `C.method.<locals>.inner`.
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    /// [`code_flags`] bits.
    pub flags: u32,
    /// Positional parameters (including positional-only).
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    /// Names of the localsplus slots: parameters in order (positional, keyword-only,
    /// `*args`, `**kwargs`), other locals, then cell variables that are not
    /// parameters, then free variables.
    pub localsplus_names: Vec<String>,
    /// [`local_kind`] bits for each localsplus slot.
    pub localsplus_kinds: Vec<u8>,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR`, `LOAD_METHOD`, `IMPORT_*`.
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    /// The instruction words (see [`crate::bytecode`]).
    pub code: Vec<u32>,
    /// Encoded positions, one per instruction word ([`crate::linetable`]).
    pub line_table: Vec<u8>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum value-stack depth.
    pub stack_size: u32,
    /// The docstring of a function (module and class docstrings are stored into
    /// `__doc__` by code instead).
    pub docstring: Option<String>,
}

impl CodeUnit {
    /// Number of localsplus slots.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Number of free variables (they occupy the last slots).
    pub fn nfreevars(&self) -> usize {
        self.localsplus_kinds.iter().filter(|k| **k & local_kind::FREE != 0).count()
    }

    /// Total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.arg_count + self.kwonly_arg_count) as usize;
        if self.flags & code_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & code_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
