//! A household read straight from JSON text into the record's fields (the engine's field API,
//! `Fields`/`Slot`), with no JSON tree in between: the fast path of JSON Lines on native builds
//! (the command line, benches). The household and commune pages keep the tree reader alone, so
//! their wasm does not carry this one.
//!
//! It takes a subset of what the tree reader (`household::read_household`) takes and gives the
//! same record for it: every field of a well-formed record, strings without escapes. Anything
//! else — a problem of any kind, an escape, a number out of range — gives `None`, and the caller
//! reads the text again with the tree reader, which gives the record or words the problem. So
//! a record's messages are the tree reader's, byte for byte, and the tree reader stays the one
//! definition of what a household is; `tests/it/json.rs` runs both on generated and damaged
//! lines.

use mucsong_engine::household::{Fields, HouseholdRecord, Slot};

/// Reads one household from JSON text, or `None` when the text is anything but a plain,
/// well-formed household record (the tree reader then says what it is).
pub fn read_household_streaming(text: &str) -> Option<HouseholdRecord> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let mut record = HouseholdRecord::default();
    reader.whitespace();
    reader.record(&mut record)?;
    reader.whitespace();
    (reader.at == reader.bytes.len()).then_some(record)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
}

/// A JSON number as the tree reader classifies it (`mucsong_json::Number`).
#[derive(Clone, Copy)]
enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Takes `byte` (after whitespace), or fails.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end) == Some(word)).then(|| self.at = end)
    }

    /// An object into a record: known fields, each at most once (as the tree reader checks).
    fn record(&mut self, record: &mut dyn Fields) -> Option<()> {
        self.expect(b'{')?;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(());
        }
        let names = record.names();
        let mut seen = 0u64;
        // Files usually list fields in formats.md order (some left out): look from the field
        // after the last one on, then before it.
        let mut next = 0;
        loop {
            self.expect(b'"')?;
            // Each candidate name is tried against the text in place (a length and a few words
            // compared), so a key is never scanned as a string first.
            let after = next.min(names.len());
            let index = (after..names.len())
                .chain(0..after)
                .find(|&i| self.take_name(names.get(i)))?;
            if seen & (1 << index) != 0 {
                return None;
            }
            seen |= 1 << index;
            next = index + 1;
            self.expect(b':')?;
            self.slot(record.slot(index))?;
            self.whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Takes `"name"` (after its opening quote) if the text has that key here.
    fn take_name(&mut self, name: Option<&&str>) -> bool {
        let Some(name) = name.map(|n| n.as_bytes()) else {
            return false;
        };
        let rest = &self.bytes[self.at..];
        let is_here = rest.get(name.len()) == Some(&b'"') && same_bytes(&rest[..name.len()], name);
        if is_here {
            self.at += name.len() + 1;
        }
        is_here
    }

    /// One answer into its place; null is unknown for every kind of answer.
    fn slot(&mut self, slot: Slot) -> Option<()> {
        self.whitespace();
        if self.peek() == Some(b'n') {
            self.word(b"null")?;
            slot.clear();
            return Some(());
        }
        match slot {
            Slot::Text(place) => {
                self.expect(b'"')?;
                *place = Some(self.string()?.to_string());
            }
            Slot::Bool(place) => {
                *place = Some(match self.peek()? {
                    b't' => self.word(b"true").map(|()| true)?,
                    b'f' => self.word(b"false").map(|()| false)?,
                    _ => return None,
                })
            }
            Slot::Number(place) => {
                *place = Some(match self.number()? {
                    Number::PosInt(n) => n as f64,
                    Number::NegInt(n) => n as f64,
                    Number::Float(f) => f,
                })
            }
            Slot::Count(place) => match self.number()? {
                Number::PosInt(n) if n <= u64::from(u32::MAX) => *place = Some(n as u32),
                _ => return None,
            },
            Slot::Money(place) => match self.number()? {
                Number::NegInt(n) => *place = Some(n),
                Number::PosInt(n) if n <= i64::MAX as u64 => *place = Some(n as i64),
                _ => return None,
            },
            Slot::Key(place) => {
                self.expect(b'"')?;
                let found = self.string()?;
                let index = place.keys().iter().position(|key| same(key, found))?;
                place.set_index(Some(index));
            }
            Slot::Record(place) => self.record(place.get_or_insert())?,
            Slot::List(list) => {
                self.expect(b'[')?;
                list.set_empty();
                self.whitespace();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.record(list.push())?;
                    self.whitespace();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
        }
        Some(())
    }

    /// A string's contents after its opening quote, up to and past its closing quote; `None`
    /// for an escape or a control character (left to the tree reader).
    fn string(&mut self) -> Option<&str> {
        let start = self.at;
        let rest = &self.bytes[start..];
        let end = string_end(rest)?;
        if rest[end] != b'"' {
            return None;
        }
        self.at = start + end + 1;
        // Both ends are ASCII bytes of a `str`, so this is a whole string.
        self.text.get(start..start + end)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, classified as the tree reader does.
    fn number(&mut self) -> Option<Number> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return None;
                }
            }
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let mut is_whole = true;
        if self.peek() == Some(b'.') {
            is_whole = false;
            self.at += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            is_whole = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let text = &self.text[start..self.at];
        // `18.0`, `300.0`: a whole number written with `.0` (most decimals in households) is the
        // float of its integer part, exactly, below 2^53; read without the float parser.
        if let Some(int) = text.strip_suffix(".0") {
            if !negative && int.len() <= 15 && int.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(n) = int.parse::<u64>() {
                    return Some(Number::Float(n as f64));
                }
            }
        }
        if is_whole {
            let digits = if negative { &text[1..] } else { text };
            if let Ok(n) = digits.parse::<u64>() {
                if !negative {
                    return Some(Number::PosInt(n));
                }
                if n == 0 {
                    return Some(Number::Float(-0.0));
                }
                if let Some(n) = 0i64.checked_sub_unsigned(n) {
                    return Some(Number::NegInt(n));
                }
            }
        }
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Some(Number::Float(f)),
            _ => None,
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Option<()> {
        match self.peek()? {
            b'0'..=b'9' => {
                self.digits();
                Some(())
            }
            _ => None,
        }
    }
}

/// Whether two field names or keys are the same text. They are a few to thirty bytes long and
/// compared a hundred times a record, so inline, eight bytes at a time, rather than a call to
/// `memcmp` each (which was a tenth of the command line's time).
fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let mut at = 0;
    while at + 8 <= a.len() {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    if a.len() >= 8 {
        // The last eight bytes, overlapping the ones compared.
        return word(a, a.len() - 8) == word(b, a.len() - 8);
    }
    let mut x = 0u64;
    let mut y = 0u64;
    for (i, (p, q)) in a.iter().zip(b).enumerate() {
        x |= u64::from(*p) << (8 * i);
        y |= u64::from(*q) << (8 * i);
    }
    x == y
}

/// The position of the first `"`, `\\` or control character (below 0x20) in `bytes`: eight
/// bytes at a time (strings are mostly a few words long, but some are ids and dates).
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Where a byte of `x` is zero the result has its high bit set; it may also be set, as a false
    // alarm, above a byte that is flagged (a borrow), never below the first one sought: the scan
    // goes on byte by byte from the first flag.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Bytes below 0x20, once the high bit is cleared (non-ASCII bytes are ≥ 0x80).
        let low = (x & !HIGH).wrapping_sub(ONES * 0x20) & !x & HIGH;
        let found = zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) | low;
        if found != 0 {
            // The first flagged byte is at or before the first one sought.
            at += found.trailing_zeros() as usize / 8;
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}
