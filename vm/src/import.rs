//! The import system: `sys.modules`, native modules, and `.py` modules and
//! packages found on `sys.path` (Ember's `Lib/` first), with relative
//! imports, `from m import *` and CPython's error messages.

use std::path::{Path, PathBuf};

use crate::eval::frame::FramePtr;
use crate::object::{AsObj, Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exceptions::{self, set_extra, EXTRA_IMPORT_NAME, EXTRA_IMPORT_PATH};
use crate::types::module::{new_module, ModuleObj};
use crate::types::none;
use crate::types::str::{intern, new_str, StrObj};
use crate::types::tuple::TupleObj;

fn module_not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::new(&exceptions::MODULE_NOT_FOUND_ERROR, msg);
    set_extra(e.exc(), EXTRA_IMPORT_NAME, Some(new_str(name)));
    e
}

fn sys_modules() -> PyRef {
    crate::modules::sys::modules_dict()
}

fn modules_get(name: &str) -> PyResult<Option<PyRef>> {
    let m = sys_modules();
    match m.downcast::<DictObj>() {
        Some(d) => Ok(d.get_by_str(name)),
        None => match ops::getitem(&m, &new_str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&exceptions::KEY_ERROR) => Ok(None),
            Err(e) => Err(e),
        },
    }
}

fn modules_set(name: &str, m: &PyRef) -> PyResult<()> {
    ops::setitem(&sys_modules(), &new_str(name), m)
}

fn modules_del(name: &str) {
    let _ = ops::delitem(&sys_modules(), &new_str(name));
}

/// Imports `name` (absolute, dotted) and returns the module itself.
pub fn import_module(name: &str) -> PyResult {
    if let Some(m) = modules_get(name)? {
        if m.is_none() {
            return Err(module_not_found(name, format!("import of {name} halted; None in sys.modules")));
        }
        return Ok(m);
    }
    let (parent, child) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let search: Vec<PathBuf> = match parent {
        Some(p) => {
            let pm = import_module(p)?;
            // Importing the parent may have imported this module as a side effect.
            if let Some(m) = modules_get(name)? {
                return Ok(m);
            }
            let Some(path) = ops::lookup_attr(&pm, "__path__")? else {
                return Err(module_not_found(name, format!("No module named '{name}'; '{p}' is not a package")));
            };
            ops::collect_vec(&path)?.iter().map(|p| PathBuf::from(ops::str_lossy(p))).collect()
        }
        None => {
            if let Some(native) = crate::modules::find(name) {
                let m = (native.init)()?;
                modules_set(name, &m)?;
                return Ok(m);
            }
            sys_path()?
        }
    };
    let Some(found) = find_source(&search, child) else {
        return Err(module_not_found(name, format!("No module named '{name}'")));
    };
    let m = load_source_module(name, &found)?;
    if let Some(p) = parent {
        if let Some(pm) = modules_get(p)? {
            ops::setattr_str(&pm, child, &m)?;
        }
    }
    Ok(m)
}

/// `sys.path` as paths ("" means the current directory).
fn sys_path() -> PyResult<Vec<PathBuf>> {
    let Some(p) = crate::modules::sys::sys_attr("path") else { return Ok(Vec::new()) };
    Ok(ops::collect_vec(&p)?
        .iter()
        .filter_map(|e| {
            e.downcast::<StrObj>().map(|s| PathBuf::from(if s.as_str().is_empty() { "." } else { s.as_str() }))
        })
        .collect())
}

/// A module found on disk.
struct Found {
    file: PathBuf,
    package_dir: Option<PathBuf>,
}

fn find_source(search: &[PathBuf], name: &str) -> Option<Found> {
    for dir in search {
        let pkg = dir.join(name);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some(Found { file: init, package_dir: Some(pkg) });
        }
        let file = dir.join(format!("{name}.py"));
        if file.is_file() {
            return Some(Found { file, package_dir: None });
        }
    }
    None
}

fn display_path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

thread_local! {
    /// Addresses of the modules whose code is running right now (imports in progress).
    static INITIALIZING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Marks a module as initialising while its body runs (CPython's
/// `__spec__._initializing`), for the circular-import hint of `from m import x`.
struct Initializing(usize);

impl Initializing {
    fn enter(m: &Obj) -> Self {
        let addr = m as *const Obj as usize;
        INITIALIZING.with(|v| v.borrow_mut().push(addr));
        Initializing(addr)
    }

    fn contains(m: &Obj) -> bool {
        let addr = m as *const Obj as usize;
        INITIALIZING.with(|v| v.borrow().contains(&addr))
    }
}

impl Drop for Initializing {
    fn drop(&mut self) {
        INITIALIZING.with(|v| {
            let mut v = v.borrow_mut();
            if let Some(i) = v.iter().rposition(|a| *a == self.0) {
                v.remove(i);
            }
        });
    }
}

fn load_source_module(name: &str, found: &Found) -> PyResult {
    let source = std::fs::read(&found.file).map_err(|e| crate::modules::sys::os_error(&e))?;
    let filename = display_path(&found.file);
    let text = crate::source::decode(&source, &filename)?;
    let m = new_module(name);
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.set_attr("__file__", new_str(&filename));
    let package = match &found.package_dir {
        Some(dir) => {
            mo.set_attr("__path__", crate::types::list::new_list(vec![new_str(&display_path(dir))]));
            name.to_string()
        }
        None => name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string()),
    };
    mo.set_attr("__package__", new_str(&package));
    mo.set_attr("__cached__", none());
    mo.set_attr("__builtins__", crate::builtins::builtins_module());
    modules_set(name, &m)?;
    let code = match crate::compile_source(&text, &filename, ember_compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            modules_del(name);
            return Err(e);
        }
    };
    let globals = mo.dict();
    let result = {
        let _init = Initializing::enter(&m);
        crate::eval::run_code(&code, &globals, Some(globals.clone()))
    };
    if let Err(e) = result {
        modules_del(name);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(modules_get(name)?.unwrap_or(m))
}

/// Runs `source` as the `__main__` module.
pub fn run_main_source(source: &str, filename: &str, path_attr: Option<&str>) -> PyResult {
    let m = new_module("__main__");
    let mo = m.downcast::<ModuleObj>().expect("module");
    if let Some(f) = path_attr {
        mo.set_attr("__file__", new_str(f));
    }
    mo.set_attr("__builtins__", crate::builtins::builtins_module());
    mo.set_attr("__cached__", none());
    modules_set("__main__", &m)?;
    crate::errors::register_source(filename, source);
    let code = crate::compile_source(source, filename, ember_compiler::Mode::Exec)?;
    let globals = mo.dict();
    crate::eval::run_code(&code, &globals, Some(globals.clone()))
}

fn main_module() -> PyResult {
    if let Some(m) = modules_get("__main__")? {
        return Ok(m);
    }
    let m = new_module("__main__");
    m.downcast::<ModuleObj>().expect("module").set_attr("__builtins__", crate::builtins::builtins_module());
    modules_set("__main__", &m)?;
    Ok(m)
}

/// Compiles one interactive statement (`single` mode, file `<stdin>`).
pub fn compile_interactive(source: &str) -> PyResult {
    crate::compile_source(source, "<stdin>", ember_compiler::Mode::Single)
}

/// Runs a statement compiled by [`compile_interactive`] in `__main__`.
pub fn run_interactive(code: &PyRef) -> PyResult<()> {
    let m = main_module()?;
    let globals = m.downcast::<ModuleObj>().expect("module").dict();
    crate::eval::run_code(code, &globals, Some(globals.clone()))?;
    Ok(())
}

/// Why `-m name` found nothing to run.
pub enum MainModuleError {
    /// The module could not be located; the message follows the program name
    /// (`ember: No module named x`), and the exit status is 1.
    NotFound(String),
    /// Importing a parent package raised.
    Raised(PyErr),
}

/// `-m module`: finds the module's source, as CPython's `runpy` does. Returns
/// the module's full name (`pkg.__main__` for a package) and its file.
pub fn find_main_module(name: &str) -> Result<(String, PathBuf), MainModuleError> {
    use MainModuleError::{NotFound, Raised};
    if name.is_empty() || name.starts_with('.') {
        return Err(NotFound("Relative module names not supported".to_string()));
    }
    let (search, child) = match name.rsplit_once('.') {
        Some((parent, child)) => {
            let pm = match import_module(parent) {
                Ok(m) => m,
                Err(e) => {
                    let exc = e.into_exc();
                    if !exc.class().is_subtype(&exceptions::IMPORT_ERROR) {
                        return Err(Raised(PyErr::from_exc(exc)));
                    }
                    let what = format!("{}: {}", exc.class().name(), ops::str_lossy(&exc));
                    return Err(NotFound(format!("Error while finding module specification for '{name}' ({what})")));
                }
            };
            let path = ops::lookup_attr(&pm, "__path__").map_err(Raised)?;
            let Some(path) = path else {
                let what = format!(
                    "ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{name}'"
                );
                return Err(NotFound(format!("Error while finding module specification for '{name}' ({what})")));
            };
            let dirs = ops::collect_vec(&path).map_err(Raised)?;
            (dirs.iter().map(|p| PathBuf::from(ops::str_lossy(p))).collect(), child.to_string())
        }
        None => (sys_path().map_err(Raised)?, name.to_string()),
    };
    let Some(found) = find_source(&search, &child) else {
        if crate::modules::find(name).is_some() {
            return Err(NotFound(format!("No code object available for {name}")));
        }
        return Err(NotFound(format!("No module named {name}")));
    };
    if found.package_dir.is_some() {
        return match find_main_module(&format!("{name}.__main__")) {
            Err(NotFound(_)) => Err(NotFound(format!(
                "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
            ))),
            other => other,
        };
    }
    Ok((name.to_string(), found.file))
}

/// Runs the source file found by [`find_main_module`] as `__main__`.
pub fn run_module_as_main(name: &str, file: &Path) -> PyResult {
    let filename = display_path(file);
    let source = std::fs::read(file).map_err(|e| crate::modules::sys::os_error(&e))?;
    if let Some(argv) = crate::modules::sys::sys_attr("argv") {
        if let Some(l) = argv.downcast::<crate::types::list::ListObj>() {
            if !l.is_empty() {
                l.set(0, new_str(&filename));
            }
        }
    }
    let m = main_module()?;
    let mo = m.downcast::<ModuleObj>().expect("module");
    mo.set_attr("__file__", new_str(&filename));
    mo.set_attr("__package__", new_str(name.rsplit_once('.').map_or("", |(p, _)| p)));
    let text = crate::source::decode(&source, &filename)?;
    crate::errors::register_source(&filename, &text);
    let code = crate::compile_source(&text, &filename, ember_compiler::Mode::Exec)?;
    let globals = mo.dict();
    crate::eval::run_code(&code, &globals, Some(globals.clone()))
}

/// The absolute name for a relative import.
fn resolve_name(name: &str, globals: Option<&Obj>, level: i64) -> PyResult<String> {
    let g = globals.and_then(|g| g.downcast::<DictObj>());
    let package = match g {
        Some(g) => match g.get_by_str("__package__").filter(|p| !p.is_none()) {
            Some(p) => {
                if !p.isa::<StrObj>() {
                    return Err(PyErr::type_error("package must be a string"));
                }
                StrObj::text(&p).to_string()
            }
            None => {
                let modname = g.get_by_str("__name__").map(|n| ops::str_lossy(&n)).unwrap_or_default();
                if g.get_by_str("__path__").is_some() {
                    modname
                } else {
                    modname.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string())
                }
            }
        },
        None => String::new(),
    };
    if package.is_empty() {
        return Err(PyErr::new(&exceptions::IMPORT_ERROR, "attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(PyErr::new(&exceptions::IMPORT_ERROR, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() + 1 - level as usize].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(name: &Obj, globals: Option<&Obj>, fromlist: Option<&Obj>, level: i64) -> PyResult {
    let Some(n) = name.downcast::<StrObj>() else {
        return Err(PyErr::type_error("module name must be str, not ".to_string() + &name.class().name()));
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let name = n.as_str();
    if level == 0 && name.is_empty() {
        return Err(PyErr::value_error("Empty module name"));
    }
    let abs = if level > 0 { resolve_name(name, globals, level)? } else { name.to_string() };
    let module = import_module(&abs)?;
    let from: Vec<PyRef> = match fromlist {
        Some(f) => ops::collect_vec(f)?,
        None => Vec::new(),
    };
    if from.is_empty() {
        if level == 0 {
            let top = name.split('.').next().unwrap_or(name);
            return import_module(top);
        }
        if name.is_empty() {
            return Ok(module);
        }
        let cut = name.len() - name.split('.').next().unwrap_or(name).len();
        let modname = abs[..abs.len() - cut].to_string();
        return modules_get(&modname)?
            .ok_or_else(|| PyErr::new(&exceptions::KEY_ERROR, format!("{modname:?} not in sys.modules as expected")));
    }
    handle_fromlist(&module, &from, &abs)?;
    Ok(module)
}

/// Imports submodules named in a `from package import a, b` list.
fn handle_fromlist(module: &PyRef, fromlist: &[PyRef], modname: &str) -> PyResult<()> {
    if ops::lookup_attr(module, "__path__")?.is_none() {
        return Ok(());
    }
    for x in fromlist {
        let Some(xs) = x.downcast::<StrObj>() else {
            return Err(PyErr::type_error(format!("Item in {modname}.__all__ must be str, not {}", x.class().name())));
        };
        if xs.as_str() == "*" {
            if let Some(all) = ops::lookup_attr(module, "__all__")? {
                let items = ops::collect_vec(&all)?;
                handle_fromlist(module, &items, modname)?;
            }
            continue;
        }
        if ops::lookup_attr(module, xs.as_str())?.is_none() {
            let sub = format!("{modname}.{}", xs.as_str());
            match import_module(&sub) {
                Ok(_) => {}
                Err(e) if e.matches(&exceptions::MODULE_NOT_FOUND_ERROR) => {
                    let missing =
                        e.exc().downcast::<exceptions::ExceptionObj>().and_then(|x| x.get_extra(EXTRA_IMPORT_NAME));
                    if missing.is_some_and(|m| StrObj::text(&m) == sub) {
                        continue;
                    }
                    return Err(e);
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// `IMPORT_NAME`.
pub fn import_name(f: &FramePtr, name: &Obj, fromlist: &Obj, level: &Obj) -> PyResult {
    let level = crate::types::int::as_i64(level).unwrap_or(0);
    let import_fn = {
        let b = f.builtins();
        let key = intern("__import__");
        match b.downcast::<DictObj>() {
            Some(d) => d.get_item(&key)?,
            None => Some(ops::getitem(b, &key)?),
        }
    };
    let Some(import_fn) = import_fn else {
        return Err(PyErr::new(&exceptions::IMPORT_ERROR, "__import__ not found"));
    };
    let is_native = import_fn
        .downcast::<crate::types::builtin_func::BuiltinFunctionObj>()
        .is_some_and(|b| b.def.name == "__import__");
    let globals = f.globals().to_owned();
    let fl = if fromlist.is_none() { None } else { Some(fromlist) };
    if is_native {
        return import_module_level(name, Some(&globals), fl, level);
    }
    let locals = f.locals().cloned().unwrap_or_else(none);
    ops::call(&import_fn, &[name, &globals, &locals, fromlist, &crate::types::int::new_int(level)], None)
}

/// `IMPORT_FROM`: an attribute, or a submodule, or ImportError.
pub fn import_from(module: &Obj, name: &Obj) -> PyResult {
    if let Some(v) = ops::lookup_attr_obj(module, name)? {
        return Ok(v);
    }
    let n = StrObj::text(name);
    let modname = ops::lookup_attr(module, "__name__")?.filter(|m| m.isa::<StrObj>());
    if let Some(mn) = &modname {
        let full = format!("{}.{n}", StrObj::text(mn));
        if let Some(m) = modules_get(&full)? {
            return Ok(m);
        }
    }
    let mname = modname.as_ref().map_or("<unknown module name>".to_string(), |m| StrObj::text(m).to_string());
    let file = ops::lookup_attr(module, "__file__")?.filter(|f| f.isa::<StrObj>());
    let location = match &file {
        Some(f) => StrObj::text(f).to_string(),
        None => "unknown location".to_string(),
    };
    let msg = if Initializing::contains(module) {
        format!(
            "cannot import name '{n}' from partially initialized module '{mname}' (most likely due to a circular import) ({location})"
        )
    } else {
        format!("cannot import name '{n}' from '{mname}' ({location})")
    };
    let e = PyErr::new(&exceptions::IMPORT_ERROR, msg);
    set_extra(e.exc(), EXTRA_IMPORT_NAME, modname);
    set_extra(e.exc(), EXTRA_IMPORT_PATH, file);
    Err(e)
}

/// `IMPORT_STAR`: copies public names (or `__all__`) into the locals mapping.
pub fn import_star(f: &FramePtr, module: &Obj) -> PyResult<()> {
    let Some(locals) = f.locals().cloned() else {
        return Err(PyErr::system_error("no locals found during 'import *'"));
    };
    let (names, check_private) = match ops::lookup_attr(module, "__all__")? {
        Some(all) => (ops::collect_vec(&all)?, false),
        None => {
            let Some(d) = ops::lookup_attr(module, "__dict__")? else {
                return Err(PyErr::new(
                    &exceptions::IMPORT_ERROR,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            (ops::collect_vec(&*ops::call_method(&d, "keys", &[])?)?, true)
        }
    };
    for n in names {
        let Some(ns) = n.downcast::<StrObj>() else {
            let modname = ops::lookup_attr(module, "__name__")?.map(|m| ops::str_lossy(&m)).unwrap_or_default();
            let what = if check_private { "Key in __dict__" } else { "Item in __all__" };
            return Err(PyErr::type_error(format!("{what} of {modname} must be str, not {}", n.class().name())));
        };
        if check_private && ns.as_str().starts_with('_') {
            continue;
        }
        let v = ops::getattr(module, &n)?;
        if let Some(d) = locals.downcast_exact::<DictObj>() {
            d.set_item(&n, v)?;
        } else {
            ops::setitem(&locals, &n, &v)?;
        }
    }
    Ok(())
}

/// Keeps the tuple type referenced for fromlist conversions.
#[allow(dead_code)]
fn _keep(t: &TupleObj) -> &Obj {
    t.as_obj()
}
