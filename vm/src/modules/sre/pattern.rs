//! `re.Pattern`: a compiled regular expression. This file holds the object,
//! its attributes, repr, equality and the single-match methods (`match`,
//! `fullmatch`, `search`, `scanner`, `finditer`); the methods that walk all
//! matches (`findall`, `split`, `sub`, `subn`) are in `pattern_ops.rs`.

use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes_args::{clinic, ssize_arg};
use crate::types::dict::DictObj;
use crate::types::int;
use crate::types::iterators::new_callable_iter;
use crate::types::mappingproxy::new_proxy;
use crate::types::str::from_string;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{new_bool, none, not_implemented};
use ember_compiler::bytecode::CompareOp;

use super::engine::{self, Mode, Region};
use super::matchobj::new_match;
use super::pattern_ops;
use super::scanner::new_scanner;
use super::subject::{bounds, subject, Kind};

#[repr(C)]
pub struct PatternObj {
    pub ob: Obj,
    /// The validated pattern code.
    pub code: Box<[u32]>,
    /// The code `fullmatch` runs: `code` with `AT END_STRING` before its
    /// final SUCCESS. (The engine's own full-match mode also refuses
    /// successes inside atomic groups and possessive repeats that are not
    /// at the end, which CPython's does not.)
    pub full_code: Box<[u32]>,
    /// The source (str or bytes), or None.
    pub pattern: PyRef,
    pub flags: i64,
    /// The number of capturing groups (group 0 not counted).
    pub groups: usize,
    /// A copy of the name -> number dict given to `compile`.
    pub groupindex: PyRef,
    /// number -> name (None for unnamed groups), index 0 unused.
    pub indexgroup: PyRef,
    pub kind: Kind,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for PatternObj {
    fn class() -> &'static TypeObj {
        &PATTERN_TYPE
    }
}

pub fn this(o: &Obj) -> PyResult<&PatternObj> {
    o.downcast::<PatternObj>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 're.Pattern' object, not '{}'", o.class().name()))
    })
}

pub fn new_pattern(p: PatternObj) -> PyRef {
    crate::object::alloc::alloc_object(&PATTERN_TYPE, p, 0)
}

impl PatternObj {
    /// The name of group `g`, if it has one.
    pub fn group_name(&self, g: usize) -> Option<PyRef> {
        let t = self.indexgroup.downcast::<TupleObj>()?;
        t.as_slice().get(g).filter(|n| !n.is_none()).cloned()
    }

    /// The group number `index` stands for (an int, or a name in
    /// `groupindex`), or IndexError("no such group").
    pub fn group_number(&self, index: &Obj) -> PyResult<usize> {
        let n = if let Some(i) = int::index_of(index).or_else(|e| {
            if e.matches(&crate::types::exceptions::INDEX_ERROR) {
                Ok(Some(-1))
            } else {
                Err(e)
            }
        })? {
            i
        } else {
            let d = self.groupindex.downcast::<DictObj>().expect("groupindex is a dict");
            // CPython keeps no dict for patterns without named groups, so
            // nothing (not even an unhashable key) is looked up then.
            let found = if d.is_empty() { None } else { d.get_item(index)? };
            match found {
                Some(v) => int::as_i64(&v).unwrap_or(-1),
                None => -1,
            }
        };
        if n < 0 || n as u64 > self.groups as u64 {
            return Err(PyErr::index_error("no such group"));
        }
        Ok(n as usize)
    }
}

/// Splits a method's `Args` into `self` and its Argument Clinic parameters.
pub fn method_args<'a, const N: usize>(
    a: Args<'a>,
    m: &str,
    names: [&str; N],
    required: usize,
) -> PyResult<(&'a Obj, [Option<&'a Obj>; N])> {
    let rest = Args { all: &a.all[1..], nargs: a.nargs.saturating_sub(1), kwnames: a.kwnames };
    Ok((a.all[0], clinic(rest, m, names, 0, required)?))
}

/// An optional `Py_ssize_t` argument.
pub fn ssize_or(o: Option<&Obj>, default: i64) -> PyResult<i64> {
    o.map_or(Ok(default), ssize_arg)
}

/// `(string, pos=0, endpos=sys.maxsize)` methods: one attempt (`full`:
/// anchored at both ends).
fn single(a: Args, name: &str, mode: Mode, full: bool) -> PyResult {
    let (s, [string, pos, endpos]) = method_args(a, name, ["string", "pos", "endpos"], 1)?;
    let p = this(s)?;
    let string = string.expect("required");
    let (pos, endpos) = (ssize_or(pos, 0)?, ssize_or(endpos, i64::MAX)?);
    let text = subject(string, p.kind)?;
    let (start, end) = bounds(pos, endpos, text.len());
    let region = Region { start, end, must_advance: false };
    let code = if full { &p.full_code } else { &p.code };
    match engine::exec(&text, code, p.groups, region, mode)? {
        Some(hit) => Ok(new_match(s, string, &text, start, end, hit)),
        None => Ok(none()),
    }
}

fn m_match(a: Args) -> PyResult {
    single(a, "match", Mode::Match, false)
}

fn m_fullmatch(a: Args) -> PyResult {
    single(a, "fullmatch", Mode::Match, true)
}

fn m_search(a: Args) -> PyResult {
    single(a, "search", Mode::Search, false)
}

/// The arguments of `scanner`/`finditer`, as a new scanner.
fn scanner_of(a: Args, name: &str) -> PyResult {
    let (s, [string, pos, endpos]) = method_args(a, name, ["string", "pos", "endpos"], 1)?;
    this(s)?;
    let (pos, endpos) = (ssize_or(pos, 0)?, ssize_or(endpos, i64::MAX)?);
    new_scanner(s, string.expect("required"), pos, endpos)
}

fn m_scanner(a: Args) -> PyResult {
    scanner_of(a, "scanner")
}

/// `finditer`: `iter(scanner.search, None)`, as CPython builds it.
fn m_finditer(a: Args) -> PyResult {
    let sc = scanner_of(a, "finditer")?;
    let search = ops::getattr_str(&sc, "search")?;
    Ok(new_callable_iter(&search, crate::types::none_ref()))
}

fn m_copy(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__copy__")?;
    Ok(s.to_owned())
}

fn m_deepcopy(a: Args) -> PyResult {
    let [s, _memo] = crate::util::args::exact::<2>(a, "__deepcopy__")?;
    Ok(s.to_owned())
}

fn g_pattern(o: &Obj) -> PyResult {
    Ok(this(o)?.pattern.clone())
}

fn g_flags(o: &Obj) -> PyResult {
    Ok(int::new_int(this(o)?.flags))
}

fn g_groups(o: &Obj) -> PyResult {
    Ok(int::from_usize(this(o)?.groups))
}

/// A read-only view of the name -> number dict; a fresh empty dict when the
/// pattern has no named groups (as CPython 3.11).
fn g_groupindex(o: &Obj) -> PyResult {
    let p = this(o)?;
    let d = p.groupindex.downcast::<DictObj>().expect("groupindex is a dict");
    if d.is_empty() {
        return Ok(crate::types::dict::new_dict());
    }
    Ok(new_proxy(&p.groupindex))
}

const FLAG_NAMES: [(i64, &str); 9] = [
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];

/// `repr(obj)` cut to `n` characters (`%.200R`).
pub fn repr_cut(o: &Obj, n: usize) -> PyResult<String> {
    let r = ops::repr_string(o)?;
    Ok(match r.char_indices().nth(n) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    })
}

fn pattern_repr(o: &Obj) -> PyResult {
    let p = this(o)?;
    let mut flags = p.flags;
    // re.UNICODE is implied for str patterns unless LOCALE or ASCII is set.
    if p.kind == Kind::Str && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names = Vec::new();
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(if flags < 0 { format!("-0x{:x}", flags.unsigned_abs()) } else { format!("0x{flags:x}") });
    }
    let src = repr_cut(&p.pattern, 200)?;
    Ok(from_string(if names.is_empty() {
        format!("re.compile({src})")
    } else {
        format!("re.compile({src}, {})", names.join("|"))
    }))
}

fn pattern_richcompare(a: &Obj, b: &Obj, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast::<PatternObj>(), b.downcast::<PatternObj>()) else {
        return Ok(not_implemented());
    };
    let eq = a.is(b)
        || (x.flags == y.flags
            && x.kind == y.kind
            && x.code == y.code
            && ops::richcompare_bool(&x.pattern, &y.pattern, CompareOp::Eq)?);
    Ok(new_bool(eq == (op == CompareOp::Eq)))
}

fn pattern_hash(o: &Obj) -> PyResult<i64> {
    let p = this(o)?;
    let mut h = ops::hash(&p.pattern)?;
    // FNV-1a over the code words: equal patterns have equal code.
    let mut c: u64 = 0xcbf2_9ce4_8422_2325;
    for w in p.code.iter() {
        c = (c ^ u64::from(*w)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= c as i64 ^ p.flags ^ p.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn pattern_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(p) = o.downcast::<PatternObj>() {
        visit(&p.pattern);
        visit(&p.groupindex);
        visit(&p.indexgroup);
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("match", m_match),
    MethodDef::method("fullmatch", m_fullmatch),
    MethodDef::method("search", m_search),
    MethodDef::method("sub", pattern_ops::m_sub),
    MethodDef::method("subn", pattern_ops::m_subn),
    MethodDef::method("findall", pattern_ops::m_findall),
    MethodDef::method("split", pattern_ops::m_split),
    MethodDef::method("finditer", m_finditer),
    MethodDef::method("scanner", m_scanner),
    MethodDef::method("__copy__", m_copy),
    MethodDef::method("__deepcopy__", m_deepcopy),
    MethodDef::class("__class_getitem__", crate::types::genericalias::class_getitem),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::getter("pattern", g_pattern),
    GetSetDef::getter("flags", g_flags),
    GetSetDef::getter("groups", g_groups),
    GetSetDef::getter("groupindex", g_groupindex),
];

crate::static_type! {
    pub static PATTERN_TYPE: PatternObj = "re.Pattern" {
        module: "re",
        flags: HAVE_GC | WEAKREFABLE,
        doc: "Compiled regular expression object.",
        methods: METHODS,
        getsets: GETSETS,
        slots: {
            repr: pattern_repr, richcompare: pattern_richcompare, hash: pattern_hash,
            traverse: pattern_traverse,
        },
    }
}
