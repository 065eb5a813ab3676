//! Builtin types, one per file. Each static type is declared with
//! [`static_type!`] and made ready (MRO, dict of methods and slot wrappers) by
//! [`ready::init_static_types`] at start-up.

pub mod typeobj;

pub mod bool;
pub mod builtin_func;
pub mod bytearray;
pub mod bytearray_methods;
pub mod bytes;
pub mod bytes_args;
pub mod bytes_format;
pub mod bytes_iter;
pub mod bytes_methods;
pub mod bytes_search;
pub mod bytes_split;
pub mod bytes_transform;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod dict_entries;
pub mod dict_type;
pub mod dict_views;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod float_exact;
pub mod float_methods;
pub mod float_parse;
pub mod frame_obj;
pub mod function;
pub mod generator;
pub mod genericalias;
pub mod instance;
pub mod int;
pub mod int_methods;
pub mod int_parse;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod namespace;
pub mod none;
pub mod num_text;
pub mod object;
pub mod object_reduce;
pub mod range;
pub mod ready;
pub mod seq;
pub mod set;
pub mod slice;
pub mod slot_funcs;
pub mod slotdefs;
pub mod str;
pub mod str_case;
pub mod str_chars;
pub mod str_methods;
pub mod str_search;
pub mod str_split;
pub mod str_translate;
#[rustfmt::skip]
pub mod str_unicode_data;
pub mod structseq;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod type_new;

pub use none::{ellipsis, none, none_ref, not_implemented};

/// Static types declared outside the core registry in `ready.rs`.
pub fn extra_static_types() -> Vec<&'static typeobj::TypeObj> {
    vec![
        &set::SET_TYPE.0,
        &set::FROZENSET_TYPE.0,
        &set::SET_ITER_TYPE.0,
        &range::RANGE_TYPE.0,
        &range::RANGE_ITER_TYPE.0,
        &slice::SLICE_TYPE.0,
        &iterators::SEQ_ITER_TYPE.0,
        &iterators::LIST_ITER_TYPE.0,
        &iterators::TUPLE_ITER_TYPE.0,
        &iterators::STR_ITER_TYPE.0,
        &iterators::STR_ASCII_ITER_TYPE.0,
        &iterators::REVERSED_TYPE.0,
        &iterators::LIST_REVITER_TYPE.0,
        &iterators::CALLABLE_ITER_TYPE.0,
        &iterators::ENUMERATE_TYPE.0,
        &iterators::ZIP_TYPE.0,
        &iterators::MAP_TYPE.0,
        &iterators::FILTER_TYPE.0,
        &mappingproxy::MAPPINGPROXY_TYPE.0,
        &genericalias::GENERIC_ALIAS_TYPE.0,
        &genericalias::UNION_TYPE.0,
        &generator::GENERATOR_TYPE.0,
        &generator::COROUTINE_TYPE.0,
        &generator::CORO_WRAPPER_TYPE.0,
        &generator::ASYNC_GENERATOR_TYPE.0,
        &generator::ASYNC_WRAPPED_TYPE.0,
        &generator::ASYNC_GEN_ASEND_TYPE.0,
        &generator::ASYNC_GEN_ATHROW_TYPE.0,
        &frame_obj::FRAME_TYPE.0,
        &traceback::TRACEBACK_TYPE.0,
        &complex::COMPLEX_TYPE.0,
        &bytes::BYTES_TYPE.0,
        &bytearray::BYTEARRAY_TYPE.0,
        &bytes_iter::BYTES_ITER_TYPE.0,
        &bytes_iter::BYTEARRAY_ITER_TYPE.0,
        &memoryview::MEMORYVIEW_TYPE.0,
        &super_::SUPER_TYPE.0,
        &namespace::NAMESPACE_TYPE.0,
    ]
    .into_iter()
    .chain(crate::modules::static_types())
    .collect()
}
pub use self::bool::{false_, new_bool, true_};

/// Declares a static (builtin) type.
///
/// ```text
/// static_type! {
///     pub static LIST_TYPE: ListObj = "list" {
///         flags: BASETYPE | HAVE_GC | LIST_SUBCLASS,
///         methods: METHODS,
///         slots: { len: list_len, getitem: list_getitem },
///         number: { add: list_add },
///     }
/// }
/// ```
/// Optional keys, in this order: `module`, `flags` (required), `base`, `itemsize`, `dict_offset`,
/// `doc`, `methods`, `getsets`, `slots`, `number`.
#[macro_export]
macro_rules! static_type {
    (
        $vis:vis static $id:ident : $payload:ty = $name:literal {
            $(module: $module:literal,)?
            flags: $($flag:ident)|+,
            $(base: $base:expr,)?
            $(itemsize: $itemsize:expr,)?
            $(dict_offset: $doff:expr,)?
            $(doc: $doc:literal,)?
            $(methods: $methods:expr,)?
            $(getsets: $getsets:expr,)?
            $(slots: { $($slot:ident : $sval:expr),* $(,)? },)?
            $(number: { $($nslot:ident : $nval:expr),* $(,)? },)?
        }
    ) => {
        $vis static $id: $crate::object::Static<$crate::types::typeobj::TypeObj> =
            $crate::object::Static($crate::types::typeobj::TypeObj::new_static($crate::types::typeobj::StaticSpec {
                $(module: $module,)?
                $(doc: Some($doc),)?
                flags: $crate::types::typeobj::flags::IMMUTABLE $(| $crate::types::typeobj::flags::$flag)+,
                $(itemsize: $itemsize,)?
                $(dict_offset: $doff,)?
                $(base: &$base.0 as *const $crate::types::typeobj::TypeObj,)?
                $(methods: $methods,)?
                $(getsets: $getsets,)?
                setup: Some({
                    #[allow(unused_variables)]
                    fn setup(t: &$crate::types::typeobj::TypeObj) {
                        t.drop_payload.set(Some($crate::object::alloc::drop_payload::<$payload>));
                        $($( t.$slot.set(Some($sval)); )*)?
                        $($( t.number.$nslot.set(Some($nval)); )*)?
                    }
                    setup
                }),
                ..$crate::types::typeobj::StaticSpec::new($name, ::std::mem::size_of::<$payload>())
            }));
    };
}
