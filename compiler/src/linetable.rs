//! The compact position table: one [`Position`] per instruction word, run-length
//! encoded. Each run is `count, line delta (zigzag, from the previous run's line),
//! end_line - line, col + 1, end_col + 1` as LEB128 varints; `col + 1 == 0` means
//! "no column". Lookups scan runs; they only happen for tracebacks and `f_lineno`.

use crate::code::Position;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn get_varint(data: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let byte = *data.get(*pos)?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Encodes one position per instruction word.
pub fn encode(positions: &[Position]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev_line = 0i64;
    let mut i = 0;
    while i < positions.len() {
        let p = positions[i];
        let mut run = 1;
        while i + run < positions.len() && positions[i + run] == p {
            run += 1;
        }
        put_varint(&mut out, run as u64);
        put_varint(&mut out, zigzag(i64::from(p.line) - prev_line));
        put_varint(&mut out, u64::from(p.end_line.saturating_sub(p.line)));
        put_varint(&mut out, u64::from(p.col) + 1);
        put_varint(&mut out, u64::from(p.end_col) + 1);
        prev_line = i64::from(p.line);
        i += run;
    }
    out
}

/// Iterates over `(first instruction index, run length, position)` runs.
pub fn runs(table: &[u8]) -> impl Iterator<Item = (usize, usize, Position)> + '_ {
    let mut pos = 0;
    let mut index = 0usize;
    let mut line = 0i64;
    std::iter::from_fn(move || {
        let count = get_varint(table, &mut pos)? as usize;
        line += unzigzag(get_varint(table, &mut pos)?);
        let end_delta = get_varint(table, &mut pos)?;
        let col = get_varint(table, &mut pos)?.saturating_sub(1);
        let end_col = get_varint(table, &mut pos)?.saturating_sub(1);
        let p = Position {
            line: line as u32,
            end_line: (line as u64 + end_delta) as u32,
            col: col as u32,
            end_col: end_col as u32,
        };
        let first = index;
        index += count;
        Some((first, count, p))
    })
}

/// The position of the instruction at `index` (default if out of range).
pub fn position_at(table: &[u8], index: usize) -> Position {
    for (first, count, p) in runs(table) {
        if index < first + count {
            return p;
        }
    }
    Position::default()
}

/// Decodes the whole table, one position per instruction.
pub fn decode(table: &[u8]) -> Vec<Position> {
    let mut out = Vec::new();
    for (_, count, p) in runs(table) {
        out.extend(std::iter::repeat_n(p, count));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = |line, col| Position { line, end_line: line + 1, col, end_col: col + 4 };
        let positions = vec![p(3, 0), p(3, 0), p(1, 7), Position::default(), p(400, 1000)];
        let table = encode(&positions);
        assert_eq!(decode(&table), positions);
        assert_eq!(position_at(&table, 2), p(1, 7));
        assert_eq!(position_at(&table, 99), Position::default());
    }
}
