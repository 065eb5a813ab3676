//! The item types of `array.array`: each typecode's size, how an item's
//! native-endian bytes become a Python object, and how a Python object is
//! checked and packed into them (with the messages of the C conversions
//! CPython's `array` uses for each typecode).

use crate::object::{Obj, PyRef};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::float::new_float;
use crate::types::int::{self, IntObj};
use crate::types::str::StrObj;

/// Every typecode, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// One of the array item types.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    I8,
    U8,
    Wchar,
    I16,
    U16,
    I32,
    U32,
    Long,
    ULong,
    I64,
    U64,
    F32,
    F64,
}

impl Code {
    pub fn from_char(c: char) -> Option<Code> {
        Some(match c {
            'b' => Code::I8,
            'B' => Code::U8,
            'u' => Code::Wchar,
            'h' => Code::I16,
            'H' => Code::U16,
            'i' => Code::I32,
            'I' => Code::U32,
            'l' => Code::Long,
            'L' => Code::ULong,
            'q' => Code::I64,
            'Q' => Code::U64,
            'f' => Code::F32,
            'd' => Code::F64,
            _ => return None,
        })
    }

    pub fn char(self) -> char {
        match self {
            Code::I8 => 'b',
            Code::U8 => 'B',
            Code::Wchar => 'u',
            Code::I16 => 'h',
            Code::U16 => 'H',
            Code::I32 => 'i',
            Code::U32 => 'I',
            Code::Long => 'l',
            Code::ULong => 'L',
            Code::I64 => 'q',
            Code::U64 => 'Q',
            Code::F32 => 'f',
            Code::F64 => 'd',
        }
    }

    /// The item size in bytes (C `long` and `wchar_t` as on 64-bit Linux).
    pub fn size(self) -> usize {
        match self {
            Code::I8 | Code::U8 => 1,
            Code::I16 | Code::U16 => 2,
            Code::Wchar | Code::I32 | Code::U32 | Code::F32 => 4,
            Code::Long | Code::ULong | Code::I64 | Code::U64 | Code::F64 => 8,
        }
    }

    pub fn is_integer(self) -> bool {
        !matches!(self, Code::Wchar | Code::F32 | Code::F64)
    }

    pub fn is_signed(self) -> bool {
        matches!(self, Code::I8 | Code::I16 | Code::I32 | Code::Long | Code::I64)
    }

    /// The Python object of one item.
    pub fn get(self, b: &[u8]) -> PyResult {
        Ok(match self {
            Code::F32 => new_float(f32::from_ne_bytes(arr(b)) as f64),
            Code::F64 => new_float(f64::from_ne_bytes(arr(b))),
            Code::Wchar => crate::types::str::char_str(wchar(u32::from_ne_bytes(arr(b)))?),
            Code::U64 | Code::ULong => int::from_u64(u64::from_ne_bytes(arr(b))),
            _ => int::new_int(self.int_value(b)),
        })
    }

    /// The value of an integer item that fits in i64 (every integer code
    /// except the 64-bit unsigned ones).
    fn int_value(self, b: &[u8]) -> i64 {
        match self {
            Code::I8 => b[0] as i8 as i64,
            Code::U8 => b[0] as i64,
            Code::I16 => i16::from_ne_bytes(arr(b)) as i64,
            Code::U16 => u16::from_ne_bytes(arr(b)) as i64,
            Code::I32 => i32::from_ne_bytes(arr(b)) as i64,
            Code::U32 => u32::from_ne_bytes(arr(b)) as i64,
            _ => i64::from_ne_bytes(arr(b)),
        }
    }

    /// Checks and packs `v` as one item, appending its bytes to `out`.
    pub fn pack(self, v: &Obj, out: &mut Vec<u8>) -> PyResult<()> {
        match self {
            Code::I8 => {
                let x = short_of(v)?;
                if x < -128 {
                    return Err(PyErr::overflow_error("signed char is less than minimum"));
                }
                if x > 127 {
                    return Err(PyErr::overflow_error("signed char is greater than maximum"));
                }
                out.push(x as i8 as u8);
            }
            Code::U8 => {
                let x = long_of(v)?;
                if x < 0 {
                    return Err(PyErr::overflow_error("unsigned byte integer is less than minimum"));
                }
                if x > 255 {
                    return Err(PyErr::overflow_error("unsigned byte integer is greater than maximum"));
                }
                out.push(x as u8);
            }
            Code::I16 => out.extend_from_slice(&(short_of(v)? as i16).to_ne_bytes()),
            Code::U16 => {
                let x = c_int_of(v)?;
                if x < 0 {
                    return Err(PyErr::overflow_error("unsigned short is less than minimum"));
                }
                if x > u16::MAX as i64 {
                    return Err(PyErr::overflow_error("unsigned short is greater than maximum"));
                }
                out.extend_from_slice(&(x as u16).to_ne_bytes());
            }
            Code::I32 => out.extend_from_slice(&(c_int_of(v)? as i32).to_ne_bytes()),
            Code::U32 => {
                let x = unsigned_long_of(v)?;
                if x > u32::MAX as u64 {
                    return Err(PyErr::overflow_error("unsigned int is greater than maximum"));
                }
                out.extend_from_slice(&(x as u32).to_ne_bytes());
            }
            Code::Long => out.extend_from_slice(&long_of(v)?.to_ne_bytes()),
            Code::ULong => out.extend_from_slice(&unsigned_long_of(v)?.to_ne_bytes()),
            Code::I64 => out.extend_from_slice(&long_long_of(v)?.to_ne_bytes()),
            Code::U64 => out.extend_from_slice(&unsigned_long_long_of(v)?.to_ne_bytes()),
            Code::F32 => out.extend_from_slice(&(ops::to_f64(v)? as f32).to_ne_bytes()),
            Code::F64 => out.extend_from_slice(&ops::to_f64(v)?.to_ne_bytes()),
            Code::Wchar => {
                let c = v
                    .downcast::<StrObj>()
                    .filter(|s| s.char_len() == 1)
                    .map(|s| s.char_at(0))
                    .ok_or_else(|| PyErr::type_error("array item must be unicode character"))?;
                out.extend_from_slice(&(c as u32).to_ne_bytes());
            }
        }
        Ok(())
    }

    /// The machine format code `__reduce_ex__` records for this typecode
    /// (the numbering of CPython's pickles; native little-endian layout).
    pub fn mformat(self) -> i64 {
        let le = cfg!(target_endian = "little");
        let pick = |le_code: i64| if le { le_code } else { le_code + 1 };
        match self {
            Code::U8 => 0,
            Code::I8 => 1,
            Code::U16 => pick(2),
            Code::I16 => pick(4),
            Code::U32 => pick(6),
            Code::I32 => pick(8),
            Code::ULong | Code::U64 => pick(10),
            Code::Long | Code::I64 => pick(12),
            Code::F32 => pick(14),
            Code::F64 => pick(16),
            Code::Wchar => pick(20),
        }
    }
}

/// The first `N` bytes of an item as an array (callers pass exactly `N`).
fn arr<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&b[..N]);
    out
}

/// The character of a `wchar_t` item, or CPython's ValueError for values
/// that are not code points (Ember's str cannot hold lone surrogates either).
pub fn wchar(v: u32) -> PyResult<char> {
    char::from_u32(v).ok_or_else(|| {
        PyErr::value_error(if v > 0x10ffff {
            format!("character U+{v:x} is not in range [U+0000; U+10FFFF]")
        } else {
            format!("character U+{v:x} is a lone surrogate, which Ember's str cannot hold")
        })
    })
}

/// The int value of `v` through `__index__` (CPython's `_PyNumber_Index`).
fn index_int(v: &Obj) -> PyResult<PyRef> {
    if v.isa::<IntObj>() {
        return Ok(v.to_owned());
    }
    ops::index_opt(v)?
        .ok_or_else(|| PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", v.class().name())))
}

fn int_val(v: &PyRef) -> &IntObj {
    v.downcast::<IntObj>().expect("__index__ returned an int")
}

/// A C `long` argument (`PyArg_Parse` format "l"; also the first step of
/// "b", "h" and "i").
fn long_of(v: &Obj) -> PyResult<i64> {
    let i = index_int(v)?;
    int_val(&i).as_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

/// A C `short` (format "h").
fn short_of(v: &Obj) -> PyResult<i64> {
    let x = long_of(v)?;
    if x < i16::MIN as i64 {
        return Err(PyErr::overflow_error("signed short integer is less than minimum"));
    }
    if x > i16::MAX as i64 {
        return Err(PyErr::overflow_error("signed short integer is greater than maximum"));
    }
    Ok(x)
}

/// A C `int` (format "i").
fn c_int_of(v: &Obj) -> PyResult<i64> {
    let x = long_of(v)?;
    if x > i32::MAX as i64 {
        return Err(PyErr::overflow_error("signed integer is greater than maximum"));
    }
    if x < i32::MIN as i64 {
        return Err(PyErr::overflow_error("signed integer is less than minimum"));
    }
    Ok(x)
}

/// A C `long long` (format "L"): `PyLong_AsLongLong`'s messages.
fn long_long_of(v: &Obj) -> PyResult<i64> {
    let i = index_int(v)?;
    int_val(&i).as_i64().ok_or_else(|| PyErr::overflow_error("int too big to convert"))
}

/// `PyLong_AsUnsignedLong` after `__index__` (typecodes 'I' and 'L').
fn unsigned_long_of(v: &Obj) -> PyResult<u64> {
    let i = index_int(v)?;
    let b = int_val(&i).to_bigint();
    if b.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::overflow_error("can't convert negative value to unsigned int"));
    }
    u64::try_from(&b).map_err(|_| PyErr::overflow_error("Python int too large to convert to C unsigned long"))
}

/// `PyLong_AsUnsignedLongLong` after `__index__` (typecode 'Q').
fn unsigned_long_long_of(v: &Obj) -> PyResult<u64> {
    let i = index_int(v)?;
    let b = int_val(&i).to_bigint();
    if b.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::overflow_error("can't convert negative int to unsigned"));
    }
    u64::try_from(&b).map_err(|_| PyErr::overflow_error("int too big to convert"))
}
