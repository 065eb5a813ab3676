//! Layout invariants machine code and the design rely on: header offsets,
//! sizes of hot structs, and that immortal refcounts are never written.

use std::mem::{offset_of, size_of};

use super::header::{Obj, PyRef, IMMORTAL_REFCNT, OFFSET_REFCNT, OFFSET_TYPE};
use crate::types::dict::{DictObj, OFFSET_DICT_VERSION};
use crate::types::float::{FloatObj, OFFSET_FLOAT_VALUE};
use crate::types::int::{IntObj, OFFSET_INT_BIG, OFFSET_INT_VALUE};
use crate::types::list::ListObj;
use crate::types::tuple::TupleObj;

fn init() -> std::sync::MutexGuard<'static, ()> {
    let g = crate::test_lock();
    crate::types::ready::init_static_types();
    g
}

fn refcnt_word(o: &Obj) -> isize {
    // SAFETY: every object starts with its refcount word at offset 0.
    unsafe { *((o as *const Obj as *const u8).add(OFFSET_REFCNT) as *const isize) }
}

fn type_word(o: &Obj) -> usize {
    // SAFETY: every object has its type pointer at offset 8.
    unsafe { *((o as *const Obj as *const u8).add(OFFSET_TYPE) as *const usize) }
}

#[test]
fn header_offsets() {
    let _g = init();
    assert_eq!(size_of::<Obj>(), 16);
    let v = crate::types::int::new_int(1 << 40);
    assert_eq!(refcnt_word(&v), 1);
    assert_eq!(type_word(&v), &crate::types::int::INT_TYPE.0 as *const _ as usize);
    let extra = v.clone();
    assert_eq!(refcnt_word(&v), 2);
    drop(extra);
    assert_eq!(refcnt_word(&v), 1);
}

#[test]
fn hot_struct_sizes_and_offsets() {
    assert_eq!(size_of::<PyRef>(), 8);
    assert_eq!(size_of::<Option<PyRef>>(), 8, "Option<PyRef> is a nullable pointer");
    assert_eq!(offset_of!(IntObj, ob), 0);
    assert_eq!(OFFSET_INT_VALUE, 16);
    assert_eq!(OFFSET_INT_BIG, 24);
    assert_eq!(size_of::<IntObj>(), 32);
    assert_eq!(offset_of!(FloatObj, ob), 0);
    assert_eq!(OFFSET_FLOAT_VALUE, 16);
    assert_eq!(size_of::<FloatObj>(), 24);
    assert_eq!(OFFSET_DICT_VERSION, 16);
    assert_eq!(offset_of!(DictObj, ob), 0);
    assert_eq!(offset_of!(ListObj, ob), 0);
    assert_eq!(super::varobj::TUPLE_ITEMS_OFFSET, 24);
    assert_eq!(super::alloc::OFFSET_OB_SIZE, 16);
    let _ = size_of::<TupleObj>();
}

#[test]
fn int_fields_at_exported_offsets() {
    let _g = init();
    let v = crate::types::int::new_int(12345);
    // SAFETY: reading the documented fields of an int object.
    let (value, big) = unsafe {
        let p = v.as_ptr() as *const u8;
        (*(p.add(OFFSET_INT_VALUE) as *const i64), *(p.add(OFFSET_INT_BIG) as *const usize))
    };
    assert_eq!(value, 12345);
    assert_eq!(big, 0, "machine-word ints have a null big pointer");
    let f = crate::types::float::new_float(2.5);
    // SAFETY: reading the documented field of a float object.
    let fv = unsafe { *((f.as_ptr() as *const u8).add(OFFSET_FLOAT_VALUE) as *const f64) };
    assert_eq!(fv, 2.5);
}

#[test]
fn immortal_refcounts_are_never_written() {
    let _g = init();
    let objs: Vec<PyRef> = vec![
        crate::types::none(),
        crate::types::true_(),
        crate::types::false_(),
        crate::types::not_implemented(),
        crate::types::ellipsis(),
        crate::types::int::new_int(-5),
        crate::types::int::new_int(256),
        crate::types::tuple::empty_tuple(),
        crate::types::str::intern("ember_immortal_test"),
        crate::types::int::INT_TYPE.as_obj_ref().to_owned(),
    ];
    for o in &objs {
        assert!(o.is_immortal());
        let before = refcnt_word(o);
        assert_eq!(before, IMMORTAL_REFCNT);
        let copies: Vec<PyRef> = (0..1000).map(|_| o.clone()).collect();
        assert_eq!(refcnt_word(o), before, "incref wrote an immortal refcount");
        drop(copies);
        assert_eq!(refcnt_word(o), before, "decref wrote an immortal refcount");
    }
}

#[test]
fn small_ints_are_shared() {
    let _g = init();
    for v in [-5i64, 0, 1, 100, 256] {
        assert!(crate::types::int::new_int(v).is(&crate::types::int::new_int(v)));
    }
    assert!(!crate::types::int::new_int(257).is(&crate::types::int::new_int(257)));
}

#[test]
fn floats_use_the_fixed_size_fast_path() {
    let _g = init();
    // `alloc_float` and the float branch of `dealloc` assume exact floats are
    // plain `FloatObj` blocks without a GC head.
    let ty = &crate::types::float::FLOAT_TYPE;
    assert_eq!(ty.basicsize.get(), std::mem::size_of::<crate::types::float::FloatObj>());
    assert_eq!(ty.itemsize.get(), 0);
    assert!(!ty.has_flag(crate::types::typeobj::flags::HAVE_GC));
    // Freed floats are recycled without corrupting values.
    let a: Vec<PyRef> = (0..100).map(|i| crate::types::float::new_float(i as f64)).collect();
    drop(a);
    let b: Vec<PyRef> = (0..100).map(|i| crate::types::float::new_float(i as f64 * 2.0)).collect();
    for (i, f) in b.iter().enumerate() {
        let v = f.downcast::<crate::types::float::FloatObj>().map(|x| x.value());
        assert_eq!(v, Some(i as f64 * 2.0));
    }
}
