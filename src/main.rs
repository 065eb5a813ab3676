fn main() { println!("ember: not yet"); }
