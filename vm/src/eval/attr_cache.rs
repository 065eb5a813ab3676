//! Attribute caches for `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD`: one entry
//! per name of a code object, remembering what the generic attribute protocol
//! found on the receiver's type the last time.
//!
//! **Invariant:** an entry describes the type whose version tag it records.
//! Version tags are unique for the life of the process and a type loses its tag
//! whenever its dict, bases or MRO change (see `types::typeobj`), so while the
//! receiver's type has the recorded tag, the MRO lookup of the name gives the
//! same object and the type's `getattro`/`setattro` slots are the recorded ones.
//! Instance dicts are never trusted: the fast paths still look there (with an
//! entry-index hint), exactly where `object.__getattribute__` would.

use std::cell::Cell;

use crate::object::{alloc, Obj, PyCell, PyRef};
use crate::ops;
use crate::runtime::PyResult;
use crate::types::builtin_func::MemberDescrObj;
use crate::types::dict::DictObj;
use crate::types::instance;
use crate::types::object::{generic_getattr, generic_setattr};
use crate::types::str::StrObj;
use crate::types::typeobj::{flags, TypeObj};

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    /// Nothing cached (or not cacheable).
    #[default]
    None,
    /// The MRO has no such name: the instance dict decides.
    Dict,
    /// The MRO holds `value`, not a data descriptor: an instance dict entry
    /// shadows it.
    Shadowable,
    /// A `__slots__` member at byte offset `hint`.
    Slot,
    /// A data descriptor (`__get__` and `__set__`), e.g. a property.
    Data,
}

/// The type uses `object.__getattribute__`.
const GENERIC_GET: u8 = 1;
/// The type uses `object.__setattr__`.
const GENERIC_SET: u8 = 2;
/// A `Slot` entry that may be assigned.
const WRITABLE: u8 = 4;
/// A `Shadowable` value that is a method descriptor (`LOAD_METHOD` may skip binding).
const METHOD: u8 = 8;

/// One cache entry (see the module documentation).
#[derive(Default)]
#[repr(C)]
pub struct AttrCache {
    version: Cell<u32>,
    kind: Cell<Kind>,
    flags: Cell<u8>,
    /// What compiled code may do on its own for a receiver of type
    /// `version` (`IC_*` bits; 0 until filled for a versioned type).
    ic_mode: Cell<u8>,
    /// Instance-dict entry index guess, or a slot's byte offset.
    hint: Cell<u32>,
    /// For `IC_DICT`/`IC_METHOD`: the type's instance-dict offset (0: no
    /// dict); for `IC_SLOT`: the slot's offset.
    ic_offset: Cell<u32>,
    value: PyCell<Option<PyRef>>,
}

/// `ic_mode` bits (the layout contract with compiled code, which checks a
/// site's first entry inline and calls the runtime otherwise):
/// - `IC_DICT`: a load finds the value in the instance dict at `ic_offset`
///   (an exact dict) when its entry `hint` has the name as key;
/// - `IC_SLOT`: a load reads the non-null slot at `ic_offset`;
/// - `IC_METHOD`: a method load gives the cached method descriptor and the
///   receiver when the instance has no dict (`ic_offset` 0 or a null field)
///   or its dict's hash summary lacks the name's bit.
pub const IC_DICT: u8 = 1;
pub const IC_SLOT: u8 = 2;
pub const IC_METHOD: u8 = 4;
/// `IC_SET_DICT`: a store replaces the value of the instance dict's entry
/// `hint` when that entry's key is the name (bumping the dict's version).
pub const IC_SET_DICT: u8 = 8;
/// `IC_SET_SLOT`: a store replaces the `__slots__` member at `ic_offset`
/// (releasing the old value, which may be unset).
pub const IC_SET_SLOT: u8 = 16;

/// Byte offsets compiled code reads: an [`AttrSite`]'s first entry, and in
/// an entry its type version (`u32`), `ic_mode` (`u8`), hint (`u32`),
/// `ic_offset` (`u32`) and cached value (a nullable object pointer).
pub const SITE_FIRST: usize = std::mem::offset_of!(AttrSite, ways);
/// The number of entries of a site and their size (they follow each other).
pub const SITE_ENTRIES: usize = SITE_WAYS;
pub const CACHE_SIZE: usize = std::mem::size_of::<AttrCache>();
pub const CACHE_VERSION: usize = std::mem::offset_of!(AttrCache, version);
pub const CACHE_IC_MODE: usize = std::mem::offset_of!(AttrCache, ic_mode);
pub const CACHE_HINT: usize = std::mem::offset_of!(AttrCache, hint);
pub const CACHE_IC_OFFSET: usize = std::mem::offset_of!(AttrCache, ic_offset);
pub const CACHE_VALUE: usize = std::mem::offset_of!(AttrCache, value) + PyCell::<Option<PyRef>>::VALUE_OFFSET;

#[inline(always)]
fn is_generic_get(t: &TypeObj) -> bool {
    match t.getattro.get() {
        None => true,
        Some(g) => g as usize == generic_getattr as fn(&Obj, &StrObj) -> PyResult as usize,
    }
}

#[inline(always)]
fn is_generic_set(t: &TypeObj) -> bool {
    t.setattro.get().map(|s| s as usize)
        == Some(generic_setattr as fn(&Obj, &StrObj, Option<&Obj>) -> PyResult<()> as usize)
}

/// The `ic_mode` and `ic_offset` of an entry filled for `ty`.
fn ic_for(ty: &TypeObj, version: u32, kind: Kind, fl: u8, hint: u32) -> (u8, u32) {
    if version == 0 {
        return (0, 0);
    }
    let dict_off = ty.dict_offset.get();
    match kind {
        Kind::Slot => {
            let mut mode = 0;
            if fl & GENERIC_GET != 0 {
                mode |= IC_SLOT;
            }
            if fl & GENERIC_SET != 0 && fl & WRITABLE != 0 {
                mode |= IC_SET_SLOT;
            }
            (mode, hint)
        }
        Kind::Dict | Kind::Shadowable if dict_off >= 0 => {
            let Ok(off) = u32::try_from(dict_off) else { return (0, 0) };
            let mut mode = 0;
            if fl & GENERIC_GET != 0 {
                if off > 0 {
                    mode |= IC_DICT;
                }
                if kind == Kind::Shadowable && fl & METHOD != 0 {
                    mode |= IC_METHOD;
                }
            }
            if fl & GENERIC_SET != 0 && off > 0 {
                mode |= IC_SET_DICT;
            }
            (mode, off)
        }
        _ => (0, 0),
    }
}

impl AttrCache {
    /// The entry's kind and flags if it describes `ty`.
    #[inline(always)]
    fn probe(&self, ty: &TypeObj) -> Option<(Kind, u8)> {
        let v = ty.version.get();
        if v != 0 && v == self.version.get() {
            Some((self.kind.get(), self.flags.get()))
        } else {
            None
        }
    }

    fn cached_value(&self) -> Option<PyRef> {
        self.value.with(|v| v.clone())
    }

    /// Records what the MRO of `ty` holds for `name`.
    #[cold]
    #[inline(never)]
    fn fill(&self, ty: &TypeObj, name: &StrObj) {
        let version = ty.version_tag();
        let descr = if version == 0 { None } else { ty.lookup(name) };
        let mut fl = 0;
        if is_generic_get(ty) {
            fl |= GENERIC_GET;
        }
        if is_generic_set(ty) {
            fl |= GENERIC_SET;
        }
        let mut hint = 0;
        let (kind, value) = match descr {
            _ if version == 0 || !name.is_interned() => (Kind::None, None),
            None => (Kind::Dict, None),
            Some(d) => {
                let dt = d.class();
                if let Some(m) = d.downcast_exact::<MemberDescrObj>().filter(|m| ty.is_subtype(m.owner())) {
                    hint = m.offset as u32;
                    if !m.readonly {
                        fl |= WRITABLE;
                    }
                    (Kind::Slot, None)
                } else if dt.descr_set.get().is_some() {
                    let kind = if dt.descr_get.get().is_some() { Kind::Data } else { Kind::None };
                    (kind, Some(d))
                } else {
                    if dt.has_flag(flags::METHOD_DESCRIPTOR) {
                        fl |= METHOD;
                    }
                    (Kind::Shadowable, Some(d))
                }
            }
        };
        // The lookup reads dicts with str keys only, but stay safe if the
        // type changed meanwhile.
        let version = if ty.version.get() == version { version } else { 0 };
        let (ic_mode, ic_offset) = ic_for(ty, version, kind, fl, hint);
        let old = self.value.replace(value);
        self.version.set(version);
        self.kind.set(kind);
        self.flags.set(fl);
        self.hint.set(hint);
        self.ic_mode.set(ic_mode);
        self.ic_offset.set(ic_offset);
        drop(old);
    }

    /// The instance-dict value of `name`, if any.
    #[inline(always)]
    fn in_instance_dict(&self, obj: &Obj, name: &StrObj) -> Option<PyRef> {
        // Borrowed: the hinted lookup runs no Python code.
        instance::dict_ref(obj)?.get_str_hinted(name, &self.hint)
    }

    /// `obj.name`: an instance-dict hit inline, everything else out of line
    /// (so that the common case saves no registers).
    #[inline(always)]
    pub fn load_attr(&self, obj: &Obj, name: &StrObj) -> PyResult {
        let mut dict_checked = false;
        match self.probe(obj.class()) {
            Some((Kind::Dict | Kind::Shadowable, fl)) if fl & GENERIC_GET != 0 => {
                if let Some(v) = self.in_instance_dict(obj, name) {
                    return Ok(v);
                }
                dict_checked = true;
            }
            Some((Kind::Slot, fl)) if fl & GENERIC_GET != 0 => {
                if let Some(v) = alloc::read_field(obj, self.hint.get() as usize) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        self.load_attr_general(obj, name, dict_checked)
    }

    /// [`AttrCache::load_attr`] past the instance-dict hit; `dict_checked`:
    /// the instance dict was just found not to hold `name`.
    #[inline(never)]
    fn load_attr_general(&self, obj: &Obj, name: &StrObj, dict_checked: bool) -> PyResult {
        let ty = obj.class();
        if let Some((kind, fl)) = self.probe(ty) {
            if fl & GENERIC_GET != 0 {
                match kind {
                    Kind::Dict => {
                        if !dict_checked {
                            if let Some(v) = self.in_instance_dict(obj, name) {
                                return Ok(v);
                            }
                        }
                    }
                    Kind::Shadowable => {
                        if !dict_checked {
                            if let Some(v) = self.in_instance_dict(obj, name) {
                                return Ok(v);
                            }
                        }
                        if let Some(d) = self.cached_value() {
                            return match d.class().descr_get.get() {
                                Some(get) => get(&d, Some(obj), Some(ty)),
                                None => Ok(d),
                            };
                        }
                    }
                    Kind::Slot => {
                        if let Some(v) = alloc::read_field(obj, self.hint.get() as usize) {
                            return Ok(v);
                        }
                    }
                    Kind::Data => {
                        if let Some(d) = self.cached_value() {
                            if let Some(get) = d.class().descr_get.get() {
                                return get(&d, Some(obj), Some(ty));
                            }
                        }
                    }
                    Kind::None => {}
                }
            }
            return ops::getattr_s(obj, name);
        }
        self.fill(ty, name);
        ops::getattr_s(obj, name)
    }

    /// `LOAD_METHOD`: `(Some(method), obj)` for an unbound method descriptor
    /// to call with `obj` prepended, else `(None, attribute)`.
    #[inline(always)]
    pub fn load_method(&self, obj: &Obj, name: &StrObj) -> PyResult<(Option<PyRef>, PyRef)> {
        if let Some((Kind::Shadowable, fl)) = self.probe(obj.class()) {
            if fl & (GENERIC_GET | METHOD) == GENERIC_GET | METHOD && self.in_instance_dict_absent(obj, name) {
                if let Some(m) = self.cached_value() {
                    return Ok((Some(m), obj.to_owned()));
                }
            }
        }
        self.load_method_general(obj, name)
    }

    /// Whether `obj` has no instance dict entry `name` (no dict counts as absent).
    #[inline(always)]
    fn in_instance_dict_absent(&self, obj: &Obj, name: &StrObj) -> bool {
        let Some(off) = instance::dict_offset(obj) else { return true };
        match alloc::field_ref(obj, off) {
            None => true,
            // Borrowed: the probe runs no Python code. A dict subclass takes
            // the general path.
            Some(d) => d.downcast_exact::<DictObj>().is_some_and(|d| !d.contains_str(name)),
        }
    }

    #[inline(never)]
    fn load_method_general(&self, obj: &Obj, name: &StrObj) -> PyResult<(Option<PyRef>, PyRef)> {
        let ty = obj.class();
        let (kind, fl) = match self.probe(ty) {
            Some(hit) => hit,
            None => {
                self.fill(ty, name);
                self.probe(ty).unwrap_or((Kind::None, 0))
            }
        };
        if kind == Kind::Shadowable && fl & (GENERIC_GET | METHOD) == GENERIC_GET | METHOD {
            if let Some(v) = self.in_instance_dict(obj, name) {
                return Ok((None, v));
            }
            if let Some(m) = self.cached_value() {
                return Ok((Some(m), obj.to_owned()));
            }
        }
        if kind != Kind::None {
            return self.load_attr(obj, name).map(|v| (None, v));
        }
        if let Some(m) = crate::eval::helpers::load_method(obj, name)? {
            return Ok((Some(m), obj.to_owned()));
        }
        ops::getattr_s(obj, name).map(|v| (None, v))
    }

    /// `obj.name = value`.
    #[inline(always)]
    pub fn store_attr(&self, obj: &Obj, name: &StrObj, value: PyRef) -> PyResult<()> {
        let ty = obj.class();
        if let Some((kind, fl)) = self.probe(ty) {
            if fl & GENERIC_SET != 0 {
                match kind {
                    Kind::Dict | Kind::Shadowable => {
                        if let Some(d) = instance::get_or_create_dict(obj) {
                            if let Some(d) = d.downcast::<DictObj>() {
                                d.set_str_hinted(name, value, &self.hint);
                                return Ok(());
                            }
                        }
                    }
                    Kind::Slot if fl & WRITABLE != 0 => {
                        drop(alloc::swap_field(obj, self.hint.get() as usize, Some(value)));
                        return Ok(());
                    }
                    Kind::Data => {
                        if let Some(d) = self.cached_value() {
                            if let Some(set) = d.class().descr_set.get() {
                                return set(&d, obj, Some(&value));
                            }
                        }
                    }
                    Kind::Slot | Kind::None => {}
                }
            }
            return ops::setattr_s(obj, name, Some(&value));
        }
        self.fill(ty, name);
        ops::setattr_s(obj, name, Some(&value))
    }
}

/// Entries per [`AttrSite`]: enough for the receivers of a method defined on
/// a base class and called on a handful of subclasses.
const SITE_WAYS: usize = 4;

/// A polymorphic cache for one attribute site of compiled code: up to
/// [`SITE_WAYS`] receiver types, each with its own [`AttrCache`] entry, the
/// oldest replaced first. (The interpreter keeps one entry per name of a code
/// object; compiled code has an entry per site, so a site whose receivers are
/// several classes sharing a base does not refill its entry on every call.)
#[derive(Default)]
#[repr(C)]
pub struct AttrSite {
    ways: [AttrCache; SITE_WAYS],
    next: Cell<u8>,
}

impl AttrSite {
    /// The entry describing `ty`, or the one to refill for it.
    #[inline(always)]
    fn entry(&self, ty: &TypeObj) -> &AttrCache {
        let v = ty.version.get();
        if v != 0 {
            for e in &self.ways {
                if e.version.get() == v {
                    return e;
                }
            }
        }
        self.victim()
    }

    #[inline(never)]
    fn victim(&self) -> &AttrCache {
        let i = self.next.get() as usize % SITE_WAYS;
        self.next.set(((i + 1) % SITE_WAYS) as u8);
        &self.ways[i]
    }

    /// `obj.name` (see [`AttrCache::load_attr`]).
    #[inline(always)]
    pub fn load_attr(&self, obj: &Obj, name: &StrObj) -> PyResult {
        self.entry(obj.class()).load_attr(obj, name)
    }

    /// `LOAD_METHOD` (see [`AttrCache::load_method`]).
    #[inline(always)]
    pub fn load_method(&self, obj: &Obj, name: &StrObj) -> PyResult<(Option<PyRef>, PyRef)> {
        self.entry(obj.class()).load_method(obj, name)
    }

    /// `obj.name = value` (see [`AttrCache::store_attr`]).
    #[inline(always)]
    pub fn store_attr(&self, obj: &Obj, name: &StrObj, value: PyRef) -> PyResult<()> {
        self.entry(obj.class()).store_attr(obj, name, value)
    }
}
