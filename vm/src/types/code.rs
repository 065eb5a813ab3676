//! `code`: a compiled code unit with its constants turned into objects.

use ember_compiler::code::{CodeUnit, Constant, ExceptionEntry};
use ember_compiler::linetable;

use std::cell::Cell;

use crate::object::{Obj, PyPayload, PyRef};
use crate::runtime::PyResult;
use crate::types::str::{from_string, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{GetSetDef, TypeObj};
use crate::types::{int, none};

#[repr(C)]
pub struct CodeObj {
    pub ob: Obj,
    pub code: Box<[u32]>,
    pub consts: Box<[PyRef]>,
    /// Interned names for `*_NAME`, `*_GLOBAL`, `*_ATTR`, imports.
    pub names: Box<[PyRef]>,
    pub localsplus_names: Box<[PyRef]>,
    pub localsplus_kinds: Box<[u8]>,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: PyRef,
    pub flags: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub first_line: u32,
    pub stack_size: u32,
    pub nfree: u32,
    pub line_table: Box<[u8]>,
    pub exception_table: Box<[ExceptionEntry]>,
    pub docstring: Option<PyRef>,
    /// One `LOAD_GLOBAL` cache entry per name (see [`GlobalCache`]).
    pub global_cache: Box<[GlobalCache]>,
    /// One attribute cache entry per name (`LOAD_ATTR`, `STORE_ATTR`, `LOAD_METHOD`).
    pub attr_cache: Box<[crate::eval::attr_cache::AttrCache]>,
    /// The JIT's state for this code (see `eval::jit_hook`).
    pub jit: crate::eval::jit_hook::CodeJit,
}

/// What `LOAD_GLOBAL` last found for one name: valid while the globals and
/// builtins dicts still have the versions recorded with it. Dict versions are
/// unique across all dicts and change on every mutation, so equal versions mean
/// the same dicts with the same contents (see `types::dict`).
#[derive(Default)]
pub struct GlobalCache {
    pub globals_version: Cell<u64>,
    pub builtins_version: Cell<u64>,
    pub value: crate::object::PyCell<Option<PyRef>>,
}

impl GlobalCache {
    /// Byte offsets of the fields, for compiled code that checks the entry
    /// inline: the two versions (`u64`) and the cached value (a nullable
    /// object pointer, read only between bytecode-level operations, when no
    /// borrow of the cell is active).
    pub const GLOBALS_VERSION: usize = std::mem::offset_of!(GlobalCache, globals_version);
    pub const BUILTINS_VERSION: usize = std::mem::offset_of!(GlobalCache, builtins_version);
    pub const VALUE: usize =
        std::mem::offset_of!(GlobalCache, value) + crate::object::PyCell::<Option<PyRef>>::VALUE_OFFSET;
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for CodeObj {
    fn class() -> &'static TypeObj {
        &CODE_TYPE
    }
}

/// Converts a compile-time constant to an object.
pub fn constant_to_obj(c: &Constant) -> PyRef {
    match c {
        Constant::None => none(),
        Constant::Bool(b) => crate::types::new_bool(*b),
        Constant::Int(i) => int::from_bigint(i.clone()),
        Constant::Float(f) => crate::types::float::new_float(*f),
        Constant::Complex { real, imag } => crate::types::complex::new_complex(*real, *imag),
        Constant::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() < 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                intern(s)
            } else {
                new_str(s)
            }
        }
        Constant::Bytes(b) => crate::types::bytes::new_bytes(b),
        Constant::Tuple(items) => new_tuple(items.iter().map(constant_to_obj).collect()),
        Constant::FrozenSet(items) => frozenset_constant(items),
        Constant::Ellipsis => crate::types::ellipsis(),
        Constant::Code(unit) => new_code(unit),
    }
}

/// A frozenset constant built as CPython's compiler builds it: from the
/// elements in source order, then rebuilt from that set's iteration order.
fn frozenset_constant(items: &[Constant]) -> PyRef {
    let fs = |v: Vec<PyRef>| {
        let t = new_tuple(v);
        crate::ops::call1(crate::types::set::FROZENSET_TYPE.as_obj_ref(), &t)
    };
    let first = fs(items.iter().map(constant_to_obj).collect());
    let rebuilt = first.and_then(|f| {
        let order = crate::types::set::anyset(&f).map(|s| s.keys()).unwrap_or_default();
        fs(order)
    });
    // Constants are hashable by construction; fall back to an empty frozenset
    // rather than failing code creation.
    rebuilt.unwrap_or_else(|_| crate::types::tuple::empty_tuple())
}

/// Builds a code object (and its nested code objects) from a compiled unit,
/// after verifying its bytecode.
///
/// **Invariant:** every code object the interpreter runs passed
/// `ember_compiler::verify::verify`: operands index existing constants, names
/// and locals, jumps land on instructions, and the value stack stays within
/// `stack_size`.
pub fn new_verified_code(u: &CodeUnit) -> crate::runtime::PyResult<PyRef> {
    if let Err(e) = ember_compiler::verify::verify(u) {
        return Err(crate::runtime::PyErr::system_error(format!("bytecode failed verification: {e}")));
    }
    Ok(new_code(u))
}

/// Builds a code object from a unit already verified by [`new_verified_code`].
fn new_code(u: &CodeUnit) -> PyRef {
    let consts: Box<[PyRef]> = u.consts.iter().map(constant_to_obj).collect();
    let obj = CodeObj {
        ob: Obj::new(&CODE_TYPE.0),
        code: u.code.clone().into_boxed_slice(),
        consts,
        names: u.names.iter().map(|n| intern(n)).collect(),
        localsplus_names: u.localsplus_names.iter().map(|n| intern(n)).collect(),
        localsplus_kinds: u.localsplus_kinds.clone().into_boxed_slice(),
        name: intern(&u.name),
        qualname: new_str(&u.qualname),
        filename: intern(&u.filename),
        flags: u.flags,
        arg_count: u.arg_count,
        posonly_arg_count: u.posonly_arg_count,
        kwonly_arg_count: u.kwonly_arg_count,
        first_line: u.first_line,
        stack_size: u.stack_size,
        nfree: u.nfreevars() as u32,
        line_table: u.line_table.clone().into_boxed_slice(),
        exception_table: u.exception_table.clone().into_boxed_slice(),
        docstring: u.docstring.as_ref().map(|d| new_str(d)),
        global_cache: u.names.iter().map(|_| GlobalCache::default()).collect(),
        attr_cache: u.names.iter().map(|_| Default::default()).collect(),
        jit: Default::default(),
    };
    crate::object::alloc::alloc_object(&CODE_TYPE, obj, 0)
}

impl CodeObj {
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Total frame slots: localsplus plus the value stack.
    pub fn frame_slots(&self) -> usize {
        self.localsplus_names.len() + self.stack_size as usize
    }

    pub fn name_str(&self) -> &str {
        crate::types::str::StrObj::text(&self.name)
    }

    pub fn qualname_str(&self) -> &str {
        crate::types::str::StrObj::text(&self.qualname)
    }

    pub fn filename_str(&self) -> &str {
        crate::types::str::StrObj::text(&self.filename)
    }

    /// Source line of the instruction at `index` (None if unknown).
    pub fn line_of(&self, index: usize) -> Option<u32> {
        let p = linetable::position_at(&self.line_table, index);
        if p.line == 0 {
            None
        } else {
            Some(p.line)
        }
    }

    pub fn position_of(&self, index: usize) -> ember_compiler::Position {
        linetable::position_at(&self.line_table, index)
    }

    /// The innermost exception-table entry covering instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        // Entries are emitted innermost first for overlapping ranges.
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

fn this(o: &Obj) -> &CodeObj {
    o.downcast::<CodeObj>().expect("code")
}

fn code_repr(o: &Obj) -> PyResult {
    let c = this(o);
    Ok(from_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name_str(),
        o.as_ptr() as usize,
        c.filename_str(),
        c.first_line
    )))
}

fn g_name(o: &Obj) -> PyResult {
    Ok(this(o).name.clone())
}
fn g_qualname(o: &Obj) -> PyResult {
    Ok(this(o).qualname.clone())
}
fn g_filename(o: &Obj) -> PyResult {
    Ok(this(o).filename.clone())
}
fn g_firstlineno(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).first_line as i64))
}
fn g_argcount(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).arg_count as i64))
}
fn g_posonlyargcount(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).posonly_arg_count as i64))
}
fn g_kwonlyargcount(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).kwonly_arg_count as i64))
}
fn g_flags(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).flags as i64))
}
fn g_consts(o: &Obj) -> PyResult {
    let c = this(o);
    let mut v: Vec<PyRef> = c.consts.to_vec();
    if let Some(d) = &c.docstring {
        v.insert(0, d.clone());
    }
    Ok(new_tuple(v))
}
fn g_names(o: &Obj) -> PyResult {
    Ok(new_tuple(this(o).names.to_vec()))
}
fn names_of_kind(c: &CodeObj, pred: impl Fn(u8) -> bool) -> PyRef {
    new_tuple(
        c.localsplus_names
            .iter()
            .zip(c.localsplus_kinds.iter())
            .filter(|(_, k)| pred(**k))
            .map(|(n, _)| n.clone())
            .collect(),
    )
}
fn g_varnames(o: &Obj) -> PyResult {
    use ember_compiler::code::local_kind;
    Ok(names_of_kind(this(o), |k| k & local_kind::LOCAL != 0))
}
fn g_cellvars(o: &Obj) -> PyResult {
    use ember_compiler::code::local_kind;
    Ok(names_of_kind(this(o), |k| k & local_kind::CELL != 0))
}
fn g_freevars(o: &Obj) -> PyResult {
    use ember_compiler::code::local_kind;
    Ok(names_of_kind(this(o), |k| k & local_kind::FREE != 0))
}
fn g_nlocals(o: &Obj) -> PyResult {
    use ember_compiler::code::local_kind;
    let c = this(o);
    Ok(int::from_usize(c.localsplus_kinds.iter().filter(|k| *k & local_kind::LOCAL != 0).count()))
}
fn g_stacksize(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o).stack_size as i64))
}
fn g_code(o: &Obj) -> PyResult {
    let c = this(o);
    let bytes: Vec<u8> = c.code.iter().flat_map(|w| w.to_le_bytes()).collect();
    Ok(crate::types::bytes::new_bytes(&bytes))
}

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("co_name", g_name),
    GetSetDef::getter("co_qualname", g_qualname),
    GetSetDef::getter("co_filename", g_filename),
    GetSetDef::getter("co_firstlineno", g_firstlineno),
    GetSetDef::getter("co_argcount", g_argcount),
    GetSetDef::getter("co_posonlyargcount", g_posonlyargcount),
    GetSetDef::getter("co_kwonlyargcount", g_kwonlyargcount),
    GetSetDef::getter("co_flags", g_flags),
    GetSetDef::getter("co_consts", g_consts),
    GetSetDef::getter("co_names", g_names),
    GetSetDef::getter("co_varnames", g_varnames),
    GetSetDef::getter("co_cellvars", g_cellvars),
    GetSetDef::getter("co_freevars", g_freevars),
    GetSetDef::getter("co_nlocals", g_nlocals),
    GetSetDef::getter("co_stacksize", g_stacksize),
    GetSetDef::getter("co_code", g_code),
];

/// `code.replace(**changes)`: a copy with new metadata. Fields that would change
/// the instructions' meaning (bytecode, constants, names, variables, sizes) are
/// not replaceable in Ember: their new values could not be verified.
fn code_replace(a: crate::types::typeobj::Args) -> PyResult {
    use crate::runtime::PyErr;
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("replace() takes no positional arguments ({} given)", a.nargs - 1)));
    }
    let c = this(a.all[0]);
    let mut flags = c.flags;
    let mut name = c.name.clone();
    let mut qualname = c.qualname.clone();
    let mut filename = c.filename.clone();
    let mut first_line = c.first_line;
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let v = a.all[a.nargs + i];
            let key = crate::types::str::StrObj::text(k);
            let want_str = |v: &Obj| -> PyResult<PyRef> {
                crate::types::str::expect_str(v, &format!("replace() argument '{key}'"))?;
                Ok(v.to_owned())
            };
            match key {
                "co_flags" => flags = int::expect_i64(v, "int")? as u32,
                "co_firstlineno" => first_line = int::expect_i64(v, "int")? as u32,
                "co_name" => name = want_str(v)?,
                "co_qualname" => qualname = want_str(v)?,
                "co_filename" => filename = want_str(v)?,
                _ => {
                    return Err(PyErr::value_error(format!(
                        "code.replace(): Ember cannot replace '{key}' (only co_flags, co_firstlineno, co_name, co_qualname and co_filename)"
                    )))
                }
            }
        }
    }
    // Argument binding writes one local per parameter, `*args` and `**kwargs`.
    let params = c.arg_count as usize
        + c.kwonly_arg_count as usize
        + usize::from(flags & ember_compiler::code::code_flags::VARARGS != 0)
        + usize::from(flags & ember_compiler::code::code_flags::VARKEYWORDS != 0);
    if params > c.nlocalsplus() {
        return Err(PyErr::value_error("code: co_varnames is too small"));
    }
    let obj = CodeObj {
        ob: Obj::new(&CODE_TYPE.0),
        code: c.code.clone(),
        consts: c.consts.clone(),
        names: c.names.clone(),
        localsplus_names: c.localsplus_names.clone(),
        localsplus_kinds: c.localsplus_kinds.clone(),
        name,
        qualname,
        filename,
        flags,
        arg_count: c.arg_count,
        posonly_arg_count: c.posonly_arg_count,
        kwonly_arg_count: c.kwonly_arg_count,
        first_line,
        stack_size: c.stack_size,
        nfree: c.nfree,
        line_table: c.line_table.clone(),
        exception_table: c.exception_table.clone(),
        docstring: c.docstring.clone(),
        global_cache: c.names.iter().map(|_| GlobalCache::default()).collect(),
        attr_cache: c.names.iter().map(|_| Default::default()).collect(),
        jit: Default::default(),
    };
    Ok(crate::object::alloc::alloc_object(&CODE_TYPE, obj, 0))
}

/// `code.co_positions()`: `(lineno, end_lineno, col_offset, end_col_offset)`
/// for each instruction word, all None for instructions without a position.
/// Entry `i` belongs to `f_lasti`/`tb_lasti` `2 * i` (Ember reports offsets
/// as twice the instruction index, so the host `traceback` module's
/// `co_positions()` lookup at `tb_lasti // 2` finds the raising instruction).
fn co_positions(a: crate::types::typeobj::Args) -> PyResult {
    let [this_obj] = crate::util::args::exact(a, "co_positions")?;
    let c = this(this_obj);
    let mut items = Vec::with_capacity(c.code.len());
    let nopos = || crate::types::tuple::new_tuple(vec![none(), none(), none(), none()]);
    for (i, p) in linetable::decode(&c.line_table).into_iter().enumerate() {
        if i >= c.code.len() {
            break;
        }
        items.push(if p.line == 0 {
            nopos()
        } else {
            crate::types::tuple::new_tuple(vec![
                int::new_int(i64::from(p.line)),
                int::new_int(i64::from(p.end_line.max(p.line))),
                int::new_int(i64::from(p.col)),
                int::new_int(i64::from(p.end_col)),
            ])
        });
    }
    while items.len() < c.code.len() {
        items.push(nopos());
    }
    crate::ops::iter(&crate::types::list::new_list(items))
}

/// `code.co_lines()`: `(start, end, lineno)` offset ranges (offsets are twice
/// the instruction index, as for `f_lasti`), consecutive instructions on one
/// line merged; lineno is None for instructions without a line.
fn co_lines(a: crate::types::typeobj::Args) -> PyResult {
    let [this_obj] = crate::util::args::exact(a, "co_lines")?;
    let c = this(this_obj);
    let mut ranges: Vec<(usize, usize, u32)> = Vec::new();
    for (first, count, p) in linetable::runs(&c.line_table) {
        let (start, end) = (first.min(c.code.len()), (first + count).min(c.code.len()));
        if start >= end {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if last.2 == p.line && last.1 == start => last.1 = end,
            _ => ranges.push((start, end, p.line)),
        }
    }
    let items = ranges
        .into_iter()
        .map(|(s, e, line)| {
            let line = if line == 0 { none() } else { int::new_int(i64::from(line)) };
            crate::types::tuple::new_tuple(vec![int::from_usize(s * 2), int::from_usize(e * 2), line])
        })
        .collect();
    crate::ops::iter(&crate::types::list::new_list(items))
}

static METHODS: &[crate::types::typeobj::MethodDef] = &[
    crate::types::typeobj::MethodDef::method("replace", code_replace),
    crate::types::typeobj::MethodDef::method("co_positions", co_positions),
    crate::types::typeobj::MethodDef::method("co_lines", co_lines),
];

crate::static_type! {
    pub static CODE_TYPE: CodeObj = "code" {
        flags: READY | WEAKREFABLE,
        methods: METHODS,
        getsets: GETSETS,
        slots: { repr: code_repr },
    }
}
