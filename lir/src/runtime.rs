//! The runtime layout contract: what the lowering needs to know about the VM
//! without depending on it. `ember-jit` fills these in from the VM's exported
//! offsets and addresses; tests use made-up values.

use ember_hir::types::Type;

use crate::helpers::Helper;

/// What a compiled function returns to hand its frame to the interpreter
/// (the VM's `jit_hook::DEOPT_RESUME`; `ember-jit` checks they agree).
pub const DEOPT_RESUME: i64 = 1;

/// Offsets and addresses machine code uses directly.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Offset of an object's reference count (a signed machine word; negative
    /// means immortal: never written).
    pub refcnt: i32,
    /// Offset of an object's type pointer.
    pub ob_type: i32,
    /// Offset of localsplus slot 0 in an interpreter frame (slots are
    /// nullable object pointers, 8 bytes apart).
    pub frame_slots: i32,
    /// Offset of the running function (nullable) in a frame.
    pub frame_func: i32,
    /// Offset of the frame's current instruction (`i32`), which compiled code
    /// keeps up to date for tracebacks, `sys._getframe().f_lineno` and warnings.
    pub frame_lasti: i32,
    /// Offset of the frame's value-stack pointer (the address of the next free
    /// slot after the localsplus ones).
    pub frame_sp: i32,
    /// Offset of the frame's "compiled code yielded" byte (a `bool`).
    pub frame_jit_yielded: i32,
    /// Offsets of the frame's globals and builtins (object pointers; the
    /// globals are always a dict, the builtins usually one).
    pub frame_globals: i32,
    pub frame_builtins: i32,
    /// The exact `dict` type and the offset of a dict's version word (a fresh
    /// value from one global counter on every mutation).
    pub dict_type: u64,
    pub dict_version: i32,
    /// Offsets in a `LOAD_GLOBAL` cache entry of the globals and builtins
    /// versions it was filled at and of its value (nullable).
    pub global_cache_globals_version: i32,
    pub global_cache_builtins_version: i32,
    pub global_cache_value: i32,
    /// The exact `int` and `float` types, for inline fast paths.
    pub int_type: u64,
    pub float_type: u64,
    /// Offsets in an int of its machine-word value and of its big-integer
    /// pointer (null when the value is the machine word).
    pub int_value: i32,
    pub int_big: i32,
    /// Offset of a float's `f64` value.
    pub float_value: i32,
    /// The address of the byte that is non-zero while a signal (Ctrl-C) waits
    /// to be handled.
    pub signal_pending: u64,
    /// The free lists exact floats and exact machine-word ints are allocated
    /// from: each as the address of its head word (null when empty; a free
    /// block's first word links the next) and of its count word.
    pub float_freelist: (u64, u64),
    pub int_freelist: (u64, u64),
    /// Ints in this range are shared immortal objects, `int_size` bytes apart
    /// from `small_int_base` (the lowest).
    pub small_ints: (i64, i64),
    pub small_int_base: u64,
    pub int_size: i64,
    /// The range iterator type and the offsets of its next value, step and
    /// remaining count (`i64` each).
    pub range_iter_type: u64,
    pub range_iter: (i32, i32, i32),
    /// The `True` and `False` objects (immortal).
    pub true_obj: u64,
    pub false_obj: u64,
    /// What inline attribute caches read.
    pub attr: AttrLayout,
    /// What direct calls of native callables read.
    pub call: CallLayout,
}

/// The layout behind direct calls (`lower::calls`): a callable that is not a
/// Python function or a class is called through its type's vectorcall slot
/// (`(callable, args, nargs, kwnames) -> object`, arguments borrowed, result
/// a new reference or null with the exception set).
#[derive(Clone, Debug, Default)]
pub struct CallLayout {
    /// Offset of a type's vectorcall slot (a nullable function pointer).
    pub type_call: i32,
    /// The exact `function` and `type` types (their calls take the helper).
    pub function_type: u64,
    pub type_type: u64,
    /// The address of the lowest usable native stack address (a word; 0 for
    /// no limit): below it a call raises RecursionError through the helper.
    pub native_stack_limit: u64,
}

/// The layout behind inline attribute caches (`lower::attr_ic`): machine
/// code finds the site's entry for the receiver's type and acts on it when
/// it can; everything else is the helper's.
#[derive(Clone, Debug, Default)]
pub struct AttrLayout {
    /// Offset of a type's version tag (`u32`, 0: unversioned).
    pub type_version: i32,
    /// Offset of the first entry in a site, and in an entry the offsets of
    /// its type version (`u32`), mode bits (`u8`), entry-index hint (`u32`),
    /// dict or slot offset (`u32`) and cached value (nullable pointer).
    pub site_first: i32,
    /// How many entries a site has, and their size (consecutive).
    pub site_entries: i64,
    pub entry_stride: i64,
    pub version: i32,
    pub mode: i32,
    pub hint: i32,
    pub offset: i32,
    pub value: i32,
    /// The mode bits: load from the instance dict through the hint, load a
    /// slot, method load with the cached value.
    pub mode_dict: u8,
    pub mode_slot: u8,
    pub mode_method: u8,
    /// Mode bit: a store replaces the value of the hinted instance-dict entry.
    pub mode_set_dict: u8,
    /// A store replaces the slot at the entry's offset (`IC_SET_SLOT`).
    pub mode_set_slot: u8,
    /// The address of the `u64` counter dict versions come from (a changed
    /// dict takes the counter's value as its version; the counter goes up).
    pub dict_version_counter: u64,
    /// Offsets in a dict of its table's borrow flag (`i64`, negative while
    /// the table changes), entry pointer and length, and 64-bit hash summary.
    pub dict_borrow: i32,
    pub entries_ptr: i32,
    pub entries_len: i32,
    pub dict_hash_bits: i32,
    /// The size of a dict entry and the offsets of its key and value.
    pub entry_size: i64,
    pub entry_key: i32,
    pub entry_value: i32,
}

/// What the lowering asks of the runtime while compiling one function.
pub trait Runtime {
    fn layout(&self) -> &Layout;

    /// The address of a helper's implementation.
    fn helper_addr(&self, h: Helper) -> u64;

    /// The object a constant type stands for: an object constant's address,
    /// or an object for a value constant (`LongExact[5]`, `UnicodeExact["a"]`,
    /// `NoneType`) that the runtime keeps alive as long as the code. None if
    /// there is no such object.
    fn const_object(&mut self, ty: &Type) -> Option<u64>;

    /// The address of the type object for an exact builtin type (`LongExact`,
    /// `ListExact`, ...), for type guards.
    fn exact_type_addr(&self, ty: &Type) -> Option<u64>;

    /// A new attribute cache for one `LoadAttr`, `StoreAttr` or `LoadMethod`
    /// of name `name` (an index into the code's names), and the name
    /// object's address: both live as long as the compiled code. None for a
    /// bad name index.
    fn attr_site(&mut self, name: u32) -> Option<(u64, u64)>;

    /// The bit of name `name`'s hash in a dict's hash summary (0 if
    /// unknown: no inline method cache then).
    fn name_hash_bit(&self, name: u32) -> u64;

    /// The address of the table the deopt helper gets for this function (the
    /// runtime stores the lowering's deopt points there).
    fn deopt_table_addr(&self) -> u64;

    /// The address of the code's `LOAD_GLOBAL` cache entry for name `name`
    /// (alive as long as the code), or None for a bad index.
    fn global_cache(&self, name: u32) -> Option<u64>;
}
