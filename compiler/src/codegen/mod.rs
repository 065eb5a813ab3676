//! Code generation: AST + symbol table -> [`CodeUnit`]s, following the code
//! shapes of CPython 3.11's compiler (without `RESUME`, `PRECALL`, `CACHE` and
//! `RETURN_GENERATOR`). Stack pictures are bottom-to-top; `H(depth, lasti)` is an
//! exception-table entry unwinding to `depth` items (counted from the stack at
//! the start of the construct) and pushing lasti when `lasti`.
//!
//! # try / except
//! ```text
//!       <body>                      ; covered by H(0) -> except
//!       <else>; JUMP end
//! except:                           ; [exc]
//!       PUSH_EXC_INFO               ; [prev, exc]   covered by H(1, lasti) -> cleanup
//!       <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next_handler
//!       STORE_NAME e | POP_TOP      ; [prev]
//!       <handler body>              ; with a name: covered by H(1, lasti) -> cleanup_end
//!       POP_EXCEPT; [e = None; del e]; JUMP end
//! cleanup_end:                      ; [prev, lasti, exc2]
//!       e = None; del e; RERAISE 1
//! next_handler: ...
//!       RERAISE 0                   ; no handler matched
//! cleanup:                          ; [prev, lasti, exc2]
//!       COPY 3; POP_EXCEPT; RERAISE 1
//! end:
//! ```
//! # try / finally
//! ```text
//!       <body>                      ; covered by H(0) -> final
//!       <finally body>; JUMP exit   ; normal path: finally body inlined
//! final:                            ; [exc]
//!       PUSH_EXC_INFO               ; [prev, exc]   covered by H(1, lasti) -> cleanup
//!       <finally body>; RERAISE 0
//! cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//! exit:
//! ```
//! `return`/`break`/`continue` inside the body inline the finally body before
//! leaving (with the return value kept on the stack).
//!
//! # except*
//! As try/except, but the handler region starts with `BUILD_LIST 0; COPY 2`
//! (`[prev, orig, raised, exc]`); each clause does `<type>; CHECK_EG_MATCH; COPY 1;
//! POP_JUMP_IF_NONE no_match` and runs its body protected by H(4, lasti) whose
//! handler appends the escaping exception to `raised` (`LIST_APPEND 3; POP_TOP`);
//! the unmatched rest goes on to the next clause. Finally `LIST_APPEND 1;
//! PREP_RERAISE_STAR; COPY 1; POP_JUMP_IF_NOT_NONE reraise; POP_TOP; POP_EXCEPT`
//! (done), `reraise: SWAP 2; POP_EXCEPT; RERAISE 0`.
//!
//! # with
//! ```text
//!       <mgr>; BEFORE_WITH          ; [exit, res]
//!       STORE target | POP_TOP      ; [exit]        covered by H(1, lasti) -> final
//!       <body>
//!       LOAD_CONST None x3; CALL 2; POP_TOP; JUMP end     ; exit(None, None, None)
//! final:                            ; [exit, lasti, exc]
//!       PUSH_EXC_INFO               ; [exit, lasti, prev, exc]   covered by H(3, lasti) -> cleanup
//!       WITH_EXCEPT_START           ; [exit, lasti, prev, exc, res]
//!       POP_JUMP_IF_TRUE suppress
//!       RERAISE 2
//! cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//! suppress: POP_TOP; POP_EXCEPT; POP_TOP; POP_TOP     ; -> []
//! end:
//! ```
//! `async with` uses `BEFORE_ASYNC_WITH; GET_AWAITABLE 1; LOAD_CONST None; <send
//! loop>` to enter, and awaits the `__aexit__` results (`GET_AWAITABLE 2`).
//!
//! # Loops
//! `for`: `<iter>; GET_ITER; L: FOR_ITER end; <target>; <body>; JUMP_BACKWARD L;
//! end: <else>`. `while`: `L: <test> POP_JUMP_IF_FALSE else; <body>; JUMP_BACKWARD
//! L`. `async for`: `GET_AITER; L: GET_ANEXT; LOAD_CONST None; <send loop>` with
//! the `__anext__` await covered by H(1) -> `END_ASYNC_FOR`.
//!
//! # Comprehensions and generator expressions
//! A nested code unit `<listcomp>` etc. with one parameter `.0` (the iterator of
//! the outermost iterable, evaluated by the caller): `MAKE_FUNCTION; <outer
//! iterable>; GET_ITER (GET_AITER for async); CALL 0`. Inside: `BUILD_LIST 0;
//! LOAD_FAST .0; L: FOR_ITER end; <target>; <ifs>; <elt>; LIST_APPEND 2 (deeper for
//! nested fors); JUMP_BACKWARD L; end: RETURN_VALUE`. Generator expressions yield
//! each element (`YIELD_VALUE 0; POP_TOP`) and return None.
//!
//! # Functions and classes
//! `def`: decorators are pushed first; then defaults tuple, kw-defaults dict,
//! annotations tuple and closure tuple as `MAKE_FUNCTION` flags say; each
//! decorator is applied with `CALL 0` (`[deco, func] CALL 0` calls `deco(func)`).
//! Function bodies start with `COPY_FREE_VARS n` and `MAKE_CELL` for each cell.
//! Classes: `PUSH_NULL; LOAD_BUILD_CLASS; <MAKE_FUNCTION body>; LOAD_CONST 'Name';
//! <bases>; [KW_NAMES] CALL n`. The body code stores `__module__`, `__qualname__`
//! (and `__doc__`), runs the body, and returns the `__class__` cell (`LOAD_CLOSURE
//! __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE`) or None.
//!
//! # Generators
//! `yield x`: `<x>; [ASYNC_GEN_WRAP]; YIELD_VALUE 0`. `yield from x`: `<x>;
//! GET_YIELD_FROM_ITER; LOAD_CONST None; L: SEND exit; YIELD_VALUE 1; JUMP_BACKWARD
//! L; exit:`. `await x`: `<x>; GET_AWAITABLE 0; LOAD_CONST None; <same loop>`.
//! Generator code has no prologue: the first `send(None)` starts at instruction 0
//! (after `COPY_FREE_VARS`/`MAKE_CELL`, which come first in every unit). CPython
//! does not handle signals on the back edge of this loop (it uses a no-interrupt
//! jump) so that they reach the delegate; the interpreter should do the same.
//!
//! # Calls
//! `f(a, k=b)`: `PUSH_NULL; <f>; <a>; <b>; KW_NAMES ('k',); CALL 2` (a global `f`
//! is `LOAD_GLOBAL` with the push-null bit). `o.m(a)`: `<o>; LOAD_METHOD m; <a>;
//! CALL 1`. With `*`/`**` arguments: `PUSH_NULL; <f>; <args tuple>; [<kwargs
//! dict>]; CALL_FUNCTION_EX 0|1`, where the tuple is built with
//! `BUILD_LIST`/`LIST_EXTEND`/`LIST_APPEND`/`LIST_TO_TUPLE` unless the only
//! positional argument is `*x` (then `<x>` itself, made a tuple by the call), and
//! the dict with `BUILD_MAP`/`DICT_MERGE`.
//!
//! # Line numbers
//! `NOP`s carry the line of statements without code of their own (`pass`, `try:`,
//! constant conditions, a `case _:`); the assembler keeps one only when no
//! neighbouring instruction has its line. Artificial instructions without a
//! position take the previous instruction's, or after a terminator the position of
//! the first jump to them; a position-less `return None` reached by jumps is
//! copied into each jump, as CPython does, so line events match CPython's.

mod assemble;
mod call;
mod comprehension;
mod consts;
mod exceptions;
mod expr;
mod fold;
mod func;
mod ir;
mod pattern;
mod stmt;

use crate::bytecode::Opcode;
use crate::code::{code_flags, local_kind, CodeUnit, Constant, Position};
use crate::source::SourceMap;
use crate::symtable::{mangle, Future, NameScope, ScopeKind, SymbolTable};
use crate::{linetable, CompileError, Mode};
pub(crate) use consts::from_ast as constant_from_ast;
use consts::ConstKey;
use ir::{InstrBuf, Label, Op, NO_TARGET};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::HashMap;

pub(crate) type Result<T = ()> = std::result::Result<T, CompileError>;

/// CPython's limit on statically nested blocks.
const MAX_BLOCKS: usize = 20;
/// Beyond this many items, sequences are built incrementally rather than on the stack.
const STACK_USE_GUIDELINE: usize = 30;

/// What kind of code unit is being compiled (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A block of the compile-time block stack, for unwinding on
/// `break`/`continue`/`return`.
#[derive(Clone, Copy)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [ast::Stmt] },
    FinallyEnd,
    With { pos: Position, is_async: bool },
    HandlerCleanup { name: Option<&'a str> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehension,
}

/// The code unit under construction.
pub(crate) struct Unit<'a> {
    scope: usize,
    kind: UnitKind,
    name: String,
    qualname: String,
    first_line: u32,
    buf: InstrBuf,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    /// Localsplus layout: fast locals, then cells that are not parameters, then frees.
    localsplus: Vec<String>,
    kinds: Vec<u8>,
    fast_index: HashMap<String, u32>,
    /// Slots of cell variables and of free variables. A class body can have both
    /// a `__class__` cell (its own) and a free `__class__` (`nonlocal __class__`).
    cell_index: HashMap<String, u32>,
    free_index: HashMap<String, u32>,
    nfree: u32,
    fblocks: Vec<FBlock<'a>>,
    /// The class name used for private-name mangling.
    private: Option<String>,
    /// Position given to emitted instructions.
    loc: Position,
    arg_count: u32,
    posonly_count: u32,
    kwonly_count: u32,
    docstring: Option<String>,
}

pub(crate) struct Compiler<'a> {
    src: &'a SourceMap<'a>,
    table: &'a SymbolTable,
    future: Future,
    interactive: bool,
    units: Vec<Unit<'a>>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(src: &'a SourceMap<'a>, table: &'a SymbolTable, future: Future, mode: Mode) -> Self {
        Compiler { src, table, future, interactive: mode == Mode::Single, units: Vec::new() }
    }

    /// Compiles a module (exec or single mode).
    pub(crate) fn compile_module(mut self, body: &'a [ast::Stmt]) -> Result<CodeUnit> {
        self.enter_unit(SymbolTable::MODULE, UnitKind::Module, "<module>", 1);
        if let Some(first) = body.first() {
            self.set_loc(first.range());
        }
        self.compile_body(body, true)?;
        self.unit().loc = Position::default();
        self.load_const(Constant::None);
        self.emit(Opcode::RETURN_VALUE);
        self.exit_unit()
    }

    /// Compiles a single expression whose value the code returns (eval mode).
    pub(crate) fn compile_eval(mut self, expr: &'a ast::Expr) -> Result<CodeUnit> {
        self.enter_unit(SymbolTable::MODULE, UnitKind::Module, "<module>", 1);
        self.compile_expr(expr)?;
        self.emit(Opcode::RETURN_VALUE);
        self.exit_unit()
    }

    // ----- Units -----

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always active during compilation")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always active during compilation")
    }

    fn scope(&self) -> &'a crate::symtable::Scope {
        self.table.scope(self.unit_ref().scope)
    }

    fn enter_unit(&mut self, scope_id: usize, kind: UnitKind, name: &str, first_line: u32) {
        let scope = self.table.scope(scope_id);
        let mut localsplus = Vec::new();
        let mut kinds = Vec::new();
        let mut fast_index = HashMap::new();
        let mut cell_index = HashMap::new();
        let mut free_index = HashMap::new();
        let cells = scope.cellvars();
        let is_cell = |n: &str| cells.iter().any(|c| c == n);
        if scope.kind == ScopeKind::Function {
            for p in &scope.params {
                fast_index.insert(p.clone(), localsplus.len() as u32);
                let cell = is_cell(p);
                if cell {
                    cell_index.insert(p.clone(), localsplus.len() as u32);
                }
                kinds.push(if cell { local_kind::LOCAL | local_kind::CELL } else { local_kind::LOCAL });
                localsplus.push(p.clone());
            }
            for sym in &scope.symbols {
                if sym.scope == NameScope::Local && !fast_index.contains_key(&sym.name) {
                    fast_index.insert(sym.name.clone(), localsplus.len() as u32);
                    kinds.push(local_kind::LOCAL);
                    localsplus.push(sym.name.clone());
                }
            }
        }
        for c in &cells {
            if !cell_index.contains_key(c) {
                cell_index.insert(c.clone(), localsplus.len() as u32);
                kinds.push(local_kind::CELL);
                localsplus.push(c.clone());
            }
        }
        let frees = scope.freevars();
        for f in &frees {
            free_index.insert(f.clone(), localsplus.len() as u32);
            kinds.push(local_kind::FREE);
            localsplus.push(f.clone());
        }
        let private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(kind, name);
        let mut unit = Unit {
            scope: scope_id,
            kind,
            name: name.to_string(),
            qualname,
            first_line,
            buf: InstrBuf::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            localsplus,
            kinds,
            fast_index,
            cell_index,
            free_index,
            nfree: frees.len() as u32,
            fblocks: Vec::new(),
            private,
            loc: Position { line: first_line, end_line: first_line, col: 0, end_col: 0 },
            arg_count: 0,
            posonly_count: 0,
            kwonly_count: 0,
            docstring: None,
        };
        // Prefix: closure cells are copied in, then cells are created.
        let no_pos = Position::default();
        if unit.nfree > 0 {
            unit.buf.push(Op::Real(Opcode::COPY_FREE_VARS), unit.nfree, NO_TARGET, no_pos);
        }
        for (i, k) in unit.kinds.iter().enumerate() {
            if k & local_kind::CELL != 0 {
                unit.buf.push(Op::Real(Opcode::MAKE_CELL), i as u32, NO_TARGET, no_pos);
            }
        }
        self.units.push(unit);
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scope(parent.scope).scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Finishes the current unit and returns its code.
    fn exit_unit(&mut self) -> Result<CodeUnit> {
        let mut unit = self.units.pop().expect("exit_unit matches enter_unit");
        let scope = self.table.scope(unit.scope);
        // Drop constants only referenced by folded-away instructions.
        let is_const_op = |op: Op| matches!(op, Op::Real(o) if o.arg_kind() == crate::bytecode::ArgKind::Const);
        let mut used = vec![false; unit.consts.len()];
        for ins in &unit.buf.instrs {
            if is_const_op(ins.op) {
                if let Some(u) = used.get_mut(ins.arg as usize) {
                    *u = true;
                }
            }
        }
        let mut consts = Vec::new();
        let mut remap = vec![0u32; used.len()];
        for (i, c) in std::mem::take(&mut unit.consts).into_iter().enumerate() {
            if used[i] {
                remap[i] = consts.len() as u32;
                consts.push(c);
            }
        }
        for ins in &mut unit.buf.instrs {
            if is_const_op(ins.op) {
                ins.arg = remap.get(ins.arg as usize).copied().unwrap_or(ins.arg);
            }
        }
        let asm = assemble::assemble(&unit.buf).map_err(|e| {
            let p = unit.loc;
            self.src.error_at(
                crate::ErrorKind::SyntaxError,
                format!("internal compiler error in {}: {e}", unit.qualname),
                p.line.max(1),
                p.col,
                p.end_line.max(1),
                p.end_col,
            )
        })?;
        let mut flags = 0;
        if scope.kind == ScopeKind::Function {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if scope.nested {
                flags |= code_flags::NESTED;
            }
            flags |= match (scope.generator, scope.coroutine) {
                (true, true) => code_flags::ASYNC_GENERATOR,
                (true, false) => code_flags::GENERATOR,
                (false, true) => code_flags::COROUTINE,
                (false, false) => 0,
            };
            if scope.varargs {
                flags |= code_flags::VARARGS;
            }
            if scope.varkeywords {
                flags |= code_flags::VARKEYWORDS;
            }
        }
        Ok(CodeUnit {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.src.filename.to_string(),
            first_line: unit.first_line,
            flags,
            arg_count: unit.arg_count,
            posonly_arg_count: unit.posonly_count,
            kwonly_arg_count: unit.kwonly_count,
            localsplus_names: unit.localsplus,
            localsplus_kinds: unit.kinds,
            names: unit.names,
            consts,
            code: asm.code,
            line_table: linetable::encode(&asm.positions),
            exception_table: asm.exception_table,
            stack_size: asm.stack_size,
            docstring: unit.docstring,
        })
    }

    // ----- Emitting -----

    fn set_loc(&mut self, range: TextRange) {
        let p = self.src.position(range);
        self.unit().loc = p;
    }

    /// Sets the location for an attribute access (or a method call through it):
    /// when the attribute spans lines, CPython starts the location at the
    /// attribute name, so tracebacks point at `.name` rather than the object.
    fn set_attr_loc(&mut self, attr: &ast::ExprAttribute, whole: TextRange) {
        let mut p = self.pos(whole);
        let a = self.pos(attr.range);
        if a.line != a.end_line {
            p.line = a.end_line;
            let len = attr.attr.len() as u32;
            if len <= a.end_col {
                p.col = a.end_col - len;
            }
            p.end_line = p.end_line.max(p.line);
            if p.line == p.end_line {
                p.end_col = p.end_col.max(p.col);
            }
        }
        self.unit().loc = p;
    }

    fn pos(&self, range: TextRange) -> Position {
        self.src.position(range)
    }

    fn emit(&mut self, op: Opcode) {
        self.emit_arg(op, 0);
    }

    fn emit_arg(&mut self, op: Opcode, arg: u32) {
        let u = self.unit();
        // Two identical swaps cancel out (the pattern compiler's rotations).
        if op == Opcode::SWAP && matches!(u.buf.last(), Some(i) if i.op == Op::Real(Opcode::SWAP) && i.arg == arg) {
            u.buf.truncate_last(1);
            return;
        }
        let loc = u.loc;
        u.buf.push(Op::Real(op), arg, NO_TARGET, loc);
    }

    fn emit_jump(&mut self, mut op: Opcode, target: Label) {
        // `LOAD_CONST None; IS_OP k; POP_JUMP_IF_TRUE/FALSE` tests for None directly.
        if matches!(op, Opcode::POP_JUMP_IF_TRUE | Opcode::POP_JUMP_IF_FALSE) {
            let u = self.unit_ref();
            let n = u.buf.instrs.len();
            if let (Some(is_op), true) = (u.buf.last(), n >= 2) {
                let load = u.buf.instrs[n - 2];
                let none_const = load.op == Op::Real(Opcode::LOAD_CONST)
                    && matches!(u.consts.get(load.arg as usize), Some(Constant::None));
                if is_op.op == Op::Real(Opcode::IS_OP) && none_const && u.buf.can_merge_last(2) {
                    let is_not = is_op.arg == 1;
                    let jump_if_true = op == Opcode::POP_JUMP_IF_TRUE;
                    op = if is_not != jump_if_true { Opcode::POP_JUMP_IF_NONE } else { Opcode::POP_JUMP_IF_NOT_NONE };
                    self.unit().buf.truncate_last(2);
                }
            }
        }
        let u = self.unit();
        let loc = u.loc;
        u.buf.push(Op::Real(op), 0, target.0, loc);
    }

    /// An instruction with no source position (artificial code).
    fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.unit().buf.push(Op::Real(op), arg, NO_TARGET, Position::default());
    }

    fn emit_jump_noline(&mut self, op: Opcode, target: Label) {
        self.unit().buf.push(Op::Real(op), 0, target.0, Position::default());
    }

    fn setup(&mut self, op: Op, handler: Label) {
        let u = self.unit();
        let loc = u.loc;
        u.buf.push(op, 0, handler.0, loc);
    }

    fn pop_block(&mut self) {
        self.unit().buf.push(Op::PopBlock, 0, NO_TARGET, Position::default());
    }

    fn new_label(&mut self) -> Label {
        self.unit().buf.new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().buf.bind(label);
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        let key = ConstKey::of(&c, u.consts.len());
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit_arg(Opcode::LOAD_CONST, i);
    }

    fn const_value(&self, index: u32) -> &Constant {
        &self.unit_ref().consts[index as usize]
    }

    /// Index of `name` in `names` (no mangling).
    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// Emits an instruction taking a (mangled) name.
    fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = self.mangle(name).into_owned();
        let i = self.name_index(&mangled);
        self.emit_arg(op, i);
    }

    /// Loads, stores or deletes a variable (CPython's `compiler_nameop`).
    fn name_op(&mut self, name: &str, ctx: Ctx) {
        let mangled = self.mangle(name).into_owned();
        let unit_kind = self.scope().kind;
        let scope = self.scope().scope_of(&mangled);
        let is_function = unit_kind == ScopeKind::Function;
        enum Access {
            Fast,
            Deref,
            Global,
            Name,
        }
        let access = match scope {
            NameScope::Free | NameScope::Cell => Access::Deref,
            NameScope::Local if is_function => Access::Fast,
            NameScope::GlobalImplicit if is_function => Access::Global,
            NameScope::GlobalExplicit => Access::Global,
            _ => Access::Name,
        };
        match access {
            Access::Deref => {
                let u = self.unit_ref();
                let (first, second) = match scope {
                    NameScope::Cell => (&u.cell_index, &u.free_index),
                    _ => (&u.free_index, &u.cell_index),
                };
                let Some(&i) = first.get(&mangled).or_else(|| second.get(&mangled)) else {
                    // Not a cell here after all (cannot happen with a consistent table).
                    return self.emit_name_raw(ctx.name_op(), &mangled);
                };
                let op = match ctx {
                    Ctx::Load if unit_kind == ScopeKind::Class => Opcode::LOAD_CLASSDEREF,
                    Ctx::Load => Opcode::LOAD_DEREF,
                    Ctx::Store => Opcode::STORE_DEREF,
                    Ctx::Del => Opcode::DELETE_DEREF,
                };
                self.emit_arg(op, i);
            }
            Access::Fast => {
                let Some(&i) = self.unit_ref().fast_index.get(&mangled) else {
                    return self.emit_name_raw(ctx.name_op(), &mangled);
                };
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                self.emit_arg(op, i);
            }
            Access::Global => {
                let i = self.name_index(&mangled);
                match ctx {
                    Ctx::Load => self.emit_arg(Opcode::LOAD_GLOBAL, i << 1),
                    Ctx::Store => self.emit_arg(Opcode::STORE_GLOBAL, i),
                    Ctx::Del => self.emit_arg(Opcode::DELETE_GLOBAL, i),
                }
            }
            Access::Name => self.emit_name_raw(ctx.name_op(), &mangled),
        }
    }

    /// Whether loading `name` would use `LOAD_GLOBAL` (so a call can use its push-null bit).
    fn is_global_load(&self, name: &str) -> bool {
        let mangled = self.mangle(name);
        let scope = self.scope();
        match scope.scope_of(&mangled) {
            NameScope::GlobalExplicit => true,
            NameScope::GlobalImplicit => scope.kind == ScopeKind::Function,
            _ => false,
        }
    }

    fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.name_index(name);
        self.emit_arg(op, i);
    }

    fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.syntax_error(msg, range)
    }

    /// An error at the position of the code being generated.
    fn error_here(&self, msg: impl Into<String>) -> CompileError {
        let p = self.unit_ref().loc;
        self.src.error_at(crate::ErrorKind::SyntaxError, msg, p.line.max(1), p.col, p.end_line.max(1), p.end_col)
    }

    fn push_fblock(&mut self, b: FBlock<'a>, range: TextRange) -> Result {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", range));
        }
        self.unit().fblocks.push(b);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }
}

/// Expression context for variable access.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn name_op(self) -> Opcode {
        match self {
            Ctx::Load => Opcode::LOAD_NAME,
            Ctx::Store => Opcode::STORE_NAME,
            Ctx::Del => Opcode::DELETE_NAME,
        }
    }
}
