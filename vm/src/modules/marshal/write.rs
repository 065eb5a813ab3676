//! `marshal.dumps`: CPython's writer. From version 3 on, an object other
//! references may share (its reference count is not one; immortal objects
//! included) is flagged and a second occurrence becomes a back reference,
//! which is also how self-containing lists and dicts are written.
//! Strings are never written with the "interned" codes (see below).

use std::collections::HashMap;

use num_bigint::Sign;

use super::*;
use crate::object::Obj;
use crate::types::complex::{ComplexObj, COMPLEX_TYPE};
use crate::types::dict::DictObj;
use crate::types::dict_type::DICT_TYPE;
use crate::types::exceptions::STOP_ITERATION;
use crate::types::float::{FloatObj, FLOAT_TYPE};
use crate::types::int::{IntObj, IntVal, INT_TYPE};
use crate::types::list::{ListObj, LIST_TYPE};
use crate::types::set::{anyset, FROZENSET_TYPE, SET_TYPE};
use crate::types::str::{StrObj, STR_TYPE};
use crate::types::tuple::TUPLE_TYPE;

struct Writer {
    out: Vec<u8>,
    version: i64,
    depth: usize,
    /// Flagged objects by address, with their reference index.
    refs: HashMap<usize, u32>,
}

#[cold]
fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

pub fn dumps(v: &Obj, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, depth: 0, refs: HashMap::new() };
    w.object(v)?;
    Ok(w.out)
}

/// A length as the format's signed 32-bit count.
fn size32(n: usize) -> PyResult<u32> {
    if n > i32::MAX as usize {
        return Err(unmarshallable());
    }
    Ok(n as u32)
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn pstring(&mut self, data: &[u8]) -> PyResult<()> {
        self.long(size32(data.len())?);
        self.out.extend_from_slice(data);
        Ok(())
    }

    fn object(&mut self, v: &Obj) -> PyResult<()> {
        self.depth += 1;
        let r = self.object_inner(v);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Obj) -> PyResult<()> {
        if self.depth > MAX_DEPTH {
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        if v.is_none() {
            self.byte(NONE);
        } else if v.is(STOP_ITERATION.as_obj_ref()) {
            self.byte(STOPITER);
        } else if v.is(&crate::types::none::ELLIPSIS.ob) {
            self.byte(ELLIPSIS);
        } else if v.is_false_singleton() {
            self.byte(FALSE);
        } else if v.is_true_singleton() {
            self.byte(TRUE);
        } else {
            let mut flag = 0;
            if self.version >= 3 && v.refcnt() != 1 {
                let addr = v as *const Obj as usize;
                if let Some(&i) = self.refs.get(&addr) {
                    self.byte(REF);
                    self.long(i);
                    return Ok(());
                }
                let i = size32(self.refs.len())?;
                self.refs.insert(addr, i);
                flag = FLAG_REF;
            }
            self.complex_object(v, flag)?;
        }
        Ok(())
    }

    fn complex_object(&mut self, v: &Obj, flag: u8) -> PyResult<()> {
        let t = v.class();
        if t.is(&INT_TYPE) {
            let i = v.downcast::<IntObj>().ok_or_else(unmarshallable)?;
            match i.val() {
                IntVal::Small(n) if i32::try_from(n).is_ok() => {
                    self.byte(INT | flag);
                    self.long(n as i32 as u32);
                }
                _ => self.big_int(&i.to_bigint(), flag)?,
            }
        } else if t.is(&FLOAT_TYPE) {
            let x = v.downcast::<FloatObj>().ok_or_else(unmarshallable)?.value();
            if self.version > 1 {
                self.byte(BINARY_FLOAT | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                self.byte(FLOAT | flag);
                self.float_text(x);
            }
        } else if t.is(&COMPLEX_TYPE) {
            let z = v.downcast::<ComplexObj>().ok_or_else(unmarshallable)?;
            if self.version > 1 {
                self.byte(BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&z.re.to_le_bytes());
                self.out.extend_from_slice(&z.im.to_le_bytes());
            } else {
                self.byte(COMPLEX | flag);
                self.float_text(z.re);
                self.float_text(z.im);
            }
        } else if t.is(&STR_TYPE) {
            let s = v.downcast::<StrObj>().ok_or_else(unmarshallable)?;
            // Ember interns more strings than CPython (identifier-like
            // literals), so the interned codes are not written: data stays
            // byte-equal to CPython's for ordinary strings, and readers take
            // either code.
            let text = s.as_str();
            if self.version >= 4 && text.is_ascii() {
                if text.len() < 256 {
                    self.byte(SHORT_ASCII | flag);
                    self.byte(text.len() as u8);
                    self.out.extend_from_slice(text.as_bytes());
                } else {
                    self.byte(ASCII | flag);
                    self.pstring(text.as_bytes())?;
                }
            } else {
                self.byte(UNICODE | flag);
                self.pstring(text.as_bytes())?;
            }
        } else if t.is(&TUPLE_TYPE) {
            let items = v.downcast::<crate::object::varobj::TupleObj>().ok_or_else(unmarshallable)?.as_slice();
            if self.version >= 4 && items.len() < 256 {
                self.byte(SMALL_TUPLE | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(TUPLE | flag);
                self.long(size32(items.len())?);
            }
            for item in items {
                self.object(item)?;
            }
        } else if t.is(&LIST_TYPE) {
            let items = v.downcast::<ListObj>().ok_or_else(unmarshallable)?.to_vec();
            self.byte(LIST | flag);
            self.long(size32(items.len())?);
            for item in &items {
                self.object(item)?;
            }
        } else if t.is(&DICT_TYPE) {
            let items = v.downcast::<DictObj>().ok_or_else(unmarshallable)?.items();
            self.byte(DICT | flag);
            for (k, val) in &items {
                self.object(k)?;
                self.object(val)?;
            }
            self.byte(NULL);
        } else if t.is(&SET_TYPE) || t.is(&FROZENSET_TYPE) {
            let keys = anyset(v).ok_or_else(unmarshallable)?.keys();
            self.byte(if t.is(&SET_TYPE) { SET } else { FROZENSET } | flag);
            self.long(size32(keys.len())?);
            for k in &keys {
                self.object(k)?;
            }
        } else if let Some(data) = crate::types::bytes_args::buffer(v) {
            self.byte(STRING | flag);
            self.pstring(&data)?;
        } else {
            return Err(unmarshallable());
        }
        Ok(())
    }

    /// An int beyond 32 bits: its magnitude in 15-bit digits, least
    /// significant first, the count signed like the value.
    fn big_int(&mut self, b: &num_bigint::BigInt, flag: u8) -> PyResult<()> {
        let mut digits: Vec<u16> = Vec::new();
        let mut m = b.magnitude().clone();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while m.bits() > 0 {
            let d = (&m & &mask).to_u32_digits().first().copied().unwrap_or(0);
            digits.push(d as u16);
            m >>= 15u32;
        }
        let n = size32(digits.len())? as i32;
        self.byte(LONG | flag);
        self.long(if b.sign() == Sign::Minus { (-n) as u32 } else { n as u32 });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// A float as text for versions 0 and 1: `%.17g`, length byte first.
    fn float_text(&mut self, x: f64) {
        use crate::format::float_fmt::{double_to_string, FloatFlags, FloatKind};
        let text = if x.is_nan() {
            "nan".to_string()
        } else if x.is_infinite() {
            if x > 0.0 { "inf" } else { "-inf" }.to_string()
        } else {
            double_to_string(x, FloatKind::General, 17, FloatFlags::default())
        };
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }
}
