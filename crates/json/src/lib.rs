//! JSON values, text and syntax errors for household records and the app's saved data: a small
//! parser with line/column positions (columns in characters) and plain messages, and one writer
//! (compact, or indented by two spaces) whose text is byte for byte what serde_json writes.
//! Pure: no I/O.
//!
//! It exists so that the household app's download carries no serde code: serde compiles every
//! record type's reading and writing once per input and output kind, with error messages that
//! pull in Unicode tables. serde_json stays in the crate for results, explanations and the build.
//!
//! Decisions: numbers keep integers exact (`u64` / negative `i64`) and everything else as `f64`,
//! as serde_json does; objects keep their keys in document order, and a key given twice keeps
//! both entries (`get` sees the last one, as serde_json's map would) so that the household reader
//! can refuse the repeated field by name; nesting deeper than serde_json's limit is refused with
//! an error rather than overflowing the stack.

use std::fmt::{self, Write as _};

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: a whole number stays exact, anything else is the nearest `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A whole number ≥ 0.
    PosInt(u64),
    /// A whole number < 0.
    NegInt(i64),
    /// A number with a fraction or an exponent, or a whole number beyond 64 bits. Always finite.
    Float(f64),
}

impl Number {
    /// A finite float as a number; `None` for NaN and infinities (which JSON cannot write).
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number::Float(f))
    }

    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        if n < 0 {
            Number::NegInt(n)
        } else {
            Number::PosInt(n as u64)
        }
    }
}

impl fmt::Display for Number {
    /// As serde_json writes it: floats in the shortest form that reads back exactly, with `.0` on
    /// whole values and an exponent (`1e+16`, `1.5e-7`) outside 1e-5 ≤ |x| < 1e16. The one known
    /// difference: a float that needs 16 or 17 significant digits can have two shortest forms, and
    /// Rust writes the closer one where serde_json may write the other; both read back as the
    /// same float. (The app's answers are typed decimals, far shorter.)
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(x) => {
                let abs = x.abs();
                if abs != 0.0 && !(1e-5..1e16).contains(&abs) {
                    // `1.5e16` is written `1.5e+16`, `1.5e-7` as is.
                    let text = f64_exp_text(x);
                    match text.split_once('e') {
                        Some((digits, exponent)) if !exponent.starts_with('-') => {
                            write!(f, "{digits}e+{exponent}")
                        }
                        _ => f.write_str(&text),
                    }
                } else if x.fract() == 0.0 {
                    write!(f, "{}.0", f64_text(x))
                } else {
                    f.write_str(&f64_text(x))
                }
            }
        }
    }
}

/// A JSON object: its entries in document (or insertion) order. Records have a few dozen keys at
/// most, so a list is smaller and no slower than a map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.0.iter().rposition(|(k, _)| k == key)
    }

    /// The value of `key` (its last entry if it was given twice).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).map(|i| &self.0[i].1)
    }

    /// Sets `key`, keeping its place if it is there, else adding it at the end.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        let key = key.into();
        match self.position(&key) {
            Some(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    /// Adds an entry at the end without looking for `key` (the caller knows it is new).
    pub fn push(&mut self, key: impl Into<String>, value: Value) {
        self.0.push((key.into(), value));
    }

    /// The value of `key`, added as null at the end if missing.
    pub fn entry_or_null(&mut self, key: &str) -> &mut Value {
        let i = match self.position(key) {
            Some(i) => i,
            None => {
                self.0.push((key.to_string(), Value::Null));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.position(key).map(|i| self.0.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every entry in order, repeated keys included.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<(String, Value)> for Map {
    /// Entries in order; a repeated key keeps its first place and its last value.
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(entries: I) -> Map {
        let mut map = Map::new();
        for (k, v) in entries {
            map.insert(k, v);
        }
        map
    }
}

static NULL: Value = Value::Null;

impl Value {
    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// Item `index` of an array.
    pub fn at(&self, index: usize) -> Option<&Value> {
        self.as_array()?.get(index)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    /// The value as compact or indented (two spaces) text, as serde_json's `to_string` and
    /// `to_string_pretty` write it.
    pub fn to_text(&self, pretty: bool) -> String {
        let mut out = String::with_capacity(256);
        write_value(&mut out, self, pretty.then_some(0));
        out
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// The value of `key`, or null when this is not an object or has no such key.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;

    /// Item `index`, or null when this is not an array or is too short.
    fn index(&self, index: usize) -> &Value {
        self.at(index).unwrap_or(&NULL)
    }
}

impl fmt::Display for Value {
    /// Compact JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text(false))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(n.into())
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::Number(i64::from(n).into())
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(Number::PosInt(n.into()))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number::PosInt(n))
    }
}

impl From<f64> for Value {
    /// A finite float; NaN and infinities become null (as serde_json writes them).
    fn from(f: f64) -> Value {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `value`; `indent` is the current depth when pretty, `None` when compact.
fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            write_container(out, indent, ('[', ']'), items.iter(), |out, item, inner| {
                write_value(out, item, inner)
            })
        }
        Value::Object(map) => write_container(
            out,
            indent,
            ('{', '}'),
            map.0.iter(),
            |out, (key, value), inner| {
                write_string(out, key);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                write_value(out, value, inner);
            },
        ),
    }
}

/// Brackets, separators and (when pretty) newlines and indentation around a container's items.
fn write_container<T>(
    out: &mut String,
    indent: Option<usize>,
    (open, close): (char, char),
    items: impl ExactSizeIterator<Item = T>,
    mut write_item: impl FnMut(&mut String, T, Option<usize>),
) {
    out.push(open);
    let empty = items.len() == 0;
    let inner = indent.map(|depth| depth + 1);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, inner);
        write_item(out, item, inner);
    }
    if !empty {
        newline(out, indent);
    }
    out.push(close);
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// A JSON string with serde_json's escapes: the short forms, `\u00XX` (lower-case hex) for other
/// control characters, everything else as is.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xF)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// `text` as a JSON string (for messages that quote what was found).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text);
    out
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Why text is not JSON, and where: `line` is 1-based, `column` counts characters (Unicode
/// scalar values, as a person counts them; serde_json counts bytes) from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Error {
    /// Worded as serde_json words its syntax errors: `expected value at line 1 column 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// How deep arrays and objects may nest (serde_json's limit): deeper input is refused rather than
/// risking the stack.
pub const MAX_DEPTH: usize = 127;

/// Reads one JSON value that fills the whole text (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// An error placed as serde_json places it: at the character it could not take (or after the
    /// last one, when the text has ended), but counting characters where serde_json counts bytes.
    fn error(&self, message: &'static str) -> Error {
        let (line, column) = position(&self.bytes[..(self.at + 1).min(self.bytes.len())]);
        Error {
            message,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Value::String)
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        for expected in word.bytes() {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    /// Reads an array or object one level deeper, refusing too deep a nesting.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(entries)));
        }
        loop {
            match self.peek() {
                Some(b'"') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = self.value()?;
            entries.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map(entries)));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A string's contents, after its opening quote, up to and past its closing quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match byte {
                b'"' => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    self.escape(&mut out)?;
                    start = self.at;
                }
                0..=0x1F => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                _ => self.at += 1,
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(byte) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        let c = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.at += 1;
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by an escaped low one.
                        if self.peek() != Some(b'\\') || self.bytes.get(self.at + 1) != Some(&b'u')
                        {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone leading surrogate in hex escape"))
                    }
                    _ => first,
                };
                out.push(char::from_u32(code).expect("surrogates are handled above"));
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.at += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16),
            };
            let Some(digit) = digit else {
                return Err(self.error("invalid escape"));
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as a whole number when it has neither
    /// fraction nor exponent and fits in 64 bits.
    fn number(&mut self) -> Result<Number, Error> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error("invalid number")),
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
        if is_whole {
            let digits = if negative { &text[1..] } else { text };
            if let Ok(n) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Number::PosInt(n));
                }
                if n == 0 {
                    // serde_json reads `-0` as the float −0.
                    return Ok(Number::Float(-0.0));
                }
                if let Some(n) = 0i64.checked_sub_unsigned(n) {
                    return Ok(Number::NegInt(n));
                }
            }
        }
        // Rust's float parsing rounds correctly; beyond f64's range is an error, as in serde_json.
        // In the web build a compact reader stands in for it (see `float::parse`).
        #[cfg(not(target_arch = "wasm32"))]
        let parsed = text.parse::<f64>();
        #[cfg(target_arch = "wasm32")]
        let parsed = float::parse(text).ok_or(());
        match parsed {
            Ok(f) if f.is_finite() => Ok(Number::Float(f)),
            _ => {
                self.at = start;
                Err(self.error("number out of range"))
            }
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error("EOF while parsing a value")),
            Some(_) => Err(self.error("invalid number")),
        }
    }
}

/// The 1-based line, and the column in characters (Unicode scalar values), after reading `read`:
/// a newline starts a line at column 0. `read` may end inside a character, the one in error,
/// which then counts: a character is counted at its first byte (any byte but a continuation
/// byte `10xxxxxx`).
fn position(read: &[u8]) -> (usize, usize) {
    let line = 1 + read.iter().filter(|&&b| b == b'\n').count();
    let line_start = read.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = read[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, column)
}

pub use mucsong_float as float;
use mucsong_float::{f64_exp_text, f64_text};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_a_small_document() {
        let text =
            r#"{"a":[1,-2,3.5,"x\"y\u00e9\ud83d\ude00"],"b":{"c":null,"d":true},"e":[],"f":{}}"#;
        let value = parse(text).unwrap();
        assert_eq!(value["a"][3].as_str(), Some("x\"yé😀"));
        assert_eq!(value["a"][1].as_i64(), Some(-2));
        assert_eq!(value["b"]["c"], Value::Null);
        assert_eq!(value["missing"][7], Value::Null);
        assert_eq!(
            value.to_text(false),
            r#"{"a":[1,-2,3.5,"x\"yé😀"],"b":{"c":null,"d":true},"e":[],"f":{}}"#
        );
        assert_eq!(
            value.to_text(true),
            "{\n  \"a\": [\n    1,\n    -2,\n    3.5,\n    \"x\\\"yé😀\"\n  ],\n  \"b\": {\n    \"c\": null,\n    \"d\": true\n  },\n  \"e\": [],\n  \"f\": {}\n}"
        );
    }

    #[test]
    fn keys_keep_document_order_and_a_repeated_key_reads_as_its_last_value() {
        let value = parse(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        let map = value.as_object().unwrap();
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("b").unwrap().as_u64(), Some(3));
        let keys: Vec<&str> = map.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn numbers_keep_whole_numbers_exact() {
        let n = |text: &str| match parse(text).unwrap() {
            Value::Number(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(n("18446744073709551615"), Number::PosInt(u64::MAX));
        assert_eq!(n("-9223372036854775808"), Number::NegInt(i64::MIN));
        assert_eq!(
            n("18446744073709551616"),
            Number::Float(18446744073709551616.0)
        );
        assert_eq!(
            n("-9223372036854775809"),
            Number::Float(-9223372036854775809.0)
        );
        assert_eq!(n("1e3"), Number::Float(1000.0));
        assert_eq!(n("1E+3"), Number::Float(1000.0));
        assert_eq!(n("2.5e-3"), Number::Float(0.0025));
        assert_eq!(n("1e-400"), Number::Float(0.0));
        assert!(matches!(n("-0"), Number::Float(f) if f == 0.0 && f.is_sign_negative()));
        assert_eq!(parse("1e400").unwrap_err().message, "number out of range");
        assert_eq!(parse("-1e400").unwrap_err().message, "number out of range");
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        for (f, text) in [
            (60.0, "60.0"),
            (36.5, "36.5"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (1.5e-7, "1.5e-7"),
            (0.00001, "0.00001"),
            (-2.5e300, "-2.5e+300"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(Value::from(f).to_text(false), text);
            assert_eq!(serde_json::to_string(&f).unwrap(), text);
        }
        assert_eq!(Value::from(f64::NAN), Value::Null);
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        let error = |text: &str| parse(text).unwrap_err().to_string();
        assert_eq!(error("{\n\"area\": }"), "expected value at line 2 column 9");
        assert_eq!(
            error(r#"{"a":"#),
            "EOF while parsing a value at line 1 column 5"
        );
        assert_eq!(error(""), "EOF while parsing a value at line 1 column 0");
        assert_eq!(
            error(r#"{"a":1} x"#),
            "trailing characters at line 1 column 9"
        );
        assert_eq!(error(r#"{"a" 1}"#), "expected `:` at line 1 column 6");
        assert_eq!(error(r#"{"a":1,}"#), "trailing comma at line 1 column 8");
        assert_eq!(error("[1 2]"), "expected `,` or `]` at line 1 column 4");
        assert_eq!(error("{1:2}"), "key must be a string at line 1 column 2");
        assert_eq!(error("nul"), "EOF while parsing a value at line 1 column 3");
        assert_eq!(error("\"a\\x\""), "invalid escape at line 1 column 4");
        assert_eq!(error("01"), "invalid number at line 1 column 2");
        assert_eq!(
            error("\"\\ud800\""),
            "lone leading surrogate in hex escape at line 1 column 8"
        );
        assert_eq!(
            error("\"a\nb\""),
            "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0"
        );
        // Each of these agrees with serde_json's own message and place, once serde_json's column
        // (which counts bytes) is turned into characters.
        for text in [
            "{\n\"area\": }",
            r#"{"a":"#,
            r#"{"a":1} x"#,
            r#"{"a" 1}"#,
            "[1 2]",
            "{1:2}",
            "\"a\\x\"",
            r#"{"id": "Nguyễn Thị Hồng", "area": x}"#,
            "{\"tên\": \"Hồng\",\n\"xã\" 1}",
            "[\"ồ\" ễ]",
            "\"Hồng",
        ] {
            let ours = parse(text).unwrap_err();
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            let their_line = text.split('\n').nth(theirs.line() - 1).unwrap();
            let their_column = their_line.as_bytes()[..theirs.column()]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count();
            assert_eq!(
                (ours.line, ours.column),
                (theirs.line(), their_column),
                "{text}"
            );
            let their_message = theirs.to_string();
            assert!(
                their_message.starts_with(&format!("{} at line ", ours.message)),
                "{text}: {their_message}"
            );
        }
    }

    #[test]
    fn error_columns_count_characters_not_bytes() {
        let at = |text: &str| {
            let e = parse(text).unwrap_err();
            (e.line, e.column)
        };
        // ễ, ị and ồ are 3 bytes each: column 41 in bytes, 35 as the eye counts.
        assert_eq!(at(r#"{"id": "Nguyễn Thị Hồng", "area": x}"#), (1, 35));
        // The characters of earlier lines do not count; the one in error does, once.
        assert_eq!(at("{\"tên\": \"Hồng\",\n\"xã\" 1}"), (2, 6));
        assert_eq!(at("{ễ: 1}"), (1, 2));
        assert_eq!(at("[\"😀\" 2]"), (1, 6));
        assert_eq!(at("\"Hồng"), (1, 5));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
        let hostile = "{\"a\":".repeat(100_000);
        assert_eq!(
            parse(&hostile).unwrap_err().message,
            "recursion limit exceeded"
        );
    }

    #[test]
    fn strings_escape_control_characters_as_serde_json_does() {
        let s = "a\u{0}\u{1f}\u{7f}\u{8}\u{c}\n\r\t\"\\/é";
        assert_eq!(quote(s), serde_json::to_string(s).unwrap());
        assert_eq!(parse(&quote(s)).unwrap().as_str(), Some(s));
    }
}
