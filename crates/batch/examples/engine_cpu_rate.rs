//! The engine's rate in households per CPU second of the measuring thread, on the classify
//! bench's 2,000 generated households: `assess_result` (the result record alone) and `assess`
//! (with the explanation), five rounds each, printed as min / median / max. Criterion's figures
//! are wall-clock, which a machine shared with other work stretches by however long the thread
//! waits for a core; the thread's own CPU time (Linux `/proc/thread-self/schedstat`) does not
//! count that wait.
//!
//!   cargo run --profile cli -p mucsong-batch --example engine_cpu_rate [ROUNDS]
//!
//! ROUNDS (default 300) passes over the households are split into the five rounds.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use mucsong_engine::{self as engine, AssessOptions};
use std::hint::black_box;

/// Nanoseconds this thread has run on a CPU.
fn thread_cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("/proc/thread-self/schedstat (Linux)");
    stat.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("the run time in nanoseconds")
}

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .map_or(300, |a| a.parse().expect("ROUNDS: a whole number"));
    let records: Vec<_> = (0..2_000)
        .map(|i| mucsong_generator::household(2026, i))
        .collect();
    let options = AssessOptions::default();
    for explain in [false, true] {
        let mut rates = Vec::new();
        for _ in 0..5 {
            let start = thread_cpu_ns();
            for _ in 0..(passes / 5).max(1) {
                for record in &records {
                    if explain {
                        let _ = black_box(engine::assess(black_box(record), &options));
                    } else {
                        let _ = black_box(engine::assess_result(black_box(record), &options));
                    }
                }
            }
            let seconds = (thread_cpu_ns() - start) as f64 / 1e9;
            rates.push(((passes / 5).max(1) * records.len()) as f64 / seconds);
        }
        rates.sort_by(f64::total_cmp);
        println!(
            "{}: {:.0} / {:.0} / {:.0} households per CPU second (min / median / max of 5 rounds)",
            if explain {
                "assess (with the explanation)"
            } else {
                "assess_result (result record only)"
            },
            rates[0],
            rates[2],
            rates[4]
        );
    }
}
