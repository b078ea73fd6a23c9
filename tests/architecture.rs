//! The layers of `src/`, kept by a test (in the spirit of rust-analyzer's
//! tidy tests): every module may import only the stages listed before it
//! in ARCHITECTURE.md's "Layer order" line. A back-pointing import fails
//! here, naming the file and the import; the fix is to move the type to
//! the stage that owns it, never to add an exception.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The layer order as ARCHITECTURE.md states it: the backticked names on
/// the line that starts with `**Layer order**`.
fn layer_order() -> Vec<String> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    let line = doc.lines().find(|l| l.starts_with("**Layer order**")).expect("ARCHITECTURE.md states the layer order");
    line.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's text without comments (doc comments mention paths freely).
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else if rest.starts_with("//") {
            rest = rest.find('\n').map_or("", |i| &rest[i..]);
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The crate-level names a path after `crate::` (or `super::` reaching the
/// root) starts with: one, or each of a `{…}` group's.
fn roots_after(s: &str) -> Vec<String> {
    let s = s.trim_start();
    let Some(group) = s.strip_prefix('{') else { return vec![ident(s).to_string()] };
    let mut depth = 0;
    let mut names = Vec::new();
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(group[start..i].trim()).to_string());
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(group[start..i].trim()).to_string());
                start = i + 1;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Every crate-level name a file's code refers to, with the text of the
/// reference (for the message).
fn references(rel: &Path, code: &str) -> Vec<(String, String)> {
    // The file's module path: src/rules/record/quorum.rs → [rules, record, quorum].
    let mut module: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    if let Some(last) = module.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" {
            module.push(stem.to_string());
        }
    }
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = &code[..at];
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `my_crate::`, not `crate::`
        }
        let after = &code[at + "crate::".len()..];
        let shown: String = code[at..].chars().take_while(|&c| c != ';' && c != '\n').collect();
        for name in roots_after(after) {
            out.push((name, shown.clone()));
        }
    }
    // `super::super::…` that climbs out of the file's layer to the crate root.
    for (at, _) in code.match_indices("super::") {
        if code[..at].ends_with("super::") || code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // counted from the first `super` of a chain
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        if ups >= module.len() {
            let shown: String = code[at..].chars().take_while(|&c| c != ';' && c != '\n').collect();
            for name in roots_after(rest) {
                out.push((name, shown.clone()));
            }
        }
    }
    out
}

/// Macros exported at the crate root (`crate::tr`) belong to the layer of
/// the file that defines them.
fn exported_macros(files: &[(PathBuf, String)]) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for (rel, code) in files {
        let mut rest = code.as_str();
        while let Some(i) = rest.find("#[macro_export]") {
            rest = &rest[i..];
            if let Some(j) = rest.find("macro_rules!") {
                let name = ident(rest[j + "macro_rules!".len()..].trim_start());
                m.insert(name.to_string(), layer_of(rel).unwrap_or_default());
            }
            rest = &rest[1..];
        }
    }
    m
}

/// A file's layer: its first folder, or its own name for a file at the top
/// of `src/`; `None` for the crate root (`lib.rs`, `main.rs`).
fn layer_of(rel: &Path) -> Option<String> {
    let first = rel.iter().next()?.to_string_lossy().into_owned();
    match first.as_str() {
        "lib.rs" | "main.rs" => None,
        f => Some(f.trim_end_matches(".rs").to_string()),
    }
}

/// Every import that breaks the order, as `file: import (layer → later layer)`;
/// also every module of `src/` that the order does not list.
fn violations(files: &[(PathBuf, String)], order: &[String]) -> Vec<String> {
    let rank = |l: &str| order.iter().position(|o| o == l);
    let macros = exported_macros(files);
    let mut bad = Vec::new();
    for (rel, code) in files {
        let Some(layer) = layer_of(rel) else { continue };
        let Some(mine) = rank(&layer) else {
            bad.push(format!("{}: the module `{layer}` is not in ARCHITECTURE.md's layer order", rel.display()));
            continue;
        };
        for (name, shown) in references(rel, code) {
            let target = macros.get(&name).cloned().unwrap_or(name);
            if let Some(theirs) = rank(&target) {
                if theirs > mine {
                    bad.push(format!(
                        "{}: `{}` — `{layer}` may not use `{target}`, a later stage",
                        rel.display(),
                        shown.trim()
                    ));
                }
            }
        }
    }
    bad
}

fn source_files() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let code = code_of(&std::fs::read_to_string(&p).unwrap());
            (p.strip_prefix(&src).unwrap().to_path_buf(), code)
        })
        .collect()
}

#[test]
fn imports_point_only_down_the_pipeline() {
    let order = layer_order();
    assert!(order.len() >= 8, "the layer order has the stages: {order:?}");
    let bad = violations(&source_files(), &order);
    assert!(bad.is_empty(), "imports that point up the pipeline:\n{}", bad.join("\n"));
}

#[test]
fn every_stage_folder_is_in_the_order_and_has_a_doc() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let order = layer_order();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if !p.is_dir() {
            continue;
        }
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(order.contains(&name), "src/{name}/ is not in ARCHITECTURE.md's layer order");
        let doc = std::fs::read_to_string(p.join("mod.rs")).unwrap_or_default();
        assert!(
            doc.starts_with("//!"),
            "src/{name}/mod.rs starts with a doc comment saying what comes in and goes out"
        );
    }
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let declared: Vec<&str> =
        lib.lines().filter_map(|l| l.strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';')).collect();
    assert_eq!(declared, order, "lib.rs declares the stages in the layer order");
}

// The checker itself, on made-up trees: it must catch what it claims to.

fn tree(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    files.iter().map(|(p, t)| (PathBuf::from(p), code_of(t))).collect()
}

fn order() -> Vec<String> {
    ["common", "model", "rules", "archive", "cli"].iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_back_pointing_import_is_named_with_its_file() {
    let bad = violations(&tree(&[("model/record.rs", "use crate::archive::run::Request;\n")]), &order());
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("model/record.rs") && bad[0].contains("crate::archive::run::Request"), "{bad:?}");
}

#[test]
fn groups_paths_in_code_supers_and_macros_are_all_read() {
    let files = tree(&[
        ("common/i18n.rs", "#[macro_export]\nmacro_rules! tr { () => {} }\n"),
        ("rules/record/quorum.rs", "use crate::{common::span::Span, cli::Cli};\n"),
        ("rules/mod.rs", "fn f() { let x = crate::archive::pass(); }\n"),
        ("rules/record/votes.rs", "use super::super::super::cli::run;\n"),
        ("common/span.rs", "use crate::tr;\n"),
        ("common/text.rs", "use crate::model::Record;\n"),
    ]);
    let bad = violations(&files, &order());
    assert_eq!(bad.len(), 4, "{bad:#?}");
    for f in ["rules/record/quorum.rs", "rules/mod.rs", "rules/record/votes.rs", "common/text.rs"] {
        assert!(bad.iter().any(|b| b.starts_with(f)), "{f} in {bad:#?}");
    }
}

#[test]
fn comments_downward_imports_and_the_crate_root_are_fine() {
    let files = tree(&[
        ("model/record.rs", "//! See crate::cli for the commands.\nuse crate::common::span::Span;\n"),
        ("cli/mod.rs", "use crate::{archive::run, model::Record};\n"),
        ("rules/record/quorum.rs", "use super::super::Context;\nmod tests { use super::*; }\n"),
        ("lib.rs", "pub mod cli;\n"),
    ]);
    assert!(violations(&files, &order()).is_empty());
}

#[test]
fn a_module_missing_from_the_order_is_reported() {
    let bad = violations(&tree(&[("stray/mod.rs", "")]), &order());
    assert_eq!(bad.len(), 1);
    assert!(bad[0].contains("`stray`"), "{bad:?}");
}
