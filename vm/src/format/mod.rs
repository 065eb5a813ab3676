//! String formatting: the format-spec mini-language (`format()`), `str.format`
//! and `%`-formatting.

pub mod float_fmt;
pub mod percent;
pub mod spec;
pub mod str_format;
pub mod string_module;
