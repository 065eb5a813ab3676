//! Calling objects.

use crate::object::abi;
use crate::object::{refs_as_borrowed, Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::tuple::{new_tuple, TupleObj};

/// Calls `callable(*args)` where `args` end with the values named by `kwnames`.
#[inline]
pub fn call(callable: &Obj, args: &[&Obj], kwnames: Option<&TupleObj>) -> PyResult {
    crate::eval::check_native_stack()?;
    abi::vectorcall(callable, args, kwnames)
}

#[inline]
pub fn call0(callable: &Obj) -> PyResult {
    call(callable, &[], None)
}

#[inline]
pub fn call1(callable: &Obj, a: &Obj) -> PyResult {
    call(callable, &[a], None)
}

#[inline]
pub fn call2(callable: &Obj, a: &Obj, b: &Obj) -> PyResult {
    call(callable, &[a, b], None)
}

/// Calls with owned positional arguments.
pub fn call_owned(callable: &Obj, args: &[PyRef]) -> PyResult {
    call(callable, refs_as_borrowed(args), None)
}

/// `callable(*args, **kwargs)` with a tuple-like slice and an optional dict.
pub fn call_with_kwargs(callable: &Obj, args: &[&Obj], kwargs: Option<&DictObj>) -> PyResult {
    let Some(kw) = kwargs.filter(|d| !d.is_empty()) else {
        return call(callable, args, None);
    };
    let items = kw.items();
    let mut names = Vec::with_capacity(items.len());
    let mut all: Vec<&Obj> = args.to_vec();
    for (k, _) in &items {
        if !k.isa::<crate::types::str::StrObj>() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        names.push(k.clone());
    }
    for (_, v) in &items {
        all.push(v);
    }
    let kwnames = new_tuple(names);
    call(callable, &all, kwnames.downcast::<TupleObj>())
}

/// Calls an unbound method `func` found on `self_`'s type with `self_` first.
pub fn call_method_obj(func: &Obj, self_: &Obj, args: &[&Obj]) -> PyResult {
    // A plain compiled method (special methods of Python classes called by
    // the runtime: operators, `__len__`, ...): straight into its code.
    if crate::eval::jit_hook::installed() {
        if let Some(r) = crate::eval::interp::call_compiled_with(func, Some(self_), args) {
            return r;
        }
    }
    let mut all: smallvec_like::Args = smallvec_like::Args::new();
    all.push(self_);
    for a in args {
        all.push(a);
    }
    if func.class().has_flag(crate::types::typeobj::flags::METHOD_DESCRIPTOR) {
        return call(func, all.as_slice(), None);
    }
    // Not a plain function: bind through the descriptor protocol.
    match func.class().descr_get.get() {
        Some(get) => {
            let bound = get(func, Some(self_), Some(self_.class()))?;
            call(&bound, args, None)
        }
        None => call(func, args, None),
    }
}

/// `obj.name(*args)`.
pub fn call_method(obj: &Obj, name: &str, args: &[&Obj]) -> PyResult {
    let m = super::getattr_str(obj, name)?;
    call(&m, args, None)
}

/// A small inline argument buffer (avoids heap allocation for short calls).
mod smallvec_like {
    use crate::object::Obj;

    pub struct Args<'a> {
        inline: [Option<&'a Obj>; 8],
        len: usize,
        spill: Vec<&'a Obj>,
    }

    impl<'a> Args<'a> {
        pub fn new() -> Self {
            Args { inline: [None; 8], len: 0, spill: Vec::new() }
        }
        pub fn push(&mut self, o: &'a Obj) {
            if self.len < 8 && self.spill.is_empty() {
                self.inline[self.len] = Some(o);
                self.len += 1;
            } else {
                if self.spill.is_empty() {
                    self.spill.extend(self.inline[..self.len].iter().flatten());
                }
                self.spill.push(o);
            }
        }
        pub fn as_slice(&self) -> &[&'a Obj] {
            if !self.spill.is_empty() {
                return &self.spill;
            }
            // `Option<&Obj>` has the layout of `&Obj` and the first `len` are Some.
            let s = &self.inline[..self.len];
            if s.iter().all(Option::is_some) {
                // SAFETY-free fallback: collect is avoided by the check above; the
                // transmute-free path below rebuilds a slice view.
                return as_refs(s);
            }
            &[]
        }
    }

    fn as_refs<'b, 'a>(s: &'b [Option<&'a Obj>]) -> &'b [&'a Obj] {
        crate::object::header::options_as_refs(s)
    }
}
