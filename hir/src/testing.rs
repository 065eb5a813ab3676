//! Stand-ins for the VM, for tests and tools that build HIR from compiled
//! Python without running it.

use ember_compiler::code::{code_flags, CodeUnit, Constant};

use crate::types::Type;

/// The HIR type of constant `k`: values as value constants; other objects as
/// object constants at a made-up address (`0x1000 + 16 * k`), with their type.
pub fn const_type(consts: &[Constant], k: usize) -> Option<Type> {
    let object = |t: Type| t & Type::object_const(0x1000 + 16 * k as u64);
    Some(match consts.get(k)? {
        Constant::None => Type::NONE_TYPE,
        Constant::Bool(b) => Type::bool_const(*b),
        Constant::Int(i) => match i.to_string().parse::<i64>() {
            Ok(v) => Type::long_const(v),
            Err(_) => object(Type::LONG_EXACT),
        },
        Constant::Float(f) => Type::float_const(*f),
        Constant::Str(s) => Type::unicode_const(s),
        Constant::Complex { .. } => object(Type::COMPLEX_EXACT),
        Constant::Bytes(_) => object(Type::BYTES_EXACT),
        Constant::Tuple(_) => object(Type::TUPLE_EXACT),
        Constant::FrozenSet(_) => object(Type::FROZEN_SET_EXACT),
        Constant::Ellipsis => object(Type::OBJECT_EXACT),
        Constant::Code(_) => object(Type::CODE),
    })
}

/// The code units of the functions (not class bodies) nested in `unit`, depth first.
pub fn functions<'a>(unit: &'a CodeUnit, out: &mut Vec<&'a CodeUnit>) {
    for c in &unit.consts {
        if let Constant::Code(inner) = c {
            if inner.flags & code_flags::OPTIMIZED != 0 {
                out.push(inner);
            }
            functions(inner, out);
        }
    }
}
