//! A generated archive (examples/gen_archive.rs, the benchmark's generator)
//! gives the same findings with 1 and 2 threads, and with and without the
//! cache; and its clean records stay clean, also checked against the
//! organisations' rosters.

use std::path::PathBuf;
use std::process::Command;

/// The generator, built by `cargo test` with the other examples (or built here).
fn generator() -> PathBuf {
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let exe = deps.parent().unwrap().join("examples").join(format!("gen_archive{}", std::env::consts::EXE_SUFFIX));
    if !exe.exists() {
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--example",
                "gen_archive",
                "--manifest-path",
                concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }
    exe
}

fn check(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bienban"))
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .arg(".")
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// `(path, rule)` of each violation the generator planted in `out`.
fn planted(out: &std::path::Path) -> std::collections::BTreeSet<(String, String)> {
    std::fs::read_to_string(out.join("violations.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (p, r) = l.split_once('\t').unwrap();
            (p.to_string(), r.to_string())
        })
        .collect()
}

/// `(path, rule)` of each finding of a JSON report.
fn found(json: &str) -> std::collections::BTreeSet<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["rule"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn records_agree_with_the_rosters_they_were_written_from() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("archive");
    let gen = Command::new(generator())
        .args(["--records", "1200", "--seed", "11", "--roster", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(gen.status.success(), "{gen:?}");
    // Every organisation has its roster, named in its bienban.toml.
    let orgs: Vec<PathBuf> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    assert!(orgs.len() > 3 && orgs.iter().all(|o| o.join("thanh-vien.toml").is_file()));
    // Names without diacritics, CRLF, roles after commas…: nothing but the planted violations.
    assert_eq!(found(&check(&out, &["--no-cache"])), planted(&out));
}

#[test]
fn threads_and_cache_do_not_change_findings() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("archive");
    let gen = Command::new(generator()).args(["--records", "1500", "--seed", "7", "--out"]).arg(&out).output().unwrap();
    assert!(gen.status.success(), "{gen:?}");
    let base = check(&out, &["--threads", "1", "--no-cache"]);
    let v: serde_json::Value = serde_json::from_str(&base).unwrap();
    assert!(v["files_checked"].as_u64().unwrap() >= 1400, "{}", v["files_checked"]);
    assert!(!v["diagnostics"].as_array().unwrap().is_empty(), "the generator plants violations");
    // Exactly the planted violations: (path, rule) from violations.tsv.
    assert_eq!(found(&base), planted(&out));
    assert_eq!(check(&out, &["--threads", "2", "--no-cache"]), base);
    assert_eq!(check(&out, &["--threads", "2"]), base, "first run, filling the cache");
    assert_eq!(check(&out, &["--threads", "1"]), base, "from the cache");
    assert_eq!(check(&out, &["--threads", "2"]), base, "from the cache");
}
