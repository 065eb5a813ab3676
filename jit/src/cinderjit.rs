//! The `cinderjit` module, with Cinder's names so programs written for Cinder
//! run unchanged, plus Ember's `get_compile_failures()` and `is_enabled()`.

use ember_vm::modules::NativeModule;
use ember_vm::object::{Obj, PyRef};
use ember_vm::runtime::{PyErr, PyResult};
use ember_vm::types::code::CodeObj;
use ember_vm::types::dict::DictObj;
use ember_vm::types::function::FunctionObj;
use ember_vm::types::module::{new_module, ModuleObj};
use ember_vm::types::typeobj::{Args, MethodDef};
use ember_vm::types::{float::new_float, int, list::new_list, new_bool, none, str::new_str};
use ember_vm::util::args::exact_fn;

use crate::driver::{self, module_name, Jit};

/// The module's registration.
pub static MODULE: NativeModule = NativeModule { name: "cinderjit", init };

fn jit() -> PyResult<&'static Jit> {
    driver::get().ok_or_else(|| PyErr::runtime_error("the JIT is not initialised"))
}

fn function_arg<'a>(o: &'a Obj, name: &str) -> PyResult<&'a FunctionObj> {
    o.downcast::<FunctionObj>()
        .ok_or_else(|| PyErr::type_error(format!("{name}() expected a function, got '{}'", o.class().name())))
}

fn func_code(f: &FunctionObj) -> PyRef {
    f.code()
}

/// Writes to `sys.stdout`, as `print` does.
fn write_stdout(text: &str) -> PyResult<()> {
    let sys = ember_vm::modules::sys::sys_module().ok_or_else(|| PyErr::runtime_error("lost sys"))?;
    let out = ember_vm::ops::getattr_str(&sys, "stdout")?;
    ember_vm::ops::call_method(&out, "write", &[&new_str(text)])?;
    Ok(())
}

fn is_enabled(a: Args) -> PyResult {
    exact_fn::<0>(a, "is_enabled")?;
    Ok(new_bool(driver::get().is_some_and(|j| j.enabled.get())))
}

fn force_compile(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "force_compile")?;
    let func = function_arg(f, "force_compile")?;
    let code = func_code(func);
    Ok(new_bool(jit()?.compile(&code, &module_name(Some(f))).is_ok()))
}

fn is_jit_compiled(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "is_jit_compiled")?;
    let func = function_arg(f, "is_jit_compiled")?;
    let code = func_code(func);
    Ok(new_bool(code.downcast::<CodeObj>().is_some_and(|c| c.jit.entry().is_some())))
}

fn disable(a: Args) -> PyResult {
    exact_fn::<0>(a, "disable")?;
    jit()?.enabled.set(false);
    Ok(none())
}

fn enable(a: Args) -> PyResult {
    exact_fn::<0>(a, "enable")?;
    let j = jit()?;
    j.enabled.set(true);
    if !ember_vm::eval::jit_hook::installed() {
        ember_vm::eval::jit_hook::install(j);
    }
    Ok(none())
}

fn get_compiled_functions(a: Args) -> PyResult {
    exact_fn::<0>(a, "get_compiled_functions")?;
    let names = jit()?.compiled.borrow().iter().map(|r| new_str(&r.name)).collect();
    Ok(new_list(names))
}

/// Compiles the functions reachable from loaded modules: module-level
/// functions and the methods of module-level classes (the pre-fork use).
fn precompile_all(a: Args) -> PyResult {
    exact_fn::<0>(a, "precompile_all")?;
    let j = jit()?;
    let modules = ember_vm::modules::sys::modules_dict();
    let Some(mods) = modules.downcast::<DictObj>() else { return Ok(new_bool(false)) };
    for (_, m) in mods.items() {
        if !m.isa::<ModuleObj>() {
            continue;
        }
        let Ok(d) = ember_vm::ops::getattr_str(&m, "__dict__") else { continue };
        compile_namespace(j, &d, 0);
    }
    Ok(new_bool(true))
}

fn compile_namespace(j: &Jit, ns: &Obj, depth: usize) {
    let Some(d) = ns.downcast::<DictObj>() else { return };
    for (_, v) in d.items() {
        compile_value(j, &v, depth);
    }
}

fn compile_value(j: &Jit, v: &Obj, depth: usize) {
    if let Some(f) = v.downcast::<FunctionObj>() {
        let code = func_code(f);
        if let Some(c) = code.downcast::<CodeObj>() {
            let module = module_name(Some(v));
            if c.jit.entry().is_none() && !c.jit.decided() && j.listed(&module, c) {
                let _ = j.compile(&code, &module);
            }
        }
        return;
    }
    if depth < 4 && v.isa::<ember_vm::types::typeobj::TypeObj>() {
        if let Ok(d) = ember_vm::ops::getattr_str(v, "__dict__") {
            if let Ok(items) = ember_vm::ops::call_method(&d, "values", &[]) {
                if let Ok(list) = ember_vm::ops::collect_vec(&items) {
                    for item in list {
                        compile_value(j, &item, depth + 1);
                    }
                }
            }
        }
        return;
    }
    // staticmethod and classmethod objects wrap their function.
    if depth < 5 {
        if let Ok(inner) = ember_vm::ops::getattr_str(v, "__func__") {
            compile_value(j, &inner, depth + 1);
        }
    }
}

fn get_and_clear_runtime_stats(a: Args) -> PyResult {
    exact_fn::<0>(a, "get_and_clear_runtime_stats")?;
    let events = crate::deopt::take_events();
    let mut entries = Vec::new();
    for (k, count) in events {
        let normal = ember_vm::types::dict::new_dict();
        let nd = normal.downcast::<DictObj>().expect("dict");
        nd.set_item(&new_str("func_qualname"), new_str(&k.qualname))?;
        nd.set_item(&new_str("filename"), new_str(&k.filename))?;
        nd.set_item(&new_str("reason"), new_str(k.reason))?;
        if let Some(t) = &k.guilty_type {
            nd.set_item(&new_str("guilty_type"), new_str(t))?;
        }
        let ints = ember_vm::types::dict::new_dict();
        let id = ints.downcast::<DictObj>().expect("dict");
        id.set_item(&new_str("lineno"), int::from_usize(k.line as usize))?;
        id.set_item(&new_str("count"), int::from_usize(count as usize))?;
        let entry = ember_vm::types::dict::new_dict();
        let ed = entry.downcast::<DictObj>().expect("dict");
        ed.set_item(&new_str("normal"), normal)?;
        ed.set_item(&new_str("int"), ints)?;
        entries.push(entry);
    }
    let out = ember_vm::types::dict::new_dict();
    out.downcast::<DictObj>().expect("dict").set_item(&new_str("deopt"), new_list(entries))?;
    Ok(out)
}

fn jit_suppress(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "jit_suppress")?;
    let func = function_arg(f, "jit_suppress")?;
    jit()?.suppress(&func_code(func));
    Ok(f.to_owned())
}

fn append_jit_list(a: Args) -> PyResult {
    let [line] = exact_fn::<1>(a, "append_jit_list")?;
    let line = line.downcast::<ember_vm::types::str::StrObj>().ok_or_else(|| PyErr::type_error("expected a str"))?;
    let j = jit()?;
    let mut list = j.list.borrow_mut();
    let list = list.get_or_insert_with(crate::jitlist::JitList::new);
    list.add_line(line.as_str()).map_err(PyErr::value_error)?;
    Ok(none())
}

fn read_jit_list(a: Args) -> PyResult {
    let [path] = exact_fn::<1>(a, "read_jit_list")?;
    let path = path.downcast::<ember_vm::types::str::StrObj>().ok_or_else(|| PyErr::type_error("expected a str"))?;
    let read = crate::jitlist::JitList::read(std::path::Path::new(path.as_str()))
        .map_err(|e| PyErr::value_error(e.to_string()))?;
    let j = jit()?;
    let mut list = j.list.borrow_mut();
    let list = list.get_or_insert_with(crate::jitlist::JitList::new);
    for entry in read.entries() {
        list.add_line(&entry).map_err(PyErr::value_error)?;
    }
    Ok(none())
}

fn get_jit_list(a: Args) -> PyResult {
    exact_fn::<0>(a, "get_jit_list")?;
    let list = jit()?.list.borrow();
    let entries = list.as_ref().map(|l| l.entries()).unwrap_or_default();
    Ok(new_list(entries.iter().map(|e| new_str(e)).collect()))
}

/// The compiled record of function `f`, through `get`.
fn with_record<R>(f: &Obj, name: &str, get: impl FnOnce(&crate::driver::Record) -> R) -> PyResult<Option<R>> {
    let func = function_arg(f, name)?;
    let code = func_code(func);
    let Some(c) = code.downcast::<CodeObj>() else { return Ok(None) };
    Ok(jit()?.record_of(c, get))
}

fn print_hir(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "print_hir")?;
    match with_record(f, "print_hir", |r| ember_hir::text::print(&r.compiled.final_hir))? {
        Some(text) => {
            write_stdout(&text)?;
            Ok(none())
        }
        None => Err(PyErr::value_error("function is not compiled")),
    }
}

fn disassemble(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "disassemble")?;
    match with_record(f, "disassemble", |r| r.compiled.disasm.clone())? {
        Some(Some(text)) => {
            write_stdout(&text)?;
            Ok(none())
        }
        Some(None) => Err(PyErr::value_error("no disassembly kept: run with -X jit-dump-asm")),
        None => Err(PyErr::value_error("function is not compiled")),
    }
}

fn get_compiled_size(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "get_compiled_size")?;
    Ok(int::from_usize(with_record(f, "get_compiled_size", |r| r.compiled.code_bytes)?.unwrap_or(0)))
}

fn get_compilation_time(a: Args) -> PyResult {
    exact_fn::<0>(a, "get_compilation_time")?;
    Ok(int::from_usize(jit()?.total_time.get().as_millis() as usize))
}

fn get_function_compilation_time(a: Args) -> PyResult {
    let [f] = exact_fn::<1>(a, "get_function_compilation_time")?;
    match with_record(f, "get_function_compilation_time", |r| r.compiled.compile_time)? {
        Some(t) => Ok(new_float(t.as_secs_f64() * 1000.0)),
        None => Ok(none()),
    }
}

fn get_compile_failures(a: Args) -> PyResult {
    exact_fn::<0>(a, "get_compile_failures")?;
    let out = ember_vm::types::dict::new_dict();
    let d = out.downcast::<DictObj>().expect("dict");
    for (name, reason) in jit()?.failures.borrow().iter() {
        d.set_item(&new_str(name), new_str(reason))?;
    }
    Ok(out)
}

static FUNCS: &[MethodDef] = &[
    MethodDef::method("is_enabled", is_enabled),
    MethodDef::method("force_compile", force_compile),
    MethodDef::method("is_jit_compiled", is_jit_compiled),
    MethodDef::method("disable", disable),
    MethodDef::method("enable", enable),
    MethodDef::method("get_compiled_functions", get_compiled_functions),
    MethodDef::method("precompile_all", precompile_all),
    MethodDef::method("get_and_clear_runtime_stats", get_and_clear_runtime_stats),
    MethodDef::method("jit_suppress", jit_suppress),
    MethodDef::method("append_jit_list", append_jit_list),
    MethodDef::method("read_jit_list", read_jit_list),
    MethodDef::method("get_jit_list", get_jit_list),
    MethodDef::method("print_hir", print_hir),
    MethodDef::method("disassemble", disassemble),
    MethodDef::method("get_compiled_size", get_compiled_size),
    MethodDef::method("get_compilation_time", get_compilation_time),
    MethodDef::method("get_function_compilation_time", get_function_compilation_time),
    MethodDef::method("get_compile_failures", get_compile_failures),
];

fn init() -> PyResult<PyRef> {
    let m = new_module("cinderjit");
    m.downcast::<ModuleObj>().expect("module").add_functions(&m, FUNCS);
    Ok(m)
}
