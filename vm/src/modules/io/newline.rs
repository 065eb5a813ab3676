//! `IncrementalNewlineDecoder`: wraps an optional incremental decoder and
//! applies universal-newline handling to its output, holding a final `\r`
//! back until it knows whether `\n` follows.

use std::cell::Cell;

use super::textcodec::{newlines_obj, note_newlines, translate_newlines};
use crate::object::{Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::str::{from_string, StrObj};
use crate::types::typeobj::{Args, GetSetDef, MethodDef, TypeObj};
use crate::types::{int, none};
use crate::util::args;

#[repr(C)]
pub struct NlDecoderObj {
    pub ob: Obj,
    decoder: PyCell<Option<PyRef>>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seen: Cell<u8>,
}

fn this(o: &Obj) -> PyResult<&NlDecoderObj> {
    o.downcast::<NlDecoderObj>().ok_or_else(|| PyErr::type_error("IncrementalNewlineDecoder expected"))
}

fn nl_new(t: &TypeObj, _a: Args) -> PyResult {
    Ok(crate::object::alloc::alloc_object(
        t,
        NlDecoderObj {
            ob: Obj::new(t),
            decoder: PyCell::new(None),
            translate: Cell::new(false),
            pendingcr: Cell::new(false),
            seen: Cell::new(0),
        },
        0,
    ))
}

fn nl_init(o: &Obj, a: Args) -> PyResult<()> {
    let [decoder, translate, _errors] =
        args::parse(a, "IncrementalNewlineDecoder", &["decoder", "translate", "errors"], 2)?;
    let d = this(o)?;
    let decoder = decoder.filter(|d| !d.is_none()).map(|d| d.to_owned());
    let old = d.decoder.replace(decoder);
    drop(old);
    d.translate.set(ops::is_true(translate.unwrap_or(crate::types::none_ref()))?);
    d.pendingcr.set(false);
    d.seen.set(0);
    Ok(())
}

fn m_decode(a: Args) -> PyResult {
    let [s, input, last] = args::parse(a, "decode", &["self", "input", "final"], 2)?;
    let d = this(s.unwrap_or(crate::types::none_ref()))?;
    let input = input.unwrap_or(crate::types::none_ref());
    let last = match last {
        Some(f) => ops::is_true(f)?,
        None => false,
    };
    let output = match d.decoder.get_clone() {
        Some(dec) => {
            let kw = crate::types::tuple::new_tuple(vec![crate::types::str::intern("final")]);
            let kw = kw.downcast::<crate::types::tuple::TupleObj>();
            ops::call(&*ops::getattr_str(&dec, "decode")?, &[input, &crate::types::new_bool(last)], kw)?
        }
        None => input.to_owned(),
    };
    let Some(text) = output.downcast::<StrObj>() else {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            output.class().name()
        )));
    };
    let mut out = String::new();
    if d.pendingcr.get() && (!text.as_str().is_empty() || last) {
        out.push('\r');
        d.pendingcr.set(false);
    }
    out.push_str(text.as_str());
    if out.ends_with('\r') && !last {
        out.pop();
        d.pendingcr.set(true);
    }
    let mut seen = d.seen.get();
    let out = if d.translate.get() {
        translate_newlines(out, &mut seen)
    } else {
        note_newlines(&out, &mut seen);
        out
    };
    d.seen.set(seen);
    Ok(from_string(out))
}

fn m_getstate(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "getstate")?;
    let d = this(s)?;
    let (buf, flag) = match d.decoder.get_clone() {
        Some(dec) => {
            let st = ops::call_method(&dec, "getstate", &[])?;
            let items = ops::collect_vec(&st)?;
            if items.len() != 2 {
                return Err(PyErr::type_error("illegal decoder state"));
            }
            (items[0].clone(), int::expect_i64(&items[1], "long long")?)
        }
        None => (crate::types::bytes::new_bytes(b""), 0),
    };
    let flag = (flag << 1) | i64::from(d.pendingcr.get());
    Ok(crate::types::tuple::new_tuple(vec![buf, int::new_int(flag)]))
}

fn m_setstate(a: Args) -> PyResult {
    let [s, state] = args::exact::<2>(a, "setstate")?;
    let d = this(s)?;
    let items = ops::collect_vec(state)?;
    if items.len() != 2 {
        return Err(PyErr::type_error("state argument must be a tuple"));
    }
    let flag = int::expect_i64(&items[1], "long long")?;
    d.pendingcr.set(flag & 1 != 0);
    if let Some(dec) = d.decoder.get_clone() {
        let st = crate::types::tuple::new_tuple(vec![items[0].clone(), int::new_int(flag >> 1)]);
        ops::call_method(&dec, "setstate", &[&st])?;
    }
    Ok(none())
}

fn m_reset(a: Args) -> PyResult {
    let [s] = args::exact::<1>(a, "reset")?;
    let d = this(s)?;
    d.seen.set(0);
    d.pendingcr.set(false);
    if let Some(dec) = d.decoder.get_clone() {
        ops::call_method(&dec, "reset", &[])?;
    }
    Ok(none())
}

fn g_newlines(o: &Obj) -> PyResult {
    Ok(newlines_obj(this(o)?.seen.get()))
}

fn nl_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Ok(d) = this(o) {
        d.decoder.with(|x| {
            if let Some(x) = x {
                visit(x)
            }
        });
    }
}

fn nl_clear(o: &Obj) {
    if let Ok(d) = this(o) {
        let old = d.decoder.take();
        drop(old);
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("decode", m_decode),
    MethodDef::method("getstate", m_getstate),
    MethodDef::method("setstate", m_setstate),
    MethodDef::method("reset", m_reset),
];

static GETSETS: &[GetSetDef] = &[GetSetDef::getter("newlines", g_newlines)];

crate::static_type! {
    pub static NEWLINE_DECODER_TYPE: NlDecoderObj = "_io.IncrementalNewlineDecoder" {
        module: "_io",
        flags: BASETYPE | HAVE_GC,
        doc: "Codec used when reading a file in universal newlines mode.",
        methods: METHODS,
        getsets: GETSETS,
        slots: { new: nl_new, init: nl_init, traverse: nl_traverse, clear: nl_clear },
    }
}
