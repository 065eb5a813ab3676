//! The JIT's command-line options (`-X jit...`) and environment variables.
//! An `-X` option wins over the environment; `-E` (ignore the environment)
//! is applied by the caller, which passes no environment then.

/// Parsed JIT options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JitOptions {
    /// Compile functions at all (`-X jit`, or implied by a list or jit-auto).
    pub enabled: bool,
    /// Compile only the functions this jit-list file names.
    pub list_file: Option<String>,
    /// Compile after this many calls instead of on the first.
    pub auto: Option<u32>,
    /// Check the line numbers of `qualname@file:line` entries.
    pub match_line_numbers: bool,
    pub dump_hir: bool,
    pub dump_hir_passes: bool,
    pub dump_final_hir: bool,
    pub dump_lir: bool,
    pub dump_asm: bool,
    pub perfmap: bool,
    /// Write compile statistics (JSON) here at exit.
    pub stats_file: Option<String>,
    /// Print the option list and exit.
    pub help: bool,
}

/// Every `-X` option the JIT understands, with its description (`-X jit-help`).
pub const OPTIONS: &[(&str, &str)] = &[
    ("jit", "compile every function on its first call (module and class bodies stay interpreted); also PYTHONJIT=1"),
    ("jit-list-file=FILE", "compile only the functions FILE lists (implies -X jit); also PYTHONJITLISTFILE=FILE"),
    (
        "jit-auto=N",
        "compile a function after N calls (with a list: only listed ones; implies -X jit); also PYTHONJITAUTO=N",
    ),
    ("jit-list-match-line-numbers", "check the line of `qualname@file.py:line` entries too"),
    ("jit-dump-hir", "print each function's HIR as built, to stderr"),
    ("jit-dump-hir-passes", "print the HIR before and after each pass, to stderr"),
    ("jit-dump-final-hir", "print the HIR after the last pass (with every refcount operation), to stderr"),
    ("jit-dump-lir", "print the Cranelift IR (CLIF) of each compiled function, to stderr"),
    ("jit-dump-asm", "print the machine code of each compiled function, with HIR origins, to stderr"),
    ("jit-perfmap", "write /tmp/perf-<pid>.map so `perf report` names compiled functions"),
    ("jit-stats-file=FILE", "write compile statistics (JSON) to FILE at exit"),
    ("jit-help", "print this list and exit"),
];

/// The text `-X jit-help` prints.
pub fn help_text() -> String {
    let mut s = String::from("Ember JIT options (-X name[=value]):\n");
    for (name, doc) in OPTIONS {
        s.push_str(&format!("  -X {name:<30} {doc}\n"));
    }
    s
}

fn flag(value: &Option<String>, name: &str) -> Result<bool, String> {
    match value.as_deref() {
        None | Some("1") | Some("true") | Some("True") => Ok(true),
        Some("0") | Some("false") | Some("False") => Ok(false),
        Some(v) => Err(format!("-X {name}={v}: expected no value, 0 or 1")),
    }
}

fn required(value: &Option<String>, name: &str) -> Result<String, String> {
    match value {
        Some(v) if !v.is_empty() => Ok(v.clone()),
        _ => Err(format!("-X {name} needs a value (-X {name}=...)")),
    }
}

fn count(v: &str, name: &str) -> Result<u32, String> {
    v.trim().parse::<u32>().map_err(|_| format!("{name}: expected a non-negative integer, got {v:?}"))
}

/// Parses the `-X` options (name, optional value) and the environment
/// (`env(name)`). Options not starting with `jit` are ignored; an unknown
/// `jit...` option is an error.
pub fn parse(
    xoptions: &[(String, Option<String>)],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<JitOptions, String> {
    let mut o = JitOptions::default();
    let set = |v: Option<String>| v.filter(|s| !s.is_empty());
    if let Some(v) = set(env("PYTHONJIT")) {
        o.enabled = v != "0";
    }
    if let Some(v) = set(env("PYTHONJITLISTFILE")) {
        o.list_file = Some(v);
    }
    if let Some(v) = set(env("PYTHONJITAUTO")) {
        o.auto = Some(count(&v, "PYTHONJITAUTO")?);
    }
    let mut x_enabled = None;
    for (name, value) in xoptions {
        if !name.starts_with("jit") {
            continue;
        }
        match name.as_str() {
            "jit" => x_enabled = Some(flag(value, name)?),
            "jit-list-file" => o.list_file = Some(required(value, name)?),
            "jit-auto" => o.auto = Some(count(&required(value, name)?, "-X jit-auto")?),
            "jit-list-match-line-numbers" => o.match_line_numbers = flag(value, name)?,
            "jit-dump-hir" => o.dump_hir = flag(value, name)?,
            "jit-dump-hir-passes" => o.dump_hir_passes = flag(value, name)?,
            "jit-dump-final-hir" => o.dump_final_hir = flag(value, name)?,
            "jit-dump-lir" => o.dump_lir = flag(value, name)?,
            "jit-dump-asm" => o.dump_asm = flag(value, name)?,
            "jit-perfmap" => o.perfmap = flag(value, name)?,
            "jit-stats-file" => o.stats_file = Some(required(value, name)?),
            "jit-help" => o.help = true,
            other => return Err(format!("unknown JIT option -X {other} (-X jit-help lists them)")),
        }
    }
    // A list or jit-auto implies the JIT; an explicit -X jit=0 wins.
    o.enabled = match x_enabled {
        Some(e) => e,
        None => o.enabled || o.list_file.is_some() || o.auto.is_some(),
    };
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(opts: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        opts.iter().map(|(k, v)| (k.to_string(), v.map(str::to_string))).collect()
    }

    #[test]
    fn x_options_and_environment() {
        let none = |_: &str| None;
        assert!(!parse(&[], &none).expect("empty").enabled);
        assert!(parse(&x(&[("jit", None)]), &none).expect("jit").enabled);
        let o = parse(&x(&[("jit-list-file", Some("l.txt"))]), &none).expect("list");
        assert!(o.enabled);
        assert_eq!(o.list_file.as_deref(), Some("l.txt"));
        let env = |k: &str| match k {
            "PYTHONJIT" => Some("1".to_string()),
            "PYTHONJITLISTFILE" => Some("env.txt".to_string()),
            _ => None,
        };
        let o = parse(&x(&[("jit-list-file", Some("x.txt"))]), &env).expect("both");
        assert_eq!(o.list_file.as_deref(), Some("x.txt"), "-X wins over the environment");
        assert!(!parse(&x(&[("jit", Some("0"))]), &env).expect("off").enabled);
        assert_eq!(parse(&x(&[("jit-auto", Some("3"))]), &none).expect("auto").auto, Some(3));
        assert!(parse(&x(&[("jit-auto", Some("x"))]), &none).is_err());
        assert!(parse(&x(&[("jit-bogus", None)]), &none).is_err());
        assert!(parse(&x(&[("jit-list-file", None)]), &none).is_err());
        assert!(!parse(&x(&[("utf8", None)]), &none).expect("other").enabled);
    }
}
