//! The compile policy and the JIT's state: which functions compile and when
//! (every function on its first call, listed functions only, after N calls),
//! what was compiled, what failed and why, and the statistics the benchmark
//! runner and `cinderjit` read.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use ember_vm::eval::frame::FramePtr;
use ember_vm::eval::jit_hook::{JitEntry, JitHook};
use ember_vm::object::{Obj, PyRef, Static};
use ember_vm::types::code::CodeObj;
use ember_vm::types::function::FunctionObj;
use ember_vm::types::str::StrObj;

use crate::compiler::{CodeGen, Compiled};
use crate::jitlist::{FunctionId, JitList};
use crate::options::JitOptions;

/// One compiled function.
pub struct Record {
    pub name: String,
    pub code: PyRef,
    pub compiled: Compiled,
}

/// The JIT's state (one per process; the interpreter is single-threaded).
pub struct Jit {
    pub opts: JitOptions,
    pub list: RefCell<Option<JitList>>,
    /// `cinderjit.disable()` turns compilation off; compiled code still runs.
    pub enabled: Cell<bool>,
    codegen: RefCell<Option<CodeGen>>,
    pub compiled: RefCell<Vec<Record>>,
    /// Code object address -> index in `compiled`.
    by_code: RefCell<HashMap<usize, usize>>,
    /// `module:qualname` -> why it runs interpreted.
    pub failures: RefCell<Vec<(String, String)>>,
    /// Code objects `jit_suppress` marked.
    suppressed: RefCell<Vec<PyRef>>,
    pub total_time: Cell<Duration>,
}

static JIT: Static<Cell<Option<&'static Jit>>> = Static(Cell::new(None));

/// The JIT, once `install` ran.
pub fn get() -> Option<&'static Jit> {
    JIT.0.get()
}

/// Creates the JIT's state from the options; installs the VM hook when the
/// JIT is enabled. Err: the message for a bad jit-list (exit status 2).
pub fn install(opts: JitOptions) -> Result<&'static Jit, String> {
    let list = match &opts.list_file {
        Some(path) => Some(JitList::read(std::path::Path::new(path)).map_err(|e| e.to_string())?),
        None => None,
    };
    let enabled = opts.enabled;
    let jit: &'static Jit = Box::leak(Box::new(Jit {
        opts,
        list: RefCell::new(list),
        enabled: Cell::new(enabled),
        codegen: RefCell::new(None),
        compiled: RefCell::new(Vec::new()),
        by_code: RefCell::new(HashMap::new()),
        failures: RefCell::new(Vec::new()),
        suppressed: RefCell::new(Vec::new()),
        total_time: Cell::new(Duration::ZERO),
    }));
    JIT.0.set(Some(jit));
    if enabled {
        ember_vm::eval::jit_hook::install(jit);
    }
    Ok(jit)
}

/// `module` of a function (its `__module__`, or its globals' `__name__`).
pub fn module_name(func: Option<&Obj>) -> String {
    let Some(f) = func.and_then(|f| f.downcast::<FunctionObj>()) else { return "__main__".to_string() };
    let m = f.module.get_clone();
    match m.downcast::<StrObj>() {
        Some(s) => s.as_str().to_string(),
        None => "__main__".to_string(),
    }
}

fn code_key(code: &CodeObj) -> usize {
    code as *const CodeObj as usize
}

impl Jit {
    /// Whether the jit-list (if any) names this function.
    pub fn listed(&self, module: &str, code: &CodeObj) -> bool {
        match &*self.list.borrow() {
            None => true,
            Some(list) => {
                let id = FunctionId {
                    module,
                    qualname: code.qualname_str(),
                    file: code.filename_str(),
                    first_line: code.first_line,
                };
                list.matches(&id, self.opts.match_line_numbers)
            }
        }
    }

    pub fn is_suppressed(&self, code: &CodeObj) -> bool {
        self.suppressed.borrow().iter().any(|c| c.as_ptr() as usize == code_key(code))
    }

    pub fn suppress(&self, code: &PyRef) {
        if let Some(c) = code.downcast::<CodeObj>() {
            c.jit.set_entry(None);
        }
        self.suppressed.borrow_mut().push(code.clone());
    }

    /// The compiled record of a code object.
    pub fn record_of<R>(&self, code: &CodeObj, f: impl FnOnce(&Record) -> R) -> Option<R> {
        let k = *self.by_code.borrow().get(&code_key(code))?;
        self.compiled.borrow().get(k).map(f)
    }

    /// Compiles `code` now (unless it is compiled already); returns the entry
    /// or why it cannot be compiled. The failure is recorded.
    pub fn compile(&self, code_ref: &PyRef, module: &str) -> Result<JitEntry, String> {
        let code = code_ref.downcast::<CodeObj>().ok_or("not a code object")?;
        if let Some(e) = code.jit.entry() {
            return Ok(e);
        }
        let name = format!("{module}:{}", code.qualname_str());
        if self.is_suppressed(code) {
            return Err("suppressed by jit_suppress".to_string());
        }
        let result = {
            let mut cg = self.codegen.borrow_mut();
            if cg.is_none() {
                *cg = Some(CodeGen::new()?);
            }
            let cg = cg.as_mut().ok_or("no code generator")?;
            cg.compile(code_ref, &name, &self.opts)
        };
        match result {
            Ok(compiled) => {
                let entry = compiled.entry;
                self.total_time.set(self.total_time.get() + compiled.compile_time);
                if self.opts.perfmap {
                    write_perfmap(entry as usize, compiled.code_bytes, &name);
                }
                code.jit.set_entry(Some(entry));
                let mut all = self.compiled.borrow_mut();
                self.by_code.borrow_mut().insert(code_key(code), all.len());
                all.push(Record { name, code: code_ref.clone(), compiled });
                Ok(entry)
            }
            Err(reason) => {
                code.jit.set_entry(None);
                self.failures.borrow_mut().push((name, reason.clone()));
                Err(reason)
            }
        }
    }

    /// Total machine code bytes.
    pub fn code_bytes(&self) -> usize {
        self.compiled.borrow().iter().map(|r| r.compiled.code_bytes).sum()
    }

    /// Writes the statistics file (`-X jit-stats-file`), if asked for.
    pub fn write_stats(&self) {
        let Some(path) = &self.opts.stats_file else { return };
        let text = format!(
            "{{\"compiled_functions\": {}, \"compile_time_ms\": {:.3}, \"code_bytes\": {}, \"failed_functions\": {}}}\n",
            self.compiled.borrow().len(),
            self.total_time.get().as_secs_f64() * 1000.0,
            self.code_bytes(),
            self.failures.borrow().len()
        );
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("ember: cannot write JIT statistics to {path}: {e}");
        }
    }
}

fn write_perfmap(addr: usize, size: usize, name: &str) {
    let path = format!("/tmp/perf-{}.map", std::process::id());
    let file = std::fs::OpenOptions::new().create(true).append(true).open(&path);
    if let Ok(mut f) = file {
        let _ = writeln!(f, "{addr:x} {size:x} {name}");
    }
}

impl JitHook for Jit {
    fn on_call(&self, frame: FramePtr, code: &CodeObj, calls: u32) -> Option<JitEntry> {
        if !self.enabled.get() {
            return None;
        }
        // Module and class bodies stay interpreted.
        if code.flags & ember_compiler::code::code_flags::OPTIMIZED == 0 {
            code.jit.set_entry(None);
            return None;
        }
        let module = module_name(frame.func().map(|f| &**f));
        if !self.listed(&module, code) || self.is_suppressed(code) {
            code.jit.set_entry(None);
            return None;
        }
        if let Some(n) = self.opts.auto {
            if calls <= n {
                return None;
            }
        }
        self.compile(frame.code_ref(), &module).ok()
    }
}
