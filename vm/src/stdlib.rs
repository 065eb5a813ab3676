//! Locating Ember's own pure-Python library (`Lib/`).

use std::path::PathBuf;

/// Ember's `Lib/` directory: `$EMBER_HOME/Lib`, next to the executable's
/// repository checkout, or the source tree it was built from.
pub fn lib_dir() -> Option<PathBuf> {
    if let Ok(home) = std::env::var("EMBER_HOME") {
        let p = PathBuf::from(home).join("Lib");
        if p.is_dir() {
            return Some(p);
        }
    }
    if let Ok(exe) = std::env::current_exe() {
        // target/<profile>/ember -> <repo>/Lib
        for anc in exe.ancestors().skip(1).take(4) {
            let p = anc.join("Lib");
            if p.join("README.md").is_file() || p.join("collections").is_dir() {
                return Some(p);
            }
        }
    }
    let built = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("Lib");
    if built.is_dir() {
        return Some(built);
    }
    None
}

/// The installation prefix reported as `sys.prefix`.
pub fn prefix() -> Option<String> {
    lib_dir().and_then(|l| l.parent().map(|p| p.to_string_lossy().into_owned()))
}
