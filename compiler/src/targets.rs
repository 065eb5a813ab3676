//! Validation of assignment/deletion targets. The parser accepts any expression
//! on the left of `=`; CPython's grammar rejects invalid ones with specific
//! messages, which are reproduced here.

use crate::source::SourceMap;
use crate::CompileError;
use rustpython_parser::ast::{self, Constant, Expr, Ranged};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A target of `a = b = ...`, or the target of `a = ...` whose value
    /// does not start with a `bitwise_or`.
    Assign,
    /// The target of `a = value` with a value that starts with a `bitwise_or`:
    /// CPython then suggests '==' for an invalid target.
    AssignSingle,
    /// `for x in`, `with .. as x`, comprehension targets.
    For,
    AugAssign,
    AnnAssign,
    Del,
    NamedExpr,
}

/// CPython's name for an expression kind in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(c) => match c.value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

/// The first invalid sub-target of `e` (itself, or an element of a tuple/list).
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Starred(s) if !del => invalid_target(&s.value, del),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
            elts.iter().find_map(|e| invalid_target(e, del))
        }
        _ => Some(e),
    }
}

/// Whether CPython's grammar would see `e` as a `bitwise_or` expression, for which
/// it suggests `==` (the "here. Maybe you meant" variant of the message).
fn suggests_comparison(e: &Expr) -> bool {
    match e {
        Expr::Constant(c) => !matches!(c.value, Constant::None | Constant::Bool(_)),
        Expr::UnaryOp(u) => !matches!(u.op, ast::UnaryOp::Not),
        Expr::Call(_)
        | Expr::BinOp(_)
        | Expr::Yield(_)
        | Expr::YieldFrom(_)
        | Expr::Await(_)
        | Expr::Dict(_)
        | Expr::Set(_)
        | Expr::JoinedStr(_)
        | Expr::ListComp(_)
        | Expr::SetComp(_)
        | Expr::DictComp(_) => true,
        _ => false,
    }
}

pub fn check(src: &SourceMap, e: &Expr, kind: TargetKind) -> Result<(), CompileError> {
    match kind {
        TargetKind::AugAssign => match e {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => Ok(()),
            _ => Err(src.syntax_error(
                format!("'{}' is an illegal expression for augmented assignment", expr_name(e)),
                e.range(),
            )),
        },
        TargetKind::AnnAssign => match e {
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => Ok(()),
            Expr::Tuple(_) => Err(src.syntax_error("only single target (not tuple) can be annotated", e.range())),
            Expr::List(_) => Err(src.syntax_error("only single target (not list) can be annotated", e.range())),
            _ => Err(src.syntax_error("illegal target for annotation", e.range())),
        },
        TargetKind::NamedExpr => match e {
            Expr::Name(_) => Ok(()),
            _ => Err(src.syntax_error(format!("cannot use assignment expressions with {}", expr_name(e)), e.range())),
        },
        TargetKind::Del => match invalid_target(e, true) {
            None => Ok(()),
            Some(bad) => Err(src.syntax_error(format!("cannot delete {}", expr_name(bad)), bad.range())),
        },
        TargetKind::Assign | TargetKind::AssignSingle | TargetKind::For => match invalid_target(e, false) {
            None => Ok(()),
            Some(bad) => {
                let top = std::ptr::eq(bad, e);
                let msg = if kind == TargetKind::AssignSingle && top && suggests_comparison(bad) {
                    format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(bad))
                } else {
                    format!("cannot assign to {}", expr_name(bad))
                };
                Err(src.syntax_error(msg, bad.range()))
            }
        },
    }
}

/// Whether an annotated assignment's target is a bare name: the parser also
/// calls `(x): int` simple, but CPython does not (its annotation is not stored).
pub fn ann_is_simple(a: &ast::StmtAnnAssign) -> bool {
    a.simple && matches!(&*a.target, Expr::Name(_)) && a.target.range().start() == a.range.start()
}
