use super::*;
use crate::source::SourceMap;
