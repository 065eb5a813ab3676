//! Native modules, registered by name. Each module's `init` builds a fresh
//! module object the first time it is imported.

pub mod array;
pub mod ast;
pub mod atexit;
pub mod binascii;
mod binascii_qp;
pub mod bisect;
pub mod cmath;
pub mod codecs_registry;
pub mod collections;
pub mod contextvars;
pub mod defaultdict;
pub mod deque;
mod exc_class;
pub mod functools;
pub mod gc_mod;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod linecache;
pub mod locale;
pub mod marshal;
pub mod math;
mod math_int;
mod math_special;
pub mod native_type;
pub mod operator;
pub mod posix;
pub mod posixsubprocess;
pub mod random;
pub mod select;
pub mod sha512;
pub mod signal;
pub mod socket;
pub mod sre;
pub mod stdio;
pub mod struct_mod;
pub mod sys;
pub mod thread;
pub mod time;
pub mod unicodedata;
pub mod warnings;
pub mod weakref;

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
    NativeModule { name: "array", init: array::init },
    NativeModule { name: "atexit", init: atexit::init },
    NativeModule { name: "binascii", init: binascii::init },
    NativeModule { name: "cmath", init: cmath::init },
    NativeModule { name: "gc", init: gc_mod::init },
    NativeModule { name: "itertools", init: itertools::init },
    NativeModule { name: "_collections", init: collections::init },
    NativeModule { name: "_ast", init: ast::init },
    NativeModule { name: "_contextvars", init: contextvars::init },
    NativeModule { name: "_bisect", init: bisect::init },
    NativeModule { name: "_codecs", init: codecs_registry::init },
    NativeModule { name: "_functools", init: functools::init },
    NativeModule { name: "_heapq", init: heapq::init },
    NativeModule { name: "_io", init: io::init },
    NativeModule { name: "_json", init: json::init },
    NativeModule { name: "_linecache", init: linecache::init },
    NativeModule { name: "_locale", init: locale::init },
    NativeModule { name: "_operator", init: operator::init },
    NativeModule { name: "errno", init: posix::errno::init },
    NativeModule { name: "marshal", init: marshal::init },
    NativeModule { name: "math", init: math::init },
    NativeModule { name: "posix", init: posix::init },
    NativeModule { name: "_posixsubprocess", init: posixsubprocess::init },
    NativeModule { name: "_random", init: random::init },
    NativeModule { name: "_sha512", init: sha512::init },
    NativeModule { name: "_signal", init: signal::init },
    NativeModule { name: "select", init: select::init },
    NativeModule { name: "_socket", init: socket::init },
    NativeModule { name: "_sre", init: sre::init },
    NativeModule { name: "_stat", init: posix::stat_mod::init },
    NativeModule { name: "_thread", init: thread::init },
    NativeModule { name: "time", init: time::init },
    NativeModule { name: "unicodedata", init: unicodedata::init },
    NativeModule { name: "_string", init: crate::format::string_module::init },
    NativeModule { name: "_struct", init: struct_mod::init },
    NativeModule { name: "_warnings", init: warnings::init },
    NativeModule { name: "_weakref", init: weakref::init },
];

/// Looks up a native module by name.
pub fn find(name: &str) -> Option<&'static NativeModule> {
    MODULES.iter().find(|m| m.name == name).or_else(|| EXTRA.borrow().iter().copied().find(|m| m.name == name))
}

/// Native modules other crates add at start-up (the JIT's `cinderjit`).
static EXTRA: crate::object::Static<std::cell::RefCell<Vec<&'static NativeModule>>> =
    crate::object::Static(std::cell::RefCell::new(Vec::new()));

/// Adds a native module defined outside the VM (before any import of it).
pub fn register(m: &'static NativeModule) {
    EXTRA.borrow_mut().push(m);
}

/// Names of the built-in modules (`sys.builtin_module_names`).
pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = MODULES.iter().map(|m| m.name).collect();
    v.extend(EXTRA.borrow().iter().map(|m| m.name));
    v.push("sys");
    v.push("builtins");
    v.sort_unstable();
    v
}

/// Static types defined by native modules (readied at start-up).
pub fn static_types() -> Vec<&'static TypeObj> {
    let mut v = vec![
        &stdio::STD_STREAM_TYPE.0,
        &crate::types::structseq::FIELD_TYPE.0,
        &functools::PARTIAL_TYPE.0,
        &functools::KEYWRAPPER_TYPE.0,
        &operator::ITEMGETTER_TYPE.0,
        &operator::ATTRGETTER_TYPE.0,
        &operator::METHODCALLER_TYPE.0,
        &deque::DEQUE_TYPE.0,
        &deque::DEQUE_ITER_TYPE.0,
        &deque::DEQUE_REVITER_TYPE.0,
        &defaultdict::DEFAULTDICT_TYPE.0,
        &collections::TUPLEGETTER_TYPE.0,
        &random::RANDOM_TYPE.0,
        &sha512::SHA512_TYPE.0,
    ];
    v.extend(array::types());
    v.extend(ast::types());
    v.extend(itertools::types());
    v.extend(sre::types());
    v.extend(io::types());
    v.extend(posix::types());
    v.extend(select::types());
    v.extend(socket::types());
    v.extend(weakref::types());
    v.extend(thread::types());
    v.extend(struct_mod::types());
    v.extend(contextvars::types());
    v.extend(json::types());
    v
}
