//! Prints the parser's AST of a file (debugging aid).
use rustpython_parser::{ast, Parse};
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    match ast::Suite::parse(&src, &path) {
        Ok(body) => println!("{body:#?}"),
        Err(e) => println!("{e:?}"),
    }
}
