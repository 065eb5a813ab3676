//! String formatting: the format-spec mini-language (`format()`), `str.format`
//! and `%`-formatting.

pub mod percent;
pub mod spec;
pub mod str_format;
