//! The HIR opcode table, declared once.
//!
//! Every HIR instruction kind appears exactly once in the `hir_opcodes!` table
//! below with:
//! - its operand types (a fixed list, optionally followed by a variadic tail),
//! - its output: none, a fixed type, the type carried by its immediate, the type
//!   of its first operand, or the join of its operands (phis),
//! - the ownership of its output: `Owned` (a new reference the function must
//!   release), `Borrowed` (no reference is created: the value is kept alive by
//!   something else, e.g. a constant by the code object or an argument by the
//!   frame) or `Unowned` (no output, or a primitive that is not an object),
//! - which operands it steals (the instruction takes over the caller's reference),
//! - flags: `DEOPT` (it carries a `FrameState` and may leave compiled code for the
//!   interpreter, which includes raising an exception: the interpreter's handler
//!   takes over), `TERMINATOR` (ends a block), `MAY_STORE` (may run arbitrary code
//!   or write memory other code can see), `PURE` (no effect besides its output),
//! - the kind of immediate it carries ([`ImmKind`]).
//!
//! The printer, the parser, the verifier and refcount insertion read this table;
//! `match`es over [`Opcode`] have no `_` arm, so a new opcode must be handled by
//! every consumer. Types are written in the lattice's text form and parsed once.

use std::sync::OnceLock;

use crate::types::Type;

/// What an instruction's output owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ownership {
    /// A new reference, released by a later `Decref` (or stolen).
    Owned,
    /// No new reference: the value is kept alive by something else.
    Borrowed,
    /// No object output (no output, or a primitive value).
    Unowned,
}

/// How an instruction's output type is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputSpec {
    /// The instruction has no output.
    None,
    /// Always this type (lattice text form).
    Fixed(&'static str),
    /// The type carried by the immediate (`LoadConst`, `GuardType`, boxing).
    FromImm,
    /// The type of operand 0 (`Assign`).
    FromOperand,
    /// The join of all operand types (`Phi`).
    Join,
}

/// The immediate operand an instruction carries besides its SSA operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImmKind {
    /// No immediate.
    None,
    /// A localsplus index (arguments, locals, cells).
    Local,
    /// An index into the code object's `names`.
    Name,
    /// A type (a constant's specialised type, a guard's type, a box/unbox type).
    Type,
    /// A count or small flag word.
    Count,
    /// A bytecode `BinaryOp`.
    BinaryOp,
    /// A bytecode `CompareOp`.
    CompareOp,
    /// One successor block.
    Target,
    /// Two successor blocks (true, false).
    Targets,
    /// The predecessor each operand of a `Phi` comes from, in operand order.
    Preds,
}

/// Instruction flags.
pub mod flags {
    /// Carries a FrameState; may leave compiled code (guards, errors).
    pub const DEOPT: u32 = 1 << 0;
    /// Ends a basic block.
    pub const TERMINATOR: u32 = 1 << 1;
    /// May run arbitrary code or write memory that other code can observe.
    pub const MAY_STORE: u32 = 1 << 2;
    /// Depends only on its operands and has no effect: may be folded or removed.
    pub const PURE: u32 = 1 << 3;
}

/// Which operands an instruction steals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Steals {
    /// None: the caller keeps its references.
    None,
    /// Operand 0.
    First,
    /// Every operand (e.g. the items a `MakeList` stores).
    All,
}

/// The static facts of one opcode, as declared in the table.
#[derive(Debug)]
pub struct OpInfo {
    pub name: &'static str,
    /// Types of the fixed operands.
    pub operands: &'static [&'static str],
    /// Type of every operand after the fixed ones, if the opcode is variadic.
    pub variadic: Option<&'static str>,
    pub output: OutputSpec,
    pub ownership: Ownership,
    pub steals: Steals,
    pub flags: u32,
    pub imm: ImmKind,
    pub doc: &'static str,
}

macro_rules! hir_opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            operands: [$($operand:literal),*] $(+ $variadic:literal)?,
            output: $output:expr,
            ownership: $own:ident,
            steals: $steals:ident,
            flags: $flags:expr,
            imm: $imm:ident $(,)?
        }
    )*) => {
        /// An HIR instruction kind. See the module documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The table entry.
            pub fn info(self) -> &'static OpInfo {
                match self {
                    $( Opcode::$name => {
                        static INFO: OpInfo = OpInfo {
                            name: stringify!($name),
                            operands: &[$($operand),*],
                            variadic: hir_opcodes!(@opt $($variadic)?),
                            output: $output,
                            ownership: Ownership::$own,
                            steals: Steals::$steals,
                            flags: $flags,
                            imm: ImmKind::$imm,
                            doc: concat!($($doc, "\n"),*),
                        };
                        &INFO
                    } )*
                }
            }
        }
    };
    (@opt $v:literal) => { Some($v) };
    (@opt) => { None };
}

use flags::{DEOPT, MAY_STORE, PURE, TERMINATOR};
use OutputSpec::{Fixed, FromImm, FromOperand, Join};

hir_opcodes! {
    // --- values of the frame ---------------------------------------------

    /// The function's argument or local at the given localsplus index on entry.
    LoadArg { operands: [], output: Fixed("OptObject"), ownership: Borrowed, steals: None, flags: PURE, imm: Local }
    /// A constant; its value is the immediate type's specialisation.
    LoadConst { operands: [], output: FromImm, ownership: Borrowed, steals: None, flags: PURE, imm: Type }
    /// The function object being run.
    LoadCurrentFunc { operands: [], output: Fixed("Func"), ownership: Borrowed, steals: None, flags: PURE, imm: None }
    /// A copy of operand 0 (SSA renaming; removed by simplification).
    Assign { operands: ["Top"], output: FromOperand, ownership: Borrowed, steals: None, flags: PURE, imm: None }
    /// Merges one value per predecessor; must start its block.
    Phi { operands: [] + "Top", output: Join, ownership: Borrowed, steals: None, flags: PURE, imm: Preds }

    // --- guards and checks -------------------------------------------------

    /// Operand 0 refined to the immediate type; deopts if it is not of it.
    GuardType { operands: ["OptObject"], output: FromImm, ownership: Borrowed, steals: None, flags: DEOPT, imm: Type }
    /// Operand 0 if it is the object named by the immediate constant; deopts otherwise.
    GuardIs { operands: ["OptObject"], output: FromImm, ownership: Borrowed, steals: None, flags: DEOPT, imm: Type }
    /// Operand 0 if it is bound; otherwise deopts, and the interpreter re-runs the
    /// instruction that read the local or cell named by the immediate, raising
    /// its UnboundLocalError or NameError.
    CheckVar { operands: ["OptObject"], output: Fixed("Object"), ownership: Borrowed, steals: None, flags: DEOPT, imm: Local }
    /// Operand 0, known (not checked) to be of the immediate type.
    RefineType { operands: ["Top"], output: FromImm, ownership: Borrowed, steals: None, flags: PURE, imm: Type }
    /// Handles pending signals (Ctrl-C) at a loop's back edge; deopts to raise.
    CheckSignals { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// A point where the interpreter's state is recorded (removed once every
    /// deopting instruction has its own FrameState).
    Snapshot { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: 0, imm: None }

    // --- generators ----------------------------------------------------------

    /// The frame's current instruction as a machine integer: -1 when a
    /// generator starts, the index of the `YIELD_VALUE` it is suspended at
    /// when it resumes.
    LoadFrameLasti { operands: [], output: Fixed("CInt64"), ownership: Unowned, steals: None, flags: PURE, imm: None }
    /// Suspends a generator: the FrameState (the state after the yield, with
    /// `next_instr` at the `YIELD_VALUE`) goes into the frame and operand 0 is
    /// handed to the caller as the yielded value. Resumption starts over at
    /// the function's entry, which dispatches on `LoadFrameLasti`.
    YieldValue { operands: ["Object"], output: OutputSpec::None, ownership: Unowned, steals: First, flags: DEOPT | TERMINATOR | MAY_STORE, imm: None }

    // --- reference counts (inserted by RefcountInsertion) -----------------

    /// Adds a reference to operand 0.
    Incref { operands: ["Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: 0, imm: None }
    /// Adds a reference to operand 0 unless it is null.
    XIncref { operands: ["OptObject"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: 0, imm: None }
    /// Releases a reference to operand 0 (may run a finaliser).
    Decref { operands: ["Object"], output: OutputSpec::None, ownership: Unowned, steals: First, flags: MAY_STORE, imm: None }
    /// Releases a reference to operand 0 unless it is null.
    XDecref { operands: ["OptObject"], output: OutputSpec::None, ownership: Unowned, steals: First, flags: MAY_STORE, imm: None }

    // --- generic Python operations (runtime helpers) ---------------------

    /// The global (or builtin) named by the immediate.
    LoadGlobal { operands: [], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Name }
    /// `obj.name`.
    LoadAttr { operands: ["Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Name }
    /// `obj.name = value` (operands: obj, value).
    StoreAttr { operands: ["Object", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: Name }
    /// The first of `LOAD_METHOD`'s two stack results for `obj.name`: the unbound
    /// method, or null when the attribute had to be bound (see `GetSecondOutput`).
    LoadMethod { operands: ["Object"], output: Fixed("OptObject"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Name }
    /// The second result of the instruction whose output is operand 0
    /// (`LoadMethod`: `obj` itself when it gave a method, else the attribute;
    /// `Send`: the receiver's return value, null when it yielded).
    GetSecondOutput { operands: ["Top"], output: Fixed("OptObject"), ownership: Owned, steals: None, flags: 0, imm: None }
    /// The bytecode call protocol: operands `[X, Y, args...]` where a null `X` calls
    /// `Y(args...)` and otherwise `X(Y, args...)`; the immediate is the argument count.
    CallMethod { operands: ["OptObject", "OptObject"] + "Object", output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// `callable(args...)`: operand 0 is the callable.
    VectorCall { operands: ["Object"] + "Object", output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// `lhs op rhs` for the bytecode operator in the immediate (in-place forms too).
    BinaryOp { operands: ["Object", "Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: BinaryOp }
    /// `lhs op rhs` for a comparison operator.
    Compare { operands: ["Object", "Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: CompareOp }
    /// `-x`, `+x`, `~x` (immediate: 0, 1, 2).
    UnaryOp { operands: ["Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// `bool(x)` as a machine boolean.
    IsTruthy { operands: ["Object"], output: Fixed("CBool"), ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `lhs is rhs`.
    IsSame { operands: ["OptObject", "OptObject"], output: Fixed("CBool"), ownership: Unowned, steals: None, flags: PURE, imm: None }
    /// `item in container` (operands: item, container).
    Contains { operands: ["Object", "Object"], output: Fixed("CBool"), ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `container[key]`.
    LoadSubscr { operands: ["Object", "Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `container[key] = value` (operands: container, key, value).
    StoreSubscr { operands: ["Object", "Object", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `iter(x)`.
    GetIter { operands: ["Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `next(it)`, or null when the iterator is exhausted.
    ForIter { operands: ["Object"], output: Fixed("OptObject"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `GET_YIELD_FROM_ITER`: `iter(x)`, or `x` itself for a generator (a
    /// coroutine only in a coroutine's code).
    GetYieldFromIter { operands: ["Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `GET_AWAITABLE`: the iterator `await x` drives (`x.__await__()`, or a
    /// coroutine itself); the immediate is the bytecode argument (it selects
    /// the error message).
    GetAwaitable { operands: ["Object"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// One step of `yield from` (operands: receiver, value to send): the value
    /// the receiver yielded, or null when it returned (its return value is then
    /// the second output, see `GetSecondOutput`).
    Send { operands: ["Object", "Object"], output: Fixed("OptObject"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }

    /// `callable(args..., **kw)` by the bytecode protocol with keywords: operands
    /// `[X, Y, args..., kwnames]`, the last `len(kwnames)` arguments named by the
    /// tuple `kwnames`; the immediate is the argument count.
    CallMethodKw { operands: ["OptObject", "OptObject"] + "Object", output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// Sets the global named by the immediate.
    StoreGlobal { operands: ["Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: Name }
    /// The items of an iterable of exactly the immediate's length, as a tuple
    /// (deopts so the interpreter raises otherwise).
    UnpackSequence { operands: ["Object"], output: Fixed("TupleExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// Item `i` (the immediate) of an exact tuple known to be long enough.
    LoadTupleItem { operands: ["Tuple"], output: Fixed("Object"), ownership: Borrowed, steals: None, flags: PURE, imm: Count }

    /// `callable(*args, **kwargs)` (operands: callable, args tuple, kwargs dict or null).
    CallEx { operands: ["Object", "Object", "OptObject"], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// Updates operand 0 from operand 1 as the immediate says: 0 `list.extend`,
    /// 1 `set.update`, 2 `dict.update`, 3 the `**` merge of a call (operand 2 is
    /// the function called, or null, for its error messages).
    ContainerUpdate { operands: ["Object", "Object", "OptObject"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// A tuple of a list's items.
    ListToTuple { operands: ["List"], output: Fixed("TupleExact"), ownership: Owned, steals: None, flags: 0, imm: None }
    /// A dict from values and, as the last operand, the tuple of their keys.
    MakeConstKeyDict { operands: [] + "Object", output: Fixed("DictExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `del container[key]`.
    DeleteSubscr { operands: ["Object", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// A builtin the bytecode loads directly: 0 `AssertionError`, 1 `__build_class__`.
    LoadBuiltin { operands: [], output: Fixed("Object"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }
    /// `UNPACK_EX`: the items of an iterable as a tuple (those before the
    /// starred target, the list for it, those after; immediate: the bytecode
    /// argument, `before | after << 8`).
    UnpackEx { operands: ["Object"], output: Fixed("TupleExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }

    // --- cells and closures --------------------------------------------------

    /// A new cell holding operand 0 (or empty if it is null).
    MakeCell { operands: ["OptObject"], output: Fixed("Cell"), ownership: Owned, steals: None, flags: DEOPT, imm: None }
    /// Cell `i` (the immediate) of the running function's closure.
    LoadClosureCell { operands: [], output: Fixed("Cell"), ownership: Borrowed, steals: None, flags: PURE, imm: Count }
    /// The value in a cell, or null if it is empty.
    LoadCellItem { operands: ["Cell"], output: Fixed("OptObject"), ownership: Owned, steals: None, flags: 0, imm: None }
    /// Stores operand 1 into the cell in operand 0 (the old value is released).
    SetCellItem { operands: ["Cell", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: MAY_STORE, imm: None }
    /// A function from operands `[defaults?, kwdefaults?, annotations?, closure?, code]`
    /// as the `MAKE_FUNCTION` flags in the immediate say.
    MakeFunction { operands: [] + "Object", output: Fixed("Func"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }

    // --- building objects --------------------------------------------------

    /// A list of the operands (stolen).
    MakeList { operands: [] + "Object", output: Fixed("ListExact"), ownership: Owned, steals: All, flags: DEOPT, imm: None }
    /// A tuple of the operands (stolen).
    MakeTuple { operands: [] + "Object", output: Fixed("TupleExact"), ownership: Owned, steals: All, flags: DEOPT, imm: None }
    /// A dict of alternating keys and values.
    MakeDict { operands: [] + "Object", output: Fixed("DictExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// A set of the operands.
    MakeSet { operands: [] + "Object", output: Fixed("SetExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// `slice(start, stop, step)`.
    MakeSlice { operands: ["Object", "Object", "Object"], output: Fixed("Slice"), ownership: Owned, steals: None, flags: DEOPT, imm: None }
    /// `d[k] = v` for the dict a comprehension builds (operands: d, k, v).
    DictSetItem { operands: ["Dict", "Object", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// Adds operand 1 to the set in operand 0.
    SetAdd { operands: ["Set", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT | MAY_STORE, imm: None }
    /// Appends operand 1 to the list in operand 0.
    ListAppend { operands: ["List", "Object"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: DEOPT, imm: None }
    /// The concatenation of the operands (all str).
    BuildString { operands: [] + "Unicode", output: Fixed("UnicodeExact"), ownership: Owned, steals: None, flags: DEOPT, imm: None }
    /// `format(value, spec)` after the conversion in the immediate (operands:
    /// value, spec or null).
    FormatValue { operands: ["Object", "OptObject"], output: Fixed("UnicodeExact"), ownership: Owned, steals: None, flags: DEOPT | MAY_STORE, imm: Count }

    // --- primitive values (introduced by specialisation) ------------------

    /// The machine value inside an exact int or float (immediate: CInt64 or CDouble).
    PrimitiveUnbox { operands: ["Object"], output: FromImm, ownership: Unowned, steals: None, flags: PURE, imm: Type }
    /// A new object for a machine value (immediate: the object type to create).
    PrimitiveBox { operands: ["Primitive"], output: FromImm, ownership: Owned, steals: None, flags: DEOPT, imm: Type }
    /// Machine-integer arithmetic; deopts on overflow (and on a zero divisor).
    IntBinaryOp { operands: ["CInt64", "CInt64"], output: Fixed("CInt64"), ownership: Unowned, steals: None, flags: DEOPT, imm: BinaryOp }
    /// Floating-point arithmetic (IEEE, no exceptions).
    DoubleBinaryOp { operands: ["CDouble", "CDouble"], output: Fixed("CDouble"), ownership: Unowned, steals: None, flags: PURE, imm: BinaryOp }
    /// A comparison of two machine values of the same type.
    PrimitiveCompare { operands: ["Primitive", "Primitive"], output: Fixed("CBool"), ownership: Unowned, steals: None, flags: PURE, imm: CompareOp }
    /// The negation of a machine boolean.
    BoolNot { operands: ["CBool"], output: Fixed("CBool"), ownership: Unowned, steals: None, flags: PURE, imm: None }
    /// The length of an exact list or tuple.
    SequenceLen { operands: ["Object"], output: Fixed("CInt64"), ownership: Unowned, steals: None, flags: PURE, imm: None }

    // --- control flow -------------------------------------------------------

    /// Continues at the target block.
    Branch { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: TERMINATOR, imm: Target }
    /// Continues at the first target if operand 0 is true, else at the second.
    CondBranch { operands: ["CBool"], output: OutputSpec::None, ownership: Unowned, steals: None, flags: TERMINATOR, imm: Targets }
    /// Returns operand 0 (stolen) to the caller.
    Return { operands: ["Object"], output: OutputSpec::None, ownership: Unowned, steals: First, flags: TERMINATOR, imm: None }
    /// Leaves compiled code for the interpreter unconditionally.
    Deopt { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: TERMINATOR | DEOPT, imm: None }
    /// Leaves the frame to the interpreter as it is (a generator suspended at
    /// a yield that compiled code has no resume point for).
    InterpretFrame { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: TERMINATOR, imm: None }
    /// Control never reaches here.
    Unreachable { operands: [], output: OutputSpec::None, ownership: Unowned, steals: None, flags: TERMINATOR, imm: None }
}

/// Parsed operand and output types per opcode, built once from the table's text.
struct ParsedTypes {
    operands: Vec<Vec<Type>>,
    variadic: Vec<Option<Type>>,
    output: Vec<Option<Type>>,
}

fn parsed() -> &'static ParsedTypes {
    static PARSED: OnceLock<ParsedTypes> = OnceLock::new();
    PARSED.get_or_init(|| {
        let parse = |s: &str| Type::parse(s).unwrap_or_else(|e| panic!("opcode table type {s:?}: {e}"));
        ParsedTypes {
            operands: Opcode::ALL.iter().map(|op| op.info().operands.iter().map(|s| parse(s)).collect()).collect(),
            variadic: Opcode::ALL.iter().map(|op| op.info().variadic.map(parse)).collect(),
            output: Opcode::ALL
                .iter()
                .map(|op| match op.info().output {
                    Fixed(s) => Some(parse(s)),
                    OutputSpec::None | FromImm | FromOperand | Join => None,
                })
                .collect(),
        }
    })
}

impl Opcode {
    /// The declared type of operand `i`, or None past the end of a fixed list.
    pub fn operand_type(self, i: usize) -> Option<Type> {
        let p = parsed();
        let k = self as usize;
        p.operands[k].get(i).cloned().or_else(|| p.variadic[k].clone())
    }

    /// Number of fixed operands, and whether more may follow.
    pub fn arity(self) -> (usize, bool) {
        let info = self.info();
        (info.operands.len(), info.variadic.is_some())
    }

    /// The fixed output type, for opcodes whose output type is fixed.
    pub fn fixed_output(self) -> Option<Type> {
        parsed().output[self as usize].clone()
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn has(self, flag: u32) -> bool {
        self.info().flags & flag != 0
    }

    pub fn is_terminator(self) -> bool {
        self.has(TERMINATOR)
    }

    pub fn can_deopt(self) -> bool {
        self.has(DEOPT)
    }

    pub fn has_output(self) -> bool {
        self.info().output != OutputSpec::None
    }

    /// The opcode with this table name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.iter().copied().find(|op| op.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_type_parses() {
        for op in Opcode::ALL {
            let (n, variadic) = op.arity();
            for i in 0..n {
                assert!(op.operand_type(i).is_some(), "{op:?} operand {i}");
            }
            assert_eq!(op.operand_type(n).is_some(), variadic, "{op:?}");
            if let Fixed(_) = op.info().output {
                assert!(op.fixed_output().is_some());
            }
        }
    }

    #[test]
    fn names_round_trip_and_are_unique() {
        for op in Opcode::ALL {
            assert_eq!(Opcode::from_name(op.name()), Some(*op));
        }
        let mut names: Vec<_> = Opcode::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Opcode::ALL.len());
    }

    #[test]
    fn table_rules() {
        for op in Opcode::ALL {
            let info = op.info();
            // Owned outputs are objects; terminators produce nothing.
            if info.ownership == Ownership::Owned {
                assert!(op.has_output(), "{op:?}");
            }
            if op.is_terminator() {
                assert!(!op.has_output(), "{op:?}");
            }
            // A pure instruction neither deopts nor stores.
            if op.has(PURE) {
                assert!(!op.has(DEOPT) && !op.has(MAY_STORE), "{op:?}");
            }
            // Branch targets only on terminators.
            if matches!(info.imm, ImmKind::Target | ImmKind::Targets) {
                assert!(op.is_terminator(), "{op:?}");
            }
            assert!(!info.doc.is_empty(), "{op:?} is undocumented");
        }
    }
}
