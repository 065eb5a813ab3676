//! Pickling: `array.__reduce_ex__` and `array._array_reconstructor`, which
//! rebuilds an array from bytes in a named machine format (so pickles move
//! between machines of other byte orders and C type sizes).

use crate::object::{Obj, PyRef};
use crate::runtime::{PyErr, PyResult};
use crate::types::bytes::{from_vec, BytesObj};
use crate::types::float::new_float;
use crate::types::int::{self, IntObj};
use crate::types::none;
use crate::types::str::{char_str, from_string, StrObj};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::{Args, TypeObj};
use crate::util::args;

use super::array_type::{new_from_initial, this};
use super::typecode::{Code, TYPECODES};

/// `__reduce_ex__(protocol)`: protocols 0-2 rebuild from a list,
/// later ones call `_array_reconstructor` with the raw bytes.
pub fn m_reduce_ex(a: Args) -> PyResult {
    let [s, proto] = args::exact::<2>(a, "array.__reduce_ex__")?;
    let Some(proto) = proto.downcast::<IntObj>() else {
        return Err(PyErr::type_error("__reduce_ex__ argument should be an integer"));
    };
    let proto = proto.as_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    let arr = this(s);
    let dict = match crate::types::instance::get_or_create_dict(s) {
        Some(d) => d,
        None => none(),
    };
    let ty = s.class().as_obj_ref().to_owned();
    let code = char_str(arr.code().char());
    if proto < 3 {
        let list = crate::types::list::new_list(arr.items()?);
        return Ok(new_tuple(vec![ty, new_tuple(vec![code, list]), dict]));
    }
    let module = crate::import::import_module("array")?;
    let recon = crate::ops::getattr_str(&module, "_array_reconstructor")?;
    let args = new_tuple(vec![ty, code, int::new_int(arr.code().mformat()), from_vec(arr.bytes())]);
    Ok(new_tuple(vec![recon, args, dict]))
}

/// One machine format: item size, signedness, big-endian. The sizes of the
/// text formats are CPython's (they only serve the length check).
fn mformat(code: i64) -> Option<(usize, bool, bool)> {
    let be = code % 2 == 1;
    Some(match code {
        0 => (1, false, false),
        1 => (1, true, false),
        2..=5 => (2, code >= 4, be),
        6..=9 => (4, code >= 8, be),
        10..=13 => (8, code >= 12, be),
        14 | 15 | 18 | 19 => (4, false, be),
        16 | 17 | 20 | 21 => (8, false, be),
        _ => return None,
    })
}

/// The decoded items of `data` in machine format `mf`, as the initializer
/// of the new array and the typecode it should have.
fn decode(mf: i64, typecode: char, data: &[u8]) -> PyResult<(char, PyRef)> {
    let (size, signed, be) = mformat(mf).expect("checked");
    if !data.len().is_multiple_of(size) {
        return Err(PyErr::value_error("string length not a multiple of item size"));
    }
    let word = |c: &[u8]| -> u64 {
        let mut w = [0u8; 8];
        if be {
            w[8 - c.len()..].copy_from_slice(c);
            u64::from_be_bytes(w)
        } else {
            w[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(w)
        }
    };
    match mf {
        14 | 15 => {
            let items = data.chunks_exact(4).map(|c| new_float(f32::from_bits(word(c) as u32) as f64)).collect();
            Ok((typecode, crate::types::list::new_list(items)))
        }
        16 | 17 => {
            let items = data.chunks_exact(8).map(|c| new_float(f64::from_bits(word(c)))).collect();
            Ok((typecode, crate::types::list::new_list(items)))
        }
        18..=21 => {
            let unit = if mf <= 19 { 2 } else { 4 };
            let units: Vec<u32> = data.chunks_exact(unit).map(word).map(|w| w as u32).collect();
            let text = if unit == 2 {
                let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
                String::from_utf16(&u16s).map_err(|_| PyErr::value_error("invalid UTF-16 data"))?
            } else {
                units.iter().map(|&u| super::typecode::wchar(u)).collect::<PyResult<String>>()?
            };
            Ok((typecode, from_string(text)))
        }
        _ => {
            // The integer typecode of this item size and signedness (the
            // last one in `typecodes` order), which may differ from the
            // pickling machine's.
            let code = TYPECODES
                .chars()
                .filter_map(Code::from_char)
                .rfind(|c| c.is_integer() && c.size() == size && c.is_signed() == signed)
                .map_or(typecode, Code::char);
            let shift = 64 - 8 * size as u32;
            let items = data
                .chunks_exact(size)
                .map(|c| {
                    let w = word(c);
                    if signed {
                        int::new_int(((w << shift) as i64) >> shift)
                    } else {
                        int::from_u64(w)
                    }
                })
                .collect();
            Ok((code, crate::types::list::new_list(items)))
        }
    }
}

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items, /)`.
pub fn array_reconstructor(a: Args) -> PyResult {
    let [t, typecode, mf, items] =
        args::parse(a, "_array_reconstructor", &["arraytype", "typecode", "mformat_code", "items", "/"], 4)?;
    let (t, typecode, mf, items) = (t.expect("1"), typecode.expect("2"), mf.expect("3"), items.expect("4"));
    let Some(ty) = t.downcast::<TypeObj>() else {
        return Err(PyErr::type_error(format!("first argument must be a type object, not {}", t.class().name())));
    };
    let c = match typecode.downcast::<StrObj>() {
        Some(s) if s.char_len() == 1 => s.char_at(0),
        _ => {
            return Err(PyErr::type_error(format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                typecode.class().name()
            )))
        }
    };
    let mf = int::expect_i64(mf, "int")?;
    if !ty.is_subtype(&super::ARRAY_TYPE) {
        return Err(PyErr::type_error(format!("{} is not a subtype of array.array", ty.name())));
    }
    let Some(code) = Code::from_char(c) else {
        return Err(PyErr::value_error("second argument must be a valid type code"));
    };
    if mformat(mf).is_none() {
        return Err(PyErr::value_error("third argument must be a valid machine format code."));
    }
    let Some(bytes) = items.downcast::<BytesObj>() else {
        return Err(PyErr::type_error(format!("fourth argument should be bytes, not {}", items.class().name())));
    };
    if mf == code.mformat() {
        return new_from_initial(ty, c, Some(items));
    }
    let (c, init) = decode(mf, c, bytes.as_bytes())?;
    new_from_initial(ty, c, Some(&init as &Obj))
}
