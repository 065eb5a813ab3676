//! Native modules, registered by name. Each module's `init` builds a fresh
//! module object the first time it is imported.

pub mod atexit;
pub mod gc_mod;
pub mod io_stub;
pub mod signal;
pub mod stdio;
pub mod sys;
pub mod warnings;

use crate::object::PyRef;
use crate::runtime::PyResult;
use crate::types::typeobj::TypeObj;

/// A native module: its import name and constructor.
pub struct NativeModule {
    pub name: &'static str,
    pub init: fn() -> PyResult<PyRef>,
}

/// Every native module.
pub static MODULES: &[NativeModule] = &[
    NativeModule { name: "atexit", init: atexit::init },
    NativeModule { name: "gc", init: gc_mod::init },
    NativeModule { name: "_signal", init: signal::init },
    NativeModule { name: "_string", init: crate::format::string_module::init },
    NativeModule { name: "_warnings", init: warnings::init },
];

/// Looks up a native module by name.
pub fn find(name: &str) -> Option<&'static NativeModule> {
    MODULES.iter().find(|m| m.name == name)
}

/// Names of the built-in modules (`sys.builtin_module_names`).
pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = MODULES.iter().map(|m| m.name).collect();
    v.push("sys");
    v.push("builtins");
    v.sort_unstable();
    v
}

/// Static types defined by native modules (readied at start-up).
pub fn static_types() -> Vec<&'static TypeObj> {
    vec![&stdio::STD_STREAM_TYPE.0, &crate::types::structseq::FIELD_TYPE.0]
}
