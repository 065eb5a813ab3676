//! The node classes of `_ast`, declared once: name, base class and the
//! ASDL signature of the fields (CPython 3.11's grammar). Class creation,
//! `_fields`, the class defaults of optional fields (`?` fields are None on
//! the class) and the docstrings all come from this table, and the tree
//! converters name classes by the generated `K` enum.

use super::base::{name_tuple, AST_TYPE};
use crate::object::PyRef;
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use crate::types::dict::{new_dict, DictObj};
use crate::types::str::{intern, new_str};
use crate::types::typeobj::TypeObj;

/// One class: its name, its base (`AST` or an abstract class of the table)
/// and its fields as ASDL (`expr? returns, stmt* body`). Abstract classes
/// (bases of sum types) have `abstract` set and no fields.
pub struct NodeSpec {
    pub name: &'static str,
    pub base: &'static str,
    pub sig: &'static str,
    pub abstract_: bool,
}

macro_rules! nodes {
    ($( $id:ident $(($abs:ident))? $(as $name:literal)? : $base:literal $sig:literal ;)*) => {
        /// A node class, as an index into [`NODES`] (the converters name
        /// only the concrete classes they build).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(non_camel_case_types, dead_code)]
        pub enum K { $($id),* }
        /// Every class of `_ast`, bases before subclasses.
        pub static NODES: &[NodeSpec] = &[$(NodeSpec {
            name: nodes!(@name $id $($name)?),
            base: $base,
            sig: $sig,
            abstract_: nodes!(@abs $($abs)?),
        }),*];
    };
    (@name $id:ident $name:literal) => { $name };
    (@name $id:ident) => { stringify!($id) };
    (@abs abstract) => { true };
    (@abs) => { false };
}

nodes! {
    mod_(abstract) as "mod": "AST" "";
    Module: "mod" "stmt* body, type_ignore* type_ignores";
    Interactive: "mod" "stmt* body";
    Expression: "mod" "expr body";
    FunctionType: "mod" "expr* argtypes, expr returns";

    stmt(abstract): "AST" "";
    FunctionDef: "stmt" "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment";
    AsyncFunctionDef: "stmt" "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment";
    ClassDef: "stmt" "identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list";
    Return: "stmt" "expr? value";
    Delete: "stmt" "expr* targets";
    Assign: "stmt" "expr* targets, expr value, string? type_comment";
    AugAssign: "stmt" "expr target, operator op, expr value";
    AnnAssign: "stmt" "expr target, expr annotation, expr? value, int simple";
    For: "stmt" "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment";
    AsyncFor: "stmt" "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment";
    While: "stmt" "expr test, stmt* body, stmt* orelse";
    If: "stmt" "expr test, stmt* body, stmt* orelse";
    With: "stmt" "withitem* items, stmt* body, string? type_comment";
    AsyncWith: "stmt" "withitem* items, stmt* body, string? type_comment";
    Match: "stmt" "expr subject, match_case* cases";
    Raise: "stmt" "expr? exc, expr? cause";
    Try: "stmt" "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody";
    TryStar: "stmt" "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody";
    Assert: "stmt" "expr test, expr? msg";
    Import: "stmt" "alias* names";
    ImportFrom: "stmt" "identifier? module, alias* names, int? level";
    Global: "stmt" "identifier* names";
    Nonlocal: "stmt" "identifier* names";
    Expr: "stmt" "expr value";
    Pass: "stmt" "";
    Break: "stmt" "";
    Continue: "stmt" "";

    expr(abstract): "AST" "";
    BoolOp: "expr" "boolop op, expr* values";
    NamedExpr: "expr" "expr target, expr value";
    BinOp: "expr" "expr left, operator op, expr right";
    UnaryOp: "expr" "unaryop op, expr operand";
    Lambda: "expr" "arguments args, expr body";
    IfExp: "expr" "expr test, expr body, expr orelse";
    Dict: "expr" "expr* keys, expr* values";
    Set: "expr" "expr* elts";
    ListComp: "expr" "expr elt, comprehension* generators";
    SetComp: "expr" "expr elt, comprehension* generators";
    DictComp: "expr" "expr key, expr value, comprehension* generators";
    GeneratorExp: "expr" "expr elt, comprehension* generators";
    Await: "expr" "expr value";
    Yield: "expr" "expr? value";
    YieldFrom: "expr" "expr value";
    Compare: "expr" "expr left, cmpop* ops, expr* comparators";
    Call: "expr" "expr func, expr* args, keyword* keywords";
    FormattedValue: "expr" "expr value, int conversion, expr? format_spec";
    JoinedStr: "expr" "expr* values";
    Constant: "expr" "constant value, string? kind";
    Attribute: "expr" "expr value, identifier attr, expr_context ctx";
    Subscript: "expr" "expr value, expr slice, expr_context ctx";
    Starred: "expr" "expr value, expr_context ctx";
    Name: "expr" "identifier id, expr_context ctx";
    List: "expr" "expr* elts, expr_context ctx";
    Tuple: "expr" "expr* elts, expr_context ctx";
    Slice: "expr" "expr? lower, expr? upper, expr? step";

    expr_context(abstract): "AST" "";
    Load: "expr_context" "";
    Store: "expr_context" "";
    Del: "expr_context" "";

    boolop(abstract): "AST" "";
    And: "boolop" "";
    Or: "boolop" "";

    operator(abstract): "AST" "";
    Add: "operator" "";
    Sub: "operator" "";
    Mult: "operator" "";
    MatMult: "operator" "";
    Div: "operator" "";
    Mod: "operator" "";
    Pow: "operator" "";
    LShift: "operator" "";
    RShift: "operator" "";
    BitOr: "operator" "";
    BitXor: "operator" "";
    BitAnd: "operator" "";
    FloorDiv: "operator" "";

    unaryop(abstract): "AST" "";
    Invert: "unaryop" "";
    Not: "unaryop" "";
    UAdd: "unaryop" "";
    USub: "unaryop" "";

    cmpop(abstract): "AST" "";
    Eq: "cmpop" "";
    NotEq: "cmpop" "";
    Lt: "cmpop" "";
    LtE: "cmpop" "";
    Gt: "cmpop" "";
    GtE: "cmpop" "";
    Is: "cmpop" "";
    IsNot: "cmpop" "";
    In: "cmpop" "";
    NotIn: "cmpop" "";

    comprehension: "AST" "expr target, expr iter, expr* ifs, int is_async";

    excepthandler(abstract): "AST" "";
    ExceptHandler: "excepthandler" "expr? type, identifier? name, stmt* body";

    arguments: "AST" "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults";
    arg: "AST" "identifier arg, expr? annotation, string? type_comment";
    keyword: "AST" "identifier? arg, expr value";
    alias: "AST" "identifier name, identifier? asname";
    withitem: "AST" "expr context_expr, expr? optional_vars";
    match_case: "AST" "pattern pattern, expr? guard, stmt* body";

    pattern(abstract): "AST" "";
    MatchValue: "pattern" "expr value";
    MatchSingleton: "pattern" "constant value";
    MatchSequence: "pattern" "pattern* patterns";
    MatchMapping: "pattern" "expr* keys, pattern* patterns, identifier? rest";
    MatchClass: "pattern" "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns";
    MatchStar: "pattern" "identifier? name";
    MatchAs: "pattern" "pattern? pattern, identifier? name";
    MatchOr: "pattern" "pattern* patterns";

    type_ignore(abstract): "AST" "";
    TypeIgnore: "type_ignore" "int lineno, string tag";
}

/// Position attributes of the classes that have them: whether the end
/// position is optional (a None default on the class), per class name.
fn attributes_of(name: &str) -> Option<bool> {
    match name {
        "stmt" | "expr" | "excepthandler" | "arg" | "keyword" | "alias" => Some(true),
        "pattern" => Some(false),
        _ => None,
    }
}

pub const POSITION_ATTRIBUTES: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

/// A field of a signature: its name, and whether it is optional (`?`).
pub struct Field<'a> {
    pub name: &'a str,
    pub optional: bool,
}

/// The fields of an ASDL signature.
pub fn fields(sig: &str) -> impl Iterator<Item = Field<'_>> {
    sig.split(", ").filter(|s| !s.is_empty()).map(|f| {
        let (ty, name) = f.split_once(' ').unwrap_or((f, ""));
        Field { name, optional: ty.ends_with('?') }
    })
}

/// CPython's docstring of a class: `Name(identifier id, expr_context ctx)`,
/// or for an abstract class its constructors (`expr_context = Load | Store
/// | Del`, one per line when any has fields).
fn docstring(spec: &NodeSpec) -> String {
    let ctor = |s: &NodeSpec| if s.sig.is_empty() { s.name.to_string() } else { format!("{}({})", s.name, s.sig) };
    if !spec.abstract_ {
        return ctor(spec);
    }
    let subs: Vec<&NodeSpec> = NODES.iter().filter(|s| s.base == spec.name).collect();
    let simple = subs.iter().all(|s| s.sig.is_empty());
    let sep = if simple { " | ".to_string() } else { format!("\n{}| ", " ".repeat(spec.name.len() + 1)) };
    let body: Vec<String> = subs.iter().map(|s| ctor(s)).collect();
    format!("{} = {}", spec.name, body.join(&sep))
}

/// The classes, indexed by `K`, with their `_fields` name objects.
pub struct Classes {
    pub types: Vec<PyRef>,
    pub field_names: Vec<Vec<PyRef>>,
    /// The shared instances of field-less classes (`Load()`, `Add()`, ...),
    /// as `ast.parse` gives them.
    pub singletons: Vec<Option<PyRef>>,
}

impl Classes {
    pub fn class(&self, k: K) -> &PyRef {
        &self.types[k as usize]
    }
}

/// Creates every class of the table (as `type(name, (base,), namespace)`
/// calls, so they are ordinary classes of module `ast`).
pub fn create_classes() -> PyResult<Classes> {
    let type_type = crate::types::typeobj::TYPE_TYPE.as_obj_ref();
    let mut types: Vec<PyRef> = Vec::with_capacity(NODES.len());
    let mut field_names = Vec::with_capacity(NODES.len());
    let mut singletons = Vec::with_capacity(NODES.len());
    for spec in NODES {
        let base: PyRef = if spec.base == "AST" {
            AST_TYPE.as_obj_ref().to_owned()
        } else {
            let i = NODES
                .iter()
                .position(|s| s.name == spec.base)
                .ok_or_else(|| PyErr::system_error("ast: unknown base class"))?;
            types[i].clone()
        };
        let ns = new_dict();
        let d = ns.downcast::<DictObj>().ok_or_else(|| PyErr::system_error("ast: namespace"))?;
        let names: Vec<&str> = fields(spec.sig).map(|f| f.name).collect();
        d.set_by_str("_fields", name_tuple(&names));
        d.set_by_str("__match_args__", name_tuple(&names));
        d.set_by_str("__module__", intern("ast"));
        d.set_by_str("__doc__", new_str(&docstring(spec)));
        if let Some(end_optional) = attributes_of(spec.name) {
            d.set_by_str("_attributes", name_tuple(&POSITION_ATTRIBUTES));
            for f in fields(spec.sig).filter(|f| f.optional) {
                d.set_by_str(f.name, crate::types::none());
            }
            if end_optional {
                d.set_by_str("end_lineno", crate::types::none());
                d.set_by_str("end_col_offset", crate::types::none());
            }
        } else {
            if spec.base == "AST" {
                d.set_by_str("_attributes", crate::types::tuple::empty_tuple());
            }
            for f in fields(spec.sig).filter(|f| f.optional) {
                d.set_by_str(f.name, crate::types::none());
            }
        }
        let bases = crate::types::tuple::new_tuple(vec![base]);
        let cls = ops::call(type_type, &[&intern(spec.name), &bases, &ns], None)?;
        let single = if spec.sig.is_empty() && !spec.abstract_ && is_simple_sum(spec.base) {
            cls.downcast::<TypeObj>().map(super::base::new_node)
        } else {
            None
        };
        singletons.push(single);
        field_names.push(names.iter().map(|n| intern(n)).collect());
        types.push(cls);
    }
    Ok(Classes { types, field_names, singletons })
}

/// Sums whose constructors all lack fields: their instances in a parsed tree
/// are shared.
fn is_simple_sum(base: &str) -> bool {
    matches!(base, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop")
}
