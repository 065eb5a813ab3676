//! Compiles every function of the differential test corpus
//! (`runtime-tests/cases/*.py`) that the HIR builder accepts, through the pass
//! pipeline and the lowering, to machine code for x86-64 and AArch64 with
//! Cranelift's verifier on, against a made-up runtime (helper and object
//! addresses are arbitrary: the code is generated, not run). Every function
//! that lowers must verify and produce machine code for both targets. Prints
//! the share of built functions that lower, and why the rest do not.

use std::collections::HashMap;
use std::path::Path;

use ember_hir::builder::build;
use ember_hir::passes::run_passes;
use ember_hir::passes::PIPELINE;
use ember_hir::types::Type;
use ember_lir::runtime::{Layout, Runtime};
use ember_lir::target::{compile, isa_for};
use ember_lir::{lower, Helper};

struct FakeRuntime {
    layout: Layout,
}

impl Runtime for FakeRuntime {
    fn layout(&self) -> &Layout {
        &self.layout
    }
    fn helper_addr(&self, h: Helper) -> u64 {
        0x7000_0000 + 0x100 * Helper::ALL.iter().position(|x| *x == h).expect("helper in table") as u64
    }
    fn const_object(&mut self, ty: &Type) -> Option<u64> {
        Some(ty.object_addr().unwrap_or(0x5000_0000))
    }
    fn exact_type_addr(&self, _ty: &Type) -> Option<u64> {
        Some(0x6000_0000)
    }
    fn deopt_table_addr(&self) -> u64 {
        0x4000_0000
    }
    fn global_cache(&self, name: u32) -> Option<u64> {
        Some(0x1000_0000 + 0x40 * u64::from(name))
    }
    fn attr_site(&mut self, name: u32) -> Option<(u64, u64)> {
        Some((0x3000_0000 + 0x40 * u64::from(name), 0x2000_0000 + 0x40 * u64::from(name)))
    }
    fn name_hash_bit(&self, name: u32) -> u64 {
        1 << (name % 64)
    }
}

#[test]
fn corpus_compiles_for_x86_64_and_aarch64() {
    let targets = ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"];
    let isas: Vec<_> = targets.iter().map(|t| isa_for(t).expect("target supported")).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime-tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("cases dir").map(|e| e.expect("entry").path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "py"));
    paths.sort();
    let mut rt = FakeRuntime {
        layout: Layout {
            refcnt: 0,
            ob_type: 8,
            frame_slots: 96,
            frame_func: 8,
            frame_lasti: 48,
            frame_sp: 56,
            frame_jit_yielded: 70,
            float_freelist: (0x900_0000, 0x900_0100),
            int_freelist: (0x900_0008, 0x900_0108),
            small_ints: (-5, 256),
            small_int_base: 0x800_0000,
            int_size: 32,
            range_iter_type: 0x6200_0000,
            range_iter: (16, 24, 32),
            frame_globals: 16,
            frame_builtins: 24,
            dict_type: 0x6100_0000,
            dict_version: 16,
            global_cache_globals_version: 0,
            global_cache_builtins_version: 8,
            global_cache_value: 24,
            int_type: 0x2000,
            float_type: 0x2100,
            int_value: 16,
            int_big: 24,
            float_value: 16,
            signal_pending: 0x3100,
            true_obj: 0x3000,
            false_obj: 0x3010,
            attr: ember_lir::runtime::AttrLayout {
                type_version: 200,
                site_first: 0,
                site_entries: 4,
                entry_stride: 32,
                version: 0,
                mode: 6,
                hint: 8,
                offset: 12,
                value: 24,
                mode_dict: 1,
                mode_slot: 2,
                mode_method: 4,
                mode_set_dict: 8,
                mode_set_slot: 16,
                dict_version_counter: 0x900_0200,
                dict_borrow: 24,
                entries_ptr: 32,
                entries_len: 40,
                dict_hash_bits: 88,
                entry_size: 24,
                entry_key: 8,
                entry_value: 16,
            },
            call: ember_lir::runtime::CallLayout {
                type_call: 160,
                function_type: 0x6300_0000,
                type_type: 0x6400_0000,
                native_stack_limit: 0x900_0300,
            },
        },
    };
    let (mut built, mut lowered, mut bytes) = (0usize, 0usize, [0usize; 2]);
    let mut reasons: HashMap<String, usize> = HashMap::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).expect("read case");
        let Ok(module) = ember_compiler::compile(&source, &path.display().to_string(), ember_compiler::Mode::Exec)
        else {
            continue; // cases about syntax errors define no functions
        };
        let mut units = Vec::new();
        ember_hir::testing::functions(&module, &mut units);
        for unit in units {
            let consts = &unit.consts;
            let Ok(mut f) = build(unit, &unit.qualname, &|k| ember_hir::testing::const_type(consts, k)) else {
                continue;
            };
            built += 1;
            run_passes(&mut f, PIPELINE).unwrap_or_else(|e| panic!("{}: {e}", unit.qualname));
            for (k, isa) in isas.iter().enumerate() {
                match lower(&f, &mut rt, isa.as_ref()) {
                    Ok(l) => {
                        let code = compile(l.func, isa.as_ref(), false).unwrap_or_else(|e| {
                            panic!("{}: {} for {}: {e}", path.display(), unit.qualname, targets[k])
                        });
                        assert!(!code.code.is_empty(), "{}: no machine code", unit.qualname);
                        bytes[k] += code.code.len();
                        if k == 0 {
                            lowered += 1;
                        }
                    }
                    Err(e) => {
                        if k == 0 {
                            *reasons.entry(e.0).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    println!("lowered {lowered} of {built} built functions; code bytes: x86-64 {}, aarch64 {}", bytes[0], bytes[1]);
    let mut top: Vec<_> = reasons.into_iter().collect();
    top.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (reason, n) in top.iter().take(10) {
        println!("  {n:5}  {reason}");
    }
    assert!(built > 2000, "expected most corpus functions to build, got {built}");
    assert!(lowered * 100 >= built * 99, "only {lowered} of {built} built functions lowered");
}
