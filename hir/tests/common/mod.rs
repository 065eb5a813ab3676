//! What the tests use in place of the VM's constant resolver.

use ember_compiler::code::Constant;
use ember_hir::types::Type;

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
