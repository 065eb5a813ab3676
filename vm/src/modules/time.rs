//! The `time` module: clocks (`time`, `monotonic`, `perf_counter`,
//! `process_time`, `thread_time` and their `_ns` forms), `sleep`, and the
//! calendar functions over the C library (`gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`) with `struct_time` and the time zone
//! constants computed as CPython does on Linux.

use std::ffi::CStr;

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::float::{new_float, FloatObj};
use crate::types::int;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, new_str, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{none, structseq};
use crate::util::args;

extern "C" {
    fn tzset();
}

// ---- clocks -------------------------------------------------------------

/// `clock_gettime(clock)` in nanoseconds.
fn clock_ns(clock: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(0)));
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn ns_to_int(ns: i128) -> PyRef {
    match i64::try_from(ns) {
        Ok(v) => int::new_int(v),
        Err(_) => int::from_bigint(num_bigint::BigInt::from(ns)),
    }
}

/// Seconds as a float, the way CPython converts its nanosecond clocks.
fn ns_to_float(ns: i128) -> PyRef {
    new_float(ns as f64 * 1e-9)
}

macro_rules! clocks {
    ($($float_name:ident, $ns_name:ident, $clock:expr;)*) => {
        $(
            fn $float_name(a: Args) -> PyResult {
                no_args(&a, &stringify!($float_name)[2..])?;
                Ok(ns_to_float(clock_ns($clock)?))
            }
            fn $ns_name(a: Args) -> PyResult {
                no_args(&a, &stringify!($ns_name)[2..])?;
                Ok(ns_to_int(clock_ns($clock)?))
            }
        )*
    };
}

clocks! {
    f_time, f_time_ns, libc::CLOCK_REALTIME;
    f_monotonic, f_monotonic_ns, libc::CLOCK_MONOTONIC;
    f_perf_counter, f_perf_counter_ns, libc::CLOCK_MONOTONIC;
    f_process_time, f_process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID;
    f_thread_time, f_thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID;
}

/// The clock id argument of the `clock_*` functions.
fn clock_id(a: &Args, name: &str) -> PyResult<libc::clockid_t> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly 1 argument ({} given)", a.nargs)));
    }
    let c = a.all[0];
    let v = int::expect_i64(c, "int")?;
    i32::try_from(v).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

fn f_clock_gettime(a: Args) -> PyResult {
    Ok(ns_to_float(clock_ns(clock_id(&a, "clock_gettime")?)?))
}

fn f_clock_gettime_ns(a: Args) -> PyResult {
    // CPython names clock_gettime in this function's argument errors too.
    Ok(ns_to_int(clock_ns(clock_id(&a, "clock_gettime")?)?))
}

fn f_clock_getres(a: Args) -> PyResult {
    let clock = clock_id(&a, "clock_getres")?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_getres(clock, &mut ts) } != 0 {
        return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(0)));
    }
    Ok(new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn clock_set(clock: libc::clockid_t, ns: i128) -> PyResult {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as libc::c_long,
    };
    // SAFETY: `ts` is a valid timespec; the kernel checks permissions.
    if unsafe { libc::clock_settime(clock, &ts) } != 0 {
        return Err(os_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(0)));
    }
    Ok(none())
}

fn two_args<'a>(a: &Args<'a>, name: &str) -> PyResult<(&'a Obj, &'a Obj)> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if a.nargs != 2 {
        return Err(PyErr::type_error(format!("{name} expected 2 arguments, got {}", a.nargs)));
    }
    Ok((a.all[0], a.all[1]))
}

fn f_clock_settime(a: Args) -> PyResult {
    let (c, t) = two_args(&a, "clock_settime")?;
    let clock = i32::try_from(int::expect_i64(c, "int")?)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    clock_set(clock, seconds_to_ns(t)?)
}

fn f_clock_settime_ns(a: Args) -> PyResult {
    let (c, t) = two_args(&a, "clock_settime_ns")?;
    let clock = i32::try_from(int::expect_i64(c, "int")?)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))?;
    let ns = int::expect_i64(t, "long long")
        .map_err(|_| PyErr::overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    clock_set(clock, ns as i128)
}

fn no_args(a: &Args, name: &str) -> PyResult<()> {
    if a.nargs != 0 || a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("time.{name}() takes no arguments ({} given)", a.nargs)));
    }
    Ok(())
}

fn nan_error() -> PyErr {
    PyErr::value_error("Invalid value NaN (not a number)")
}

/// A duration in seconds as nanoseconds (`_PyTime_FromSecondsObject`).
fn seconds_to_ns(o: &Obj) -> PyResult<i128> {
    let overflow = || PyErr::overflow_error("timestamp too large to convert to C _PyTime_t");
    if let Some(f) = o.downcast::<FloatObj>() {
        let v = f.value();
        if v.is_nan() {
            return Err(nan_error());
        }
        let ns = (v * 1e9).round();
        // (NaN was excluded above; this also catches infinities.)
        if ns.abs() >= 9.2e18 {
            return Err(PyErr::overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i128);
    }
    let secs = int::expect_i64(o, "long long").map_err(|e| {
        if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) {
            overflow()
        } else {
            e
        }
    })?;
    (secs as i128).checked_mul(1_000_000_000).filter(|v| v.abs() < i64::MAX as i128).ok_or_else(overflow)
}

fn f_sleep(a: Args) -> PyResult {
    let [secs] = one_arg(&a, "sleep")?;
    let ns = seconds_to_ns(secs)?;
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    crate::modules::signal::sleep(std::time::Duration::from_nanos(ns as u64))?;
    Ok(none())
}

fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<[&'a Obj; 1]> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("time.{name}() takes exactly one argument ({} given)", a.nargs)));
    }
    Ok([a.all[0]])
}

/// At most one optional positional argument.
fn optional_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<Option<&'a Obj>> {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.nargs > 1 {
        return Err(PyErr::type_error(format!("{name}() takes at most 1 argument ({} given)", a.nargs)));
    }
    Ok(a.all[..a.nargs].first().copied().filter(|o| !o.is_none()))
}

// ---- calendar functions -------------------------------------------------

const FIELDS: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// The `struct_time` type: a struct sequence of nine fields whose instances
/// also carry `tm_zone` and `tm_gmtoff` as attributes.
fn struct_time_type() -> PyResult<PyRef> {
    thread_local! {
        static TYPE: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
    }
    if let Some(t) = TYPE.with(|c| c.get().cloned()) {
        return Ok(t);
    }
    // Take the field descriptors and methods of a plain struct sequence,
    // and build the type again without `__slots__` so that instances can
    // hold the two extra fields.
    let proto = structseq::new_type("time", "struct_time", &FIELDS)?;
    let proto_t = proto.downcast::<TypeObj>().expect("type");
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().expect("dict");
    let proto_dict = proto_t.dict.with(|d| d.clone()).expect("type dict");
    for (k, v) in proto_dict.downcast::<DictObj>().expect("dict").items() {
        let name = StrObj::text(&k);
        if !matches!(name, "__slots__" | "__dict__" | "__weakref__" | "__doc__") {
            d.set_by_str(name, v);
        }
    }
    d.set_by_str("n_fields", int::new_int(11));
    d.set_by_str("__new__", crate::types::builtin_func::new_method_descr(&NEW_DEF, &crate::types::tuple::TUPLE_TYPE));
    d.set_by_str("tm_zone", none());
    d.set_by_str("tm_gmtoff", none());
    d.set_by_str(
        "__doc__",
        new_str("The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers."),
    );
    let bases = new_tuple(vec![crate::types::tuple::TUPLE_TYPE.as_obj_ref().to_owned()]);
    let t = crate::types::type_new::type_new_impl(
        &crate::types::typeobj::TYPE_TYPE,
        &crate::types::str::intern("struct_time"),
        &bases,
        &ns,
        &[],
    )?;
    TYPE.with(|c| {
        let _ = c.set(t.clone());
    });
    Ok(t)
}

static NEW_DEF: MethodDef = MethodDef::static_("__new__", struct_time_new);

/// `time.struct_time(sequence, dict=None)`: nine visible fields, optionally
/// followed by `tm_zone` and `tm_gmtoff`.
fn struct_time_new(a: Args) -> PyResult {
    let [cls, seq, _dict] = args::parse(a, "struct_time", &["cls", "sequence", "dict"], 2)?;
    let cls = cls.expect("cls").to_owned();
    let seq = seq.expect("sequence");
    let is_sequence = seq.isa::<TupleObj>()
        || seq.isa::<crate::types::list::ListObj>()
        || ops::lookup_special(seq, "__getitem__")?.is_some();
    if !is_sequence || seq.isa::<DictObj>() {
        return Err(PyErr::type_error("constructor requires a sequence"));
    }
    let items = ops::collect_vec(seq)?;
    if items.len() < 9 {
        return Err(PyErr::type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > 11 {
        return Err(PyErr::type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let st = structseq::new_instance(&cls, items[..9].to_vec());
    ops::setattr_str(&st, "tm_zone", items.get(9).map_or(&none(), |v| v))?;
    ops::setattr_str(&st, "tm_gmtoff", items.get(10).map_or(&none(), |v| v))?;
    Ok(st)
}

/// A `struct_time` from a C `tm`.
fn struct_time_of(tm: &libc::tm) -> PyResult {
    let t = struct_time_type()?;
    let v = |x: i64| int::new_int(x);
    let st = structseq::new_instance(
        &t,
        vec![
            v(tm.tm_year as i64 + 1900),
            v(tm.tm_mon as i64 + 1),
            v(tm.tm_mday as i64),
            v(tm.tm_hour as i64),
            v(tm.tm_min as i64),
            v(tm.tm_sec as i64),
            v((tm.tm_wday as i64 + 6) % 7),
            v(tm.tm_yday as i64 + 1),
            v(tm.tm_isdst as i64),
        ],
    );
    let zone = if tm.tm_zone.is_null() {
        none()
    } else {
        // SAFETY: a non-null tm_zone from the C library points to a
        // NUL-terminated string that lives as long as the time zone data.
        from_string(unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    ops::setattr_str(&st, "tm_zone", &zone)?;
    ops::setattr_str(&st, "tm_gmtoff", &int::new_int(tm.tm_gmtoff))?;
    Ok(st)
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all-zero (with a null tm_zone) is valid.
    unsafe { std::mem::zeroed() }
}

/// Seconds since the epoch as a `time_t` (floored), or the current time.
fn timestamp_arg(o: Option<&Obj>) -> PyResult<libc::time_t> {
    let out_of_range = || PyErr::overflow_error("timestamp out of range for platform time_t");
    let Some(o) = o else {
        return Ok((clock_ns(libc::CLOCK_REALTIME)?.div_euclid(1_000_000_000)) as libc::time_t);
    };
    if let Some(f) = o.downcast::<FloatObj>() {
        let v = f.value();
        if v.is_nan() {
            return Err(nan_error());
        }
        let fl = v.floor();
        if !(-9.2e18..=9.2e18).contains(&fl) {
            return Err(out_of_range());
        }
        return Ok(fl as libc::time_t);
    }
    int::expect_i64(o, "time_t").map(|v| v as libc::time_t).map_err(|e| {
        if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) {
            out_of_range()
        } else {
            e
        }
    })
}

/// `OSError(errno, strerror)` as `PyErr_SetFromErrno` raises it.
fn os_error(errno: i32) -> PyErr {
    let text = strip_os_suffix(std::io::Error::from_raw_os_error(errno).to_string());
    let args = [int::new_int(errno as i64), from_string(text)];
    match ops::call(crate::types::exceptions::OS_ERROR.as_obj_ref(), &[&args[0], &args[1]], None) {
        Ok(e) => PyErr::from_exc(e),
        Err(e) => e,
    }
}

fn eoverflow() -> PyErr {
    os_error(libc::EOVERFLOW)
}

/// `io::Error`'s text without the " (os error N)" suffix.
fn strip_os_suffix(s: String) -> String {
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn local_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: valid pointers to a time_t and a writable tm.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(eoverflow());
    }
    Ok(tm)
}

fn gm_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: valid pointers to a time_t and a writable tm.
    let r = unsafe { libc::gmtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(eoverflow());
    }
    Ok(tm)
}

fn f_gmtime(a: Args) -> PyResult {
    let t = timestamp_arg(optional_arg(&a, "gmtime")?)?;
    struct_time_of(&gm_tm(t)?)
}

fn f_localtime(a: Args) -> PyResult {
    let t = timestamp_arg(optional_arg(&a, "localtime")?)?;
    struct_time_of(&local_tm(t)?)
}

/// A C `tm` from a struct_time or 9-tuple (CPython's `gettmarg`).
fn tm_arg(o: &Obj, fname: &str) -> PyResult<libc::tm> {
    let Some(t) = o.downcast::<TupleObj>() else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    let items = t.as_slice();
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items) {
        if item.isa::<FloatObj>() {
            return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
        }
        *slot = int::expect_i64(item, "int")?;
        if i32::try_from(*slot).is_err() {
            return Err(PyErr::overflow_error("Python int too large to convert to C int"));
        }
    }
    if f[0] < i32::MIN as i64 + 1900 {
        return Err(PyErr::overflow_error("year out of range"));
    }
    let mut tm = zeroed_tm();
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    if let Some(g) = ops::lookup_attr(o, "tm_gmtoff")?.filter(|g| !g.is_none()) {
        tm.tm_gmtoff = int::expect_i64(&g, "long")?;
    }
    Ok(tm)
}

/// CPython's `checktm`: range checks (and fix-ups of zeros) before
/// formatting.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    let bad = |what: &str| Err(PyErr::value_error(format!("{what} out of range")));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return bad("month");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return bad("day of month");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return bad("hour");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return bad("minute");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return bad("seconds");
    }
    if tm.tm_wday < 0 {
        return bad("day of week");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return bad("day of year");
    }
    Ok(())
}

fn f_mktime(a: Args) -> PyResult {
    let [t] = one_arg(&a, "mktime")?;
    let mut tm = tm_arg(t, "mktime")?;
    tm.tm_wday = -1; // mktime sets it on success
                     // SAFETY: `tm` is a valid, writable tm.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(new_float(r as f64))
}

/// The current local time, or the given struct_time / 9-tuple.
fn tm_or_now(o: Option<&Obj>, fname: &str) -> PyResult<libc::tm> {
    match o {
        Some(o) => tm_arg(o, fname),
        None => local_tm(timestamp_arg(None)?),
    }
}

fn asctime_text(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn f_asctime(a: Args) -> PyResult {
    let mut tm = tm_or_now(optional_arg(&a, "asctime")?, "asctime")?;
    check_tm(&mut tm)?;
    Ok(from_string(asctime_text(&tm)))
}

fn f_ctime(a: Args) -> PyResult {
    let t = timestamp_arg(optional_arg(&a, "ctime")?)?;
    Ok(from_string(asctime_text(&local_tm(t)?)))
}

/// `strftime(3)` into a growing buffer.
fn c_strftime(fmt: &str, tm: &libc::tm) -> PyResult<String> {
    if fmt.is_empty() {
        return Ok(String::new());
    }
    let cfmt = std::ffi::CString::new(fmt).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut cap = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: `buf` has `cap` writable bytes, the format is
        // NUL-terminated and `tm` is a valid tm.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, cfmt.as_ptr(), tm) };
        // 0 is also a legitimate empty result; give up growing eventually.
        if n > 0 || cap >= 256 * fmt.len() {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        cap *= 2;
    }
}

fn f_strftime(a: Args) -> PyResult {
    if a.kwnames.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error("strftime() takes no keyword arguments"));
    }
    if !(1..=2).contains(&a.nargs) {
        return Err(PyErr::type_error(format!(
            "strftime() takes {} argument{} ({} given)",
            if a.nargs == 0 { "at least 1" } else { "at most 2" },
            if a.nargs == 0 { "" } else { "s" },
            a.nargs
        )));
    }
    let fmt = a.all[0]
        .downcast::<StrObj>()
        .ok_or_else(|| {
            PyErr::type_error(format!("strftime() argument 1 must be str, not {}", a.all[0].class().name()))
        })?
        .as_str()
        .to_string();
    let mut tm = tm_or_now(a.all[..a.nargs].get(1).copied(), "strftime")?;
    check_tm(&mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    // The zone of a struct_time from localtime()/gmtime() is kept; for a
    // plain tuple, %Z names the local zone as C does.
    let zone = match a.all[..a.nargs].get(1) {
        Some(o) => ops::lookup_attr(o, "tm_zone")?.filter(|z| !z.is_none()).map(|z| StrObj::text(&z).to_owned()),
        None => None,
    };
    let czone = zone.and_then(|z| std::ffi::CString::new(z).ok());
    if let Some(z) = &czone {
        tm.tm_zone = z.as_ptr();
    }
    Ok(from_string(c_strftime(&fmt, &tm)?))
}

fn f_get_clock_info(a: Args) -> PyResult {
    let [name] = one_arg(&a, "get_clock_info")?;
    let name = crate::types::str::expect_str(name, "get_clock_info() argument")?;
    let (imp, monotonic, adjustable) = match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    let ns = crate::types::dict::new_dict();
    let d = ns.downcast::<DictObj>().expect("dict");
    d.set_by_str("implementation", new_str(imp));
    d.set_by_str("monotonic", crate::types::new_bool(monotonic));
    d.set_by_str("adjustable", crate::types::new_bool(adjustable));
    d.set_by_str("resolution", new_float(1e-09));
    ops::call_with_kwargs(crate::types::namespace::NAMESPACE_TYPE.as_obj_ref(), &[], Some(d))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("time", f_time),
    MethodDef::method("time_ns", f_time_ns),
    MethodDef::method("monotonic", f_monotonic),
    MethodDef::method("monotonic_ns", f_monotonic_ns),
    MethodDef::method("perf_counter", f_perf_counter),
    MethodDef::method("perf_counter_ns", f_perf_counter_ns),
    MethodDef::method("process_time", f_process_time),
    MethodDef::method("process_time_ns", f_process_time_ns),
    MethodDef::method("thread_time", f_thread_time),
    MethodDef::method("thread_time_ns", f_thread_time_ns),
    MethodDef::method("sleep", f_sleep),
    MethodDef::method("gmtime", f_gmtime),
    MethodDef::method("localtime", f_localtime),
    MethodDef::method("mktime", f_mktime),
    MethodDef::method("asctime", f_asctime),
    MethodDef::method("ctime", f_ctime),
    MethodDef::method("strftime", f_strftime),
    MethodDef::method("get_clock_info", f_get_clock_info),
    MethodDef::method("clock_gettime", f_clock_gettime),
    MethodDef::method("clock_gettime_ns", f_clock_gettime_ns),
    MethodDef::method("clock_getres", f_clock_getres),
    MethodDef::method("clock_settime", f_clock_settime),
    MethodDef::method("clock_settime_ns", f_clock_settime_ns),
    MethodDef::method("tzset", f_tzset),
];

/// `time.tzset()`: re-reads TZ and recomputes the zone constants of the
/// module.
fn f_tzset(a: Args) -> PyResult {
    no_args(&a, "tzset")?;
    let m = crate::import::import_module("time")?;
    set_zone_constants(m.downcast::<ModuleObj>().expect("module"))?;
    Ok(none())
}

fn set_zone_constants(mo: &ModuleObj) -> PyResult<()> {
    let (timezone, altzone, daylight, std_name, dst_name) = zone_constants()?;
    mo.set_attr("timezone", int::new_int(timezone));
    mo.set_attr("altzone", int::new_int(altzone));
    mo.set_attr("daylight", int::new_int(daylight as i64));
    mo.set_attr("tzname", new_tuple(vec![from_string(std_name), from_string(dst_name)]));
    Ok(())
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the local times of
/// January and July of the current year, as CPython computes them on Linux.
fn zone_constants() -> PyResult<(i64, i64, bool, String, String)> {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    // SAFETY: tzset only reads the TZ environment and zone files.
    unsafe { tzset() };
    let now = timestamp_arg(None)?;
    let jan = (now / YEAR) * YEAR;
    let zone = |t: libc::time_t| -> PyResult<(i64, String)> {
        let tm = local_tm(t)?;
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: see struct_time_of.
            unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().chars().take(9).collect()
        };
        Ok((-tm.tm_gmtoff, name))
    };
    let (janzone, janname) = zone(jan)?;
    let (julzone, julname) = zone(jan + YEAR / 2)?;
    Ok(if janzone < julzone {
        // Southern hemisphere: daylight time in January.
        (julzone, janzone, janzone != julzone, julname, janname)
    } else {
        (janzone, julzone, janzone != julzone, janname, julname)
    })
}

pub fn init() -> PyResult<PyRef> {
    let m = new_module("time");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("struct_time", struct_time_type()?);
    mo.set_attr("_STRUCT_TM_ITEMS", int::new_int(11));
    set_zone_constants(mo)?;
    for (name, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        mo.set_attr(name, int::new_int(v as i64));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asctime_format() {
        let mut tm = zeroed_tm();
        tm.tm_year = 93;
        tm.tm_mon = 5;
        tm.tm_mday = 7;
        tm.tm_hour = 3;
        tm.tm_min = 4;
        tm.tm_sec = 5;
        tm.tm_wday = 1;
        assert_eq!(asctime_text(&tm), "Mon Jun  7 03:04:05 1993");
    }

    #[test]
    fn gmtime_of_epoch_values() {
        let tm = gm_tm(1_000_000_000).unwrap();
        assert_eq!((tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec), (101, 8, 9, 1, 46, 40));
        assert_eq!(c_strftime("%Y-%m-%d %H:%M:%S %j %a %b", &tm).unwrap(), "2001-09-09 01:46:40 252 Sun Sep");
    }
}
