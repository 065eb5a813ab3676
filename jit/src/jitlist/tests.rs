use super::*;

use std::path::PathBuf;

fn list(text: &str) -> JitList {
    match JitList::parse(text, "test.txt") {
        Ok(list) => list,
        Err(error) => panic!("{text:?} should parse: {error}"),
    }
}

fn func<'a>(module: &'a str, qualname: &'a str) -> FunctionId<'a> {
    FunctionId { module, qualname, file: "/src/unrelated.py", first_line: 1 }
}

fn at<'a>(qualname: &'a str, file: &'a str, first_line: u32) -> FunctionId<'a> {
    FunctionId { module: "mod", qualname, file, first_line }
}

/// Whether `list` names `module:qualname` (with line matching on and off, which
/// only `@` entries care about, so both must agree here).
fn named(list: &JitList, module: &str, qualname: &str) -> bool {
    let with_lines = list.matches(&func(module, qualname), true);
    let without_lines = list.matches(&func(module, qualname), false);
    assert_eq!(with_lines, without_lines, "{module}:{qualname}");
    with_lines
}

/// The message of the error for a one-line list, checking it is on line 1.
fn error_of(line: &str) -> String {
    match JitList::parse(line, "bad.txt") {
        Ok(list) => panic!("{line:?} should be rejected, parsed as {:?}", list.entries()),
        Err(error) => {
            assert_eq!(error.file(), "bad.txt");
            assert_eq!(error.line(), 1, "{line:?}");
            error.message().to_owned()
        }
    }
}

/// A path in the temporary directory unique to this process and test.
fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("ember-jitlist-{}-{name}", std::process::id()))
}

#[test]
fn empty_list_matches_nothing() {
    let list = JitList::new();
    assert!(list.is_empty());
    assert_eq!(list.len(), 0);
    assert!(list.entries().is_empty());
    assert!(!named(&list, "mod", "f"));
    assert!(!list.matches(&at("f", "mod.py", 1), false));

    let list = self::list("");
    assert!(list.is_empty());
    let list = self::list("\n\n# only comments\n   \n\t# indented comment\n");
    assert!(list.is_empty());
    assert!(!named(&list, "mod", "f"));
}

#[test]
fn exact_entry() {
    let list = list("pkg.mod:func\n");
    assert_eq!(list.len(), 1);
    assert!(named(&list, "pkg.mod", "func"));
    // Another module, or one sharing a prefix with it.
    assert!(!named(&list, "other", "func"));
    assert!(!named(&list, "pkg", "func"));
    assert!(!named(&list, "pkg.mo", "func"));
    assert!(!named(&list, "pkg.mod.sub", "func"));
    assert!(!named(&list, "pkg.module", "func"));
    // Another qualname, or one sharing a prefix or suffix with it.
    assert!(!named(&list, "pkg.mod", "fun"));
    assert!(!named(&list, "pkg.mod", "func2"));
    assert!(!named(&list, "pkg.mod", "C.func"));
    assert!(!named(&list, "pkg.mod", "func.<locals>.g"));
    assert!(!named(&list, "pkg.mod", ""));
}

#[test]
fn exact_method_entry() {
    let list = list("__main__:Class.method");
    assert!(named(&list, "__main__", "Class.method"));
    assert!(!named(&list, "__main__", "Class"));
    assert!(!named(&list, "__main__", "method"));
    assert!(!named(&list, "__main__", "Class.method2"));
    assert!(!named(&list, "__main__", "Class.meth"));
    assert!(!named(&list, "__main__", "Other.method"));
    assert!(!named(&list, "__main__", "Outer.Class.method"));
    assert!(!named(&list, "main", "Class.method"));
}

#[test]
fn nested_entries() {
    let list = list(
        "m:outer.<locals>.inner\n\
         m:C.f.<locals>.<listcomp>\n\
         m:<lambda>\n\
         m:g.<locals>.<lambda>.<locals>.<genexpr>\n\
         m:h.<locals>.<dictcomp>\n\
         m:h.<locals>.<setcomp>\n",
    );
    assert_eq!(list.len(), 6);
    assert!(named(&list, "m", "outer.<locals>.inner"));
    assert!(!named(&list, "m", "outer"));
    assert!(!named(&list, "m", "inner"));
    assert!(!named(&list, "m", "outer.inner"));
    assert!(!named(&list, "m", "outer.<locals>.inner.<locals>.x"));
    assert!(named(&list, "m", "C.f.<locals>.<listcomp>"));
    assert!(!named(&list, "m", "C.f"));
    assert!(!named(&list, "m", "C.g.<locals>.<listcomp>"));
    assert!(named(&list, "m", "<lambda>"));
    assert!(!named(&list, "m", "f.<locals>.<lambda>"));
    assert!(named(&list, "m", "g.<locals>.<lambda>.<locals>.<genexpr>"));
    assert!(named(&list, "m", "h.<locals>.<dictcomp>"));
    assert!(named(&list, "m", "h.<locals>.<setcomp>"));
    assert!(!named(&list, "m", "h.<locals>.<listcomp>"));
}

#[test]
fn module_wildcard() {
    let list = list("pkg.mod:*");
    for qualname in ["f", "C.method", "f.<locals>.g", "<lambda>", "<genexpr>", "C.f.<locals>.<listcomp>"] {
        assert!(named(&list, "pkg.mod", qualname), "{qualname}");
    }
    // Only that module: not its submodules, its package, or a prefix-sharing name.
    for module in ["pkg", "pkg.mod.sub", "pkg.mo", "pkg.modx", "pkg.mod2", "mod", "other.pkg.mod"] {
        assert!(!named(&list, module, "f"), "{module}");
    }
}

#[test]
fn qualname_wildcard() {
    let list = list("*:helper\n*:Point.__init__");
    assert!(named(&list, "a", "helper"));
    assert!(named(&list, "b.c", "helper"));
    assert!(named(&list, "__main__", "helper"));
    assert!(!named(&list, "a", "helper2"));
    assert!(!named(&list, "a", "help"));
    assert!(!named(&list, "a", "C.helper"));
    assert!(!named(&list, "a", "f.<locals>.helper"));
    assert!(named(&list, "geometry", "Point.__init__"));
    assert!(!named(&list, "geometry", "Point"));
    assert!(!named(&list, "geometry", "__init__"));
    assert!(!named(&list, "geometry", "Vector.__init__"));
}

#[test]
fn method_wildcard_in_a_module() {
    let list = list("app.models:*.save");
    // Methods and nested functions whose last component is `save`.
    assert!(named(&list, "app.models", "User.save"));
    assert!(named(&list, "app.models", "Outer.Inner.save"));
    assert!(named(&list, "app.models", "f.<locals>.save"));
    assert!(named(&list, "app.models", "C.m.<locals>.save"));
    // Not a plain function called `save`, nor a similar name.
    assert!(!named(&list, "app.models", "save"));
    assert!(!named(&list, "app.models", "User.save_all"));
    assert!(!named(&list, "app.models", "User.autosave"));
    assert!(!named(&list, "app.models", "Usersave"));
    assert!(!named(&list, "app.models", "save.<locals>.f"));
    assert!(!named(&list, "app.models", "User.save.<locals>.f"));
    assert!(!named(&list, "app.models", "User."));
    // Not another module.
    assert!(!named(&list, "app", "User.save"));
    assert!(!named(&list, "app.models.user", "User.save"));
    assert!(!named(&list, "other", "User.save"));
}

#[test]
fn method_wildcard_in_any_module() {
    let list = list("*:*.__eq__\n*:*.<lambda>");
    assert!(named(&list, "a", "C.__eq__"));
    assert!(named(&list, "b.c", "D.E.__eq__"));
    assert!(!named(&list, "a", "__eq__"));
    assert!(!named(&list, "a", "C.__eq__x"));
    assert!(!named(&list, "a", "C.__ne__"));
    // `*.<lambda>`: lambdas nested in something, not module-level ones.
    assert!(named(&list, "a", "f.<locals>.<lambda>"));
    assert!(named(&list, "a", "C.<lambda>"));
    assert!(!named(&list, "a", "<lambda>"));
}

#[test]
fn mixed_entries_of_several_modules() {
    let list = list("a:f\na:*.run\nb:*\n*:g\n*:*.step\nc:C.h");
    assert!(named(&list, "a", "f"));
    assert!(!named(&list, "a", "h"));
    assert!(named(&list, "a", "Task.run"));
    assert!(!named(&list, "c", "Task.run"));
    assert!(named(&list, "b", "anything"));
    assert!(named(&list, "a", "g"));
    assert!(named(&list, "c", "g"));
    assert!(named(&list, "zzz", "Machine.step"));
    assert!(named(&list, "c", "C.h"));
    assert!(!named(&list, "a", "C.h"));
    assert!(!named(&list, "d", "f"));
    assert!(!named(&list, "d", "run"));
}

#[test]
fn location_entry_matches_base_names() {
    let list = list("Parser.parse@src/parser.py:42");
    // The query's directory does not matter, and neither does the list's.
    for file in ["parser.py", "src/parser.py", "/abs/other/dir/parser.py", "./parser.py"] {
        assert!(list.matches(&at("Parser.parse", file, 42), false), "{file}");
        assert!(list.matches(&at("Parser.parse", file, 42), true), "{file}");
    }
    // The module is not part of the entry.
    let other_module = FunctionId { module: "elsewhere", ..at("Parser.parse", "parser.py", 42) };
    assert!(list.matches(&other_module, true));
    // Another base name, including ones sharing a prefix or suffix.
    for file in ["parser.pyc", "xparser.py", "parser", "src", "parser.py/other.py", "", "src/"] {
        assert!(!list.matches(&at("Parser.parse", file, 42), false), "{file}");
    }
    // Another qualname.
    assert!(!list.matches(&at("Parser.parse2", "parser.py", 42), false));
    assert!(!list.matches(&at("parse", "parser.py", 42), false));
    assert!(!list.matches(&at("Parser", "parser.py", 42), false));
    // A plain module:qualname lookup of the same names does not match.
    assert!(!named(&list, "parser", "Parser.parse"));
}

#[test]
fn location_entry_with_absolute_path_in_the_list() {
    let list = list("f@/home/user/project/pkg/mod.py:7");
    assert_eq!(list.entries(), ["f@mod.py:7"]);
    assert!(list.matches(&at("f", "mod.py", 7), true));
    assert!(list.matches(&at("f", "/elsewhere/mod.py", 7), true));
}

#[test]
fn location_entry_line_numbers() {
    let list = list("f@mod.py:10\nf@mod.py:20\ng.<locals>.h@mod.py:0030");
    assert_eq!(list.entries(), ["f@mod.py:10", "f@mod.py:20", "g.<locals>.h@mod.py:30"]);
    // Line matching off: qualname and base name are enough.
    for line in [1, 10, 15, 20, 30, u32::MAX] {
        assert!(list.matches(&at("f", "mod.py", line), false), "{line}");
    }
    // Line matching on: the first line must be one of the listed lines.
    assert!(list.matches(&at("f", "mod.py", 10), true));
    assert!(list.matches(&at("f", "mod.py", 20), true));
    for line in [0, 1, 9, 11, 15, 30, u32::MAX] {
        assert!(!list.matches(&at("f", "mod.py", line), true), "{line}");
    }
    assert!(list.matches(&at("g.<locals>.h", "lib/mod.py", 30), true));
    assert!(!list.matches(&at("g.<locals>.h", "lib/mod.py", 31), true));
    assert!(list.matches(&at("g.<locals>.h", "lib/mod.py", 31), false));
    // The line of one function does not carry over to another.
    assert!(!list.matches(&at("g.<locals>.h", "mod.py", 10), true));
}

#[test]
fn location_entry_paths_with_unusual_characters() {
    // A file name may hold '@' and ':'; the qualname ends at the first '@', the
    // line starts after the last ':'.
    let list = list("f@dir@x/we:ird@name.py:3\ng@my file.py:4\nh@<string>:1");
    assert_eq!(list.entries(), ["f@we:ird@name.py:3", "g@my file.py:4", "h@<string>:1"]);
    assert!(list.matches(&at("f", "/tmp/we:ird@name.py", 3), true));
    assert!(list.matches(&at("g", "my file.py", 4), true));
    assert!(list.matches(&at("h", "<string>", 1), true));
}

#[test]
fn every_form_together() {
    let list = list("m:f\nm:*\n*:g\nm:*.h\n*:*.k\nq@file.py:5");
    assert_eq!(list.len(), 6);
    let function = FunctionId { module: "unlisted", qualname: "q", file: "a/file.py", first_line: 6 };
    assert!(list.matches(&function, false));
    assert!(!list.matches(&function, true));
    assert!(list.matches(&FunctionId { first_line: 5, ..function }, true));
    assert!(!list.matches(&FunctionId { qualname: "r", ..function }, false));
}

#[test]
fn comments_blank_lines_and_whitespace() {
    let text = "# a comment\n\
                \n\
                \x20\x20 \t\n\
                \x20\x20# an indented comment: with a colon, m:f\n\
                \x20\x20mod:f  \n\
                \tmod:C.g\t\r\n\
                #mod:ignored\n\
                \x20h@dir/file.py:12 \r\n\
                \r\n\
                *:k";
    let list = list(text);
    assert_eq!(list.entries(), ["mod:f", "mod:C.g", "h@file.py:12", "*:k"]);
    assert!(named(&list, "mod", "f"));
    assert!(named(&list, "mod", "C.g"));
    assert!(!named(&list, "mod", "ignored"));
    assert!(list.matches(&at("h", "file.py", 12), true));
    assert!(named(&list, "x", "k"));
}

#[test]
fn byte_order_mark_is_ignored_at_the_start_only() {
    let list = list("\u{feff}mod:f\nmod:g");
    assert_eq!(list.entries(), ["mod:f", "mod:g"]);
    let error = JitList::parse("mod:f\n\u{feff}mod:g", "bom.txt").unwrap_err();
    assert_eq!(error.line(), 2);
    assert_eq!(error.message(), "invalid module '\u{feff}mod': '\u{feff}mod' is not an identifier");
}

#[test]
fn duplicates_are_kept_once() {
    let list =
        list("m:f\nm:f\n  m:f  \n*:g\n*:g\nm:*\nm:*\nm:*.h\nm:*.h\n*:*.k\n*:*.k\nf@a.py:1\nf@dir/a.py:01\nf@a.py:2");
    assert_eq!(list.entries(), ["m:f", "*:g", "m:*", "m:*.h", "*:*.k", "f@a.py:1", "f@a.py:2"]);
    assert_eq!(list.len(), 7);
    assert!(!list.is_empty());

    // Overlapping but different entries are all kept.
    let list = self::list("m:f\nm:*\n*:f\nm:*.f");
    assert_eq!(list.len(), 4);
}

#[test]
fn entries_keep_insertion_order() {
    let mut list = list("z:last_in_alphabet\na:first\n*:*.m\nm:*");
    list.add_line("  b:added  ").unwrap();
    list.add_line("# comment").unwrap();
    list.add_line("").unwrap();
    list.add_line("a:first").unwrap();
    list.add_line("q@x/y.py:9").unwrap();
    assert_eq!(list.entries(), ["z:last_in_alphabet", "a:first", "*:*.m", "m:*", "b:added", "q@y.py:9"]);
    assert_eq!(list.len(), 6);
}

#[test]
fn add_line_extends_the_list() {
    let mut list = JitList::new();
    assert!(!named(&list, "m", "f"));
    list.add_line("m:f").unwrap();
    assert!(named(&list, "m", "f"));
    list.add_line("*:*.g").unwrap();
    assert!(named(&list, "other", "C.g"));
    assert_eq!(list.len(), 2);
}

#[test]
fn add_line_errors_leave_the_list_unchanged() {
    let mut list = list("m:f");
    assert_eq!(
        list.add_line("m"),
        Err("missing ':' in 'm' (expected 'module:qualname' or 'qualname@file.py:line')".to_owned())
    );
    assert_eq!(list.add_line("m:"), Err("empty qualname".to_owned()));
    assert_eq!(list.add_line("*:*"), Err(error_of("*:*")));
    assert_eq!(list.add_line("f@a.py:x"), Err("line number 'x' is not a positive integer".to_owned()));
    assert_eq!(list.add_line("m:g h"), Err(error_of("m:g h")));
    assert_eq!(list.entries(), ["m:f"]);
    assert!(!named(&list, "m", "g"));
    assert!(!named(&list, "m", "g h"));
    assert!(!named(&list, "x", "y"));
}

#[test]
fn syntax_errors() {
    // Parts shared by several messages.
    let not_id = "is not an identifier or one of <locals>, <lambda>, <genexpr>, <listcomp>, <dictcomp>, <setcomp>";
    let spaces = "(names may not contain spaces)";
    let first = "'<locals>' must follow the name of the enclosing function";
    let last = "'<locals>' must be followed by the name of a nested function";
    let single = "a wildcard qualname must be '*' or '*.name' with a single name";
    let cases: Vec<(&str, String)> = vec![
        // The separator.
        ("mod", "missing ':' in 'mod' (expected 'module:qualname' or 'qualname@file.py:line')".into()),
        ("mod.f", "missing ':' in 'mod.f' (expected 'module:qualname' or 'qualname@file.py:line')".into()),
        ("*", "'*' alone is not an entry: write 'module:*' or '*:qualname'".into()),
        // Empty parts.
        (":f", "empty module name".into()),
        (":", "empty module name".into()),
        ("mod:", "empty qualname".into()),
        ("*:", "empty qualname".into()),
        // Module names.
        ("pkg..mod:f", "invalid module 'pkg..mod': empty component".into()),
        (".mod:f", "invalid module '.mod': empty component".into()),
        ("mod.:f", "invalid module 'mod.': empty component".into()),
        ("1mod:f", "invalid module '1mod': '1mod' is not an identifier".into()),
        ("pkg.my-mod:f", "invalid module 'pkg.my-mod': 'my-mod' is not an identifier".into()),
        ("my mod:f", "invalid module 'my mod': 'my mod' is not an identifier (names may not contain spaces)".into()),
        ("<stdin>:f", "invalid module '<stdin>': '<stdin>' is not an identifier".into()),
        // Qualnames.
        ("mod:f..g", "invalid qualname 'f..g': empty component".into()),
        ("mod:.f", "invalid qualname '.f': empty component".into()),
        ("mod:f.", "invalid qualname 'f.': empty component".into()),
        ("mod:2f", format!("invalid qualname '2f': '2f' {not_id}")),
        ("mod:f-g", format!("invalid qualname 'f-g': 'f-g' {not_id}")),
        ("mod:f.<local>.g", format!("invalid qualname 'f.<local>.g': '<local>' {not_id}")),
        ("mod:f:g", format!("invalid qualname 'f:g': 'f:g' {not_id}")),
        (
            "mod:f # the hot one",
            format!(
                "invalid qualname 'f # the hot one': 'f # the hot one' {not_id} \
                 (comments must be on a line of their own)"
            ),
        ),
        ("mod: f", format!("invalid qualname ' f': ' f' {not_id} {spaces}")),
        ("mod :f", "invalid module 'mod ': 'mod ' is not an identifier (names may not contain spaces)".into()),
        ("mod:<locals>.f", format!("invalid qualname '<locals>.f': {first}")),
        ("mod:f.<locals>", format!("invalid qualname 'f.<locals>': {last}")),
        ("mod:f.<locals>.<locals>.g", format!("invalid qualname 'f.<locals>.<locals>.g': {first}")),
        ("mod:<locals>", format!("invalid qualname '<locals>': {first}")),
        // Wildcards in the wrong place.
        ("*:*", "'*:*' is not supported: it would list every function (run without a jit list instead)".into()),
        ("mod*:f", "invalid module 'mod*': a wildcard module must be exactly '*'".into()),
        ("*mod:f", "invalid module '*mod': a wildcard module must be exactly '*'".into()),
        ("pkg.*:f", "invalid module 'pkg.*': a wildcard module must be exactly '*'".into()),
        ("**:f", "invalid module '**': a wildcard module must be exactly '*'".into()),
        ("mod:f*", "invalid qualname 'f*': '*' may only be the whole qualname or start '*.name'".into()),
        ("mod:*x", "invalid qualname '*x': '*' may only be the whole qualname or start '*.name'".into()),
        ("mod:**", "invalid qualname '**': '*' may only be the whole qualname or start '*.name'".into()),
        ("mod:C.*", "invalid qualname 'C.*': '*' may only be the whole qualname or start '*.name'".into()),
        ("mod:C.*.m", "invalid qualname 'C.*.m': '*' may only be the whole qualname or start '*.name'".into()),
        ("mod:*.a.b", format!("invalid qualname '*.a.b': {single}")),
        ("mod:*.*", format!("invalid qualname '*.*': {single}")),
        ("*:*.m*", format!("invalid qualname '*.m*': {single}")),
        ("mod:*.", "invalid qualname '*.': empty component".into()),
        ("mod:*.1x", format!("invalid qualname '*.1x': '1x' {not_id}")),
        ("mod:*.<locals>", format!("invalid qualname '*.<locals>': {last}")),
        // qualname@file:line
        ("@a.py:1", "empty qualname before '@'".into()),
        ("f@", "expected 'file:line' after '@'".into()),
        ("f@a.py", "expected 'file:line' after '@', found 'a.py'".into()),
        ("f@12", "expected 'file:line' after '@', found '12'".into()),
        ("f@:12", "empty file name after '@'".into()),
        ("f@dir/:12", "file path 'dir/' ends with '/'".into()),
        ("f@a.py:", "missing line number after 'a.py:'".into()),
        ("f@a.py:0", "line number '0' is not a positive integer".into()),
        ("f@a.py:000", "line number '000' is not a positive integer".into()),
        ("f@a.py:-3", "line number '-3' is not a positive integer".into()),
        ("f@a.py:+3", "line number '+3' is not a positive integer".into()),
        ("f@a.py:3.5", "line number '3.5' is not a positive integer".into()),
        ("f@a.py:x", "line number 'x' is not a positive integer".into()),
        ("f@a.py: 3", "line number ' 3' is not a positive integer".into()),
        ("f@a.py:3 # comment", "line number '3 # comment' is not a positive integer".into()),
        ("f@a.py:4294967296", "line number '4294967296' is too large".into()),
        ("f@a.py:99999999999999999999999", "line number '99999999999999999999999' is too large".into()),
        ("*@a.py:1", "invalid qualname '*': wildcards are not allowed in 'qualname@file:line'".into()),
        ("*.m@a.py:1", "invalid qualname '*.m': wildcards are not allowed in 'qualname@file:line'".into()),
        ("mod:f@a.py:1", "invalid qualname 'mod:f': 'qualname@file:line' takes no module".into()),
        ("f.<locals>@a.py:1", format!("invalid qualname 'f.<locals>': {last}")),
        ("f g@a.py:1", format!("invalid qualname 'f g': 'f g' {not_id} {spaces}")),
        ("f..g@a.py:1", "invalid qualname 'f..g': empty component".into()),
    ];
    for (line, message) in &cases {
        assert_eq!(&error_of(line), message, "{line:?}");
        // add_line reports the same message.
        assert_eq!(JitList::new().add_line(line).as_ref(), Err(message), "{line:?}");
    }
}

#[test]
fn valid_edge_cases() {
    let list = list(
        "_:_\n\
         __main__:__init__\n\
         a1.b_2:C3._d4\n\
         *:*._private\n\
         m:*.<genexpr>\n\
         données:café.naïve\n\
         模块:函数",
    );
    assert_eq!(list.len(), 7);
    assert!(named(&list, "_", "_"));
    assert!(named(&list, "a1.b_2", "C3._d4"));
    assert!(named(&list, "x", "C._private"));
    assert!(named(&list, "m", "f.<locals>.<genexpr>"));
    assert!(!named(&list, "m", "<genexpr>"));
    assert!(named(&list, "données", "café.naïve"));
    assert!(named(&list, "模块", "函数"));
}

#[test]
fn largest_line_number() {
    let list = list("f@a.py:4294967295");
    assert!(list.matches(&at("f", "a.py", u32::MAX), true));
    assert!(!list.matches(&at("f", "a.py", u32::MAX - 1), true));
}

#[test]
fn error_line_numbers_count_every_line() {
    let text = "# header\n\nm:f\n  # indented\nm:g\r\n\n*:h\nm:bad name\nm:never_reached\n";
    let error = JitList::parse(text, "lists/hot.txt").unwrap_err();
    assert_eq!(error.file(), "lists/hot.txt");
    assert_eq!(error.line(), 8);
    assert_eq!(
        error.message(),
        "invalid qualname 'bad name': 'bad name' is not an identifier or one of \
         <locals>, <lambda>, <genexpr>, <listcomp>, <dictcomp>, <setcomp> (names may not contain spaces)"
    );

    // The first error is the one reported.
    let error = JitList::parse("m:f\nm:\nm\n", "x").unwrap_err();
    assert_eq!((error.line(), error.message()), (2, "empty qualname"));

    // The last line, without a trailing newline.
    let error = JitList::parse("m:f\nm:g\nm:*x", "x").unwrap_err();
    assert_eq!(error.line(), 3);
}

#[test]
fn error_display() {
    let error = JitList::parse("m:f\n\nmod", "/etc/jit.txt").unwrap_err();
    assert_eq!(
        error.to_string(),
        "jit-list /etc/jit.txt:3: missing ':' in 'mod' (expected 'module:qualname' or 'qualname@file.py:line')"
    );
    let error = JitList::parse("*:*", "l").unwrap_err();
    assert_eq!(
        error.to_string(),
        "jit-list l:1: '*:*' is not supported: it would list every function (run without a jit list instead)"
    );
    // It is a std error, usable with `?` into Box<dyn Error>.
    let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
    assert_eq!(boxed.to_string(), error.to_string());
}

#[test]
fn read_a_file() {
    let path = temp_path("read.txt");
    std::fs::write(&path, "\u{feff}# hot functions\nm:f\r\nm:*.g\n\nh@/src/m.py:3\n").unwrap();
    let result = JitList::read(&path);
    std::fs::remove_file(&path).unwrap();
    let list = result.unwrap();
    assert_eq!(list.entries(), ["m:f", "m:*.g", "h@m.py:3"]);
    assert!(named(&list, "m", "f"));
    assert!(named(&list, "m", "C.g"));
    assert!(list.matches(&at("h", "m.py", 3), true));
}

#[test]
fn read_a_malformed_file() {
    let path = temp_path("malformed.txt");
    std::fs::write(&path, "m:f\nm:g\n\nm:\n").unwrap();
    let result = JitList::read(&path);
    std::fs::remove_file(&path).unwrap();
    let error = result.unwrap_err();
    assert_eq!(error.file(), path.display().to_string());
    assert_eq!(error.line(), 4);
    assert_eq!(error.message(), "empty qualname");
    assert_eq!(error.to_string(), format!("jit-list {}:4: empty qualname", path.display()));
}

#[test]
fn read_a_file_that_is_not_utf8() {
    let path = temp_path("latin1.txt");
    std::fs::write(&path, b"m:f\n# caf\xe9\nm:g\n").unwrap();
    let result = JitList::read(&path);
    std::fs::remove_file(&path).unwrap();
    let error = result.unwrap_err();
    assert_eq!((error.line(), error.message()), (2, "line is not valid UTF-8"));

    // An earlier malformed line is reported first.
    let path = temp_path("latin1-late.txt");
    std::fs::write(&path, b"m:\nm:caf\xe9\n").unwrap();
    let result = JitList::read(&path);
    std::fs::remove_file(&path).unwrap();
    let error = result.unwrap_err();
    assert_eq!((error.line(), error.message()), (1, "empty qualname"));
}

#[test]
fn read_a_missing_file() {
    let path = temp_path("does-not-exist.txt");
    let error = JitList::read(&path).unwrap_err();
    assert_eq!(error.file(), path.display().to_string());
    assert_eq!(error.line(), 0);
    let expected = std::fs::read(&path).unwrap_err();
    assert_eq!(error.message(), format!("cannot read: {expected}"));
    assert!(error.message().starts_with("cannot read: No such file or directory"), "{}", error.message());
    assert_eq!(error.to_string(), format!("jit-list {}:0: cannot read: {expected}", path.display()));
}

#[test]
fn read_a_directory() {
    let error = JitList::read(&std::env::temp_dir()).unwrap_err();
    assert_eq!(error.line(), 0);
    assert!(error.message().starts_with("cannot read: "), "{}", error.message());
}

#[test]
fn many_wildcards_and_exact_entries() {
    const N: usize = 10_000;
    let mut text = String::new();
    for i in 0..N {
        // Ten thousand wildcard lines of the four kinds...
        match i % 4 {
            0 => text.push_str(&format!("wild{i}:*\n")),
            1 => text.push_str(&format!("*:anywhere{i}\n")),
            2 => text.push_str(&format!("meth{i}:*.m{i}\n")),
            _ => text.push_str(&format!("*:*.everywhere{i}\n")),
        }
        // ... and ten thousand exact ones.
        text.push_str(&format!("pkg{}.mod:Class{i}.method\n", i % 100));
    }
    let list = list(&text);
    assert_eq!(list.len(), 2 * N);
    let entries = list.entries();
    assert_eq!(entries[0], "wild0:*");
    assert_eq!(entries[1], "pkg0.mod:Class0.method");
    assert_eq!(entries[2 * N - 1], format!("pkg99.mod:Class{}.method", N - 1));

    for i in (0..N).step_by(7).chain([N - 1]) {
        let exact_module = format!("pkg{}.mod", i % 100);
        let exact_qualname = format!("Class{i}.method");
        assert!(named(&list, &exact_module, &exact_qualname), "{i}");
        let other_module = format!("pkg{}.mod", (i + 1) % 100);
        assert!(!named(&list, &other_module, &exact_qualname), "{i}");
        assert!(!named(&list, &exact_module, &format!("Class{i}.method2")), "{i}");

        match i % 4 {
            0 => {
                let module = format!("wild{i}");
                assert!(named(&list, &module, "anything"));
                assert!(named(&list, &module, "C.m.<locals>.g"));
                assert!(!named(&list, &format!("wild{}", i + 1), "anything"));
                assert!(!named(&list, &format!("{module}.sub"), "anything"));
            }
            1 => {
                let qualname = format!("anywhere{i}");
                assert!(named(&list, "some.module", &qualname));
                assert!(!named(&list, "some.module", &format!("C.{qualname}")));
            }
            2 => {
                let module = format!("meth{i}");
                let name = format!("m{i}");
                assert!(named(&list, &module, &format!("C.{name}")));
                assert!(!named(&list, &module, &name));
                assert!(!named(&list, &module, &format!("C.m{}", i + 4)));
                assert!(!named(&list, "other", &format!("C.{name}")));
            }
            _ => {
                let name = format!("everywhere{i}");
                assert!(named(&list, "x", &format!("C.{name}")));
                assert!(named(&list, "y.z", &format!("f.<locals>.{name}")));
                assert!(!named(&list, "x", &name));
            }
        }
    }
    assert!(!named(&list, "unlisted", "f"));
    assert!(!named(&list, "pkg0.mod", "Class1.method"));
}

#[test]
fn benchmark_jit_lists_parse() {
    // The lists benchmarks/run passes with -X jit-list-file.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../benchmarks/jitlists");
    let mut count = 0;
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_some_and(|extension| extension == "txt") {
            let list = JitList::read(&path).unwrap_or_else(|error| panic!("{error}"));
            assert!(!list.is_empty(), "{}", path.display());
            for entry in list.entries() {
                let (module, qualname) = entry.split_once(':').unwrap();
                assert!(named(&list, module, qualname), "{entry}");
            }
            count += 1;
        }
    }
    assert!(count > 0, "no lists in {}", dir.display());
}
