//! The streaming household reader (`mucsong_formats::household_stream`, the native fast path of
//! JSON Lines) checked against the tree reader (`household::parse_household`, the one definition
//! of a household record): on generated records it must read every line, to the same record; on
//! damaged lines, whatever it reads must be what the tree reader reads, and what it refuses is
//! left to the tree reader (which words the problem), so a line's outcome never depends on which
//! reader took it.

use mucsong_engine::HouseholdRecord;
use mucsong_formats::household::{parse_household, to_text};
use mucsong_formats::household_stream::read_household_streaming;
use mucsong_formats::jsonl::parse_household_bytes;
use mucsong_generator::{self as gen_households, Rng};

const N: u64 = 2_000;

fn households() -> impl Iterator<Item = HouseholdRecord> {
    (0..N).map(|i| gen_households::household(14, i))
}

#[test]
fn generated_records_read_the_same_without_a_tree() {
    for (i, record) in households().enumerate() {
        for text in [
            gen_households::json_line(&record),
            to_text(&record, false),
            to_text(&record, true),
        ] {
            let streamed = read_household_streaming(&text)
                .unwrap_or_else(|| panic!("household {i} was left to the tree reader:\n{text}"));
            assert_eq!(streamed, record, "household {i}");
            assert_eq!(Ok(streamed), parse_household(&text), "household {i}");
        }
    }
}

/// Numbers at the edges of the tree reader's classes (whole, negative, float, out of range).
const NUMBERS: &[&str] = &[
    "-0",
    "0",
    "-1",
    "01",
    "1.0",
    "0.5",
    "1e2",
    "1E+2",
    "2e-1",
    "1.",
    "-",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "1e400",
];

/// Texts to put in a string's place or around a value.
const PIECES: &[&str] = &[
    "\"",
    ",",
    "}",
    "{",
    "]",
    "[",
    ":",
    " ",
    "\\",
    "n",
    "null",
    "true",
    "\"a\\u0062\"",
    "\"\\n\"",
    "\"x\":1,",
    "\"id\":\"x\",",
    "\t",
    "\u{1}",
    "é",
];

/// One damaged copy of `line`.
fn damage(line: &str, r: &Rng) -> String {
    let bytes = line.as_bytes();
    let mut at = r.range(0, bytes.len() as i64 - 1) as usize;
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let (head, tail) = line.split_at(at);
    match r.range(0, 4) {
        // Drop one character.
        0 => {
            let next = tail.chars().next().map_or(0, char::len_utf8);
            format!("{head}{}", &tail[next..])
        }
        // Insert a piece.
        1 => format!("{head}{}{tail}", r.pick(PIECES)),
        // Replace the number that starts at or after `at` with an edge case.
        2 => match tail.find(|c: char| c.is_ascii_digit()) {
            Some(start) => {
                let number = &tail[start..];
                let len = number
                    .find(|c: char| !(c.is_ascii_digit() || ".eE+-".contains(c)))
                    .unwrap_or(number.len());
                format!(
                    "{head}{}{}{}",
                    &tail[..start],
                    r.pick(NUMBERS),
                    &number[len..]
                )
            }
            None => format!("{head}{}", r.pick(NUMBERS)),
        },
        // Replace a string with another kind of value.
        3 => match tail.find('"') {
            Some(start) => match tail[start + 1..].find('"') {
                Some(len) => format!(
                    "{head}{}{}{}",
                    &tail[..start],
                    r.pick(PIECES),
                    &tail[start + len + 2..]
                ),
                None => format!("{head}{}", r.pick(PIECES)),
            },
            None => format!("{head}{}", r.pick(PIECES)),
        },
        // Rename a field.
        _ => line.replacen("\"sex\"", "\"sexx\"", 1),
    }
}

#[test]
fn damaged_lines_read_as_the_tree_reader_reads_them() {
    let r = Rng::new(14);
    let (mut n_streamed, mut n_left) = (0, 0);
    for (i, record) in households().enumerate() {
        let line = gen_households::json_line(&record);
        for _ in 0..8 {
            let text = damage(&line, &r);
            let tree = parse_household(&text);
            match read_household_streaming(&text) {
                Some(streamed) => {
                    n_streamed += 1;
                    assert_eq!(
                        Ok(&streamed),
                        tree.as_ref(),
                        "household {i}, streamed but not so read by the tree reader:\n{text}"
                    );
                }
                None => n_left += 1,
            }
            // The JSON Lines path (streaming first) gives exactly the tree reader's outcome.
            let via_lines = parse_household_bytes(text.as_bytes(), Some(3));
            assert_eq!(
                via_lines.is_ok(),
                tree.is_ok(),
                "household {i}, the JSON Lines path differs:\n{text}"
            );
            if let (Ok(a), Ok(b)) = (&via_lines, &tree) {
                assert_eq!(a, b, "household {i}:\n{text}");
            }
        }
    }
    // Both outcomes must be exercised, or the test proves nothing.
    assert!(
        n_streamed > 1_000 && n_left > 1_000,
        "{n_streamed} damaged lines streamed, {n_left} left to the tree reader"
    );
}
