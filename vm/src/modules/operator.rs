//! The `_operator` module: the operators as functions, and the callable types
//! `itemgetter`, `attrgetter` and `methodcaller`. `operator.py` re-exports it.

use crate::object::abi::{entry, NativeCall};
use crate::object::{Obj, PyPayload, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, intern, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{exceptions, int, new_bool, none};
use ember_compiler::bytecode::{BinaryOp, CompareOp};

use super::native_type::{check_positional, no_keywords, tp_name};

/// Exactly `N` positional arguments, CPython's clinic messages for `_operator`.
fn positional<'a, const N: usize>(a: Args<'a>, name: &str) -> PyResult<[&'a Obj; N]> {
    no_keywords(&a, &format!("_operator.{name}"))?;
    if N == 1 && a.nargs != 1 {
        return Err(PyErr::type_error(format!("_operator.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    check_positional(name, a.nargs, N, N)?;
    let mut out: [&Obj; N] = [crate::types::none_ref(); N];
    out.copy_from_slice(&a.all[..N]);
    Ok(out)
}

macro_rules! binary_fns {
    ($($fname:ident => $pyname:literal, $op:ident;)*) => {
        $(fn $fname(a: Args) -> PyResult {
            let [x, y] = positional::<2>(a, $pyname)?;
            ops::binary_op(x, y, BinaryOp::$op)
        })*
    };
}

binary_fns! {
    op_add => "add", Add;
    op_sub => "sub", Subtract;
    op_mul => "mul", Multiply;
    op_matmul => "matmul", MatrixMultiply;
    op_truediv => "truediv", TrueDivide;
    op_floordiv => "floordiv", FloorDivide;
    op_mod => "mod", Remainder;
    op_lshift => "lshift", LShift;
    op_rshift => "rshift", RShift;
    op_and => "and_", And;
    op_or => "or_", Or;
    op_xor => "xor", Xor;
}

macro_rules! inplace_fns {
    ($($fname:ident => $pyname:literal, $op:ident;)*) => {
        $(fn $fname(a: Args) -> PyResult {
            let [x, y] = positional::<2>(a, $pyname)?;
            ops::inplace_op(x, y, BinaryOp::$op)
        })*
    };
}

inplace_fns! {
    op_iadd => "iadd", Add;
    op_isub => "isub", Subtract;
    op_imul => "imul", Multiply;
    op_imatmul => "imatmul", MatrixMultiply;
    op_itruediv => "itruediv", TrueDivide;
    op_ifloordiv => "ifloordiv", FloorDivide;
    op_imod => "imod", Remainder;
    op_ilshift => "ilshift", LShift;
    op_irshift => "irshift", RShift;
    op_iand => "iand", And;
    op_ior => "ior", Or;
    op_ixor => "ixor", Xor;
    op_ipow => "ipow", Power;
}

macro_rules! compare_fns {
    ($($fname:ident => $pyname:literal, $op:ident;)*) => {
        $(fn $fname(a: Args) -> PyResult {
            let [x, y] = positional::<2>(a, $pyname)?;
            ops::richcompare(x, y, CompareOp::$op)
        })*
    };
}

compare_fns! {
    op_lt => "lt", Lt;
    op_le => "le", Le;
    op_eq => "eq", Eq;
    op_ne => "ne", Ne;
    op_gt => "gt", Gt;
    op_ge => "ge", Ge;
}

fn op_pow(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "pow")?;
    ops::power(x, y, crate::types::none_ref())
}

fn op_neg(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "neg")?;
    ops::negative(x)
}
fn op_pos(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "pos")?;
    ops::positive(x)
}
fn op_abs(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "abs")?;
    ops::absolute(x)
}
fn op_inv(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "inv")?;
    ops::invert(x)
}
fn op_invert(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "invert")?;
    ops::invert(x)
}
fn op_index(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "index")?;
    ops::index(x)
}
fn op_truth(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "truth")?;
    Ok(new_bool(ops::is_true(x)?))
}
fn op_not(a: Args) -> PyResult {
    let [x] = positional::<1>(a, "not_")?;
    Ok(new_bool(!ops::is_true(x)?))
}
fn op_is(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "is_")?;
    Ok(new_bool(x.is(y)))
}
fn op_is_not(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "is_not")?;
    Ok(new_bool(!x.is(y)))
}

/// Whether `o` supports sequence concatenation (the pure-Python operator's
/// test: the type has `__getitem__`).
fn is_concatenable(o: &Obj) -> bool {
    o.class().getitem.get().is_some() && !o.isa::<DictObj>()
}

fn op_concat(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "concat")?;
    if !is_concatenable(x) {
        return Err(PyErr::type_error(format!("'{}' object can't be concatenated", x.class().name())));
    }
    ops::binary_op(x, y, BinaryOp::Add)
}
fn op_iconcat(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "iconcat")?;
    if !is_concatenable(x) {
        return Err(PyErr::type_error(format!("'{}' object can't be concatenated", x.class().name())));
    }
    ops::inplace_op(x, y, BinaryOp::Add)
}

fn op_contains(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "contains")?;
    Ok(new_bool(ops::contains(x, y)?))
}

/// Iterates `seq` for `countOf`/`indexOf` with CPython's error for non-iterables.
fn search_iter(seq: &Obj) -> PyResult {
    ops::iter(seq).map_err(|e| {
        if e.matches(&exceptions::TYPE_ERROR) {
            PyErr::type_error(format!("argument of type '{}' is not iterable", seq.class().name()))
        } else {
            e
        }
    })
}

fn op_count_of(a: Args) -> PyResult {
    let [seq, item] = positional::<2>(a, "countOf")?;
    let it = search_iter(seq)?;
    let mut n: usize = 0;
    while let Some(x) = ops::next(&it)? {
        if x.is(item) || ops::eq_bool(&x, item)? {
            n += 1;
        }
    }
    Ok(int::from_usize(n))
}

fn op_index_of(a: Args) -> PyResult {
    let [seq, item] = positional::<2>(a, "indexOf")?;
    let it = search_iter(seq)?;
    let mut i: usize = 0;
    while let Some(x) = ops::next(&it)? {
        if x.is(item) || ops::eq_bool(&x, item)? {
            return Ok(int::from_usize(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(a: Args) -> PyResult {
    let [x, k] = positional::<2>(a, "getitem")?;
    ops::getitem(x, k)
}
fn op_setitem(a: Args) -> PyResult {
    let [x, k, v] = positional::<3>(a, "setitem")?;
    ops::setitem(x, k, v)?;
    Ok(none())
}
fn op_delitem(a: Args) -> PyResult {
    let [x, k] = positional::<2>(a, "delitem")?;
    ops::delitem(x, k)?;
    Ok(none())
}

fn op_length_hint(a: Args) -> PyResult {
    no_keywords(&a, "_operator.length_hint")?;
    check_positional("length_hint", a.nargs, 1, 2)?;
    let obj = a.all[0];
    let default = match a.all.get(1).filter(|_| a.nargs == 2) {
        Some(d) => {
            let d = int::expect_i64(d, "ssize_t")?;
            if d < 0 {
                return Err(PyErr::value_error("__length_hint__() should return >= 0"));
            }
            d as usize
        }
        None => 0,
    };
    Ok(int::from_usize(ops::length_hint(obj, default)?))
}

fn op_call(a: Args) -> PyResult {
    if a.nargs < 1 {
        return Err(PyErr::type_error(format!("call expected at least 1 argument, got {}", a.nargs)));
    }
    ops::call(a.all[0], &a.all[1..], a.kwnames)
}

fn bytes_required(o: &Obj) -> PyErr {
    PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.class().name()))
}

fn op_compare_digest(a: Args) -> PyResult {
    let [x, y] = positional::<2>(a, "_compare_digest")?;
    let bytes_of = crate::types::bytes::bytes_of;
    let (xa, ya): (Vec<u8>, Vec<u8>) = match (x.downcast::<StrObj>(), y.downcast::<StrObj>()) {
        (Some(s), Some(t)) => {
            if !s.as_str().is_ascii() || !t.as_str().is_ascii() {
                return Err(PyErr::type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (s.as_str().as_bytes().to_vec(), t.as_str().as_bytes().to_vec())
        }
        _ => match (bytes_of(x), bytes_of(y)) {
            (Some(p), Some(q)) => (p, q),
            (None, None) => {
                return Err(PyErr::type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    x.class().name(),
                    y.class().name()
                )))
            }
            (None, _) => return Err(bytes_required(x)),
            (_, None) => return Err(bytes_required(y)),
        },
    };
    // Time independent of where the inputs differ.
    let mut diff = (xa.len() != ya.len()) as u8;
    let other = if xa.len() == ya.len() { &ya } else { &xa };
    for (p, q) in xa.iter().zip(other.iter()) {
        diff |= p ^ q;
    }
    Ok(new_bool(diff == 0))
}

// --- itemgetter / attrgetter / methodcaller -----------------------------

/// The three getter types share one layout: a tuple of items (keys, dotted
/// names split into tuples of parts, or the method name and arguments) and,
/// for `methodcaller`, a keyword dict.
#[repr(C)]
pub struct GetterObj {
    pub ob: Obj,
    items: PyRef,
    kwargs: Option<PyRef>,
}

// SAFETY: `#[repr(C)]` starting with `Obj`.
unsafe impl PyPayload for GetterObj {
    fn class() -> &'static TypeObj {
        &ITEMGETTER_TYPE
    }
}

fn getter(o: &Obj) -> &GetterObj {
    // SAFETY: only called from slots of the three getter types, which share the layout.
    unsafe { o.downcast_unchecked::<GetterObj>() }
}

fn items_of(o: &Obj) -> &[PyRef] {
    getter(o).items.downcast::<TupleObj>().expect("tuple").as_slice()
}

fn alloc_getter(t: &TypeObj, items: Vec<PyRef>, kwargs: Option<PyRef>) -> PyRef {
    crate::object::alloc::alloc_object(t, GetterObj { ob: Obj::new(t), items: new_tuple(items), kwargs }, 0)
}

fn getter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let g = getter(o);
    visit(&g.items);
    if let Some(k) = &g.kwargs {
        visit(k);
    }
}

/// The one-argument call of the getter types.
fn single_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Obj> {
    no_keywords(a, name)?;
    check_positional(name, a.nargs, 1, 1)?;
    Ok(a.all[0])
}

fn repr_items(o: &Obj, body: impl FnOnce() -> PyResult<String>) -> PyResult {
    let name = tp_name(o.class());
    Ok(from_string(match crate::types::seq::repr_guard(o, body) {
        None => format!("{name}(...)"),
        Some(s) => format!("{name}({})", s?),
    }))
}

fn itemgetter_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(&a, "itemgetter")?;
    if a.nargs < 1 {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(alloc_getter(t, a.all[..a.nargs].iter().map(|o| (*o).to_owned()).collect(), None))
}

struct ItemGetterCall;
impl NativeCall for ItemGetterCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let obj = single_arg(&a, "itemgetter")?;
        let items = items_of(callable);
        if items.len() == 1 {
            return ops::getitem(obj, &items[0]);
        }
        let out = items.iter().map(|k| ops::getitem(obj, k)).collect::<PyResult<Vec<_>>>()?;
        Ok(new_tuple(out))
    }
}

fn itemgetter_repr(o: &Obj) -> PyResult {
    repr_items(o, || crate::types::seq::join_reprs(items_of(o)))
}

fn getter_reduce(a: crate::types::typeobj::Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let args = if s.class().is(&ATTRGETTER_TYPE) {
        new_tuple(items_of(s).iter().map(|p| dotted_name(p)).collect())
    } else {
        getter(s).items.clone()
    };
    Ok(new_tuple(vec![s.class().as_obj_ref().to_owned(), args]))
}

static GETTER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", getter_reduce)];

crate::static_type! {
    pub static ITEMGETTER_TYPE: GetterObj = "operator.itemgetter" {
        module: "operator",
        flags: HAVE_GC,
        doc: "Return a callable object that fetches the given item(s) from its operand.",
        methods: GETTER_METHODS,
        slots: {
            new: itemgetter_new, call: entry::<ItemGetterCall>, repr: itemgetter_repr, traverse: getter_traverse,
        },
    }
}

/// A dotted attribute name as stored (a tuple of interned parts) back to text.
fn dotted_name(parts: &Obj) -> PyRef {
    let parts = parts.downcast::<TupleObj>().expect("tuple").as_slice();
    if parts.len() == 1 {
        return parts[0].clone();
    }
    from_string(parts.iter().map(|p| StrObj::text(p)).collect::<Vec<_>>().join("."))
}

fn attrgetter_new(t: &TypeObj, a: Args) -> PyResult {
    no_keywords(&a, "attrgetter")?;
    if a.nargs < 1 {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut items = Vec::with_capacity(a.nargs);
    for name in &a.all[..a.nargs] {
        let Some(s) = name.downcast::<StrObj>() else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        let parts: Vec<PyRef> = s.as_str().split('.').map(intern).collect();
        items.push(new_tuple(parts));
    }
    Ok(alloc_getter(t, items, None))
}

fn get_dotted(obj: &Obj, parts: &Obj) -> PyResult {
    let mut cur = obj.to_owned();
    for p in parts.downcast::<TupleObj>().expect("tuple").as_slice() {
        cur = ops::getattr(&cur, p)?;
    }
    Ok(cur)
}

struct AttrGetterCall;
impl NativeCall for AttrGetterCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let obj = single_arg(&a, "attrgetter")?;
        let items = items_of(callable);
        if items.len() == 1 {
            return get_dotted(obj, &items[0]);
        }
        let out = items.iter().map(|p| get_dotted(obj, p)).collect::<PyResult<Vec<_>>>()?;
        Ok(new_tuple(out))
    }
}

fn attrgetter_repr(o: &Obj) -> PyResult {
    repr_items(o, || {
        let names: Vec<PyRef> = items_of(o).iter().map(|p| dotted_name(p)).collect();
        crate::types::seq::join_reprs(&names)
    })
}

crate::static_type! {
    pub static ATTRGETTER_TYPE: GetterObj = "operator.attrgetter" {
        module: "operator",
        flags: HAVE_GC,
        doc: "Return a callable object that fetches the given attribute(s) from its operand.",
        methods: GETTER_METHODS,
        slots: {
            new: attrgetter_new, call: entry::<AttrGetterCall>, repr: attrgetter_repr, traverse: getter_traverse,
        },
    }
}

fn methodcaller_new(t: &TypeObj, a: Args) -> PyResult {
    if a.nargs < 1 {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = a.all[0].downcast::<StrObj>() else {
        return Err(PyErr::type_error("method name must be a string"));
    };
    let mut items = vec![intern(name.as_str())];
    items.extend(a.all[1..a.nargs].iter().map(|o| (*o).to_owned()));
    let kwargs = crate::types::dict::new_dict();
    if let Some(names) = a.kwnames {
        let d = kwargs.downcast::<DictObj>().expect("dict");
        for (i, k) in names.as_slice().iter().enumerate() {
            d.set_item(k, a.all[a.nargs + i].to_owned())?;
        }
    }
    Ok(alloc_getter(t, items, Some(kwargs)))
}

fn methodcaller_kwargs(o: &Obj) -> &DictObj {
    getter(o).kwargs.as_ref().and_then(|k| k.downcast::<DictObj>()).expect("methodcaller kwargs")
}

struct MethodCallerCall;
impl NativeCall for MethodCallerCall {
    fn call(callable: &Obj, a: Args) -> PyResult {
        let obj = single_arg(&a, "methodcaller")?;
        let items = items_of(callable);
        let method = ops::getattr(obj, &items[0])?;
        let args: Vec<&Obj> = items[1..].iter().map(|x| &**x).collect();
        ops::call_with_kwargs(&method, &args, Some(methodcaller_kwargs(callable)))
    }
}

fn methodcaller_repr(o: &Obj) -> PyResult {
    repr_items(o, || {
        let items = items_of(o);
        let mut parts = vec![ops::repr_string(&items[0])?];
        for x in &items[1..] {
            parts.push(ops::repr_string(x)?);
        }
        for (k, v) in methodcaller_kwargs(o).items() {
            parts.push(format!("{}={}", StrObj::text(&k), ops::repr_string(&v)?));
        }
        Ok(parts.join(", "))
    })
}

fn methodcaller_reduce(a: Args) -> PyResult {
    let [s] = crate::util::args::exact::<1>(a, "__reduce__")?;
    let items = items_of(s);
    let kw = methodcaller_kwargs(s);
    let cls = s.class().as_obj_ref().to_owned();
    if kw.is_empty() {
        return Ok(new_tuple(vec![cls, getter(s).items.clone()]));
    }
    // partial(methodcaller, name, **kwargs) applied to the positional arguments.
    let partial = super::functools::PARTIAL_TYPE.as_obj_ref();
    let ctor = ops::call_with_kwargs(partial, &[&cls, &items[0]], Some(kw))?;
    Ok(new_tuple(vec![ctor, new_tuple(items[1..].to_vec())]))
}

static METHODCALLER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", methodcaller_reduce)];

crate::static_type! {
    pub static METHODCALLER_TYPE: GetterObj = "operator.methodcaller" {
        module: "operator",
        flags: HAVE_GC,
        doc: "Return a callable object that calls the given method on its operand.",
        methods: METHODCALLER_METHODS,
        slots: {
            new: methodcaller_new, call: entry::<MethodCallerCall>, repr: methodcaller_repr,
            traverse: getter_traverse,
        },
    }
}

// --- the module ---------------------------------------------------------

static FUNCS: &[MethodDef] = &[
    MethodDef::method("abs", op_abs),
    MethodDef::method("add", op_add),
    MethodDef::method("and_", op_and),
    MethodDef::method("call", op_call),
    MethodDef::method("concat", op_concat),
    MethodDef::method("contains", op_contains),
    MethodDef::method("countOf", op_count_of),
    MethodDef::method("delitem", op_delitem),
    MethodDef::method("eq", op_eq),
    MethodDef::method("floordiv", op_floordiv),
    MethodDef::method("ge", op_ge),
    MethodDef::method("getitem", op_getitem),
    MethodDef::method("gt", op_gt),
    MethodDef::method("iadd", op_iadd),
    MethodDef::method("iand", op_iand),
    MethodDef::method("iconcat", op_iconcat),
    MethodDef::method("ifloordiv", op_ifloordiv),
    MethodDef::method("ilshift", op_ilshift),
    MethodDef::method("imatmul", op_imatmul),
    MethodDef::method("imod", op_imod),
    MethodDef::method("imul", op_imul),
    MethodDef::method("index", op_index),
    MethodDef::method("indexOf", op_index_of),
    MethodDef::method("inv", op_inv),
    MethodDef::method("invert", op_invert),
    MethodDef::method("ior", op_ior),
    MethodDef::method("ipow", op_ipow),
    MethodDef::method("irshift", op_irshift),
    MethodDef::method("is_", op_is),
    MethodDef::method("is_not", op_is_not),
    MethodDef::method("isub", op_isub),
    MethodDef::method("itruediv", op_itruediv),
    MethodDef::method("ixor", op_ixor),
    MethodDef::method("le", op_le),
    MethodDef::method("length_hint", op_length_hint),
    MethodDef::method("lshift", op_lshift),
    MethodDef::method("lt", op_lt),
    MethodDef::method("matmul", op_matmul),
    MethodDef::method("mod", op_mod),
    MethodDef::method("mul", op_mul),
    MethodDef::method("ne", op_ne),
    MethodDef::method("neg", op_neg),
    MethodDef::method("not_", op_not),
    MethodDef::method("or_", op_or),
    MethodDef::method("pos", op_pos),
    MethodDef::method("pow", op_pow),
    MethodDef::method("rshift", op_rshift),
    MethodDef::method("setitem", op_setitem),
    MethodDef::method("sub", op_sub),
    MethodDef::method("truediv", op_truediv),
    MethodDef::method("truth", op_truth),
    MethodDef::method("xor", op_xor),
    MethodDef::method("_compare_digest", op_compare_digest),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_operator");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("itemgetter", ITEMGETTER_TYPE.as_obj_ref().to_owned());
    mo.set_attr("attrgetter", ATTRGETTER_TYPE.as_obj_ref().to_owned());
    mo.set_attr("methodcaller", METHODCALLER_TYPE.as_obj_ref().to_owned());
    Ok(m)
}
