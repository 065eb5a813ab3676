//! Unicode character classes the runtime needs without a full database.

/// Whether a code point is unassigned in Unicode (approximation: the
/// noncharacters and the unassigned planes).
pub fn is_unassigned(c: char) -> bool {
    let v = c as u32;
    (0xFDD0..=0xFDEF).contains(&v) || (v & 0xFFFE) == 0xFFFE || (0x30000..0xE0000).contains(&v) && v > 0x3134F
}
