//! Interpreter frames and the per-thread frame stack.
//!
//! A frame is a `#[repr(C)]` record followed by its slots: `nlocalsplus`
//! localsplus slots (locals, cells, free variables) then `stack_size` value
//! stack slots. Each slot is an `Option<PyRef>` (null = unbound local / NULL on
//! the stack). Frames of plain calls are bump-allocated on the thread's data
//! stack (chunks that never move, freed in LIFO order); generator frames live
//! in their generator object ([`GenFrame`]).
//!
//! **Invariant:** a frame's `code` is an owned reference; `globals` and
//! `builtins` are borrowed from `func` (or from the caller of `exec`, which
//! outlives the frame). The localsplus slots and the stack slots below `sp`
//! (the next free stack slot) are initialised; the rest are garbage and never
//! read. Frame memory never moves while the frame lives, so `sp` stays valid.
//!
//! **Invariant:** the value stack never exceeds the code object's `stack_size`
//! and never pops below empty (the compiler computes the depth from the opcode
//! table's stack effects and `new_verified_code` checks it before any code
//! runs; debug builds also check every push, pop and peek).
//!
//! This module and `object/` hold the interpreter's unsafe code; the eval loop
//! uses the safe [`FramePtr`] API below.

use std::cell::Cell;
use std::ptr::{self, NonNull};

use crate::object::{Obj, PyRef, Static};
use crate::runtime::{ts, PyErr, PyResult};
use crate::types::code::CodeObj;
use crate::types::exceptions;
use crate::types::tuple::TupleObj;

/// Who owns a frame's memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum FrameOwner {
    /// The thread's data stack (popped when the call returns).
    Thread = 0,
    /// A generator, coroutine or async generator object.
    Generator = 1,
}

#[repr(C)]
pub struct Frame {
    code: PyRef,
    func: Option<PyRef>,
    globals: *const Obj,
    builtins: *const Obj,
    locals: Option<PyRef>,
    previous: *mut Frame,
    /// Index of the current (last started) instruction; -1 before the first.
    lasti: i32,
    /// The next free value-stack slot.
    sp: *mut Option<PyRef>,
    nlocalsplus: u32,
    stack_size: u32,
    owner: FrameOwner,
    /// Returning from this frame returns from the eval loop invocation.
    is_entry: bool,
    /// The frame runs `__init__` for an instance creation inlined by `CALL`:
    /// its return value must be None and is replaced by the instance, which
    /// the caller already holds on its value stack.
    init_call: bool,
    /// Compiled code has been entered for this frame (a deopt back to its
    /// first instruction must not enter it again).
    jit_entered: bool,
    /// Compiled code suspended this generator frame at a yield: what it
    /// returned is the yielded value, not the result.
    jit_yielded: bool,
    /// The heap frame object, if Python asked for one.
    frame_obj: Option<PyRef>,
    slots: [Option<PyRef>; 0],
}

const FRAME_HEADER: usize = std::mem::size_of::<Frame>();
const SLOT: usize = std::mem::size_of::<Option<PyRef>>();

/// Offsets in a frame that compiled code reads (the layout contract with
/// `ember-lir`). **Invariant:** localsplus slot `i` of a frame at address `f`
/// is the nullable object pointer at `f + SLOTS + 8 * i`, the running
/// function (nullable) is at `f + FUNC`, and the current instruction (an
/// `i32`, which compiled code updates before anything that may look at the
/// frame: calls, attribute access, operators) at `f + LASTI`.
pub mod layout {
    pub const SLOTS: usize = super::FRAME_HEADER;
    pub const FUNC: usize = std::mem::offset_of!(super::Frame, func);
    pub const LASTI: usize = std::mem::offset_of!(super::Frame, lasti);
    pub const SP: usize = std::mem::offset_of!(super::Frame, sp);
    pub const GLOBALS: usize = std::mem::offset_of!(super::Frame, globals);
    pub const BUILTINS: usize = std::mem::offset_of!(super::Frame, builtins);
    pub const JIT_YIELDED: usize = std::mem::offset_of!(super::Frame, jit_yielded);
}

fn frame_bytes(code: &CodeObj) -> usize {
    FRAME_HEADER + SLOT * code.frame_slots()
}

/// A pointer to a live frame. Copyable; valid while the frame is alive, which
/// the eval loop and generator objects guarantee by construction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FramePtr(NonNull<Frame>);

// ---------------------------------------------------------------------------
// The data stack.

struct Chunk {
    base: *mut u8,
    size: usize,
}

/// Bump allocator for frames: chunks never move; frames are freed in LIFO order.
///
/// Frames fill chunk after chunk: when the current chunk is full, the next frame
/// goes to the chunk with the next index, so the frame being freed lies either in
/// the current chunk or (if it was the last frame there) in the previous one.
struct DataStack {
    /// Next free byte; `base <= top <= limit` within the current chunk.
    top: Cell<*mut u8>,
    base: Cell<*mut u8>,
    limit: Cell<*mut u8>,
    /// Index of the current chunk.
    current: Cell<usize>,
    chunks: std::cell::RefCell<Vec<Chunk>>,
}

static DATA_STACK: Static<DataStack> = Static(DataStack {
    top: Cell::new(ptr::null_mut()),
    base: Cell::new(ptr::null_mut()),
    limit: Cell::new(ptr::null_mut()),
    current: Cell::new(0),
    chunks: std::cell::RefCell::new(Vec::new()),
});

const CHUNK_SIZE: usize = 256 * 1024;
const ALIGN: usize = 16;

fn chunk_layout(size: usize) -> std::alloc::Layout {
    std::alloc::Layout::from_size_align(size, ALIGN).expect("chunk layout")
}

impl DataStack {
    #[inline(always)]
    fn alloc(&self, bytes: usize) -> *mut u8 {
        let bytes = (bytes + ALIGN - 1) & !(ALIGN - 1);
        let top = self.top.get();
        if self.limit.get() as usize - top as usize >= bytes {
            self.top.set(top.wrapping_add(bytes));
            return top;
        }
        self.alloc_in_next_chunk(bytes)
    }

    #[cold]
    #[inline(never)]
    fn alloc_in_next_chunk(&self, bytes: usize) -> *mut u8 {
        let mut chunks = self.chunks.borrow_mut();
        let next = if chunks.is_empty() { 0 } else { self.current.get() + 1 };
        if chunks.get(next).is_none_or(|c| c.size < bytes) {
            // Chunks past `current` hold no live frames; replace them.
            while chunks.len() > next {
                let c = chunks.pop().expect("chunk");
                // SAFETY: no live frame lives in chunks beyond `current`.
                unsafe { std::alloc::dealloc(c.base, chunk_layout(c.size)) };
            }
            let size = bytes.max(CHUNK_SIZE);
            // SAFETY: non-zero size.
            let base = unsafe { std::alloc::alloc(chunk_layout(size)) };
            if base.is_null() {
                std::alloc::handle_alloc_error(chunk_layout(size));
            }
            chunks.push(Chunk { base, size });
        }
        let c = &chunks[next];
        self.current.set(next);
        self.base.set(c.base);
        self.limit.set(c.base.wrapping_add(c.size));
        self.top.set(c.base.wrapping_add(bytes));
        c.base
    }

    #[inline(always)]
    fn free(&self, p: *mut u8) {
        if p < self.base.get() || p >= self.limit.get() {
            self.back_to_previous_chunk();
        }
        debug_assert!(p >= self.base.get() && p < self.limit.get(), "frames are freed in LIFO order");
        self.top.set(p);
    }

    #[cold]
    #[inline(never)]
    fn back_to_previous_chunk(&self) {
        let chunks = self.chunks.borrow();
        let k = self.current.get().saturating_sub(1);
        let c = &chunks[k];
        self.current.set(k);
        self.base.set(c.base);
        self.limit.set(c.base.wrapping_add(c.size));
    }
}

// ---------------------------------------------------------------------------
// Frame creation and destruction.

/// Arguments for a new frame.
pub struct FrameInit<'a> {
    pub code: PyRef,
    pub func: Option<PyRef>,
    pub globals: &'a Obj,
    pub builtins: &'a Obj,
    pub locals: Option<PyRef>,
}

unsafe fn init_frame(mem: *mut u8, init: FrameInit, owner: FrameOwner) -> FramePtr {
    let code = init.code.downcast::<CodeObj>().expect("frame code");
    let nlocalsplus = code.nlocalsplus() as u32;
    let stack_size = code.stack_size;
    let f = Frame {
        globals: init.globals as *const Obj,
        builtins: init.builtins as *const Obj,
        locals: init.locals,
        func: init.func,
        previous: ptr::null_mut(),
        lasti: -1,
        sp: ptr::null_mut(),
        nlocalsplus,
        stack_size,
        owner,
        is_entry: false,
        init_call: false,
        jit_entered: false,
        jit_yielded: false,
        frame_obj: None,
        slots: [],
        code: init.code,
    };
    // SAFETY: `mem` has room for the header and all slots (see `frame_bytes`).
    unsafe {
        ptr::write(mem as *mut Frame, f);
        let slots = mem.add(FRAME_HEADER) as *mut Option<PyRef>;
        for i in 0..nlocalsplus as usize {
            ptr::write(slots.add(i), None);
        }
        (*(mem as *mut Frame)).sp = slots.add(nlocalsplus as usize);
        FramePtr(NonNull::new_unchecked(mem as *mut Frame))
    }
}

/// Pushes a new frame on the thread's frame stack (RecursionError past the
/// recursion limit). The caller must later [`FramePtr::release`] it.
pub fn push_frame(init: FrameInit) -> PyResult<FramePtr> {
    let t = ts();
    let depth = t.depth.get() + 1;
    if depth > t.recursion_limit.get() {
        return Err(PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    t.depth.set(depth);
    crate::gc::maybe_collect();
    let bytes = frame_bytes(init.code.downcast::<CodeObj>().expect("frame code"));
    let mem = DATA_STACK.alloc(bytes);
    // SAFETY: freshly allocated memory of the right size.
    Ok(unsafe { init_frame(mem, init, FrameOwner::Thread) })
}

/// Allocates the frame for calling `func` with exactly `nargs` positional
/// arguments when its code binds them and nothing else (no defaults needed,
/// no `*args`/`**kwargs`, no keyword-only parameters, not a generator or
/// coroutine); None otherwise. The first `nargs` slots are left
/// uninitialised: the caller must write them before anything reads the frame.
/// `func` itself is not stored (the caller stores it).
fn alloc_exact_frame(func: &crate::types::function::FunctionObj, nargs: usize) -> PyResult<Option<FramePtr>> {
    let code_ref = func.code();
    let code = code_ref.downcast::<CodeObj>().expect("function code");
    const SPECIAL: u32 = ember_compiler::code::code_flags::GENERATOR
        | ember_compiler::code::code_flags::COROUTINE
        | ember_compiler::code::code_flags::ASYNC_GENERATOR
        | ember_compiler::code::code_flags::VARARGS
        | ember_compiler::code::code_flags::VARKEYWORDS;
    if code.flags & SPECIAL != 0 || code.arg_count as usize != nargs || code.kwonly_arg_count != 0 {
        return Ok(None);
    }
    enter_call()?;
    let (nlocalsplus, stack_size) = (code.nlocalsplus(), code.stack_size);
    Ok(Some(write_frame(func, None, code_ref, nlocalsplus, stack_size, nargs)))
}

/// Counts a new thread frame towards the recursion limit (RecursionError
/// beyond it) and gives the cycle collector its chance.
#[inline(always)]
fn enter_call() -> PyResult<()> {
    let t = ts();
    let depth = t.depth.get() + 1;
    if depth > t.recursion_limit.get() {
        return Err(PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    t.depth.set(depth);
    crate::gc::maybe_collect();
    Ok(())
}

/// Allocates and initialises a thread frame running `code_ref` for `func`
/// (the recursion depth already counted): slots from `nargs` on are None,
/// the first `nargs` are the caller's to write.
#[inline(always)]
fn write_frame(
    func: &crate::types::function::FunctionObj,
    func_ref: Option<PyRef>,
    code_ref: PyRef,
    nlocalsplus: usize,
    stack_size: u32,
    nargs: usize,
) -> FramePtr {
    let mem = DATA_STACK.alloc(FRAME_HEADER + SLOT * (nlocalsplus + stack_size as usize));
    let header = Frame {
        globals: &*func.globals as *const Obj,
        builtins: &*func.builtins as *const Obj,
        locals: None,
        func: func_ref,
        previous: ptr::null_mut(),
        lasti: -1,
        sp: ptr::null_mut(),
        nlocalsplus: nlocalsplus as u32,
        stack_size,
        owner: FrameOwner::Thread,
        is_entry: false,
        init_call: false,
        jit_entered: false,
        jit_yielded: false,
        frame_obj: None,
        slots: [],
        code: code_ref,
    };
    // SAFETY: `mem` has room for the header and all slots; the slots from
    // `nargs` on are initialised here, the first `nargs` by the caller.
    unsafe {
        ptr::write(mem as *mut Frame, header);
        let slots = mem.add(FRAME_HEADER) as *mut Option<PyRef>;
        for i in nargs..nlocalsplus {
            ptr::write(slots.add(i), None);
        }
        (*(mem as *mut Frame)).sp = slots.add(nlocalsplus);
        FramePtr(NonNull::new_unchecked(mem as *mut Frame))
    }
}

/// Counts a call from native code into a new frame: the recursion depth
/// (checked against the limit) and the native stack (checked against its
/// limit), then gives the cycle collector its chance.
#[inline(always)]
pub(crate) fn enter_native_call() -> PyResult<()> {
    let t = ts();
    let depth = t.depth.get() + 1;
    let limit = NATIVE_STACK_LIMIT.get();
    if depth > t.recursion_limit.get() || (limit != 0 && stack_pointer() < limit) {
        return Err(PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    t.depth.set(depth);
    crate::gc::maybe_collect();
    Ok(())
}

/// The frame for compiled code's call of the plain function `func_obj`
/// whose code (`code_ref`, a new reference, with `nlocalsplus` locals and
/// a value stack of `stack_size`) binds exactly `first` (if any) and `args`
/// positionally: no
/// defaults, keyword-only parameters, `*args`/`**kwargs`, closure, generator
/// or coroutine (the caller checked the shape and counted the call with
/// [`enter_native_call`]). The arguments and the function get new
/// references. The frame is an entry frame below `caller`, marked as entered
/// by compiled code.
#[inline(always)]
pub(crate) fn push_entered_frame(
    func_obj: &Obj,
    func: &crate::types::function::FunctionObj,
    code_ref: PyRef,
    (nlocalsplus, stack_size): (usize, u32),
    first: Option<&Obj>,
    args: &[&Obj],
    caller: *mut Frame,
) -> FramePtr {
    let skip = usize::from(first.is_some());
    let nargs = (args.len() + skip).min(nlocalsplus);
    let f = write_frame(func, Some(func_obj.to_owned()), code_ref, nlocalsplus, stack_size, nargs);
    // SAFETY: the new frame's first `nargs` slots await their values.
    unsafe {
        let slots = f.slots();
        if let Some(a) = first.filter(|_| nargs > 0) {
            ptr::write(slots, Some(a.to_owned()));
        }
        for (i, a) in args.iter().take(nargs - skip.min(nargs)).enumerate() {
            ptr::write(slots.add(i + skip), Some((*a).to_owned()));
        }
    }
    let h = f.fm();
    h.previous = caller;
    h.is_entry = true;
    h.jit_entered = true;
    f
}

/// The call fast path: pushes the frame for the plain Python function lying
/// `nargs + 1` slots below the top of `caller`'s value stack, when the function
/// binds exactly `nargs` positional arguments and nothing else. The arguments
/// move from the caller's stack into the new frame's first locals and the
/// function moves into the frame (no reference counting); with `pop_null`
/// the NULL below the function is popped too. Returns None, touching nothing,
/// when the function needs the general binding of `eval::call`.
pub fn push_call_frame(caller: FramePtr, nargs: usize, pop_null: bool) -> PyResult<Option<FramePtr>> {
    use crate::types::function::FunctionObj;
    let Some(func) = caller.top(nargs + 1).downcast_exact::<FunctionObj>() else { return Ok(None) };
    let Some(new) = alloc_exact_frame(func, nargs)? else { return Ok(None) };
    // SAFETY: the new frame's first `nargs` slots await their values. The
    // caller's top `nargs` stack slots are initialised (verified bytecode put
    // the function and its arguments there); they are moved, not copied: the
    // caller's `sp` drops below them, so each reference has exactly one owner
    // afterwards.
    unsafe {
        let cf = caller.fm();
        cf.sp = cf.sp.sub(nargs);
        ptr::copy_nonoverlapping(cf.sp, new.slots(), nargs);
    }
    new.fm().func = caller.pop_opt();
    if pop_null {
        drop(caller.pop_opt());
    }
    Ok(Some(new))
}

/// [`push_call_frame`] for native callers (compiled code): the arguments and
/// the function get new references. Missing trailing positional arguments
/// come from the function's defaults when it has enough of them.
pub fn push_args_frame(func_obj: &Obj, args: &[&Obj]) -> PyResult<Option<FramePtr>> {
    use crate::types::function::FunctionObj;
    let Some(func) = func_obj.downcast_exact::<FunctionObj>() else { return Ok(None) };
    let argc = func.code.with(|c| c.downcast::<CodeObj>().map_or(0, |c| c.arg_count as usize));
    let missing = argc.saturating_sub(args.len());
    let defaults = if missing > 0 {
        let d = func.defaults.with(|d| d.clone());
        match d {
            Some(t) if t.downcast::<TupleObj>().is_some_and(|t| t.len() >= missing) => Some(t),
            _ => return Ok(None),
        }
    } else {
        None
    };
    let Some(new) = alloc_exact_frame(func, args.len() + missing)? else { return Ok(None) };
    let defaults: &[PyRef] = match defaults.as_ref().and_then(|d| d.downcast::<TupleObj>()) {
        Some(t) => &t.as_slice()[t.len() - missing..],
        None => &[],
    };
    // SAFETY: the new frame's first `args.len() + missing` slots await their
    // values: the arguments, then the last `missing` defaults.
    unsafe {
        let slots = new.slots();
        for (i, a) in args.iter().enumerate() {
            ptr::write(slots.add(i), Some((*a).to_owned()));
        }
        for (k, d) in defaults.iter().enumerate() {
            ptr::write(slots.add(args.len() + k), Some(d.clone()));
        }
    }
    new.fm().func = Some(func_obj.to_owned());
    Ok(Some(new))
}

/// A frame owned by a generator object.
pub struct GenFrame {
    mem: *mut u8,
    bytes: usize,
}

impl GenFrame {
    pub fn new(init: FrameInit) -> GenFrame {
        let bytes = frame_bytes(init.code.downcast::<CodeObj>().expect("frame code"));
        let layout = chunk_layout(bytes);
        // SAFETY: non-zero size.
        let mem = unsafe { std::alloc::alloc(layout) };
        if mem.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        // SAFETY: fresh memory of the right size.
        unsafe { init_frame(mem, init, FrameOwner::Generator) };
        GenFrame { mem, bytes }
    }

    pub fn ptr(&self) -> FramePtr {
        // SAFETY: `mem` is non-null and holds an initialised frame.
        FramePtr(unsafe { NonNull::new_unchecked(self.mem as *mut Frame) })
    }
}

impl Drop for GenFrame {
    fn drop(&mut self) {
        let f = self.ptr();
        f.clear_all();
        // SAFETY: the frame was initialised by `new` and is dropped exactly once.
        unsafe {
            ptr::drop_in_place(self.mem as *mut Frame);
            std::alloc::dealloc(self.mem, chunk_layout(self.bytes));
        }
    }
}

impl FramePtr {
    #[inline(always)]
    fn f(&self) -> &Frame {
        // SAFETY: a FramePtr is only used while its frame is alive.
        unsafe { self.0.as_ref() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn fm(&self) -> &mut Frame {
        // SAFETY: as `f`; frames are only touched by the single interpreter thread
        // and no other reference to the header is held across this call.
        unsafe { &mut *self.0.as_ptr() }
    }

    #[inline(always)]
    fn slots(&self) -> *mut Option<PyRef> {
        // SAFETY: slots follow the header in the same allocation.
        unsafe { (self.0.as_ptr() as *mut u8).add(FRAME_HEADER) as *mut Option<PyRef> }
    }

    pub fn as_raw(&self) -> *mut Frame {
        self.0.as_ptr()
    }

    /// Rebuilds a FramePtr from a raw pointer stored in the thread state or a
    /// frame object (None if null).
    pub fn from_raw(p: *mut Frame) -> Option<FramePtr> {
        NonNull::new(p).map(FramePtr)
    }

    /// Drops everything the frame owns and frees it (thread-stack frames).
    /// Detaches the frame object (which keeps a snapshot).
    pub fn release(self) {
        debug_assert_eq!(self.f().owner, FrameOwner::Thread);
        self.detach_frame_obj();
        self.clear_all();
        let t = ts();
        t.depth.set(t.depth.get().saturating_sub(1));
        // SAFETY: the frame is live and dropped exactly once; then its memory is
        // returned to the data stack in LIFO order.
        unsafe {
            ptr::drop_in_place(self.0.as_ptr());
        }
        DATA_STACK.free(self.0.as_ptr() as *mut u8);
    }

    /// [`release`](Self::release) for a frame of a plain function that
    /// compiled code returned from: no frame object (else the general way),
    /// no locals mapping, an empty value stack.
    #[inline(always)]
    pub(crate) fn release_returned(self) {
        let h = self.fm();
        if h.frame_obj.is_some() || h.locals.is_some() {
            return self.release();
        }
        let n = h.nlocalsplus as usize + self.depth();
        h.sp = self.stack_base();
        // SAFETY: the localsplus (and any stack) slots are initialised;
        // each is taken once and left None. Then the header's two references
        // are dropped once (the other fields hold none) and the memory goes
        // back to the data stack in LIFO order.
        unsafe {
            let slots = self.slots();
            for i in 0..n {
                drop(ptr::replace(slots.add(i), None));
            }
            let t = ts();
            t.depth.set(t.depth.get().saturating_sub(1));
            ptr::drop_in_place(&mut h.code);
            ptr::drop_in_place(&mut h.func);
        }
        DATA_STACK.free(self.0.as_ptr() as *mut u8);
    }

    /// Drops all localsplus and stack values (leaving them unbound).
    pub fn clear_all(&self) {
        let n = self.f().nlocalsplus as usize + self.depth();
        self.fm().sp = self.stack_base();
        for i in 0..n {
            // SAFETY: the localsplus and the old stack slots are initialised; each is
            // taken exactly once and the slot is left as None (valid).
            let old = unsafe { ptr::replace(self.slots().add(i), None) };
            drop(old);
        }
    }

    fn detach_frame_obj(&self) {
        if let Some(fo) = self.fm().frame_obj.take() {
            crate::types::frame_obj::detach(&fo, *self);
        }
    }

    // --- header accessors ---

    #[inline(always)]
    pub fn code_ref(&self) -> &PyRef {
        &self.f().code
    }
    #[inline(always)]
    pub fn code(&self) -> &CodeObj {
        self.f().code.downcast::<CodeObj>().expect("frame code")
    }
    #[inline(always)]
    pub fn func(&self) -> Option<&PyRef> {
        self.f().func.as_ref()
    }
    #[inline(always)]
    pub fn globals(&self) -> &Obj {
        // SAFETY: borrowed from `func` or the exec caller, which outlive the frame.
        unsafe { &*self.f().globals }
    }
    #[inline(always)]
    pub fn builtins(&self) -> &Obj {
        // SAFETY: as `globals`.
        unsafe { &*self.f().builtins }
    }
    #[inline(always)]
    pub fn locals(&self) -> Option<&PyRef> {
        self.f().locals.as_ref()
    }
    pub fn set_locals(&self, l: Option<PyRef>) {
        let old = std::mem::replace(&mut self.fm().locals, l);
        drop(old);
    }
    #[inline(always)]
    pub fn previous(&self) -> Option<FramePtr> {
        FramePtr::from_raw(self.f().previous)
    }
    #[inline(always)]
    pub fn set_previous(&self, p: Option<FramePtr>) {
        self.fm().previous = p.map_or(ptr::null_mut(), |p| p.as_raw());
    }
    #[inline(always)]
    pub fn lasti(&self) -> i32 {
        self.f().lasti
    }
    #[inline(always)]
    pub fn set_lasti(&self, i: i32) {
        self.fm().lasti = i;
    }
    #[inline(always)]
    pub fn is_entry(&self) -> bool {
        self.f().is_entry
    }
    #[inline(always)]
    pub fn set_entry(&self, e: bool) {
        self.fm().is_entry = e;
    }
    #[inline(always)]
    pub fn is_init_call(&self) -> bool {
        self.f().init_call
    }
    #[inline(always)]
    pub fn set_init_call(&self, e: bool) {
        self.fm().init_call = e;
    }
    #[inline(always)]
    pub fn jit_entered(&self) -> bool {
        self.f().jit_entered
    }
    #[inline(always)]
    pub fn set_jit_entered(&self) {
        self.fm().jit_entered = true;
    }
    pub fn set_jit_yielded(&self) {
        self.fm().jit_yielded = true;
    }
    /// Whether compiled code just yielded (and clears the mark).
    #[inline(always)]
    pub fn take_jit_yielded(&self) -> bool {
        std::mem::replace(&mut self.fm().jit_yielded, false)
    }
    pub fn owner(&self) -> FrameOwner {
        self.f().owner
    }
    pub fn nlocalsplus(&self) -> usize {
        self.f().nlocalsplus as usize
    }
    pub fn frame_obj(&self) -> Option<PyRef> {
        self.f().frame_obj.clone()
    }
    pub fn set_frame_obj(&self, fo: PyRef) {
        let old = self.fm().frame_obj.replace(fo);
        drop(old);
    }
    /// The current source line.
    pub fn lineno(&self) -> Option<u32> {
        let i = self.f().lasti;
        let code = self.code();
        if i < 0 {
            Some(code.first_line)
        } else {
            code.line_of(i as usize)
        }
    }

    // --- localsplus ---

    #[inline(always)]
    pub fn local(&self, i: usize) -> Option<&Obj> {
        debug_assert!(i < self.f().nlocalsplus as usize);
        // SAFETY: localsplus slots are initialised (None or Some) for the frame's
        // lifetime; the borrow ends before the slot can be replaced by `&self`
        // methods because callers clone before mutating (the eval loop clones).
        unsafe { (*self.slots().add(i)).as_deref() }
    }
    #[inline(always)]
    pub fn local_clone(&self, i: usize) -> Option<PyRef> {
        self.local(i).map(|o| o.to_owned())
    }
    /// Replaces local `i`, returning the old value (drop it afterwards).
    #[inline(always)]
    pub fn replace_local(&self, i: usize, v: Option<PyRef>) -> Option<PyRef> {
        debug_assert!(i < self.f().nlocalsplus as usize);
        // SAFETY: the slot is initialised; replace keeps it initialised.
        unsafe { ptr::replace(self.slots().add(i), v) }
    }
    /// Snapshot of all localsplus values.
    pub fn locals_snapshot(&self) -> Vec<Option<PyRef>> {
        (0..self.nlocalsplus()).map(|i| self.local_clone(i)).collect()
    }

    // --- value stack ---

    #[inline(always)]
    fn stack_base(&self) -> *mut Option<PyRef> {
        // SAFETY: the stack follows the localsplus slots.
        unsafe { self.slots().add(self.f().nlocalsplus as usize) }
    }
    #[inline(always)]
    pub fn depth(&self) -> usize {
        // SAFETY: `sp` points into this frame's stack, at or above its base.
        unsafe { self.f().sp.offset_from(self.stack_base()) as usize }
    }
    #[inline(always)]
    pub fn push(&self, v: PyRef) {
        self.push_opt(Some(v));
    }
    #[inline(always)]
    pub fn push_opt(&self, v: Option<PyRef>) {
        let f = self.fm();
        // Verified bytecode never exceeds `stack_size` (see `new_verified_code`).
        debug_assert!(self.depth() < f.stack_size as usize, "value stack overflow");
        // SAFETY: depth < stack_size, so the slot is inside the frame.
        unsafe {
            ptr::write(f.sp, v);
            f.sp = f.sp.add(1);
        }
    }
    #[inline(always)]
    pub fn pop_opt(&self) -> Option<PyRef> {
        let f = self.fm();
        // Verified bytecode never pops an empty stack (see `new_verified_code`).
        debug_assert!(self.depth() > 0, "value stack underflow");
        // SAFETY: the slot at the old top is initialised; reading moves it out and
        // it is now beyond `sp` (not read again).
        unsafe {
            f.sp = f.sp.sub(1);
            ptr::read(f.sp)
        }
    }
    /// Pops a value that is never NULL by construction of the bytecode.
    #[inline(always)]
    pub fn pop(&self) -> PyRef {
        match self.pop_opt() {
            Some(v) => v,
            None => crate::runtime::fatal("NULL popped from the value stack"),
        }
    }
    /// The item `n` from the top (1 = TOS), borrowed.
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Option<&Obj> {
        let f = self.f();
        debug_assert!(n >= 1 && n <= self.depth(), "value stack peek out of range");
        // SAFETY: in range of initialised stack slots.
        unsafe { (*f.sp.sub(n)).as_deref() }
    }
    /// The item `n` from the top, which is never NULL by construction.
    #[inline(always)]
    pub fn top(&self, n: usize) -> &Obj {
        match self.peek(n) {
            Some(v) => v,
            None => crate::runtime::fatal("NULL read from the value stack"),
        }
    }
    /// Replaces the item `n` from the top, returning the old value.
    #[inline(always)]
    pub fn replace_top(&self, n: usize, v: Option<PyRef>) -> Option<PyRef> {
        let f = self.f();
        debug_assert!(n >= 1 && n <= self.depth(), "value stack replace out of range");
        // SAFETY: in range of initialised stack slots.
        unsafe { ptr::replace(f.sp.sub(n), v) }
    }
    /// Swaps the top with the item `n` from the top.
    #[inline(always)]
    pub fn swap(&self, n: usize) {
        let f = self.f();
        debug_assert!(n >= 1 && n <= self.depth(), "value stack swap out of range");
        // SAFETY: both indices are initialised stack slots.
        unsafe { ptr::swap(f.sp.sub(1), f.sp.sub(n)) };
    }
    /// The top `n` items (oldest first) as borrowed references. All must be
    /// non-NULL (call arguments).
    #[inline(always)]
    pub fn top_slice(&self, n: usize) -> &[&Obj] {
        let f = self.f();
        debug_assert!(n <= self.depth(), "value stack slice out of range");
        // SAFETY: the slots are initialised; `Option<PyRef>` with `Some` has the
        // layout of `&Obj` (non-null pointer); NULLs are checked below.
        let s: &[Option<PyRef>] = unsafe { std::slice::from_raw_parts(f.sp.sub(n), n) };
        if s.iter().any(Option::is_none) {
            crate::runtime::fatal("NULL in call arguments");
        }
        // SAFETY: all elements are Some, so the representation is that of &Obj.
        unsafe { std::slice::from_raw_parts(s.as_ptr() as *const &Obj, n) }
    }
    /// Drops the top `n` items.
    #[inline(always)]
    pub fn drop_n(&self, n: usize) {
        for _ in 0..n {
            drop(self.pop_opt());
        }
    }
    /// Pops values until the stack depth is `depth`.
    pub fn unwind_to(&self, depth: usize) {
        while self.depth() > depth {
            drop(self.pop_opt());
        }
    }
    /// Pops the top `n` items, oldest first.
    pub fn pop_n(&self, n: usize) -> Vec<PyRef> {
        self.take_top(n).collect()
    }

    /// Moves the top `n` items off the value stack, deepest first (for
    /// building a tuple in place). Nothing may push on this frame while the
    /// iterator lives; items it does not yield are dropped with it.
    pub fn take_top(&self, n: usize) -> TakeTop {
        let f = self.fm();
        debug_assert!(n <= self.depth(), "value stack take out of range");
        // SAFETY: the `n` slots below `sp` are initialised stack slots of this
        // frame; lowering `sp` hands their ownership to the iterator.
        let start = unsafe { f.sp.sub(n) };
        f.sp = start;
        TakeTop { next: start, left: n }
    }
}

/// Items moved off a value stack by [`FramePtr::take_top`].
pub struct TakeTop {
    next: *mut Option<PyRef>,
    left: usize,
}

impl Iterator for TakeTop {
    type Item = PyRef;
    #[inline]
    fn next(&mut self) -> Option<PyRef> {
        if self.left == 0 {
            return None;
        }
        // SAFETY: each of the `left` slots from `next` on is initialised and
        // owned by the iterator; it is read (moved out) exactly once.
        let v = unsafe {
            let v = ptr::read(self.next);
            self.next = self.next.add(1);
            v
        };
        self.left -= 1;
        Some(v.unwrap_or_else(|| crate::runtime::fatal("NULL taken from the value stack")))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for TakeTop {}

impl Drop for TakeTop {
    fn drop(&mut self) {
        for v in self.by_ref() {
            drop(v);
        }
    }
}

/// Stack bounds for RecursionError before the native stack overflows.
pub(crate) static NATIVE_STACK_LIMIT: Static<Cell<usize>> = Static(Cell::new(0));

/// The current native stack pointer (approximately).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    &marker as *const u8 as usize
}
