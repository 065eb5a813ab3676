//! Target selection from a target-lexicon triple, and compiling lowered
//! functions to machine code outside a JIT module (for cross-target tests
//! and dumps).

use std::str::FromStr;

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::isa::{self, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use target_lexicon::Triple;

/// The ISA for `triple` (e.g. `x86_64-unknown-linux-gnu`,
/// `aarch64-unknown-linux-gnu`), with Ember's code generation settings.
pub fn isa_for(triple: &str) -> Result<OwnedTargetIsa, String> {
    let triple = Triple::from_str(triple).map_err(|e| format!("target triple {triple:?}: {e}"))?;
    let mut flags = settings::builder();
    for (k, v) in [("opt_level", "speed"), ("is_pic", "false"), ("enable_verifier", "true")] {
        flags.set(k, v).map_err(|e| format!("setting {k}: {e}"))?;
    }
    let builder = isa::lookup(triple.clone()).map_err(|e| format!("no code generator for {triple}: {e}"))?;
    builder.finish(settings::Flags::new(flags)).map_err(|e| format!("{triple}: {e}"))
}

/// The host's triple.
pub fn host_triple() -> String {
    Triple::host().to_string()
}

/// Machine code for one function.
pub struct Compiled {
    pub code: Vec<u8>,
    /// The disassembly (Cranelift's VCode text), when asked for.
    pub disasm: Option<String>,
}

/// Compiles (and verifies) a lowered function for `isa`.
pub fn compile(
    func: cranelift_codegen::ir::Function,
    isa: &dyn isa::TargetIsa,
    disasm: bool,
) -> Result<Compiled, String> {
    let mut ctx = Context::for_function(func);
    ctx.set_disasm(disasm);
    let code = ctx.compile(isa, &mut ControlPlane::default()).map_err(|e| format!("{:?}", e.inner))?;
    Ok(Compiled { code: code.code_buffer().to_vec(), disasm: code.vcode.clone() })
}
