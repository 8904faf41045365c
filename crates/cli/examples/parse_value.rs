//! The yardstick of `scripts/bench-cli.sh`: parses every line of a JSON Lines file into a
//! `serde_json::Value` on one thread and prints how many lines parsed (and how many did not), so
//! the script can set the command line's rate beside merely parsing the same file.
//! `cargo run --profile cli -p mucsong-cli --example parse_value -- FILE`

use std::io::{BufRead, BufReader};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: parse_value FILE");
        std::process::exit(2)
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("parse_value: cannot open {path}: {e}");
        std::process::exit(2)
    });
    let mut input = BufReader::with_capacity(1 << 16, file);
    let (mut n_parsed, mut n_failed) = (0u64, 0u64);
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("parse_value: {path}: {e}");
                std::process::exit(2)
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(value) => {
                std::hint::black_box(value);
                n_parsed += 1;
            }
            Err(_) => n_failed += 1,
        }
    }
    println!("{n_parsed} {n_failed}");
}
