//! Compiling one code object: bytecode -> HIR -> passes -> CLIF -> machine
//! code in the process's code memory.
//!
//! Code memory comes from `cranelift-jit`: each function is written once and
//! then made read-only and executable (W^X), so after `fork` the pages stay
//! shared between workers.

use std::time::{Duration, Instant};

use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Linkage, Module};
use ember_hir::builder::{build, CodeInfo};
use ember_hir::passes::{find, PIPELINE};
use ember_hir::text::print;
use ember_hir::types::Type;
use ember_lir::runtime::{Layout, Runtime};
use ember_lir::{lower, Helper};
use ember_vm::eval::frame;
use ember_vm::eval::jit_hook::JitEntry;
use ember_vm::object::{Obj, PyRef};
use ember_vm::types::code::CodeObj;
use ember_vm::types::code::GlobalCache;
use ember_vm::types::float::FloatObj;
use ember_vm::types::int::IntObj;
use ember_vm::types::str::StrObj;

use crate::deopt::CompiledMeta;
use crate::options::JitOptions;

/// A compiled function and what the statistics and `cinderjit` report about it.
pub struct Compiled {
    pub entry: JitEntry,
    pub code_bytes: usize,
    pub compile_time: Duration,
    /// The final HIR (printed by `cinderjit.print_hir`).
    pub final_hir: ember_hir::ir::Function,
    /// The disassembly, when it was asked for.
    pub disasm: Option<String>,
    /// Deopt metadata; its address is baked into the machine code.
    pub meta: Box<CompiledMeta>,
    /// Objects made for value constants, alive as long as the code.
    pub keep: Vec<PyRef>,
}

/// The process's code memory and code generator.
pub struct CodeGen {
    module: JITModule,
    layout: Layout,
    next: u32,
}

/// A free list's head and count addresses ((0, 0): none, boxing calls the
/// helper).
fn freelist(size: usize) -> (u64, u64) {
    ember_vm::object::alloc::freelist_cells(size).map_or((0, 0), |(h, c, _)| (h as u64, c as u64))
}

fn attr_layout() -> ember_lir::runtime::AttrLayout {
    use ember_vm::eval::attr_cache as ac;
    use ember_vm::types::{dict, dict_entries as de};
    ember_lir::runtime::AttrLayout {
        type_version: ember_vm::types::typeobj::OFFSET_TYPE_VERSION as i32,
        site_first: ac::SITE_FIRST as i32,
        site_entries: ac::SITE_ENTRIES as i64,
        entry_stride: ac::CACHE_SIZE as i64,
        version: ac::CACHE_VERSION as i32,
        mode: ac::CACHE_IC_MODE as i32,
        hint: ac::CACHE_HINT as i32,
        offset: ac::CACHE_IC_OFFSET as i32,
        value: ac::CACHE_VALUE as i32,
        mode_dict: ac::IC_DICT,
        mode_slot: ac::IC_SLOT,
        mode_method: ac::IC_METHOD,
        mode_set_dict: ac::IC_SET_DICT,
        mode_set_slot: ac::IC_SET_SLOT,
        dict_version_counter: dict::version_counter_addr() as u64,
        dict_borrow: dict::OFFSET_TABLE_BORROW as i32,
        entries_ptr: (dict::OFFSET_ENTRIES + de::OFFSET_PTR) as i32,
        entries_len: (dict::OFFSET_ENTRIES + de::OFFSET_LEN) as i32,
        dict_hash_bits: dict::OFFSET_HASH_BITS as i32,
        entry_size: de::ENTRY_SIZE as i64,
        entry_key: de::ENTRY_KEY as i32,
        entry_value: de::ENTRY_VALUE as i32,
    }
}

fn type_addr(t: &ember_vm::object::Static<ember_vm::types::typeobj::TypeObj>) -> u64 {
    &t.0 as *const ember_vm::types::typeobj::TypeObj as u64
}

impl CodeGen {
    pub fn new() -> Result<CodeGen, String> {
        let isa: OwnedTargetIsa = {
            let mut flags = cranelift_codegen::settings::builder();
            use cranelift_codegen::settings::Configurable;
            // Cranelift's IR verifier runs in debug builds; the lir corpus
            // test runs it over every function of the test corpus.
            let verify = if cfg!(debug_assertions) { "true" } else { "false" };
            // No Cranelift optimisation passes: the lowering already emits
            // direct code, and the e-graph pass doubled compile time (about
            // half of which is the programs' cost of -X jit) for no measured
            // speed-up of the compiled code.
            for (k, v) in [
                ("opt_level", "none"),
                ("is_pic", "false"),
                ("preserve_frame_pointers", "true"),
                ("enable_verifier", verify),
            ] {
                flags.set(k, v).map_err(|e| e.to_string())?;
            }
            let builder =
                cranelift_native::builder().map_err(|e| format!("no code generator for this machine: {e}"))?;
            builder.finish(cranelift_codegen::settings::Flags::new(flags)).map_err(|e| e.to_string())?
        };
        let module = JITModule::new(JITBuilder::with_isa(isa, cranelift_module::default_libcall_names()));
        let t = ember_vm::types::new_bool(true);
        let f = ember_vm::types::new_bool(false);
        let layout = Layout {
            refcnt: 0,
            ob_type: 8,
            frame_slots: frame::layout::SLOTS as i32,
            frame_func: frame::layout::FUNC as i32,
            frame_lasti: frame::layout::LASTI as i32,
            frame_sp: frame::layout::SP as i32,
            frame_jit_yielded: frame::layout::JIT_YIELDED as i32,
            frame_globals: frame::layout::GLOBALS as i32,
            frame_builtins: frame::layout::BUILTINS as i32,
            dict_type: type_addr(&ember_vm::types::dict_type::DICT_TYPE),
            dict_version: ember_vm::types::dict::OFFSET_DICT_VERSION as i32,
            global_cache_globals_version: GlobalCache::GLOBALS_VERSION as i32,
            global_cache_builtins_version: GlobalCache::BUILTINS_VERSION as i32,
            global_cache_value: GlobalCache::VALUE as i32,
            int_type: type_addr(&ember_vm::types::int::INT_TYPE),
            float_type: type_addr(&ember_vm::types::float::FLOAT_TYPE),
            int_value: ember_vm::types::int::OFFSET_INT_VALUE as i32,
            int_big: ember_vm::types::int::OFFSET_INT_BIG as i32,
            float_value: ember_vm::types::float::OFFSET_FLOAT_VALUE as i32,
            signal_pending: ember_vm::modules::signal::pending_flag_addr() as u64,
            float_freelist: freelist(std::mem::size_of::<ember_vm::types::float::FloatObj>()),
            int_freelist: freelist(std::mem::size_of::<ember_vm::types::int::IntObj>()),
            small_ints: (ember_vm::types::int::SMALL_MIN, ember_vm::types::int::SMALL_MAX),
            small_int_base: ember_vm::types::int::small_ints_base() as u64,
            int_size: std::mem::size_of::<ember_vm::types::int::IntObj>() as i64,
            range_iter_type: type_addr(&ember_vm::types::range::RANGE_ITER_TYPE),
            range_iter: (
                ember_vm::types::range::iter_layout::NEXT as i32,
                ember_vm::types::range::iter_layout::STEP as i32,
                ember_vm::types::range::iter_layout::REMAINING as i32,
            ),
            true_obj: t.as_ptr() as u64,
            false_obj: f.as_ptr() as u64,
            attr: attr_layout(),
            call: ember_lir::runtime::CallLayout {
                type_call: ember_vm::types::typeobj::OFFSET_TYPE_CALL as i32,
                function_type: type_addr(&ember_vm::types::function::FUNCTION_TYPE),
                type_type: type_addr(&ember_vm::types::typeobj::TYPE_TYPE),
                native_stack_limit: ember_vm::eval::native_stack_limit_addr() as u64,
            },
        };
        Ok(CodeGen { module, layout, next: 0 })
    }

    /// Compiles `code` (named `module:qualname` in dumps). Err: why it stays
    /// interpreted.
    pub fn compile(&mut self, code_ref: &PyRef, name: &str, opts: &JitOptions) -> Result<Compiled, String> {
        let start = Instant::now();
        let code = code_ref.downcast::<CodeObj>().ok_or("not a code object")?;
        let info = CodeInfo {
            code: &code.code,
            flags: code.flags,
            arg_count: code.arg_count,
            kwonly_arg_count: code.kwonly_arg_count,
            nlocalsplus: code.nlocalsplus(),
        };
        // Compiled code keeps locals in registers: functions that read their
        // frame's locals by name stay interpreted.
        for n in code.names.iter() {
            let n = StrObj::text(n);
            if FRAME_READERS.contains(&n) {
                return Err(format!("reads its frame's locals ({n})"));
            }
            // Zero-argument super() reads the first local from the frame.
            if n == "super" && rebinds_first_local(&code.code) {
                return Err("calls super() and rebinds its first argument".to_string());
            }
        }
        let consts: Vec<&Obj> = code.consts.iter().map(|c| &**c).collect();
        let mut f = build(info, name, &|k| consts.get(k).map(|o| const_type(o))).map_err(|e| e.0)?;
        if opts.dump_hir {
            eprintln!("--- HIR of {name} (as built) ---\n{}", print(&f));
        }
        for pass in PIPELINE {
            let p = find(pass).ok_or("pipeline names an unknown pass")?;
            if opts.dump_hir_passes {
                eprintln!("--- {name}: before {pass} ---\n{}", print(&f));
            }
            (p.run)(&mut f);
            if cfg!(debug_assertions) {
                ember_hir::verify::verify(&f).map_err(|e| format!("after {pass}: {e}"))?;
            }
            if opts.dump_hir_passes {
                eprintln!("--- {name}: after {pass} ---\n{}", print(&f));
            }
        }
        if opts.dump_final_hir {
            eprintln!("--- final HIR of {name} ---\n{}", print(&f));
        }
        let mut meta = Box::new(CompiledMeta {
            points: Vec::new(),
            qualname: code.qualname_str().to_string(),
            filename: code.filename_str().to_string(),
            code: code_ref.clone(),
            attr_caches: Vec::new(),
        });
        let mut rt = JitRuntime {
            layout: &self.layout,
            consts: &consts,
            keep: Vec::new(),
            table: &*meta as *const CompiledMeta as u64,
            names: &code.names,
            global_caches: &code.global_cache,
            attr_caches: Vec::new(),
        };
        let lowered = lower(&f, &mut rt, self.module.isa()).map_err(|e| e.0)?;
        let keep = rt.keep;
        meta.attr_caches = rt.attr_caches;
        if opts.dump_lir {
            eprintln!("--- CLIF of {name} ---\n{}", lowered.func.display());
        }
        meta.points = lowered.deopts;
        let id = self
            .module
            .declare_function(&format!("ember{}", self.next), Linkage::Local, &lowered.func.signature)
            .map_err(|e| e.to_string())?;
        self.next += 1;
        let mut ctx = self.module.make_context();
        ctx.func = lowered.func;
        ctx.set_disasm(opts.dump_asm);
        self.module.define_function(id, &mut ctx).map_err(|e| format!("code generation: {e:?}"))?;
        let compiled = ctx.compiled_code().ok_or("no machine code")?;
        let code_bytes = compiled.code_buffer().len();
        let disasm = compiled.vcode.clone().map(|text| with_origins(&text, compiled.buffer.get_srclocs_sorted(), &f));
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().map_err(|e| e.to_string())?;
        let ptr = self.module.get_finalized_function(id);
        // SAFETY: `ptr` is the finalized machine code of a function with the
        // entry signature `(frame) -> object`, which is `JitEntry`'s shape,
        // and the code memory is never freed.
        let entry: JitEntry = unsafe { std::mem::transmute::<*const u8, JitEntry>(ptr) };
        if opts.dump_asm {
            eprintln!(
                "--- machine code of {name} ({code_bytes} bytes at {ptr:p}) ---\n{}",
                disasm.as_deref().unwrap_or("")
            );
        }
        Ok(Compiled { entry, code_bytes, compile_time: start.elapsed(), final_hir: f, disasm, meta, keep })
    }
}

/// The disassembly followed by the HIR origin of each range of machine code
/// (lowered instructions carry their HIR instruction number as source location).
fn with_origins(
    text: &str,
    srclocs: &[cranelift_codegen::MachSrcLoc<cranelift_codegen::Final>],
    f: &ember_hir::ir::Function,
) -> String {
    let mut out = String::from(text);
    out.push_str("HIR origins (machine code offsets):\n");
    let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
    for s in srclocs {
        if s.loc.is_default() {
            continue;
        }
        let inst = s.loc.bits();
        match ranges.last_mut() {
            Some(last) if last.2 == inst && last.1 == s.start => last.1 = s.end,
            _ => ranges.push((s.start, s.end, inst)),
        }
    }
    for (start, end, inst) in ranges {
        let name = f.insts.get(inst as usize).map_or("?", |i| i.op.name());
        out.push_str(&format!("  {start:#06x}..{end:#06x}  i{inst} {name}\n"));
    }
    out
}

/// Whether the bytecode assigns or deletes local 0 (`STORE_FAST 0`,
/// `DELETE_FAST 0`).
fn rebinds_first_local(code: &[u32]) -> bool {
    use ember_compiler::bytecode::{decode, Opcode as Bc};
    let mut ext = 0u32;
    for &word in code {
        let (byte, low) = decode(word);
        let arg = (ext << 24) | low;
        match Bc::from_u8(byte) {
            Some(Bc::EXTENDED_ARG) => {
                ext = arg;
                continue;
            }
            Some(Bc::STORE_FAST | Bc::DELETE_FAST) if arg == 0 => return true,
            _ => {}
        }
        ext = 0;
    }
    false
}

/// Names whose use makes a function read its own frame's locals.
const FRAME_READERS: &[&str] = &["locals", "vars", "dir", "eval", "exec", "_getframe"];

/// The HIR type of a code object's constant.
fn const_type(o: &Obj) -> Type {
    if o.is_none() {
        return Type::NONE_TYPE;
    }
    if o.is_true_singleton() || o.is_false_singleton() {
        return Type::bool_const(o.is_true_singleton());
    }
    if let Some(v) = o.downcast_exact::<IntObj>().and_then(|i| i.as_i64()) {
        return Type::long_const(v);
    }
    if let Some(f) = o.downcast_exact::<FloatObj>() {
        return Type::float_const(f.value());
    }
    let addr = Type::object_const(o.as_ptr() as u64);
    let class = o.class_ptr() as u64;
    use ember_vm::types as t;
    let ty = if class == type_addr(&t::str::STR_TYPE) {
        Type::UNICODE_EXACT
    } else if class == type_addr(&t::tuple::TUPLE_TYPE) {
        Type::TUPLE_EXACT
    } else if class == type_addr(&t::code::CODE_TYPE) {
        Type::CODE
    } else if class == type_addr(&t::int::INT_TYPE) {
        Type::LONG_EXACT
    } else if class == type_addr(&t::set::FROZENSET_TYPE) {
        Type::FROZEN_SET_EXACT
    } else {
        Type::OBJECT
    };
    ty & addr
}

/// The runtime as the lowering sees it while one function compiles.
struct JitRuntime<'a> {
    layout: &'a Layout,
    consts: &'a [&'a Obj],
    keep: Vec<PyRef>,
    table: u64,
    /// The code's names (attribute sites name their `str` by address).
    names: &'a [PyRef],
    global_caches: &'a [GlobalCache],
    /// Boxed: machine code holds their addresses while the vector grows.
    #[allow(clippy::vec_box)]
    attr_caches: Vec<Box<ember_vm::eval::attr_cache::AttrSite>>,
}

impl JitRuntime<'_> {
    /// An object for a value constant: the code object's own constant when
    /// there is one (so identity matches the interpreter's), else a new one.
    fn find_or_make(&mut self, same: impl Fn(&Obj) -> bool, make: impl FnOnce() -> PyRef) -> u64 {
        if let Some(o) = self.consts.iter().find(|o| same(o)) {
            return o.as_ptr() as u64;
        }
        let o = make();
        let addr = o.as_ptr() as u64;
        self.keep.push(o);
        addr
    }
}

impl Runtime for JitRuntime<'_> {
    fn layout(&self) -> &Layout {
        self.layout
    }

    fn helper_addr(&self, h: Helper) -> u64 {
        crate::helpers::address(h)
    }

    fn const_object(&mut self, ty: &Type) -> Option<u64> {
        if let Some(a) = ty.object_addr() {
            return Some(a);
        }
        if ty.is_subtype(&Type::NONE_TYPE) {
            return Some(ember_vm::types::none().as_ptr() as u64);
        }
        if ty.is_subtype(&Type::BOOL) {
            let b = ty.as_bool()?;
            return Some(if b { self.layout.true_obj } else { self.layout.false_obj });
        }
        if ty.is_subtype(&Type::LONG_EXACT) {
            let v = ty.as_i64()?;
            let same = move |o: &Obj| o.downcast_exact::<IntObj>().and_then(|i| i.as_i64()) == Some(v);
            return Some(self.find_or_make(same, || ember_vm::types::int::new_int(v)));
        }
        if ty.is_subtype(&Type::FLOAT_EXACT) {
            let v = ty.as_f64()?;
            let same = move |o: &Obj| o.downcast_exact::<FloatObj>().map(|f| f.value().to_bits()) == Some(v.to_bits());
            return Some(self.find_or_make(same, || ember_vm::types::float::new_float(v)));
        }
        if ty.is_subtype(&Type::UNICODE_EXACT) {
            let s = ty.as_str()?.to_string();
            let same = |o: &Obj| o.downcast_exact::<StrObj>().is_some_and(|x| x.as_str() == s);
            return Some(self.find_or_make(same, || ember_vm::types::str::intern(&s)));
        }
        None
    }

    fn global_cache(&self, name: u32) -> Option<u64> {
        self.global_caches.get(name as usize).map(|e| e as *const GlobalCache as u64)
    }

    fn name_hash_bit(&self, name: u32) -> u64 {
        match self.names.get(name as usize).and_then(|n| n.downcast::<StrObj>()) {
            Some(s) if s.is_interned() => ember_vm::types::dict::hash_summary_bit(s.hash_value()),
            _ => 0,
        }
    }

    fn attr_site(&mut self, name: u32) -> Option<(u64, u64)> {
        let n = self.names.get(name as usize).filter(|n| n.downcast::<StrObj>().is_some())?;
        let cache = Box::<ember_vm::eval::attr_cache::AttrSite>::default();
        let addr = &*cache as *const ember_vm::eval::attr_cache::AttrSite as u64;
        self.attr_caches.push(cache);
        Some((addr, n.as_ptr() as u64))
    }

    fn exact_type_addr(&self, ty: &Type) -> Option<u64> {
        use ember_vm::types as t;
        let table = [
            (Type::LONG_EXACT, type_addr(&t::int::INT_TYPE)),
            (Type::FLOAT_EXACT, type_addr(&t::float::FLOAT_TYPE)),
            (Type::UNICODE_EXACT, type_addr(&t::str::STR_TYPE)),
            (Type::LIST_EXACT, type_addr(&t::list::LIST_TYPE)),
            (Type::TUPLE_EXACT, type_addr(&t::tuple::TUPLE_TYPE)),
            (Type::DICT_EXACT, type_addr(&t::dict_type::DICT_TYPE)),
            (Type::SET_EXACT, type_addr(&t::set::SET_TYPE)),
        ];
        table.iter().find(|(t, _)| t == ty).map(|(_, a)| *a)
    }

    fn deopt_table_addr(&self) -> u64 {
        self.table
    }
}
