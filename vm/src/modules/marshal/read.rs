//! `marshal.loads`/`load`: CPython's reader, with its messages for
//! truncated and malformed data. Objects flagged for reference get their
//! index when they are created (tuples and frozensets, built after their
//! items, reserve it first), as CPython numbers them.

use num_bigint::{BigInt, Sign};

use super::*;
use crate::object::Obj;
use crate::types::complex::new_complex;
use crate::types::dict::{new_dict, DictObj};
use crate::types::float::new_float;
use crate::types::list::new_list;
use crate::types::set::{set_from_vec, FROZENSET_TYPE};
use crate::types::str::{from_string, intern};
use crate::types::tuple::new_tuple;

/// Where the data comes from: a buffer (with the read position) or a file
/// read piece by piece, so `load` leaves the file just after the object.
pub enum Source<'a> {
    Bytes(&'a [u8], usize),
    File(&'a Obj),
}

struct Reader<'a> {
    src: Source<'a>,
    depth: usize,
    /// Flagged objects by index; None while reserved.
    refs: Vec<Option<PyRef>>,
}

#[cold]
fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({what})"))
}

#[cold]
fn too_short() -> PyErr {
    PyErr::new(&crate::types::exceptions::EOF_ERROR, "marshal data too short")
}

pub fn loads(src: Source) -> PyResult {
    let mut r = Reader { src, depth: 0, refs: Vec::new() };
    match r.object()? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error("NULL object in marshal data for object")),
    }
}

impl Reader<'_> {
    /// Exactly `n` bytes, or EOFError.
    fn bytes(&mut self, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Bytes(data, pos) => {
                let end = pos.checked_add(n).filter(|&e| e <= data.len()).ok_or_else(too_short)?;
                let out = data[*pos..end].to_vec();
                *pos = end;
                Ok(out)
            }
            Source::File(f) => {
                if n == 0 {
                    return Ok(Vec::new());
                }
                let got = ops::call_method(f, "read", &[&int::new_int(n as i64)])?;
                let Some(b) = got.downcast::<BytesObj>() else {
                    return Err(PyErr::type_error(format!(
                        "file.read() returned not bytes but {}",
                        got.class().name()
                    )));
                };
                if b.as_bytes().len() != n {
                    return Err(too_short());
                }
                Ok(b.as_bytes().to_vec())
            }
        }
    }

    /// The next type code, None at the end of the data.
    fn code(&mut self) -> PyResult<Option<u8>> {
        match &mut self.src {
            Source::Bytes(data, pos) => Ok(data.get(*pos).map(|&b| {
                *pos += 1;
                b
            })),
            Source::File(_) => match self.bytes(1) {
                Ok(b) => Ok(Some(b[0])),
                Err(e) if e.matches(&crate::types::exceptions::EOF_ERROR) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.bytes(1)?[0])
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self) -> PyResult<f64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    /// A float written as text (versions 0 and 1).
    fn float_text(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let raw = self.bytes(n)?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let v = crate::ops::call(
            crate::types::float::FLOAT_TYPE.as_obj_ref(),
            &[&crate::types::str::new_str(&text)],
            None,
        )?;
        crate::ops::to_f64(&v)
    }

    /// A count that must fit the format's signed 32 bits.
    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| bad(&format!("{what} size out of range")))
    }

    fn flagged(&mut self, flag: bool, v: PyRef) -> PyRef {
        if flag {
            self.refs.push(Some(v.clone()));
        }
        v
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, idx: Option<usize>, v: &PyRef) {
        if let Some(i) = idx {
            self.refs[i] = Some(v.clone());
        }
    }

    /// Items of a container; a NULL among them is a TypeError naming it.
    fn items(&mut self, n: usize, what: &str) -> PyResult<Vec<PyRef>> {
        let mut out = crate::util::mem::vec_with_capacity(n.min(1 << 16))?;
        for _ in 0..n {
            match self.object()? {
                Some(v) => out.push(v),
                None => return Err(PyErr::type_error(format!("NULL object in marshal data for {what}"))),
            }
        }
        Ok(out)
    }

    fn object(&mut self) -> PyResult<Option<PyRef>> {
        let Some(code) = self.code()? else {
            return Err(PyErr::new(&crate::types::exceptions::EOF_ERROR, "EOF read where object expected"));
        };
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(PyErr::value_error("recursion limit exceeded"))
        } else {
            self.object_of(code & !FLAG_REF, code & FLAG_REF != 0)
        };
        self.depth -= 1;
        r
    }

    fn object_of(&mut self, code: u8, flag: bool) -> PyResult<Option<PyRef>> {
        let v = match code {
            NULL => return Ok(None),
            NONE => none(),
            FALSE => crate::types::bool::false_(),
            TRUE => crate::types::bool::true_(),
            STOPITER => crate::types::exceptions::STOP_ITERATION.as_obj_ref().to_owned(),
            ELLIPSIS => crate::types::none::ellipsis(),
            INT => {
                let n = self.long()?;
                self.flagged(flag, int::new_int(i64::from(n)))
            }
            LONG => {
                let v = self.big_int()?;
                self.flagged(flag, v)
            }
            FLOAT => {
                let x = self.float_text()?;
                self.flagged(flag, new_float(x))
            }
            BINARY_FLOAT => {
                let x = self.f64()?;
                self.flagged(flag, new_float(x))
            }
            COMPLEX => {
                let re = self.float_text()?;
                let im = self.float_text()?;
                self.flagged(flag, new_complex(re, im))
            }
            BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                self.flagged(flag, new_complex(re, im))
            }
            STRING => {
                let n = self.size("bytes object")?;
                let data = self.bytes(n)?;
                self.flagged(flag, from_vec(data))
            }
            UNICODE | INTERNED => {
                let n = self.size("string")?;
                let data = self.bytes(n)?;
                let s = crate::types::bytes::decode_obj(
                    &from_vec(data),
                    Some(&crate::types::str::new_str("utf-8")),
                    Some(&crate::types::str::new_str("surrogatepass")),
                )?;
                let s = if code == INTERNED { self.interned(&s) } else { s };
                self.flagged(flag, s)
            }
            ASCII | ASCII_INTERNED | SHORT_ASCII | SHORT_ASCII_INTERNED => {
                let n = if code == SHORT_ASCII || code == SHORT_ASCII_INTERNED {
                    self.byte()? as usize
                } else {
                    self.size("string")?
                };
                let data = self.bytes(n)?;
                // Read as Latin-1, as CPython does (it does not check ASCII).
                let s = from_string(data.iter().map(|&b| b as char).collect());
                let s = if code == ASCII_INTERNED || code == SHORT_ASCII_INTERNED { self.interned(&s) } else { s };
                self.flagged(flag, s)
            }
            SMALL_TUPLE | TUPLE => {
                let n = if code == SMALL_TUPLE { self.byte()? as usize } else { self.size("tuple")? };
                let idx = self.reserve(flag);
                let items = self.items(n, "tuple")?;
                let t = new_tuple(items);
                self.fill(idx, &t);
                t
            }
            LIST => {
                let n = self.size("list")?;
                let l = self.flagged(flag, new_list(Vec::new()));
                let items = self.items(n, "list")?;
                let lo = l.downcast::<crate::types::list::ListObj>().ok_or_else(|| PyErr::system_error("list"))?;
                for item in &items {
                    lo.push(item.clone());
                }
                l
            }
            DICT => {
                let d = self.flagged(flag, new_dict());
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(v) = self.object()? else { break };
                    d.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("dict"))?.set_item(&k, v)?;
                }
                d
            }
            SET | FROZENSET => {
                let n = self.size("set")?;
                if code == SET {
                    let s = self.flagged(flag, set_from_vec(Vec::new())?);
                    for item in self.items(n, "set")? {
                        crate::types::set::set_add(&s, &item)?;
                    }
                    s
                } else {
                    let idx = self.reserve(flag);
                    let items = self.items(n, "set")?;
                    let f = ops::call(FROZENSET_TYPE.as_obj_ref(), &[&new_list(items)], None)?;
                    self.fill(idx, &f);
                    f
                }
            }
            REF => {
                let n = self.long()?;
                return match usize::try_from(n).ok().and_then(|i| self.refs.get(i)).and_then(|v| v.clone()) {
                    Some(v) => Ok(Some(v)),
                    None => Err(bad("invalid reference")),
                };
            }
            CODE => return Err(bad("code objects are not supported by Ember")),
            _ => return Err(bad("unknown type code")),
        };
        Ok(Some(v))
    }

    fn interned(&self, s: &PyRef) -> PyRef {
        match s.downcast::<crate::types::str::StrObj>() {
            Some(so) => intern(so.as_str()),
            None => s.clone(),
        }
    }

    /// A long int in 15-bit digits; the count carries the sign.
    fn big_int(&mut self) -> PyResult<PyRef> {
        let n = self.long()?;
        if n == i32::MIN {
            return Err(bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits = Vec::with_capacity(count.min(1 << 16));
        for i in 0..count {
            let b = self.bytes(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d >= 1 << 15 {
                return Err(bad("digit out of range in long"));
            }
            if i + 1 == count && d == 0 {
                return Err(bad("unnormalized long data"));
            }
            digits.push(d);
        }
        let mut mag = num_bigint::BigUint::default();
        for &d in digits.iter().rev() {
            mag = (mag << 15u32) + num_bigint::BigUint::from(d);
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(int::from_bigint(BigInt::from_biguint(sign, mag)))
    }
}
