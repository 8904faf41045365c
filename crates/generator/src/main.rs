//! Writes N generated household records as JSON Lines to standard output:
//! `cargo run --profile cli -p mucsong-generator -- N [--seed S] [--bad-every K] > households.jsonl`.
//! `--bad-every K` makes every K-th line a bad record (for error-path tests).

use mucsong_generator as gen_households;

use std::io::{BufWriter, Write};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut n, mut seed, mut bad_every) = (None, 2026_u64, 0_u64);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> u64 {
            let value = args.next().unwrap_or_default();
            value.parse().unwrap_or_else(|_| {
                fail(&format!(
                    "{name}: expected a whole number, but found {value:?}"
                ))
            })
        };
        match arg.as_str() {
            "--seed" => seed = number("--seed"),
            "--bad-every" => bad_every = number("--bad-every"),
            _ => {
                n = Some(
                    arg.parse::<u64>()
                        .unwrap_or_else(|_| fail(&format!("expected N, but found {arg:?}"))),
                )
            }
        }
    }
    let n = n.unwrap_or_else(|| fail("missing N"));
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 18, stdout.lock());
    // One line buffer for the whole stream, written as bytes (no formatting, no allocation per
    // line).
    let mut line = String::with_capacity(8192);
    for i in 0..n {
        line.clear();
        if bad_every > 0 && (i + 1) % bad_every == 0 {
            line.push_str(&gen_households::bad_line(i));
        } else {
            let record = gen_households::household(seed, i);
            gen_households::write_json_line(&record, &mut line);
        }
        line.push('\n');
        out.write_all(line.as_bytes()).expect("write");
    }
    out.flush().expect("write");
}

fn fail(message: &str) -> ! {
    eprintln!("gen_households: {message}\nusage: gen_households N [--seed S] [--bad-every K]");
    std::process::exit(2)
}
