//! Dependencies point one way (README "How the code is laid out"): the entry points mount
//! the UI; the UI uses the engines and the browser services; the engines and the browser
//! services use `content` (and the small shared helpers); `content` uses nothing of ours.
//! This test reads every module under `src/` and fails on an import that points the other way,
//! naming the file and the module it reached for.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Each top-level module and the top-level modules it may use. `json_struct`, `json_named` and
/// `lazy_part` are the crate's macros (from `content` and `ui::lazy`), named through `crate::`.
const ALLOWED: &[(&str, &[&str])] = &[
    ("content", &["json_struct", "json_named"]),
    ("numfmt", &[]),
    ("nav", &["content"]),
    ("quiz", &["content", "numfmt", "json_struct", "json_named"]),
    ("myths", &["content", "numfmt", "json_struct", "json_named"]),
    ("cost", &["content", "numfmt", "json_struct", "json_named"]),
    (
        "options",
        &["content", "numfmt", "json_struct", "json_named"],
    ),
    // The embed's attributes are checked against the estimator's routes and currencies.
    ("embed_config", &["content", "cost", "nav", "numfmt"]),
    // Browser services only: never an engine, the UI or an entry point.
    ("platform", &["content", "nav", "numfmt"]),
    (
        "ui",
        &[
            "content",
            "numfmt",
            "nav",
            "quiz",
            "myths",
            "cost",
            "options",
            "embed_config",
            "platform",
            "json_struct",
            "json_named",
            "lazy_part",
        ],
    ),
    (
        "entry",
        &[
            "content",
            "nav",
            "embed_config",
            "platform",
            "ui",
            "json_struct",
            "json_named",
            "lazy_part",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/quiz/state.rs` → `quiz`).
fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

/// The modules a file names through `crate::` — in paths (`crate::quiz::Step`) and in grouped
/// imports (`use crate::{content, nav::Place}`) — with line comments left out.
fn crate_modules(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Every item at the group's top level: `{content, nav::Place, quiz::{A, B}}`.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        found.insert(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn dependencies_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let top = top_module(&src, file);
        if top == "lib" || top == "main" {
            continue;
        }
        seen.insert(top.clone());
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == top) else {
            wrong.push(format!(
                "{}: module `{top}` is not in this test's table: say what it may use",
                file.display()
            ));
            continue;
        };
        let text = fs::read_to_string(file).expect("read a source file");
        for used in crate_modules(&text) {
            if used != top && !allowed.contains(&used.as_str()) {
                wrong.push(format!("{}: `{top}` uses `crate::{used}`", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point the wrong way:\n{}",
        wrong.join("\n")
    );
    // The table names no module that no longer exists.
    for (module, _) in ALLOWED {
        assert!(seen.contains(*module), "no module `{module}` under src/");
    }
}

#[test]
fn the_import_reader_sees_paths_and_groups() {
    let text = "use crate::{content::{self, Locale}, nav::Place};\n\
                let x = crate::quiz::Step::Review; // crate::ui in a comment\n\
                crate::json_struct! {}";
    let found: Vec<String> = crate_modules(text).into_iter().collect();
    assert_eq!(found, ["content", "json_struct", "nav", "quiz"]);
}
