//! The architecture as dependency facts (ARCHITECTURE.md's invariants): `cargo metadata` says what
//! each crate is built from, so a forbidden dependency fails here however it arrives (directly or
//! through another crate). What metadata cannot see — a use of `std::fs`, `std::io`, the clock or
//! the environment inside the pure crates — is checked by scanning their sources.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (this test belongs to the root package).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The dependency graph: package name → the names of its normal (not dev, not build)
/// dependencies, on every target.
fn normal_dependencies() -> &'static BTreeMap<String, BTreeSet<String>> {
    static GRAPH: std::sync::OnceLock<BTreeMap<String, BTreeSet<String>>> =
        std::sync::OnceLock::new();
    GRAPH.get_or_init(read_graph)
}

fn read_graph() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata's JSON");
    let name_of: BTreeMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let mut graph = BTreeMap::new();
    for node in metadata["resolve"]["nodes"].as_array().expect("resolve") {
        let deps = node["deps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| {
                d["dep_kinds"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|k| k["kind"].is_null())
            })
            .map(|d| name_of[d["pkg"].as_str().unwrap()].to_string())
            .collect();
        graph.insert(name_of[node["id"].as_str().unwrap()].to_string(), deps);
    }
    graph
}

/// Every package `package` is built from (its normal dependencies, transitively).
fn reach(graph: &BTreeMap<String, BTreeSet<String>>, package: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![package.to_string()];
    while let Some(p) = stack.pop() {
        for d in graph
            .get(&p)
            .unwrap_or_else(|| panic!("{p} is not in the workspace"))
        {
            if seen.insert(d.clone()) {
                stack.push(d.clone());
            }
        }
    }
    seen
}

/// Crates the pure layers must never be built from: the browser, the clock, files and formats.
fn is_forbidden_in_pure_crates(name: &str) -> bool {
    const WEB: [&str; 8] = [
        "leptos",
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "gloo",
        "reactive_graph",
        "tachys",
        "any_spawner",
    ];
    const CLOCK_AND_IO: [&str; 8] = [
        "chrono",
        "time",
        "jiff",
        "tokio",
        "async-std",
        "mio",
        "getrandom",
        "tempfile",
    ];
    const FORMATS: [&str; 6] = [
        "serde_json",
        "csv",
        "toml",
        "calamine",
        "rust_xlsxwriter",
        "zip",
    ];
    WEB.iter()
        .any(|w| name == *w || name.starts_with(&format!("{w}-")))
        || CLOCK_AND_IO.contains(&name)
        || FORMATS.contains(&name)
        || name == "mucsong-json"
        || name == "mucsong-formats"
}

#[test]
fn the_engine_and_the_rules_are_built_from_no_web_clock_io_or_format_crate() {
    let graph = normal_dependencies();
    for package in ["mucsong-rules", "mucsong-engine"] {
        let offences: Vec<_> = reach(graph, package)
            .into_iter()
            .filter(|d| is_forbidden_in_pure_crates(d))
            .collect();
        assert!(
            offences.is_empty(),
            "{package} depends on {offences:?}: the engine and the rule data must stay pure \
             (ARCHITECTURE.md, Invariants)"
        );
    }
}

#[test]
fn the_household_app_is_not_built_from_commune_mode() {
    let graph = normal_dependencies();
    let reached = reach(graph, "mucsong-app");
    for commune in ["mucsong-commune", "mucsong-commune-app"] {
        assert!(
            !reached.contains(commune),
            "the household app depends on {commune}: commune mode must stay out of the \
             household bundle"
        );
    }
    // The check sees real edges: the app does reach the engine and the shared widgets.
    assert!(reached.contains("mucsong-engine") && reached.contains("mucsong-widgets"));
}

#[test]
fn the_forbidden_list_catches_what_it_names() {
    // A test that can fail: the predicate is not vacuous.
    for name in [
        "leptos",
        "web-sys",
        "wasm-bindgen-futures",
        "chrono",
        "serde_json",
        "csv",
    ] {
        assert!(is_forbidden_in_pure_crates(name), "{name}");
    }
    for name in ["serde", "mucsong-rules", "serde_derive", "proc-macro2"] {
        assert!(!is_forbidden_in_pure_crates(name), "{name}");
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// What `cargo metadata` cannot see: the standard library's files, I/O, clock and environment.
#[test]
fn the_pure_crates_do_no_io_read_no_clock_and_no_environment() {
    const FORBIDDEN: [&str; 7] = [
        "std::fs",
        "std::io",
        "std::time",
        "SystemTime",
        "Instant",
        "std::env",
        "std::net",
    ];
    let mut files = Vec::new();
    for dir in ["crates/engine/src", "crates/rules/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() >= 10, "engine and rules files not found");
    let mut offences = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "forbidden in the pure crates:\n{}",
        offences.join("\n")
    );
}
