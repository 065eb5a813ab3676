//! Locating Ember's own pure-Python library (`Lib/`) and the host's CPython 3.11
//! standard library, which Ember runs (never copies) for the pure-Python modules
//! it does not implement itself.

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

/// An installed CPython 3.11 standard library: `$EMBER_STDLIB`, else the usual
/// system and pyenv locations. Recognised by `_collections_abc.py` and `os.py`.
pub fn host_stdlib_dir() -> Option<PathBuf> {
    let looks_right = |p: &PathBuf| p.join("_collections_abc.py").is_file() && p.join("os.py").is_file();
    if let Ok(dir) = std::env::var("EMBER_STDLIB") {
        let p = PathBuf::from(dir);
        return looks_right(&p).then_some(p);
    }
    let mut candidates: Vec<PathBuf> =
        ["/usr/lib/python3.11", "/usr/local/lib/python3.11", "/opt/python3.11/lib/python3.11"]
            .iter()
            .map(PathBuf::from)
            .collect();
    let pyenv_root = std::env::var("PYENV_ROOT")
        .map(PathBuf::from)
        .ok()
        .or_else(|| std::env::var("HOME").ok().map(|h| PathBuf::from(h).join(".pyenv")));
    if let Some(root) = pyenv_root {
        if let Ok(entries) = std::fs::read_dir(root.join("versions")) {
            let mut versions: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("3.11")))
                .collect();
            // Newest patch release first.
            versions.sort_by_key(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
                std::cmp::Reverse(name.rsplit('.').next().and_then(|v| v.parse::<u32>().ok()).unwrap_or(0))
            });
            candidates.splice(0..0, versions.into_iter().map(|v| v.join("lib").join("python3.11")));
        }
    }
    candidates.into_iter().find(looks_right)
}
