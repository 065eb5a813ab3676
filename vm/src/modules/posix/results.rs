//! The struct sequences `posix` returns: `stat_result`, `statvfs_result`,
//! `terminal_size`, `uname_result` and `times_result`.
//!
//! `stat_result` and `statvfs_result` have more named fields than tuple
//! items (`st.st_atime` is a float while `st[7]` is an int); those extra
//! fields live in the instance's `__dict__`, with class-level `None`
//! defaults.

use std::cell::OnceCell;

use crate::object::PyRef;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::float::new_float;
use crate::types::int;
use crate::types::str::{from_string, intern, StrObj};
use crate::types::tuple::{new_tuple, TUPLE_TYPE};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{none, structseq};
use crate::util::args;

const STAT_FIELDS: [&str; 10] =
    ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];
/// Named fields beyond the tuple items; the first three shadow the integer
/// times of items 7-9.
const STAT_EXTRA: [&str; 9] = [
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];
const STATVFS_FIELDS: [&str; 10] =
    ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"];
const STATVFS_EXTRA: [&str; 1] = ["f_fsid"];

/// The types, made at first use and never dropped.
struct Types {
    stat: OnceCell<PyRef>,
    statvfs: OnceCell<PyRef>,
    terminal_size: OnceCell<PyRef>,
    uname: OnceCell<PyRef>,
    times: OnceCell<PyRef>,
}

static TYPES: crate::object::Static<Types> = crate::object::Static(Types {
    stat: OnceCell::new(),
    statvfs: OnceCell::new(),
    terminal_size: OnceCell::new(),
    uname: OnceCell::new(),
    times: OnceCell::new(),
});

fn cached(pick: fn(&Types) -> &OnceCell<PyRef>, make: impl FnOnce() -> PyResult<PyRef>) -> PyResult<PyRef> {
    if let Some(t) = pick(&TYPES).get() {
        return Ok(t.clone());
    }
    let t = make()?;
    Ok(pick(&TYPES).get_or_init(|| t).clone())
}

/// A struct sequence type whose instances have a `__dict__` for the
/// `extra` fields (a visible field of the same name is only an item).
fn extended_type(module: &str, name: &str, fields: &[&str], extra: &[&str], new: &'static MethodDef) -> PyResult {
    let proto = structseq::new_type(module, name, fields)?;
    let proto_t = proto.downcast::<TypeObj>().ok_or_else(|| PyErr::system_error("struct sequence type"))?;
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    let proto_dict = proto_t.dict.with(|d| d.clone()).ok_or_else(|| PyErr::system_error("type dict"))?;
    let proto_dict = proto_dict.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?;
    for (k, v) in proto_dict.items() {
        let key = StrObj::text(&k);
        if !matches!(key, "__slots__" | "__dict__" | "__weakref__") && !extra.contains(&key) {
            d.set_by_str(key, v);
        }
    }
    for f in extra {
        d.set_by_str(f, none());
    }
    let shadowed = fields.iter().filter(|f| extra.contains(f)).count();
    d.set_by_str("n_fields", int::from_usize(fields.len() + extra.len()));
    d.set_by_str("n_unnamed_fields", int::from_usize(shadowed));
    d.set_by_str("__new__", crate::types::builtin_func::new_method_descr(new, &TUPLE_TYPE));
    let bases = new_tuple(vec![TUPLE_TYPE.as_obj_ref().to_owned()]);
    crate::types::type_new::type_new_impl(&crate::types::typeobj::TYPE_TYPE, &intern(name), &bases, &ns, &[])
}

/// Shared `__new__` of the extended types: `T(sequence)` with the visible
/// items first, then optionally the extra fields in order.
fn extended_new(a: Args, name: &str, visible: usize, extra: &[&str]) -> PyResult {
    let [cls, seq, _dict] = args::parse(a, name, &["cls", "sequence", "dict"], 2)?;
    let (Some(cls), Some(seq)) = (cls, seq) else {
        return Err(PyErr::type_error(format!("{name}() missing required argument 'sequence'")));
    };
    let base = match name {
        "os.stat_result" => stat_result_type()?,
        _ => statvfs_result_type()?,
    };
    let Some(cls_t) = cls.downcast::<TypeObj>() else {
        return Err(PyErr::type_error(format!("{name}.__new__(X): X is not a type object ({})", cls.class().name())));
    };
    let base_t = base.downcast::<TypeObj>().ok_or_else(|| PyErr::system_error("struct sequence type"))?;
    if !cls_t.is_subtype(base_t) {
        return Err(PyErr::type_error(format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            cls_t.name(),
            cls_t.name()
        )));
    }
    let items = ops::collect_vec(seq)?;
    let max = visible + extra.len();
    if items.len() < visible {
        return Err(PyErr::type_error(format!(
            "{name}() takes an at least {visible}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes an at most {max}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let obj = structseq::new_instance(&cls.to_owned(), items[..visible].to_vec());
    for (i, f) in extra.iter().enumerate() {
        let v = match items.get(visible + i) {
            Some(v) => v.clone(),
            None => none(),
        };
        ops::setattr_str(&obj, f, &v)?;
    }
    Ok(obj)
}

fn stat_new(a: Args) -> PyResult {
    let st = extended_new(a, "os.stat_result", STAT_FIELDS.len(), &STAT_EXTRA)?;
    // Float times default to the integer items, as CPython's constructor does.
    for (i, f) in ["st_atime", "st_mtime", "st_ctime"].iter().enumerate() {
        if ops::getattr_str(&st, f)?.is_none() {
            let item = ops::getitem(&st, &int::from_usize(7 + i))?;
            ops::setattr_str(&st, f, &item)?;
        }
    }
    Ok(st)
}

fn statvfs_new(a: Args) -> PyResult {
    extended_new(a, "os.statvfs_result", STATVFS_FIELDS.len(), &STATVFS_EXTRA)
}

static STAT_NEW: MethodDef = MethodDef::static_("__new__", stat_new);
static STATVFS_NEW: MethodDef = MethodDef::static_("__new__", statvfs_new);

pub fn stat_result_type() -> PyResult<PyRef> {
    cached(|t| &t.stat, || extended_type("os", "stat_result", &STAT_FIELDS, &STAT_EXTRA, &STAT_NEW))
}

pub fn statvfs_result_type() -> PyResult<PyRef> {
    cached(|t| &t.statvfs, || extended_type("os", "statvfs_result", &STATVFS_FIELDS, &STATVFS_EXTRA, &STATVFS_NEW))
}

pub fn terminal_size_type() -> PyResult<PyRef> {
    cached(|t| &t.terminal_size, || structseq::new_type("os", "terminal_size", &["columns", "lines"]))
}

pub fn uname_result_type() -> PyResult<PyRef> {
    cached(
        |t| &t.uname,
        || structseq::new_type("posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"]),
    )
}

pub fn times_result_type() -> PyResult<PyRef> {
    cached(
        |t| &t.times,
        || {
            structseq::new_type(
                "posix",
                "times_result",
                &["user", "system", "children_user", "children_system", "elapsed"],
            )
        },
    )
}

fn big(v: i128) -> PyRef {
    match i64::try_from(v) {
        Ok(v) => int::new_int(v),
        Err(_) => int::from_bigint(num_bigint::BigInt::from(v)),
    }
}

/// A `stat_result` from a C `stat`.
pub fn stat_result(st: &libc::stat) -> PyResult {
    let t = stat_result_type()?;
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let visible = vec![
        int::from_u64(st.st_mode as u64),
        int::from_u64(st.st_ino),
        int::from_u64(st.st_dev),
        int::from_u64(st.st_nlink),
        int::from_u64(st.st_uid as u64),
        int::from_u64(st.st_gid as u64),
        int::new_int(st.st_size),
        int::new_int(times[0].0),
        int::new_int(times[1].0),
        int::new_int(times[2].0),
    ];
    let obj = structseq::new_instance(&t, visible);
    let float_of = |(s, ns): (i64, i64)| new_float(s as f64 + ns as f64 * 1e-9);
    let ns_of = |(s, ns): (i64, i64)| big(s as i128 * 1_000_000_000 + ns as i128);
    let extra = [
        float_of(times[0]),
        float_of(times[1]),
        float_of(times[2]),
        ns_of(times[0]),
        ns_of(times[1]),
        ns_of(times[2]),
        int::new_int(st.st_blksize),
        int::new_int(st.st_blocks),
        int::from_u64(st.st_rdev),
    ];
    for (name, v) in STAT_EXTRA.iter().zip(extra.iter()) {
        ops::setattr_str(&obj, name, v)?;
    }
    Ok(obj)
}

pub fn statvfs_result(st: &libc::statvfs) -> PyResult {
    let t = statvfs_result_type()?;
    let vals = [
        st.f_bsize,
        st.f_frsize,
        st.f_blocks,
        st.f_bfree,
        st.f_bavail,
        st.f_files,
        st.f_ffree,
        st.f_favail,
        st.f_flag,
        st.f_namemax,
    ];
    let obj = structseq::new_instance(&t, vals.iter().map(|&v| int::from_u64(v)).collect());
    ops::setattr_str(&obj, "f_fsid", &int::from_u64(st.f_fsid))?;
    Ok(obj)
}

pub fn terminal_size(columns: u16, lines: u16) -> PyResult {
    let t = terminal_size_type()?;
    Ok(structseq::new_instance(&t, vec![int::new_int(columns as i64), int::new_int(lines as i64)]))
}

pub fn uname_result(parts: [String; 5]) -> PyResult {
    let t = uname_result_type()?;
    Ok(structseq::new_instance(&t, parts.into_iter().map(from_string).collect()))
}

pub fn times_result(vals: [f64; 5]) -> PyResult {
    let t = times_result_type()?;
    Ok(structseq::new_instance(&t, vals.iter().map(|&v| new_float(v)).collect()))
}
