//! The command-line tool: classifies household files with the same engine as the app.

fn main() {
    eprintln!("usage: mucsong classify [--as-of YYYY-MM-DD] FILE");
    std::process::exit(2);
}
