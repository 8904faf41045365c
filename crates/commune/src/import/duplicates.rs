//! Household ids that occur on more than one row or line of a file, and how the officer resolves
//! each: keep the later row in place of the earlier (`Replace`), keep both (`KeepBoth`: the
//! cross-check then flags the repeated id), or keep the first and skip the later ones (`Skip`).
//! Nothing is dropped until the officer has chosen; what is dropped is blanked, not removed, so
//! every other row keeps its line for messages. Used for imported sheets (their summary CSV) and
//! for JSON Lines alike.

use crate::run::Bytes;
use mucsong_formats::jsonl::{parse_household_bytes, UTF8_BOM};
use mucsong_formats::JsonLinesReader;
use std::collections::HashMap;

/// One id on several rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: String,
    /// The lines (rows) that carry it, in file order; at least two.
    pub lines: Vec<u64>,
}

/// What to do with a repeated id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The last row replaces the earlier ones.
    Replace,
    /// Every row stays a household of its own.
    KeepBoth,
    /// The first row stays; the later ones are skipped.
    Skip,
}

impl Resolution {
    pub const ALL: [Resolution; 3] = [Resolution::Replace, Resolution::KeepBoth, Resolution::Skip];

    pub fn key(self) -> &'static str {
        match self {
            Resolution::Replace => "replace",
            Resolution::KeepBoth => "keep_both",
            Resolution::Skip => "skip",
        }
    }

    /// The lines of `duplicate` this resolution drops.
    pub fn dropped(self, duplicate: &Duplicate) -> Vec<u64> {
        let n = duplicate.lines.len();
        match self {
            Resolution::Replace => duplicate.lines[..n - 1].to_vec(),
            Resolution::KeepBoth => Vec::new(),
            Resolution::Skip => duplicate.lines[1..].to_vec(),
        }
    }
}

/// Finds repeated ids as they come, one at a time (so a page's time slices share the work).
#[derive(Debug, Default)]
pub struct DuplicateFinder {
    /// Each id's first line, or its place in `repeated` once it is met again.
    seen: HashMap<String, Seen>,
    repeated: Vec<Duplicate>,
}

#[derive(Debug)]
enum Seen {
    Once(u64),
    Repeated(usize),
}

impl DuplicateFinder {
    /// The id of the household on `line`.
    pub fn push(&mut self, line: u64, id: &str) {
        match self.seen.get_mut(id) {
            None => {
                self.seen.insert(id.to_string(), Seen::Once(line));
            }
            Some(seen) => match *seen {
                Seen::Repeated(i) => self.repeated[i].lines.push(line),
                Seen::Once(first) => {
                    *seen = Seen::Repeated(self.repeated.len());
                    self.repeated.push(Duplicate {
                        id: id.to_string(),
                        lines: vec![first, line],
                    });
                }
            },
        }
    }

    /// The ids met more than once, in the order their second occurrence was met.
    pub fn finish(self) -> Vec<Duplicate> {
        self.repeated
    }
}

/// The ids that occur more than once, in the order their second occurrence is met.
pub fn find_duplicates<'a>(ids: impl Iterator<Item = (u64, &'a str)>) -> Vec<Duplicate> {
    let mut finder = DuplicateFinder::default();
    for (line, id) in ids {
        finder.push(line, id);
    }
    finder.finish()
}

/// The lines dropped by resolving each duplicate as chosen (`choices[i]` for `duplicates[i]`).
pub fn dropped_lines(duplicates: &[Duplicate], choices: &[Resolution]) -> Vec<u64> {
    let mut lines: Vec<u64> = duplicates
        .iter()
        .zip(choices)
        .flat_map(|(d, r)| r.dropped(d))
        .collect();
    lines.sort_unstable();
    lines
}

/// `text` with the lines numbered in `lines` (from 1) replaced by `filler` (JSON Lines: nothing;
/// an imported sheet's CSV: its separator, a row of empty cells).
pub fn blank_lines(text: &[u8], lines: &[u64], filler: &[u8]) -> Vec<u8> {
    if lines.is_empty() {
        return text.to_vec();
    }
    let mut out = Vec::with_capacity(text.len());
    for (i, line) in text.split_inclusive(|&b| b == b'\n').enumerate() {
        if lines.binary_search(&(i as u64 + 1)).is_ok() {
            out.extend_from_slice(filler);
            if line.ends_with(b"\n") {
                out.push(b'\n');
            }
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

/// The household ids of a JSON Lines file, by line (lines that cannot be read have none).
pub fn json_lines_duplicates(bytes: &[u8]) -> Vec<Duplicate> {
    let mut ids: Vec<(u64, String)> = Vec::new();
    for item in JsonLinesReader::new(bytes) {
        let Ok(item) = item else { break };
        if let Ok(record) = item.record {
            if let Some(id) = record.id.filter(|id| !id.trim().is_empty()) {
                ids.push((item.line, id));
            }
        }
    }
    find_duplicates(ids.iter().map(|(line, id)| (*line, id.as_str())))
}

/// The household ids of a JSON Lines file read a few lines per `step`, for a page's time
/// slices: the same lines and records as `json_lines_duplicates`.
pub struct JsonLinesIds {
    bytes: Bytes,
    position: usize,
    line: u64,
    ids: DuplicateFinder,
}

impl JsonLinesIds {
    pub fn new(bytes: Bytes) -> JsonLinesIds {
        let position = if bytes.starts_with(UTF8_BOM) {
            UTF8_BOM.len()
        } else {
            0
        };
        JsonLinesIds {
            bytes,
            position,
            line: 0,
            ids: DuplicateFinder::default(),
        }
    }

    /// Reads up to `max_lines` more lines; true at the end.
    pub fn step(&mut self, max_lines: usize) -> bool {
        for _ in 0..max_lines {
            if self.position >= self.bytes.len() {
                return true;
            }
            let rest = &self.bytes[self.position..];
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |i| i + 1);
            let text = &rest[..end];
            self.position += end;
            self.line += 1;
            if text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if let Ok(record) = parse_household_bytes(text, Some(self.line)) {
                if let Some(id) = record.id.filter(|id| !id.trim().is_empty()) {
                    self.ids.push(self.line, &id);
                }
            }
        }
        self.position >= self.bytes.len()
    }

    /// Bytes read and the file's size.
    pub fn progress(&self) -> (u64, u64) {
        (self.position as u64, self.bytes.len() as u64)
    }

    /// The repeated ids of the lines read.
    pub fn finish(self) -> Vec<Duplicate> {
        self.ids.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_are_found_in_order_and_resolved_three_ways() {
        let ids = [
            (2, "h1"),
            (3, "h2"),
            (4, "h1"),
            (5, "h3"),
            (6, "h2"),
            (7, "h1"),
        ];
        let duplicates = find_duplicates(ids.into_iter());
        assert_eq!(
            duplicates,
            [
                Duplicate {
                    id: "h1".into(),
                    lines: vec![2, 4, 7]
                },
                Duplicate {
                    id: "h2".into(),
                    lines: vec![3, 6]
                },
            ]
        );
        assert_eq!(Resolution::Replace.dropped(&duplicates[0]), [2, 4]);
        assert_eq!(Resolution::Skip.dropped(&duplicates[0]), [4, 7]);
        assert!(Resolution::KeepBoth.dropped(&duplicates[0]).is_empty());
        assert_eq!(
            dropped_lines(&duplicates, &[Resolution::Skip, Resolution::Replace]),
            [3, 4, 7]
        );
    }

    #[test]
    fn blanked_lines_keep_every_other_line_in_place() {
        assert_eq!(blank_lines(b"a\nb\nc\nd", &[2, 4], b""), b"a\n\nc\n");
        assert_eq!(blank_lines(b"a\r\nb\r\n", &[1], b"\"\""), b"\"\"\nb\r\n");
    }

    #[test]
    fn json_lines_ids_are_read_from_the_records() {
        let text = b"{\"id\":\"a\"}\n{\"id\":\"b\"}\n\n{\"id\":\"a\"}\nnot json\n";
        let expected = [Duplicate {
            id: "a".into(),
            lines: vec![1, 4],
        }];
        assert_eq!(json_lines_duplicates(text), expected);
        // In steps, as the page reads them.
        let mut ids = JsonLinesIds::new(Bytes::new(text.to_vec()));
        while !ids.step(2) {}
        assert_eq!(ids.finish(), expected);
    }
}
