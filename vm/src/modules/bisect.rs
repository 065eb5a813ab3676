//! The `_bisect` module: binary search and sorted insertion for `bisect.py`.

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::list::ListObj;
use crate::types::module::{new_module, ModuleObj};
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{int, none};
use crate::util::args;

const PARAMS: &[&str] = &["a", "x", "lo", "hi", "*", "key"];

/// The parsed arguments: sequence, value, lo, hi (None = len(a)) and key.
struct Search<'a> {
    a: &'a Obj,
    x: &'a Obj,
    lo: i64,
    hi: Option<i64>,
    key: Option<&'a Obj>,
}

fn parse<'a>(a: Args<'a>, fname: &str) -> PyResult<Search<'a>> {
    let [seq, x, lo, hi, key] = args::parse(a, fname, PARAMS, 2)?;
    let lo = match lo {
        Some(v) => int::expect_i64(v, "ssize_t")?,
        None => 0,
    };
    let hi = match hi.filter(|h| !h.is_none()) {
        Some(v) => Some(int::expect_i64(v, "ssize_t")?),
        None => None,
    };
    Ok(Search { a: seq.expect("a"), x: x.expect("x"), lo, hi, key: key.filter(|k| !k.is_none()) })
}

fn get(a: &Obj, i: i64) -> PyResult<PyRef> {
    if let Some(l) = a.downcast_exact::<ListObj>() {
        if let Some(v) = usize::try_from(i).ok().and_then(|i| l.get(i)) {
            return Ok(v);
        }
    }
    ops::getitem(a, &int::new_int(i))
}

/// The insertion point of `x` in `a[lo:hi]`: after equal items (`right`) or
/// before them. Compares `x` with `key(item)` when a key is given.
fn search(s: &Search, x: &Obj, right: bool) -> PyResult<i64> {
    let mut lo = s.lo;
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    // -1 is CPython's "no value" for hi, like None.
    let mut hi = match s.hi {
        Some(h) if h != -1 => h,
        _ => ops::len(s.a)? as i64,
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = get(s.a, mid)?;
        if let Some(k) = s.key {
            item = ops::call1(k, &item)?;
        }
        let go_left = if right { ops::lt_bool(x, &item)? } else { !ops::lt_bool(&item, x)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(a: Args) -> PyResult {
    let s = parse(a, "bisect_right")?;
    Ok(int::new_int(search(&s, s.x, true)?))
}

fn bisect_left(a: Args) -> PyResult {
    let s = parse(a, "bisect_left")?;
    Ok(int::new_int(search(&s, s.x, false)?))
}

fn insort(a: Args, fname: &str, right: bool) -> PyResult {
    let s = parse(a, fname)?;
    let key_of_x;
    let probe = match s.key {
        Some(k) => {
            key_of_x = ops::call1(k, s.x)?;
            &*key_of_x
        }
        None => s.x,
    };
    let i = search(&s, probe, right)?;
    let index = int::new_int(i);
    if s.a.class().is(&crate::types::list::LIST_TYPE) {
        let insert = crate::types::list::LIST_TYPE.lookup_str("insert").expect("list.insert");
        ops::call_method_obj(&insert, s.a, &[&index, s.x])?;
    } else {
        ops::call_method(s.a, "insert", &[&index, s.x])?;
    }
    Ok(none())
}

fn insort_right(a: Args) -> PyResult {
    insort(a, "insort_right", true)
}

fn insort_left(a: Args) -> PyResult {
    insort(a, "insort_left", false)
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("bisect_right", bisect_right),
    MethodDef::method("bisect_left", bisect_left),
    MethodDef::method("insort_right", insort_right),
    MethodDef::method("insort_left", insort_left),
];

pub fn init() -> PyResult<PyRef> {
    let m = new_module("_bisect");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}
