//! The `builtins` module: builtin functions, types, constants and exceptions.

use std::cell::RefCell;

use crate::object::{AsObj, Obj, PyRef, Static};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::exceptions;
use crate::types::module::{new_module, ModuleObj};
use crate::types::str::{from_string, intern, new_str, StrObj};
use crate::types::tuple::{new_tuple, TupleObj};
use crate::types::typeobj::{Args, MethodDef, TypeObj};
use crate::types::{int, new_bool, none};
use crate::util::args;
use ember_compiler::bytecode::{BinaryOp, CompareOp};

static BUILTINS: Static<RefCell<Option<PyRef>>> = Static(RefCell::new(None));

/// The `builtins` module.
pub fn builtins_module() -> PyRef {
    BUILTINS.borrow().clone().unwrap_or_else(|| crate::runtime::fatal("builtins used before initialisation"))
}

/// The builtins namespace dict.
pub fn builtins_dict() -> PyRef {
    builtins_module().downcast::<ModuleObj>().expect("module").dict()
}

/// A builtin by name.
pub fn builtin(name: &str) -> PyResult {
    builtins_dict().downcast::<DictObj>().and_then(|d| d.get_by_str(name)).ok_or_else(|| PyErr::name_error(name))
}

/// The builtins a function defined in `globals` sees: `globals['__builtins__']`
/// (a module or dict) or the interpreter's builtins.
pub fn builtins_dict_for(globals: &DictObj) -> PyRef {
    // Every function creation asks: the name is interned once per thread.
    thread_local! {
        static NAME: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
    }
    let found = NAME.with(|n| {
        let name = n.get_or_init(|| crate::types::str::intern("__builtins__"));
        name.downcast::<StrObj>().and_then(|s| globals.get_str(s))
    });
    match found {
        Some(b) => match b.downcast::<ModuleObj>() {
            Some(m) => m.dict(),
            None if b.isa::<DictObj>() => b,
            None => builtins_dict(),
        },
        None => builtins_dict(),
    }
}

/// Like [`builtins_dict_for`], inserting `__builtins__` into fresh globals.
pub fn builtins_dict_for_globals(globals: &PyRef) -> PyResult<PyRef> {
    let g = globals
        .downcast::<DictObj>()
        .ok_or_else(|| PyErr::type_error(format!("globals must be a dict, not {}", globals.class().name())))?;
    if g.get_by_str("__builtins__").is_none() {
        g.set_by_str("__builtins__", builtins_module());
    }
    Ok(builtins_dict_for(g))
}

/// "module.qualname()" description of a callable for error messages
/// (CPython's `_PyObject_FunctionStr`).
pub fn func_description(f: &Obj) -> String {
    let qualname = match ops::lookup_attr(f, "__qualname__") {
        Ok(Some(q)) => ops::str_lossy(&q),
        _ => return ops::str_lossy(f),
    };
    match ops::lookup_attr(f, "__module__") {
        Ok(Some(m)) if !m.is_none() && StrObj::text(&m) != "builtins" && m.isa::<StrObj>() => {
            format!("{}.{qualname}()", StrObj::text(&m))
        }
        _ => format!("{qualname}()"),
    }
}

fn print(a: Args) -> PyResult {
    let mut sep: Option<&Obj> = None;
    let mut end: Option<&Obj> = None;
    let mut file: Option<&Obj> = None;
    let mut flush = false;
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let v = a.all[a.nargs + i];
            match StrObj::text(k) {
                "sep" => sep = Some(v),
                "end" => end = Some(v),
                "file" => file = Some(v),
                "flush" => flush = ops::is_true(v)?,
                other => {
                    return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for print()")))
                }
            }
        }
    }
    let text_of = |o: Option<&Obj>, default: &str, what: &str| -> PyResult<String> {
        match o {
            None => Ok(default.to_string()),
            Some(x) if x.is_none() => Ok(default.to_string()),
            Some(x) => match x.downcast::<StrObj>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(PyErr::type_error(format!("{what} must be None or a string, not {}", x.class().name()))),
            },
        }
    };
    let sep = text_of(sep, " ", "sep")?;
    let end = text_of(end, "\n", "end")?;
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f.to_owned(),
        None => match crate::modules::sys::sys_attr("stdout") {
            Some(s) if !s.is_none() => s,
            _ => return Ok(none()),
        },
    };
    if let Some(s) = file.downcast_exact::<crate::modules::stdio::StdStreamObj>() {
        let mut out = String::new();
        for (i, x) in a.all[..a.nargs].iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&ops::str_string(x)?);
        }
        out.push_str(&end);
        s.write_str(&out)?;
        if flush {
            s.flush_buf()?;
        }
        return Ok(none());
    }
    // Other files see one write per piece, as CPython does.
    let write = ops::getattr_str(&file, "write")?;
    for (i, x) in a.all[..a.nargs].iter().enumerate() {
        if i > 0 {
            ops::call1(&write, &new_str(&sep))?;
        }
        ops::call1(&write, &*ops::str(x)?)?;
    }
    ops::call1(&write, &new_str(&end))?;
    if flush {
        ops::call_method(&file, "flush", &[])?;
    }
    Ok(none())
}

fn len(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "len")?;
    Ok(int::from_usize(ops::len(o)?))
}
fn repr(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "repr")?;
    ops::repr(o)
}
fn ascii(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "ascii")?;
    ops::ascii(o)
}
fn abs(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "abs")?;
    ops::absolute(o)
}
fn hash(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "hash")?;
    Ok(int::new_int(ops::hash(o)?))
}
fn id(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "id")?;
    Ok(int::from_u64(o.as_ptr() as u64))
}
fn callable(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "callable")?;
    Ok(new_bool(o.class().call.get().is_some()))
}
fn format(a: Args) -> PyResult {
    let [v, spec] = args::parse(a, "format", &["value", "format_spec", "/"], 1)?;
    match spec {
        Some(s) => ops::format(v.expect("value"), s),
        None => ops::format_str(v.expect("value"), ""),
    }
}

fn int_prefix(a: Args, name: &str, radix: u32, prefix: &str) -> PyResult {
    let [o] = args::exact_fn::<1>(a, name)?;
    let v = ops::index(o)?;
    let b = v.downcast::<int::IntObj>().expect("int").to_bigint();
    let neg = b < num_bigint::BigInt::from(0);
    let digits = if neg { (-b).to_str_radix(radix) } else { b.to_str_radix(radix) };
    Ok(from_string(format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}
fn bin(a: Args) -> PyResult {
    int_prefix(a, "bin", 2, "0b")
}
fn oct(a: Args) -> PyResult {
    int_prefix(a, "oct", 8, "0o")
}
fn hex(a: Args) -> PyResult {
    int_prefix(a, "hex", 16, "0x")
}

fn chr_(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "chr")?;
    let v = match int::index_of(o) {
        Ok(Some(v)) => v,
        Ok(None) => {
            return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", o.class().name())))
        }
        Err(_) => return Err(PyErr::overflow_error("Python int too large to convert to C int")),
    };
    if i32::try_from(v).is_err() {
        return Err(PyErr::overflow_error("Python int too large to convert to C int"));
    }
    match u32::try_from(v).ok().filter(|v| *v <= 0x10FFFF) {
        Some(c) => match char::from_u32(c) {
            Some(ch) => Ok(crate::types::str::char_str(ch)),
            None => Err(PyErr::value_error("surrogate code points are not supported")),
        },
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "ord")?;
    if let Some(s) = o.downcast::<StrObj>() {
        if s.char_len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(int::new_int(s.char_at(0) as i64));
    }
    if let Some(b) = crate::types::bytes::bytes_of(o) {
        if b.len() != 1 {
            return Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(int::new_int(b[0] as i64));
    }
    Err(PyErr::type_error(format!("ord() expected string of length 1, but {} found", o.class().name())))
}

fn divmod(a: Args) -> PyResult {
    let [x, y] = args::exact_fn::<2>(a, "divmod")?;
    let r = ops::binary_op1(x, y, |n| n.divmod.get())?;
    if r.is_not_implemented() {
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            x.class().name(),
            y.class().name()
        )));
    }
    Ok(r)
}

fn pow(a: Args) -> PyResult {
    let [b, e, m] = args::parse(a, "pow", &["base", "exp", "mod"], 2)?;
    ops::power(b.expect("base"), e.expect("exp"), m.unwrap_or(crate::types::none_ref()))
}

fn round(a: Args) -> PyResult {
    let [x, nd] = args::parse(a, "round", &["number", "ndigits"], 1)?;
    let x = x.expect("number");
    let Some(f) = x.class().lookup_str("__round__") else {
        return Err(PyErr::type_error(format!("type {} doesn't define __round__ method", x.class().name())));
    };
    match nd.filter(|n| !n.is_none()) {
        Some(n) => ops::call_method_obj(&f, x, &[n]),
        None => ops::call_method_obj(&f, x, &[]),
    }
}

fn iter(a: Args) -> PyResult {
    let [o, sentinel] = args::parse(a, "iter", &["object", "sentinel", "/"], 1)?;
    let o = o.expect("object");
    match sentinel {
        None => ops::iter(o),
        Some(s) => {
            if o.class().call.get().is_none() {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::types::iterators::new_callable_iter(o, s))
        }
    }
}

fn next(a: Args) -> PyResult {
    let [it, default] = args::parse(a, "next", &["iterator", "default", "/"], 1)?;
    let it = it.expect("iterator");
    if it.class().iternext.get().is_none() {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", it.class().name())));
    }
    let f = it.class().iternext.get().expect("checked above");
    match f(it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match default {
            Some(d) => Ok(d.to_owned()),
            None => Err(PyErr::stop_iteration(None)),
        },
        Err(e) if default.is_some() && e.matches(&exceptions::STOP_ITERATION) => {
            Ok(default.expect("default").to_owned())
        }
        Err(e) => Err(e),
    }
}

fn aiter(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "aiter")?;
    crate::eval::helpers::get_aiter(o)
}

fn anext(a: Args) -> PyResult {
    let [it, default] = args::parse(a, "anext", &["aiterator", "default", "/"], 1)?;
    let it = it.expect("aiterator");
    let Some(r) = ops::call_special(it, "__anext__", &[])? else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", it.class().name())));
    };
    match default {
        None => Ok(r),
        Some(_) => Err(PyErr::not_implemented("anext() with a default is not implemented yet")),
    }
}

fn all(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "all")?;
    let it = ops::iter(o)?;
    while let Some(x) = ops::next(&it)? {
        if !ops::is_true(&x)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn any(a: Args) -> PyResult {
    let [o] = args::exact_fn::<1>(a, "any")?;
    let it = ops::iter(o)?;
    while let Some(x) = ops::next(&it)? {
        if ops::is_true(&x)? {
            return Ok(new_bool(true));
        }
    }
    Ok(new_bool(false))
}

fn min_max(a: Args, name: &str, op: CompareOp) -> PyResult {
    let mut key: Option<&Obj> = None;
    let mut default: Option<&Obj> = None;
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let v = a.all[a.nargs + i];
            match StrObj::text(k) {
                "key" => key = Some(v).filter(|k| !k.is_none()),
                "default" => default = Some(v),
                other => {
                    return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for {name}()")))
                }
            }
        }
    }
    let items: Vec<PyRef> = match a.nargs {
        0 => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => ops::collect_vec(a.all[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.all[..a.nargs].iter().map(|o| (*o).to_owned()).collect()
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for x in items {
        let k = match key {
            Some(f) => ops::call1(f, &x)?,
            None => x.clone(),
        };
        match &best {
            None => best = Some((k, x)),
            Some((bk, _)) => {
                if ops::richcompare_bool(&k, bk, op)? {
                    best = Some((k, x));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d.to_owned()),
            None => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn max(a: Args) -> PyResult {
    min_max(a, "max", CompareOp::Gt)
}
fn min(a: Args) -> PyResult {
    min_max(a, "min", CompareOp::Lt)
}

fn sum(a: Args) -> PyResult {
    let [it, start] = args::parse(a, "sum", &["iterable", "/", "start"], 1)?;
    let mut acc = match start {
        Some(s) => {
            if s.isa::<StrObj>() {
                return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
            }
            if s.isa::<crate::types::bytes::BytesObj>() {
                return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
            }
            if s.isa::<crate::types::bytearray::ByteArrayObj>() {
                return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
            }
            s.to_owned()
        }
        None => int::new_int(0),
    };
    let iter = ops::iter(it.expect("iterable"))?;
    // Fast paths for machine ints and floats, as CPython has.
    let mut int_acc: Option<i64> = if acc.class().is(&int::INT_TYPE) { int::as_i64(&acc) } else { None };
    while let Some(x) = ops::next(&iter)? {
        if let Some(ia) = int_acc {
            if x.class().is(&int::INT_TYPE) {
                if let Some(v) = int::as_i64(&x).and_then(|v| ia.checked_add(v)) {
                    int_acc = Some(v);
                    continue;
                }
            }
            acc = int::new_int(ia);
            int_acc = None;
        }
        if let (Some(fa), Some(fx)) =
            (acc.downcast_exact::<crate::types::float::FloatObj>(), x.downcast_exact::<crate::types::float::FloatObj>())
        {
            acc = crate::types::float::new_float(fa.value() + fx.value());
            continue;
        }
        acc = ops::binary_op(&acc, &x, BinaryOp::Add)?;
    }
    Ok(match int_acc {
        Some(v) => int::new_int(v),
        None => acc,
    })
}

fn sorted(a: Args) -> PyResult {
    if a.nargs != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", a.nargs)));
    }
    let l = crate::types::list::new_list(ops::collect_vec(a.all[0])?);
    let sort = ops::getattr_str(&l, "sort")?;
    ops::call(&sort, &a.all[1..], a.kwnames)?;
    Ok(l)
}

fn getattr(a: Args) -> PyResult {
    let [o, name, default] = args::parse(a, "getattr", &["object", "name", "default", "/"], 2)?;
    let (o, name) = (o.expect("object"), name.expect("name"));
    if !name.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", name.class().name())));
    }
    match default {
        None => ops::getattr(o, name),
        Some(d) => Ok(ops::lookup_attr_obj(o, name)?.unwrap_or_else(|| d.to_owned())),
    }
}
fn setattr(a: Args) -> PyResult {
    let [o, name, v] = args::exact_fn::<3>(a, "setattr")?;
    ops::setattr(o, name, Some(v))?;
    Ok(none())
}
fn delattr(a: Args) -> PyResult {
    let [o, name] = args::exact_fn::<2>(a, "delattr")?;
    ops::setattr(o, name, None)?;
    Ok(none())
}
fn hasattr(a: Args) -> PyResult {
    let [o, name] = args::exact_fn::<2>(a, "hasattr")?;
    if !name.isa::<StrObj>() {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", name.class().name())));
    }
    Ok(new_bool(ops::lookup_attr_obj(o, name)?.is_some()))
}
fn isinstance(a: Args) -> PyResult {
    let [o, c] = args::exact_fn::<2>(a, "isinstance")?;
    Ok(new_bool(ops::isinstance(o, c)?))
}
fn issubclass(a: Args) -> PyResult {
    let [o, c] = args::exact_fn::<2>(a, "issubclass")?;
    Ok(new_bool(ops::issubclass(o, c)?))
}

fn globals(_a: Args) -> PyResult {
    crate::eval::current_globals().ok_or_else(|| PyErr::system_error("globals(): no current frame"))
}

fn locals(_a: Args) -> PyResult {
    match crate::eval::current_frame() {
        Some(f) => crate::types::frame_obj::locals_dict(f),
        None => Err(PyErr::system_error("locals(): no current frame")),
    }
}

fn vars(a: Args) -> PyResult {
    let [o] = args::parse(a, "vars", &["object", "/"], 0)?;
    match o {
        None => locals(a),
        Some(o) => ops::lookup_attr(o, "__dict__")?
            .ok_or_else(|| PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

/// Attribute names of an object for `dir()`.
pub fn dir_of_object(o: &Obj) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Some(d) = ops::lookup_attr(o, "__dict__")? {
        if let Some(dd) = d.downcast::<DictObj>() {
            for k in dd.keys() {
                let s = ops::str_lossy(&k);
                if seen.insert(s.clone()) {
                    names.push(s);
                }
            }
        }
    }
    let cls = ops::lookup_attr(o, "__class__")?.unwrap_or_else(|| o.class().as_obj_ref().to_owned());
    if let Some(t) = cls.downcast::<TypeObj>() {
        for n in type_attr_names(t) {
            if seen.insert(n.clone()) {
                names.push(n);
            }
        }
    }
    Ok(crate::types::list::new_list(names.iter().map(|n| new_str(n)).collect()))
}

fn type_attr_names(t: &TypeObj) -> Vec<String> {
    let mut out = Vec::new();
    t.mro_find(|b| {
        if let Some(d) = b.dict.get_clone() {
            if let Some(dd) = d.downcast::<DictObj>() {
                for k in dd.keys() {
                    out.push(ops::str_lossy(&k));
                }
            }
        }
        None::<()>
    });
    out
}

/// Attribute names of a type for `dir()`.
pub fn dir_of_type(t: &TypeObj) -> PyResult {
    let mut seen = std::collections::HashSet::new();
    let names: Vec<PyRef> =
        type_attr_names(t).into_iter().filter(|n| seen.insert(n.clone())).map(|n| new_str(&n)).collect();
    Ok(crate::types::list::new_list(names))
}

fn dir(a: Args) -> PyResult {
    let [o] = args::parse(a, "dir", &["object", "/"], 0)?;
    let list = match o {
        None => {
            let l = locals(a)?;
            let keys = ops::collect_vec(&*ops::call_method(&l, "keys", &[])?)?;
            crate::types::list::new_list(keys)
        }
        Some(o) => {
            let Some(f) = o.class().lookup_str("__dir__") else {
                return Err(PyErr::type_error("object does not provide __dir__"));
            };
            let r = ops::call_method_obj(&f, o, &[])?;
            crate::types::list::new_list(ops::collect_vec(&r)?)
        }
    };
    ops::call_method(&list, "sort", &[])?;
    Ok(list)
}

fn input(a: Args) -> PyResult {
    let [prompt] = args::parse(a, "input", &["prompt", "/"], 0)?;
    if let Some(p) = prompt {
        let out =
            crate::modules::sys::sys_attr("stdout").ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdout"))?;
        ops::call_method(&out, "write", &[&*ops::str(p)?])?;
        ops::call_method(&out, "flush", &[])?;
    } else {
        crate::modules::sys::flush_stdout();
    }
    let stdin =
        crate::modules::sys::sys_attr("stdin").ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdin"))?;
    let line = ops::call_method(&stdin, "readline", &[])?;
    let s = StrObj::text(&line).to_string();
    if s.is_empty() {
        return Err(PyErr::with_arg(&exceptions::EOF_ERROR, Some(new_str("EOF when reading a line"))));
    }
    Ok(new_str(s.strip_suffix('\n').unwrap_or(&s)))
}

fn source_text(src: &Obj, what: &str) -> PyResult<String> {
    if let Some(s) = src.downcast::<StrObj>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = crate::types::bytes::bytes_of(src) {
        return crate::source::decode(&b, "<string>");
    }
    Err(PyErr::type_error(format!("{what} arg 1 must be a string, bytes or code object")))
}

/// Flags `compile()` accepts: the `__future__` feature flags, CPython's
/// obsolete `CO_NESTED`, and the `PyCF_*` compiler flags.
const COMPILE_FLAGS_MASK: i64 = 0x1fe_0000 | 0x10 | 0x7e00;

fn compile(a: Args) -> PyResult {
    let [src, filename, mode, flags, _dont_inherit, _optimize, _feature_version] = args::parse(
        a,
        "compile",
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "*", "_feature_version"],
        3,
    )?;
    let (Some(src), Some(filename), Some(mode)) = (src, filename, mode) else {
        return Err(PyErr::type_error("compile() missing required argument"));
    };
    let flags = match flags {
        Some(f) => crate::types::int::expect_i64(f, "int")?,
        None => 0,
    };
    if flags & !COMPILE_FLAGS_MASK != 0 {
        return Err(PyErr::value_error("compile(): unrecognised flags"));
    }
    let only_ast = flags & crate::modules::ast::PYCF_ONLY_AST != 0;
    let filename = ops::str_string(filename)?;
    let mode = crate::types::str::expect_str(mode, "compile() mode")?;
    let compile_mode = match mode {
        "exec" => ember_compiler::Mode::Exec,
        "eval" => ember_compiler::Mode::Eval,
        "single" => ember_compiler::Mode::Single,
        "func_type" if only_ast => ember_compiler::Mode::Eval,
        "func_type" => return Err(PyErr::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")),
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if crate::modules::ast::is_ast(src) {
        if only_ast {
            return Ok(src.to_owned());
        }
        return crate::modules::ast::compile_tree(src, &filename, mode);
    }
    let text = source_text(src, "compile()")?;
    crate::source::check_nul(&text, "<string>")?;
    if only_ast {
        return crate::modules::ast::parse(&text, &filename, mode);
    }
    crate::compile_source(&text, &filename, compile_mode)
}

fn exec_or_eval(a: Args, name: &str, mode: ember_compiler::Mode) -> PyResult {
    let [src, globals, locals] = args::parse(a, name, &["source", "globals", "locals", "/"], 1)?;
    let src = src.expect("source");
    let globals = match globals.filter(|g| !g.is_none()) {
        Some(g) => {
            if !g.isa::<DictObj>() {
                return Err(PyErr::type_error(if mode != ember_compiler::Mode::Eval {
                    format!("{name}() globals must be a dict, not {}", g.class().name())
                } else if g.class().getitem.get().is_some() {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }));
            }
            g.to_owned()
        }
        None => crate::eval::current_globals().ok_or_else(|| PyErr::system_error("no current globals"))?,
    };
    let locals = match locals.filter(|l| !l.is_none()) {
        Some(l) if l.class().getitem.get().is_none() => {
            return Err(PyErr::type_error(if mode == ember_compiler::Mode::Eval {
                "locals must be a mapping".to_string()
            } else {
                format!("locals must be a mapping or None, not {}", l.class().name())
            }))
        }
        Some(l) => l.to_owned(),
        None => {
            if globals_given(&a) {
                globals.clone()
            } else {
                match crate::eval::current_frame() {
                    Some(f) => crate::types::frame_obj::locals_dict(f)?,
                    None => globals.clone(),
                }
            }
        }
    };
    let code = if src.isa::<crate::types::code::CodeObj>() {
        src.to_owned()
    } else {
        let text = source_text(src, &format!("{name}()"))?;
        let text =
            if mode == ember_compiler::Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
        crate::compile_source(&text, "<string>", mode)?
    };
    crate::builtins::builtins_dict_for_globals(&globals)?;
    let r = crate::eval::run_code(&code, &globals, Some(locals))?;
    Ok(if mode == ember_compiler::Mode::Exec { none() } else { r })
}

fn globals_given(a: &Args) -> bool {
    a.nargs >= 2 && !a.all[1].is_none()
}

fn exec(a: Args) -> PyResult {
    exec_or_eval(a, "exec", ember_compiler::Mode::Exec)
}
fn eval(a: Args) -> PyResult {
    exec_or_eval(a, "eval", ember_compiler::Mode::Eval)
}

fn build_class(a: Args) -> PyResult {
    if a.nargs < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = a.all[0];
    let name = a.all[1];
    if !func.isa::<crate::types::function::FunctionObj>() {
        return Err(PyErr::type_error("__build_class__: func must be a function"));
    }
    if !name.isa::<StrObj>() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyRef> = a.all[2..a.nargs].iter().map(|b| (*b).to_owned()).collect();
    let bases = resolve_mro_entries(&orig_bases)?;
    let mut meta: Option<PyRef> = None;
    let mut kwds: Vec<(PyRef, PyRef)> = Vec::new();
    if let Some(kw) = a.kwnames {
        for (i, k) in kw.as_slice().iter().enumerate() {
            let v = a.all[a.nargs + i].to_owned();
            if StrObj::text(k) == "metaclass" {
                meta = Some(v);
            } else {
                kwds.push((k.clone(), v));
            }
        }
    }
    let is_class = meta.as_ref().is_none_or(|m| m.isa::<TypeObj>());
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.class().as_obj_ref().to_owned(),
            None => crate::types::typeobj::TYPE_TYPE.as_obj_ref().to_owned(),
        },
    };
    let meta = if is_class {
        let mt = meta.downcast::<TypeObj>().expect("type");
        crate::types::type_new::calculate_metaclass(mt, &bases)?.as_obj_ref().to_owned()
    } else {
        meta
    };
    let bases_t = new_tuple(bases.clone());
    let kw_names = new_tuple(kwds.iter().map(|(k, _)| k.clone()).collect());
    let kw_vals: Vec<&Obj> = kwds.iter().map(|(_, v)| &**v).collect();
    let kwt = if kwds.is_empty() { None } else { kw_names.downcast::<TupleObj>() };
    let ns = match ops::lookup_attr(&meta, "__prepare__")? {
        Some(prep) => {
            let mut all: Vec<&Obj> = vec![name, &bases_t];
            all.extend_from_slice(&kw_vals);
            ops::call(&prep, &all, kwt)?
        }
        None => new_dict(),
    };
    if ns.class().getitem.get().is_none() {
        return Err(PyErr::type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            meta.downcast::<TypeObj>().map_or("<metaclass>".to_string(), |t| t.name()),
            ns.class().name()
        )));
    }
    let cell = crate::eval::run_class_body(func, &ns)?;
    if !orig_bases.iter().zip(bases.iter()).all(|(a, b)| a.is(b)) || orig_bases.len() != bases.len() {
        ops::setitem(&ns, &intern("__orig_bases__"), &new_tuple(orig_bases))?;
    }
    let mut all: Vec<&Obj> = vec![name, &bases_t, &ns];
    all.extend_from_slice(&kw_vals);
    let cls = ops::call(&meta, &all, kwt)?;
    if let Some(c) = cell.downcast::<crate::types::cell::CellObj>() {
        let v = c.get();
        if !v.as_ref().is_some_and(|v| v.is(&cls)) {
            if v.is_none() {
                return Err(PyErr::runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    ops::repr_string(name)?,
                    ops::repr_string(&cls)?
                )));
            }
            return Err(PyErr::type_error(format!(
                "__class__ set to {} defining {} as {}",
                ops::repr_string(&v.unwrap_or_else(none))?,
                ops::repr_string(name)?,
                ops::repr_string(&cls)?
            )));
        }
    }
    Ok(cls)
}

/// PEP 560: bases that are not classes may provide `__mro_entries__`.
fn resolve_mro_entries(bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut out = Vec::new();
    for b in bases {
        if b.isa::<TypeObj>() {
            out.push(b.clone());
            continue;
        }
        match ops::lookup_attr(b, "__mro_entries__")? {
            Some(f) => {
                let r = ops::call1(&f, &new_tuple(bases.to_vec()))?;
                let Some(t) = r.downcast::<TupleObj>() else {
                    return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
                };
                out.extend(t.as_slice().iter().cloned());
            }
            None => out.push(b.clone()),
        }
    }
    Ok(out)
}

fn import(a: Args) -> PyResult {
    let [name, globals, _locals, fromlist, level] =
        args::parse(a, "__import__", &["name", "globals", "locals", "fromlist", "level"], 1)?;
    let level = match level {
        Some(l) => int::expect_i64(l, "int")?,
        None => 0,
    };
    crate::import::import_module_level(
        name.expect("name"),
        globals.filter(|g| !g.is_none()),
        fromlist.filter(|f| !f.is_none()),
        level,
    )
}

fn breakpoint(_a: Args) -> PyResult {
    Ok(none())
}

fn help(a: Args) -> PyResult {
    let [o] = args::parse(a, "help", &["request"], 0)?;
    let text = match o {
        Some(o) => match ops::lookup_attr(o, "__doc__")? {
            Some(d) if !d.is_none() => ops::str_string(&d)?,
            _ => format!("No documentation for {}", ops::repr_string(o)?),
        },
        None => "Type help(object) for help about object.".to_string(),
    };
    let out = crate::modules::sys::sys_attr("stdout").ok_or_else(|| PyErr::runtime_error("lost sys.stdout"))?;
    ops::call_method(&out, "write", &[&from_string(text + "\n")])?;
    Ok(none())
}

fn open(a: Args) -> PyResult {
    crate::modules::io::open(a)
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("print", print),
    MethodDef::method("len", len),
    MethodDef::method("repr", repr),
    MethodDef::method("ascii", ascii),
    MethodDef::method("abs", abs),
    MethodDef::method("hash", hash),
    MethodDef::method("id", id),
    MethodDef::method("callable", callable),
    MethodDef::method("format", format),
    MethodDef::method("bin", bin),
    MethodDef::method("oct", oct),
    MethodDef::method("hex", hex),
    MethodDef::method("chr", chr_),
    MethodDef::method("ord", ord),
    MethodDef::method("divmod", divmod),
    MethodDef::method("pow", pow),
    MethodDef::method("round", round),
    MethodDef::method("iter", iter),
    MethodDef::method("next", next),
    MethodDef::method("aiter", aiter),
    MethodDef::method("anext", anext),
    MethodDef::method("all", all),
    MethodDef::method("any", any),
    MethodDef::method("max", max),
    MethodDef::method("min", min),
    MethodDef::method("sum", sum),
    MethodDef::method("sorted", sorted),
    MethodDef::method("getattr", getattr),
    MethodDef::method("setattr", setattr),
    MethodDef::method("delattr", delattr),
    MethodDef::method("hasattr", hasattr),
    MethodDef::method("isinstance", isinstance),
    MethodDef::method("issubclass", issubclass),
    MethodDef::method("globals", globals),
    MethodDef::method("locals", locals),
    MethodDef::method("vars", vars),
    MethodDef::method("dir", dir),
    MethodDef::method("input", input),
    MethodDef::method("compile", compile),
    MethodDef::method("exec", exec),
    MethodDef::method("eval", eval),
    MethodDef::method("__build_class__", build_class),
    MethodDef::method("__import__", import),
    MethodDef::method("breakpoint", breakpoint),
    MethodDef::method("help", help),
    MethodDef::method("open", open),
];

/// A `types.SimpleNamespace`-like object holding a module's attributes.
pub fn simple_namespace(m: &PyRef) -> PyResult {
    crate::types::namespace::from_module(m)
}

/// Builds the `builtins` module.
pub fn init() -> PyResult<PyRef> {
    use crate::types::*;
    let m = new_module("builtins");
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.add_functions(&m, FUNCS);
    mo.set_attr("__doc__", new_str("Built-in functions, exceptions, and other objects."));
    let types: &[(&str, &TypeObj)] = &[
        ("object", &object::OBJECT_TYPE),
        ("type", &typeobj::TYPE_TYPE),
        ("int", &int::INT_TYPE),
        ("bool", &crate::types::bool::BOOL_TYPE),
        ("float", &float::FLOAT_TYPE),
        ("complex", &complex::COMPLEX_TYPE),
        ("str", &str::STR_TYPE),
        ("bytes", &bytes::BYTES_TYPE),
        ("bytearray", &bytearray::BYTEARRAY_TYPE),
        ("tuple", &tuple::TUPLE_TYPE),
        ("list", &list::LIST_TYPE),
        ("dict", &dict_type::DICT_TYPE),
        ("set", &set::SET_TYPE),
        ("frozenset", &set::FROZENSET_TYPE),
        ("range", &range::RANGE_TYPE),
        ("slice", &slice::SLICE_TYPE),
        ("enumerate", &iterators::ENUMERATE_TYPE),
        ("zip", &iterators::ZIP_TYPE),
        ("map", &iterators::MAP_TYPE),
        ("filter", &iterators::FILTER_TYPE),
        ("reversed", &iterators::REVERSED_TYPE),
        ("property", &descriptors::PROPERTY_TYPE),
        ("staticmethod", &descriptors::STATICMETHOD_TYPE),
        ("classmethod", &descriptors::CLASSMETHOD_TYPE),
        ("super", &super_::SUPER_TYPE),
        ("memoryview", &crate::types::memoryview::MEMORYVIEW_TYPE),
    ];
    for (n, t) in types {
        mo.set_attr(n, t.as_obj_ref().to_owned());
    }
    mo.set_attr("None", none());
    mo.set_attr("True", true_());
    mo.set_attr("False", false_());
    mo.set_attr("Ellipsis", ellipsis());
    mo.set_attr("NotImplemented", not_implemented());
    mo.set_attr("__debug__", true_());
    mo.set_attr("BaseException", exceptions::BASE_EXCEPTION.as_obj_ref().to_owned());
    for e in exceptions::ALL {
        let t: &TypeObj = e;
        mo.set_attr(&t.name(), t.as_obj_ref().to_owned());
    }
    mo.set_attr("EnvironmentError", exceptions::OS_ERROR.as_obj_ref().to_owned());
    mo.set_attr("IOError", exceptions::OS_ERROR.as_obj_ref().to_owned());
    *BUILTINS.borrow_mut() = Some(m.clone());
    Ok(m)
}

#[allow(dead_code)]
fn keep(o: &Obj) -> &Obj {
    o.as_obj()
}
