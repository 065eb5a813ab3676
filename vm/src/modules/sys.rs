//! The `sys` module.

use std::cell::{Cell, RefCell};

use crate::object::{AsObj, PyRef, Static};
use crate::ops;
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::list::new_list;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, intern, new_str, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, MethodDef};
use crate::types::{exceptions, int, new_bool, none};
use crate::util::args;

/// Interpreter configuration passed by the command line.
#[derive(Clone, Default)]
pub struct Config {
    pub argv: Vec<String>,
    pub orig_argv: Vec<String>,
    pub path: Vec<String>,
    pub executable: String,
    pub xoptions: Vec<(String, Option<String>)>,
    pub unbuffered: bool,
    pub no_site: bool,
    pub isolated: bool,
    pub ignore_environment: bool,
    pub dont_write_bytecode: bool,
    pub interactive: bool,
    pub optimize: u8,
    pub verbose: u8,
    pub quiet: bool,
}

static SYS: Static<RefCell<Option<PyRef>>> = Static(RefCell::new(None));
static STDOUT: Static<RefCell<Option<PyRef>>> = Static(RefCell::new(None));
static STDERR: Static<RefCell<Option<PyRef>>> = Static(RefCell::new(None));
static TB_LIMIT_DEFAULT: Static<Cell<usize>> = Static(Cell::new(1000));

/// The `sys` module object.
pub fn sys_module() -> Option<PyRef> {
    SYS.borrow().clone()
}

/// `sys.<name>` (None if sys is not initialised or lacks it).
pub fn sys_attr(name: &str) -> Option<PyRef> {
    let m = sys_module()?;
    m.downcast::<ModuleObj>()?.get_attr(name)
}

/// `sys.modules`.
pub fn modules_dict() -> PyRef {
    sys_attr("modules").unwrap_or_else(crate::types::dict::new_dict)
}

/// `sys.tracebacklimit` or the default (1000).
pub fn traceback_limit() -> usize {
    match sys_attr("tracebacklimit").and_then(|v| int::as_i64(&v)) {
        Some(n) if n <= 0 => 0,
        Some(n) => n as usize,
        None => TB_LIMIT_DEFAULT.get(),
    }
}

/// An OSError for an I/O error.
pub fn os_error(e: &std::io::Error) -> PyErr {
    let code = e.raw_os_error().unwrap_or(5);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    let ty = exceptions::errno_subclass(code as i64).unwrap_or(&exceptions::OS_ERROR);
    PyErr::from_exc(exceptions::new_exception(ty, vec![int::new_int(code as i64), new_str(&msg)]))
}

/// Writes text to `sys.stderr` (falling back to the process stderr).
pub fn write_stderr(text: &str) {
    if let Some(err) = sys_attr("stderr").filter(|e| !e.is_none()) {
        if let Some(s) = err.downcast::<crate::modules::stdio::StdStreamObj>() {
            let _ = s.write_str(text);
            let _ = s.flush_buf();
            return;
        }
        if ops::call_method(&err, "write", &[&new_str(text)]).is_ok() {
            let _ = ops::call_method(&err, "flush", &[]);
            return;
        }
    }
    eprint!("{text}");
}

/// Flushes `sys.stdout` (errors ignored).
pub fn flush_stdout() {
    if let Some(out) = sys_attr("stdout").filter(|e| !e.is_none()) {
        if let Some(s) = out.downcast::<crate::modules::stdio::StdStreamObj>() {
            let _ = s.flush_buf();
        } else {
            let _ = ops::call_method(&out, "flush", &[]);
        }
    }
}

/// Flushes the original standard streams at exit.
pub fn flush_std_streams() -> PyResult<()> {
    flush_stdout();
    for s in [STDOUT.borrow().clone(), STDERR.borrow().clone()].into_iter().flatten() {
        if let Some(st) = s.downcast::<crate::modules::stdio::StdStreamObj>() {
            st.flush_buf()?;
        }
    }
    Ok(())
}

fn getrecursionlimit(_a: Args) -> PyResult {
    Ok(int::new_int(ts().recursion_limit() as i64))
}

fn setrecursionlimit(a: Args) -> PyResult {
    let [n] = args::exact_fn::<1>(a, "setrecursionlimit")?;
    if !n.isa::<int::IntObj>() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", n.class().name())));
    }
    let v = int::expect_i64(n, "int")?;
    if v < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = ts().depth.get() as i64;
    if v <= depth {
        return Err(PyErr::new(
            &exceptions::RECURSION_ERROR,
            format!("cannot set the recursion limit to {v} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    ts().set_recursion_limit(v.min(u32::MAX as i64) as u32);
    Ok(none())
}

fn exc_info(_a: Args) -> PyResult {
    Ok(match ts().handled_exception() {
        Some(e) => {
            let tb = e.downcast::<exceptions::ExceptionObj>().and_then(|x| x.traceback()).unwrap_or_else(none);
            new_tuple(vec![e.class().as_obj_ref().to_owned(), e.clone(), tb])
        }
        None => new_tuple(vec![none(), none(), none()]),
    })
}

fn exception(_a: Args) -> PyResult {
    Ok(ts().handled_exception().unwrap_or_else(none))
}

fn exit(a: Args) -> PyResult {
    let [code] = args::parse(a, "exit", &["status", "/"], 0)?;
    Err(PyErr::with_arg(&exceptions::SYSTEM_EXIT, code.map(|c| c.to_owned())))
}

fn getrefcount(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "getrefcount")?;
    let rc = o.refcnt();
    Ok(int::new_int(if rc < 0 { (1u64 << 32) as i64 - 1 } else { rc as i64 }))
}

fn getsizeof(a: Args) -> PyResult {
    let [o, default] = args::parse(a, "getsizeof", &["object", "default"], 1)?;
    let o = o.expect("object");
    match ops::call_special(o, "__sizeof__", &[]) {
        Ok(Some(v)) => {
            let n = int::expect_i64(&v, "int")?;
            if n < 0 {
                return Err(PyErr::value_error("__sizeof__() should return >= 0"));
            }
            let gc = if o.class().has_flag(crate::types::typeobj::flags::HAVE_GC) { 16 } else { 0 };
            Ok(int::new_int(n + gc))
        }
        Ok(None) | Err(_) if default.is_some() => Ok(default.expect("default").to_owned()),
        Ok(None) => Err(PyErr::type_error(format!("Type {} doesn't define __sizeof__", o.class().name()))),
        Err(e) => Err(e),
    }
}

fn sys_intern(a: Args) -> PyResult {
    let [s] = args::exact_fn::<1>(a, "intern")?;
    let Some(so) = s.downcast_exact::<StrObj>() else {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", s.class().name())));
    };
    Ok(crate::types::str::intern_obj(so))
}

fn getframe(a: Args) -> PyResult {
    let [depth] = args::parse(a, "_getframe", &["depth", "/"], 0)?;
    let mut n = match depth {
        Some(d) => int::expect_i64(d, "int")?,
        None => 0,
    };
    let mut f = crate::eval::current_frame();
    while n > 0 {
        f = f.and_then(|x| x.previous());
        n -= 1;
    }
    match f {
        Some(f) => Ok(crate::types::frame_obj::frame_object(f)),
        None => Err(PyErr::value_error("call stack is not deep enough")),
    }
}

fn displayhook(a: Args) -> PyResult {
    let [v] = args::exact_fn::<1>(a, "displayhook")?;
    if v.is_none() {
        return Ok(none());
    }
    let b = crate::builtins::builtins_module();
    if let Some(bm) = b.downcast::<ModuleObj>() {
        bm.set_attr("_", none());
    }
    let text = ops::repr_string(v)?;
    let out = sys_attr("stdout").ok_or_else(|| PyErr::runtime_error("lost sys.stdout"))?;
    ops::call_method(&out, "write", &[&from_string(text + "\n")])?;
    if let Some(bm) = b.downcast::<ModuleObj>() {
        bm.set_attr("_", v.to_owned());
    }
    Ok(none())
}

fn excepthook(a: Args) -> PyResult {
    let [_t, v, _tb] = args::exact_fn::<3>(a, "excepthook")?;
    crate::errors::print_exception(v);
    Ok(none())
}

fn get_int_max_str_digits(_a: Args) -> PyResult {
    Ok(int::from_usize(int::MAX_STR_DIGITS.get()))
}

fn set_int_max_str_digits(a: Args) -> PyResult {
    let [n] = args::parse(a, "set_int_max_str_digits", &["maxdigits"], 1)?;
    let v = int::expect_i64(n.expect("maxdigits"), "int")?;
    if v != 0 && v < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    int::MAX_STR_DIGITS.set(v as usize);
    Ok(none())
}

fn noop(_a: Args) -> PyResult {
    Ok(none())
}
fn get_none(_a: Args) -> PyResult {
    Ok(none())
}
fn getdefaultencoding(_a: Args) -> PyResult {
    Ok(intern("utf-8"))
}
/// The error handler of file-system names (`os.fsencode`/`fsdecode`).
fn getfilesystemencodeerrors(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "getfilesystemencodeerrors")?;
    Ok(intern("surrogateescape"))
}
fn is_finalizing(_a: Args) -> PyResult {
    Ok(new_bool(false))
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("getrecursionlimit", getrecursionlimit),
    MethodDef::method("setrecursionlimit", setrecursionlimit),
    MethodDef::method("exc_info", exc_info),
    MethodDef::method("exception", exception),
    MethodDef::method("exit", exit),
    MethodDef::method("getrefcount", getrefcount),
    MethodDef::method("getsizeof", getsizeof),
    MethodDef::method("intern", sys_intern),
    MethodDef::method("_getframe", getframe),
    MethodDef::method("displayhook", displayhook),
    MethodDef::method("__displayhook__", displayhook),
    MethodDef::method("excepthook", excepthook),
    MethodDef::method("__excepthook__", excepthook),
    MethodDef::method("get_int_max_str_digits", get_int_max_str_digits),
    MethodDef::method("set_int_max_str_digits", set_int_max_str_digits),
    MethodDef::method("settrace", noop),
    MethodDef::method("setprofile", noop),
    MethodDef::method("gettrace", get_none),
    MethodDef::method("getprofile", get_none),
    MethodDef::method("audit", noop),
    MethodDef::method("addaudithook", noop),
    MethodDef::method("getdefaultencoding", getdefaultencoding),
    MethodDef::method("getfilesystemencoding", getdefaultencoding),
    MethodDef::method("getfilesystemencodeerrors", getfilesystemencodeerrors),
    MethodDef::method("is_finalizing", is_finalizing),
    MethodDef::method("get_asyncgen_hooks", get_asyncgen_hooks),
    MethodDef::method("set_asyncgen_hooks", set_asyncgen_hooks),
    MethodDef::method("get_coroutine_origin_tracking_depth", get_coroutine_origin_tracking_depth),
    MethodDef::method("set_coroutine_origin_tracking_depth", set_coroutine_origin_tracking_depth),
];

/// The depth `set_coroutine_origin_tracking_depth` asked for. Ember keeps
/// the setting (asyncio's debug mode saves and restores it) but records no
/// `cr_origin` frames.
static COROUTINE_ORIGIN_DEPTH: Static<Cell<i64>> = Static(Cell::new(0));

fn get_coroutine_origin_tracking_depth(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "get_coroutine_origin_tracking_depth")?;
    Ok(int::new_int(COROUTINE_ORIGIN_DEPTH.get()))
}

fn set_coroutine_origin_tracking_depth(a: Args) -> PyResult {
    let [depth] = args::parse(a, "set_coroutine_origin_tracking_depth", &["depth"], 1)?;
    let d = crate::types::bytes_args::c_int_arg(depth.unwrap_or(crate::types::none_ref()))?;
    if d < 0 {
        return Err(PyErr::value_error("depth must be >= 0"));
    }
    COROUTINE_ORIGIN_DEPTH.set(d);
    Ok(none())
}

/// The async generator hooks (`firstiter`, `finalizer`) and the
/// `asyncgen_hooks` type. Ember keeps them for event loops to save and
/// restore; async generators do not call them yet.
type AsyncgenHooks = (Option<PyRef>, Option<PyRef>, Option<PyRef>);
static ASYNCGEN_HOOKS: Static<RefCell<AsyncgenHooks>> = Static(RefCell::new((None, None, None)));

fn get_asyncgen_hooks(a: Args) -> PyResult {
    args::exact_fn::<0>(a, "get_asyncgen_hooks")?;
    let (first, fin, ty) = ASYNCGEN_HOOKS.borrow().clone();
    let ty = match ty {
        Some(t) => t,
        None => {
            let t = crate::types::structseq::new_type("sys", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            ASYNCGEN_HOOKS.borrow_mut().2 = Some(t.clone());
            t
        }
    };
    Ok(crate::types::structseq::new_instance(&ty, vec![first.unwrap_or_else(none), fin.unwrap_or_else(none)]))
}

fn set_asyncgen_hooks(a: Args) -> PyResult {
    let [first, fin] = args::parse(a, "set_asyncgen_hooks", &["firstiter", "finalizer"], 0)?;
    let check = |o: Option<&crate::object::Obj>, what: &str| -> PyResult<Option<Option<PyRef>>> {
        match o {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(Some(None)),
            Some(v) if v.class().call.get().is_some() => Ok(Some(Some(v.to_owned()))),
            Some(v) => Err(PyErr::type_error(format!("callable {what} expected, got {}", v.class().name()))),
        }
    };
    let (first, fin) = (check(first, "firstiter")?, check(fin, "finalizer")?);
    let mut old = Vec::new();
    {
        let mut h = ASYNCGEN_HOOKS.borrow_mut();
        if let Some(f) = first {
            old.push(std::mem::replace(&mut h.0, f));
        }
        if let Some(f) = fin {
            old.push(std::mem::replace(&mut h.1, f));
        }
    }
    drop(old);
    Ok(none())
}

fn strs(v: &[String]) -> PyRef {
    new_list(v.iter().map(|s| new_str(s)).collect())
}

fn structseq(module: &str, name: &str, fields: &[(&str, PyRef)]) -> PyResult<PyRef> {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let t = crate::types::structseq::new_type(module, name, &names)?;
    Ok(crate::types::structseq::new_instance(&t, fields.iter().map(|(_, v)| v.clone()).collect()))
}

/// Builds the `sys` module.
pub fn init(cfg: &Config) -> PyResult<PyRef> {
    let m = new_module("sys");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    crate::unraisable::install(mo, &m);
    *SYS.borrow_mut() = Some(m.clone());
    let stdout = crate::modules::stdio::new_stream(1, cfg.unbuffered);
    let stderr = crate::modules::stdio::new_stream(2, cfg.unbuffered);
    let stdin = crate::modules::stdio::new_stream(0, cfg.unbuffered);
    *STDOUT.borrow_mut() = Some(stdout.clone());
    *STDERR.borrow_mut() = Some(stderr.clone());
    for (k, v) in [
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("stdin", stdin.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("__stdin__", stdin),
    ] {
        mo.set_attr(k, v);
    }
    mo.set_attr("modules", crate::types::dict::new_dict());
    mo.set_attr("argv", strs(&cfg.argv));
    mo.set_attr("orig_argv", strs(&cfg.orig_argv));
    mo.set_attr("path", strs(&cfg.path));
    mo.set_attr("executable", new_str(&cfg.executable));
    mo.set_attr("_base_executable", new_str(&cfg.executable));
    let xo = crate::types::dict::new_dict();
    for (k, v) in &cfg.xoptions {
        let val = v.as_ref().map_or_else(crate::types::true_, |s| new_str(s));
        xo.downcast::<DictObj>().expect("dict").set_item(&new_str(k), val)?;
    }
    mo.set_attr("_xoptions", xo);
    mo.set_attr("warnoptions", new_list(vec![]));
    mo.set_attr("meta_path", new_list(vec![]));
    mo.set_attr("path_hooks", new_list(vec![]));
    mo.set_attr("path_importer_cache", crate::types::dict::new_dict());
    mo.set_attr("version", new_str(crate::VERSION_STRING));
    mo.set_attr("hexversion", int::new_int(0x030B07F0));
    mo.set_attr("api_version", int::new_int(1013));
    mo.set_attr("platform", intern(if cfg!(target_os = "macos") { "darwin" } else { "linux" }));
    mo.set_attr("byteorder", intern(if cfg!(target_endian = "little") { "little" } else { "big" }));
    mo.set_attr("maxsize", int::new_int(i64::MAX));
    mo.set_attr("maxunicode", int::new_int(0x10FFFF));
    mo.set_attr("float_repr_style", intern("short"));
    mo.set_attr("dont_write_bytecode", new_bool(true));
    mo.set_attr("copyright", new_str("Copyright (c) Ember developers."));
    let prefix = new_str(crate::stdlib::prefix().as_deref().unwrap_or("/usr"));
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        mo.set_attr(k, prefix.clone());
    }
    mo.set_attr("platlibdir", intern("lib"));
    // A plain build: no debug/pymalloc flags, so sysconfig finds the host's
    // `_sysconfigdata__<platform>_<multiarch>` module.
    mo.set_attr("abiflags", intern(""));
    mo.set_attr("pycache_prefix", none());
    mo.set_attr("builtin_module_names", new_tuple(crate::modules::builtin_names().into_iter().map(intern).collect()));
    mo.set_attr(
        "version_info",
        structseq(
            "sys",
            "version_info",
            &[
                ("major", int::new_int(3)),
                ("minor", int::new_int(11)),
                ("micro", int::new_int(7)),
                ("releaselevel", intern("final")),
                ("serial", int::new_int(0)),
            ],
        )?,
    );
    let ember_version = structseq(
        "sys",
        "version_info",
        &[
            ("major", int::new_int(0)),
            ("minor", int::new_int(1)),
            ("micro", int::new_int(0)),
            ("releaselevel", intern("alpha")),
            ("serial", int::new_int(0)),
        ],
    )?;
    let imp = crate::types::module::new_module("implementation");
    {
        let im = imp.downcast::<ModuleObj>().expect("module");
        im.set_attr("name", intern("ember"));
        im.set_attr("cache_tag", none());
        im.set_attr("version", ember_version);
        im.set_attr("hexversion", int::new_int(0x000100A0));
        im.set_attr("_multiarch", intern("x86_64-linux-gnu"));
    }
    let ns = crate::builtins::simple_namespace(&imp)?;
    mo.set_attr("implementation", ns);
    mo.set_attr(
        "flags",
        structseq(
            "sys",
            "flags",
            &[
                ("debug", int::new_int(0)),
                ("inspect", int::new_int(0)),
                ("interactive", int::new_int(cfg.interactive as i64)),
                ("optimize", int::new_int(cfg.optimize as i64)),
                ("dont_write_bytecode", int::new_int(1)),
                ("no_user_site", int::new_int(cfg.isolated as i64)),
                ("no_site", int::new_int(cfg.no_site as i64)),
                ("ignore_environment", int::new_int((cfg.ignore_environment || cfg.isolated) as i64)),
                ("verbose", int::new_int(cfg.verbose as i64)),
                ("bytes_warning", int::new_int(0)),
                ("quiet", int::new_int(cfg.quiet as i64)),
                ("hash_randomization", int::new_int(1)),
                ("isolated", int::new_int(cfg.isolated as i64)),
                ("dev_mode", new_bool(false)),
                ("utf8_mode", int::new_int(1)),
                ("warn_default_encoding", int::new_int(0)),
                ("safe_path", new_bool(cfg.isolated)),
                ("int_max_str_digits", int::new_int(-1)),
            ],
        )?,
    );
    mo.set_attr(
        "float_info",
        structseq(
            "sys",
            "float_info",
            &[
                ("max", crate::types::float::new_float(f64::MAX)),
                ("max_exp", int::new_int(f64::MAX_EXP as i64)),
                ("max_10_exp", int::new_int(f64::MAX_10_EXP as i64)),
                ("min", crate::types::float::new_float(f64::MIN_POSITIVE)),
                ("min_exp", int::new_int(f64::MIN_EXP as i64)),
                ("min_10_exp", int::new_int(f64::MIN_10_EXP as i64)),
                ("dig", int::new_int(f64::DIGITS as i64)),
                ("mant_dig", int::new_int(f64::MANTISSA_DIGITS as i64)),
                ("epsilon", crate::types::float::new_float(f64::EPSILON)),
                ("radix", int::new_int(2)),
                ("rounds", int::new_int(1)),
            ],
        )?,
    );
    mo.set_attr(
        "int_info",
        structseq(
            "sys",
            "int_info",
            &[
                ("bits_per_digit", int::new_int(30)),
                ("sizeof_digit", int::new_int(4)),
                ("default_max_str_digits", int::new_int(4300)),
                ("str_digits_check_threshold", int::new_int(640)),
            ],
        )?,
    );
    mo.set_attr(
        "hash_info",
        structseq(
            "sys",
            "hash_info",
            &[
                ("width", int::new_int(64)),
                ("modulus", int::from_u64(int::HASH_MODULUS)),
                ("inf", int::new_int(314159)),
                ("nan", int::new_int(0)),
                ("imag", int::new_int(1000003)),
                ("algorithm", intern("siphash13")),
                ("hash_bits", int::new_int(64)),
                ("seed_bits", int::new_int(128)),
                ("cutoff", int::new_int(0)),
            ],
        )?,
    );
    Ok(m)
}
