//! The type object: slots for the hot protocols, MRO, attribute lookup through a
//! per-process method cache keyed by version tags.
//!
//! **Invariant:** a type's `version` is non-zero only while neither its dict nor
//! any of its bases' dicts nor its MRO have changed since the tag was assigned;
//! any such change calls [`TypeObj::modified`], which resets the tag of the type
//! and of all its subclasses. Caches (the method cache here, attribute caches in
//! the interpreter, JIT guards) may rely on a matching non-zero tag.

use std::borrow::Cow;
use std::cell::Cell;
use std::ptr;

use crate::object::{AsObj, Obj, PyCell, PyPayload, PyRef, Static};
use crate::runtime::PyResult;
use crate::types::dict::DictObj;
use crate::types::str::StrObj;
use crate::types::tuple::TupleObj;
use ember_compiler::bytecode::CompareOp;

/// Type flags.
pub mod flags {
    /// Created at run time (class statement or `type(...)`); refcounted, mutable.
    pub const HEAPTYPE: u64 = 1 << 0;
    /// May be subclassed.
    pub const BASETYPE: u64 = 1 << 1;
    /// Instances carry a GcHead and are tracked by the cycle collector.
    pub const HAVE_GC: u64 = 1 << 2;
    /// Attributes cannot be set (static types).
    pub const IMMUTABLE: u64 = 1 << 3;
    /// `ready()` has run.
    pub const READY: u64 = 1 << 4;
    /// Instances act as unbound methods (`LOAD_METHOD` skips binding).
    pub const METHOD_DESCRIPTOR: u64 = 1 << 5;
    /// `match` treats instances as sequences.
    pub const SEQUENCE: u64 = 1 << 6;
    /// `match` treats instances as mappings.
    pub const MAPPING: u64 = 1 << 7;
    /// Instances of a Python class defining `__del__`.
    pub const HAS_FINALIZER: u64 = 1 << 8;
    /// The class defines `__getattr__` (slow attribute path).
    pub const HAS_GETATTR_HOOK: u64 = 1 << 9;
    /// Abstract methods present (set by abc).
    pub const IS_ABSTRACT: u64 = 1 << 10;
    /// The type's `__dict__`/`__slots__` layout was built from `__slots__`.
    pub const HAS_SLOTS: u64 = 1 << 11;
    /// Instances accept weak references (dealloc consults the weak reference
    /// table for them; see `object::weakref`).
    pub const WEAKREFABLE: u64 = 1 << 12;
    /// Instances are weak references or proxies (`object::weakref::WeakRefObj`).
    pub const IS_WEAKREF: u64 = 1 << 13;
    // Fast subclass tests (inherited by every subclass).
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
    /// The flags a subclass inherits from its bases.
    pub const INHERITED: u64 = HAVE_GC
        | WEAKREFABLE
        | IS_WEAKREF
        | SEQUENCE
        | MAPPING
        | LONG_SUBCLASS
        | LIST_SUBCLASS
        | TUPLE_SUBCLASS
        | BYTES_SUBCLASS
        | UNICODE_SUBCLASS
        | DICT_SUBCLASS
        | BASE_EXC_SUBCLASS
        | TYPE_SUBCLASS;
}

/// The vectorcall ABI shared by the interpreter, builtins and machine code:
/// `args` holds `nargsf & !ARGUMENTS_OFFSET` positional arguments followed by one
/// value per name in `kwnames` (a tuple, or null). Arguments are borrowed; the
/// result is a new reference, or null with the exception set in the thread state.
pub type VectorcallFn =
    unsafe extern "C" fn(callable: *mut Obj, args: *const *mut Obj, nargsf: usize, kwnames: *mut Obj) -> *mut Obj;

/// Set in `nargsf` when `args[-1]` may be temporarily overwritten by the callee
/// (to prepend `self` without copying).
pub const ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

/// Arguments of a native call, as received through the vectorcall ABI.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional arguments followed by keyword argument values.
    pub all: &'a [&'a Obj],
    /// Number of positional arguments.
    pub nargs: usize,
    /// Names of the keyword arguments (a tuple of str), if any.
    pub kwnames: Option<&'a TupleObj>,
}

pub type UnaryFn = fn(&Obj) -> PyResult;
pub type BinaryFn = fn(&Obj, &Obj) -> PyResult;
pub type TernaryFn = fn(&Obj, &Obj, &Obj) -> PyResult;
pub type InquiryFn = fn(&Obj) -> PyResult<bool>;
pub type LenFn = fn(&Obj) -> PyResult<usize>;
pub type HashFn = fn(&Obj) -> PyResult<i64>;
pub type RichCmpFn = fn(&Obj, &Obj, CompareOp) -> PyResult;
pub type GetAttrFn = fn(&Obj, &StrObj) -> PyResult;
pub type SetAttrFn = fn(&Obj, &StrObj, Option<&Obj>) -> PyResult<()>;
pub type DescrGetFn = fn(&Obj, Option<&Obj>, Option<&TypeObj>) -> PyResult;
pub type DescrSetFn = fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>;
pub type IterNextFn = fn(&Obj) -> PyResult<Option<PyRef>>;
pub type NewFn = fn(&TypeObj, Args<'_>) -> PyResult;
pub type InitFn = fn(&Obj, Args<'_>) -> PyResult<()>;
pub type SetItemFn = fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>;
pub type ContainsFn = fn(&Obj, &Obj) -> PyResult<bool>;
pub type TraverseFn = fn(&Obj, &mut dyn FnMut(&Obj));
pub type ClearFn = fn(&Obj);
/// Runs the destructor of an object's Rust payload in place.
pub type DropFn = unsafe fn(*mut Obj);

/// A native function or method: `args.all[0]` is `self` for methods.
pub type NativeFn = fn(Args<'_>) -> PyResult;

/// How a native method binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (a method descriptor in the type dict).
    Method,
    /// A classmethod: receives the type as `self`.
    Class,
    /// A staticmethod.
    Static,
}

/// A native method declared by a type or module.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Method, doc: "" }
    }
    pub const fn class(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Class, doc: "" }
    }
    pub const fn static_(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Static, doc: "" }
    }
}

pub type GetterFn = fn(&Obj) -> PyResult;
pub type SetterFn = fn(&Obj, Option<&Obj>) -> PyResult<()>;

/// A computed attribute declared by a native type.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Option<GetterFn>,
    pub set: Option<SetterFn>,
    pub doc: &'static str,
}

impl GetSetDef {
    pub const fn getter(name: &'static str, get: GetterFn) -> GetSetDef {
        GetSetDef { name, get: Some(get), set: None, doc: "" }
    }
    pub const fn getset(name: &'static str, get: GetterFn, set: SetterFn) -> GetSetDef {
        GetSetDef { name, get: Some(get), set: Some(set), doc: "" }
    }
}

/// The number protocol slots. Binary slots return NotImplemented for operand
/// types they do not handle (either operand may be `self`).
#[derive(Default)]
pub struct NumberSlots {
    pub add: Cell<Option<BinaryFn>>,
    pub sub: Cell<Option<BinaryFn>>,
    pub mul: Cell<Option<BinaryFn>>,
    pub matmul: Cell<Option<BinaryFn>>,
    pub truediv: Cell<Option<BinaryFn>>,
    pub floordiv: Cell<Option<BinaryFn>>,
    pub rem: Cell<Option<BinaryFn>>,
    pub divmod: Cell<Option<BinaryFn>>,
    pub pow: Cell<Option<TernaryFn>>,
    pub lshift: Cell<Option<BinaryFn>>,
    pub rshift: Cell<Option<BinaryFn>>,
    pub and: Cell<Option<BinaryFn>>,
    pub xor: Cell<Option<BinaryFn>>,
    pub or: Cell<Option<BinaryFn>>,
    pub iadd: Cell<Option<BinaryFn>>,
    pub isub: Cell<Option<BinaryFn>>,
    pub imul: Cell<Option<BinaryFn>>,
    pub imatmul: Cell<Option<BinaryFn>>,
    pub itruediv: Cell<Option<BinaryFn>>,
    pub ifloordiv: Cell<Option<BinaryFn>>,
    pub irem: Cell<Option<BinaryFn>>,
    pub ipow: Cell<Option<TernaryFn>>,
    pub ilshift: Cell<Option<BinaryFn>>,
    pub irshift: Cell<Option<BinaryFn>>,
    pub iand: Cell<Option<BinaryFn>>,
    pub ixor: Cell<Option<BinaryFn>>,
    pub ior: Cell<Option<BinaryFn>>,
    pub neg: Cell<Option<UnaryFn>>,
    pub pos: Cell<Option<UnaryFn>>,
    pub abs: Cell<Option<UnaryFn>>,
    pub invert: Cell<Option<UnaryFn>>,
    pub bool: Cell<Option<InquiryFn>>,
    pub int: Cell<Option<UnaryFn>>,
    pub float: Cell<Option<UnaryFn>>,
    pub index: Cell<Option<UnaryFn>>,
}

impl NumberSlots {
    /// A slot table with every slot empty.
    pub const fn empty() -> NumberSlots {
        NumberSlots {
            add: Cell::new(None),
            sub: Cell::new(None),
            mul: Cell::new(None),
            matmul: Cell::new(None),
            truediv: Cell::new(None),
            floordiv: Cell::new(None),
            rem: Cell::new(None),
            divmod: Cell::new(None),
            pow: Cell::new(None),
            lshift: Cell::new(None),
            rshift: Cell::new(None),
            and: Cell::new(None),
            xor: Cell::new(None),
            or: Cell::new(None),
            iadd: Cell::new(None),
            isub: Cell::new(None),
            imul: Cell::new(None),
            imatmul: Cell::new(None),
            itruediv: Cell::new(None),
            ifloordiv: Cell::new(None),
            irem: Cell::new(None),
            ipow: Cell::new(None),
            ilshift: Cell::new(None),
            irshift: Cell::new(None),
            iand: Cell::new(None),
            ixor: Cell::new(None),
            ior: Cell::new(None),
            neg: Cell::new(None),
            pos: Cell::new(None),
            abs: Cell::new(None),
            invert: Cell::new(None),
            bool: Cell::new(None),
            int: Cell::new(None),
            float: Cell::new(None),
            index: Cell::new(None),
        }
    }
}

/// A type object. Static (builtin) types are Rust `static`s, immortal, with
/// their methods declared in `methods`/`getsets` and installed into the dict by
/// [`crate::types::type_ready`]; heap types are allocated by `type.__new__`.
/// Byte offset of a type's version tag (a `u32`; see the module documentation).
pub const OFFSET_TYPE_VERSION: usize = std::mem::offset_of!(TypeObj, version);
/// Byte offset of a type's vectorcall slot (`Option<VectorcallFn>`: a
/// nullable function pointer).
pub const OFFSET_TYPE_CALL: usize = std::mem::offset_of!(TypeObj, call);

#[repr(C)]
pub struct TypeObj {
    pub ob: Obj,
    pub name: PyCell<Cow<'static, str>>,
    pub qualname: PyCell<Cow<'static, str>>,
    /// Module of a static type (heap types keep `__module__` in their dict).
    pub module: &'static str,
    pub doc: Option<&'static str>,
    pub flags: Cell<u64>,
    pub version: Cell<u32>,
    /// Size of an instance without items, including extras.
    pub basicsize: Cell<usize>,
    /// Size of each trailing item of var-sized instances (0 if fixed-size).
    pub itemsize: Cell<usize>,
    /// Offset of the `__dict__` pointer: 0 none, > 0 from the object's start,
    /// < 0 from its end (var-sized instances).
    pub dict_offset: Cell<isize>,
    /// Offset of the weak reference list pointer (0 none).
    pub weaklist_offset: Cell<usize>,
    /// Offsets of the `__slots__` values of instances, from this type and its
    /// heap-type bases (fixed when the class is created; empty for static types).
    pub slot_value_offsets: PyCell<Vec<usize>>,
    pub base: Cell<*const TypeObj>,
    pub bases: PyCell<Option<PyRef>>,
    pub mro: PyCell<Option<PyRef>>,
    pub dict: PyCell<Option<PyRef>>,
    /// Direct subclasses (weak: entries are removed when a subclass dies).
    pub subclasses: PyCell<Vec<*const TypeObj>>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],

    pub call: Cell<Option<VectorcallFn>>,
    pub new: Cell<Option<NewFn>>,
    pub init: Cell<Option<InitFn>>,
    pub getattro: Cell<Option<GetAttrFn>>,
    pub setattro: Cell<Option<SetAttrFn>>,
    pub descr_get: Cell<Option<DescrGetFn>>,
    pub descr_set: Cell<Option<DescrSetFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub repr: Cell<Option<UnaryFn>>,
    pub str: Cell<Option<UnaryFn>>,
    pub iter: Cell<Option<UnaryFn>>,
    pub iternext: Cell<Option<IterNextFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<BinaryFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    pub number: NumberSlots,
    pub drop_payload: Cell<Option<DropFn>>,
    /// Runs before deallocation with the object resurrected (`__del__`,
    /// generator close); the object survives if it gained references.
    pub finalize: Cell<Option<fn(&Obj)>>,
    pub traverse: Cell<Option<TraverseFn>>,
    pub clear: Cell<Option<ClearFn>>,
    /// Size of the solid base's payload struct (where extras begin).
    pub solid_size: Cell<usize>,
    /// Assigns the slots of a static type at start-up (see [`StaticSpec`]).
    pub setup: Option<fn(&TypeObj)>,
}

/// The plain-data part of a static type's declaration; [`crate::static_type!`]
/// builds one and [`TypeObj::new_static`] turns it into the type object.
#[derive(Clone, Copy)]
pub struct StaticSpec {
    pub name: &'static str,
    pub module: &'static str,
    pub doc: Option<&'static str>,
    pub flags: u64,
    pub basicsize: usize,
    pub itemsize: usize,
    pub dict_offset: isize,
    pub base: *const TypeObj,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub setup: Option<fn(&TypeObj)>,
}

impl StaticSpec {
    pub const fn new(name: &'static str, basicsize: usize) -> StaticSpec {
        StaticSpec {
            name,
            module: "builtins",
            doc: None,
            flags: flags::IMMUTABLE,
            basicsize,
            itemsize: 0,
            dict_offset: 0,
            base: ptr::null(),
            methods: &[],
            getsets: &[],
            setup: None,
        }
    }
}

impl TypeObj {
    /// A blank static type named `name`. Struct-update syntax may then override
    /// only fields without destructors (cells of slots, sizes, flags), which a
    /// `static` initialiser requires.
    pub const fn blank_named(name: &'static str) -> TypeObj {
        TypeObj {
            ob: Obj::immortal(ptr::null()),
            name: PyCell::new(Cow::Borrowed(name)),
            qualname: PyCell::new(Cow::Borrowed(name)),
            module: "builtins",
            doc: None,
            flags: Cell::new(flags::IMMUTABLE),
            version: Cell::new(0),
            basicsize: Cell::new(std::mem::size_of::<Obj>()),
            itemsize: Cell::new(0),
            dict_offset: Cell::new(0),
            weaklist_offset: Cell::new(0),
            slot_value_offsets: PyCell::new(Vec::new()),
            base: Cell::new(ptr::null()),
            bases: PyCell::new(None),
            mro: PyCell::new(None),
            dict: PyCell::new(None),
            subclasses: PyCell::new(Vec::new()),
            methods: &[],
            getsets: &[],
            call: Cell::new(None),
            new: Cell::new(None),
            init: Cell::new(None),
            getattro: Cell::new(None),
            setattro: Cell::new(None),
            descr_get: Cell::new(None),
            descr_set: Cell::new(None),
            hash: Cell::new(None),
            richcompare: Cell::new(None),
            repr: Cell::new(None),
            str: Cell::new(None),
            iter: Cell::new(None),
            iternext: Cell::new(None),
            len: Cell::new(None),
            getitem: Cell::new(None),
            setitem: Cell::new(None),
            contains: Cell::new(None),
            number: NumberSlots::empty(),
            drop_payload: Cell::new(None),
            finalize: Cell::new(None),
            traverse: Cell::new(None),
            clear: Cell::new(None),
            solid_size: Cell::new(std::mem::size_of::<Obj>()),
            setup: None,
        }
    }

    /// Builds a static type object from its spec.
    pub const fn new_static(spec: StaticSpec) -> TypeObj {
        let mut t = TypeObj::blank_named(spec.name);
        t.ob = TypeObj::static_header();
        t.module = spec.module;
        t.doc = spec.doc;
        t.flags = Cell::new(spec.flags);
        t.basicsize = Cell::new(spec.basicsize);
        t.solid_size = Cell::new(spec.basicsize);
        t.itemsize = Cell::new(spec.itemsize);
        t.dict_offset = Cell::new(spec.dict_offset);
        t.base = Cell::new(spec.base);
        t.methods = spec.methods;
        t.getsets = spec.getsets;
        t.setup = spec.setup;
        t
    }

    /// The header of a static type object (its type is `type`).
    pub const fn static_header() -> Obj {
        Obj::immortal(&TYPE_TYPE.0 as *const TypeObj)
    }

    #[inline(always)]
    pub fn has_flag(&self, flag: u64) -> bool {
        self.flags.get() & flag != 0
    }

    pub fn set_flag(&self, flag: u64, on: bool) {
        let f = self.flags.get();
        self.flags.set(if on { f | flag } else { f & !flag });
    }

    /// Whether this is a static (builtin, immortal) type.
    #[inline(always)]
    pub fn is_static(&self) -> bool {
        !self.has_flag(flags::HEAPTYPE)
    }

    /// The header, as an object reference.
    #[inline(always)]
    pub fn as_obj_ref(&self) -> &Obj {
        &self.ob
    }

    /// `__name__`.
    pub fn name(&self) -> String {
        self.name.with(|n| n.to_string())
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> String {
        self.qualname.with(|n| n.to_string())
    }

    /// Calls `f` with the name without copying it.
    pub fn with_name<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        self.name.with(|n| f(n))
    }

    /// The `__base__` type (None only for `object`).
    #[inline]
    pub fn base(&self) -> Option<&TypeObj> {
        crate::object::header::type_link(self.base.get())
    }

    /// The MRO tuple, once the type is ready.
    pub fn mro_tuple(&self) -> Option<PyRef> {
        self.mro.get_clone()
    }

    /// Calls `f` on each type of the MRO in order, stopping when it returns
    /// `Some`. Falls back to the base chain before the MRO is computed.
    pub fn mro_find<R>(&self, mut f: impl FnMut(&TypeObj) -> Option<R>) -> Option<R> {
        match self.mro.get_clone() {
            Some(mro) => {
                // SAFETY-free: the mro tuple is immutable and holds its types.
                let mro = mro.downcast::<TupleObj>()?;
                for t in mro.as_slice() {
                    if let Some(t) = t.downcast::<TypeObj>() {
                        if let Some(r) = f(t) {
                            return Some(r);
                        }
                    }
                }
                None
            }
            None => {
                let mut t = Some(self);
                while let Some(ty) = t {
                    if let Some(r) = f(ty) {
                        return Some(r);
                    }
                    t = ty.base();
                }
                None
            }
        }
    }

    /// `issubclass(self, other)` by the MRO (no `__subclasscheck__`).
    #[inline]
    pub fn is_subtype(&self, other: &TypeObj) -> bool {
        if ptr::eq(self, other) {
            return true;
        }
        self.mro_find(|t| if ptr::eq(t, other) { Some(()) } else { None }).is_some()
    }

    /// The type's dict (present once ready).
    pub fn dict(&self) -> PyRef {
        self.dict.get_clone().unwrap_or_else(|| crate::runtime::fatal("type used before it is ready"))
    }

    /// Looks `name` up along the MRO (no descriptor binding), using the method cache.
    pub fn lookup(&self, name: &StrObj) -> Option<PyRef> {
        lookup_cached(self, name)
    }

    /// Looks a name given as a Rust string up along the MRO.
    pub fn lookup_str(&self, name: &str) -> Option<PyRef> {
        let key = crate::types::str::intern(name);
        self.lookup(key.downcast::<StrObj>()?)
    }

    /// Looks `name` up in this type's own dict only.
    pub fn lookup_own(&self, name: &StrObj) -> Option<PyRef> {
        let dict = self.dict.get_clone()?;
        dict.downcast::<DictObj>()?.get_str(name)
    }

    /// Records that the type (its dict, bases or MRO) changed: invalidates the
    /// version tags of this type and every subclass.
    pub fn modified(&self) {
        if self.version.get() == 0 {
            return;
        }
        self.version.set(0);
        let subs = self.subclasses.get_clone();
        for s in subs {
            if let Some(sub) = crate::object::header::type_link(s) {
                sub.modified();
            }
        }
    }

    /// The type's version tag, assigning a fresh one if needed (0 if the tag
    /// space is exhausted, which disables caching for the type).
    ///
    /// Invariant: a type has a tag only while every type on its MRO has one.
    /// [`TypeObj::modified`] relies on it: it stops at a type whose tag is
    /// already 0, so tags are given to the bases first.
    #[inline(always)]
    pub fn version_tag(&self) -> u32 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        self.assign_version_tag()
    }

    #[cold]
    #[inline(never)]
    fn assign_version_tag(&self) -> u32 {
        // Before its MRO is set a type is not cached.
        let Some(mro) = self.mro_tuple() else { return 0 };
        let Some(mro) = mro.downcast::<crate::types::tuple::TupleObj>() else { return 0 };
        for base in mro.as_slice() {
            if let Some(b) = base.downcast::<TypeObj>() {
                if !std::ptr::eq(b, self) && b.version_tag() == 0 {
                    return 0;
                }
            }
        }
        let next = NEXT_VERSION.get();
        if next == u32::MAX {
            return 0;
        }
        NEXT_VERSION.set(next + 1);
        self.version.set(next);
        next
    }
}

// SAFETY: `TypeObj` is `#[repr(C)]` and starts with `Obj`; every type object
// (including metaclass instances) has this layout.
unsafe impl PyPayload for TypeObj {
    fn class() -> &'static TypeObj {
        &TYPE_TYPE
    }
    const SUBCLASS_FLAG: u64 = flags::TYPE_SUBCLASS;
}

static NEXT_VERSION: Static<Cell<u32>> = Static(Cell::new(1));

const METHOD_CACHE_BITS: u32 = 12;
const METHOD_CACHE_SIZE: usize = 1 << METHOD_CACHE_BITS;

#[derive(Clone, Copy)]
struct CacheEntry {
    version: u32,
    name: *const Obj,
    /// Borrowed from the owning type's dict; valid while the version matches.
    value: *const Obj,
}

static METHOD_CACHE: Static<PyCell<[CacheEntry; METHOD_CACHE_SIZE]>> =
    Static(PyCell::new([CacheEntry { version: 0, name: ptr::null(), value: ptr::null() }; METHOD_CACHE_SIZE]));

#[inline]
fn cache_index(version: u32, name: *const Obj) -> usize {
    let h = (version as usize).wrapping_mul(0x9E37_79B9) ^ ((name as usize) >> 4);
    h & (METHOD_CACHE_SIZE - 1)
}

fn lookup_uncached(ty: &TypeObj, name: &StrObj) -> Option<PyRef> {
    ty.mro_find(|t| t.lookup_own(name))
}

fn lookup_cached(ty: &TypeObj, name: &StrObj) -> Option<PyRef> {
    if !name.is_interned() {
        return lookup_uncached(ty, name);
    }
    let version = ty.version_tag();
    if version == 0 {
        return lookup_uncached(ty, name);
    }
    let name_ptr = name.as_obj() as *const Obj;
    let idx = cache_index(version, name_ptr);
    let hit = METHOD_CACHE.with(|c| {
        let e = c[idx];
        if e.version == version && e.name == name_ptr {
            Some(e.value)
        } else {
            None
        }
    });
    if let Some(value) = hit {
        // SAFETY: the entry's version matches, so the dict holding `value` is
        // unchanged and keeps it alive.
        return if value.is_null() { None } else { Some(unsafe { &*value }.to_owned()) };
    }
    let found = lookup_uncached(ty, name);
    // The lookup may have run no Python code (dict lookups with str keys), but
    // re-read the tag in case the type changed meanwhile.
    if ty.version.get() == version {
        let value = found.as_ref().map_or(ptr::null(), |v| &**v as *const Obj);
        METHOD_CACHE.with_mut(|c| c[idx] = CacheEntry { version, name: name_ptr, value });
    }
    found
}

/// `type`: the metatype.
pub static TYPE_TYPE: Static<TypeObj> = Static(TypeObj::new_static(StaticSpec {
    flags: flags::IMMUTABLE | flags::BASETYPE | flags::HAVE_GC | flags::TYPE_SUBCLASS | flags::WEAKREFABLE,
    methods: crate::types::type_new::METHODS,
    getsets: crate::types::type_new::GETSETS,
    setup: Some(crate::types::type_new::setup_type_type),
    ..StaticSpec::new("type", std::mem::size_of::<TypeObj>())
}));

impl std::fmt::Debug for TypeObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<class '{}'>", self.name())
    }
}

/// Convenience: the type of an object as a new reference.
pub fn type_of(obj: &Obj) -> PyRef {
    obj.class().as_obj_ref().to_owned()
}
