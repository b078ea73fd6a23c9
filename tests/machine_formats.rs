//! Machine formats that real consumers accept (issue 13, point 4): SARIF
//! paths relative to the repository or archive root and fingerprints that
//! do not depend on how bienban is started, rule names distinct from ids
//! with help from each rule's doc; GitLab paths relative to the
//! repository; JUnit with one test case per file and counts that agree.
//! (`tests/sh/sarif-multitool.sh` runs Microsoft's validator as well.)

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::copy_dir;

/// A repository (`.git`) holding a copy of `samples/` in `minutes/`.
fn repository() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::create_dir(d.path().join(".git")).unwrap();
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples"), &d.path().join("minutes"));
    d
}

fn out(cwd: &Path, args: &[&str]) -> String {
    let o = Command::cargo_bin("bienban")
        .unwrap()
        .current_dir(cwd)
        .env("BIENBAN_CACHE_DIR", std::env::temp_dir().join("bienban-machine-formats-cache"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

/// uri → fingerprints of a SARIF run's results.
fn sarif_prints(sarif: &str) -> BTreeMap<String, Vec<String>> {
    let v: Value = serde_json::from_str(sarif).unwrap();
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in v["runs"][0]["results"].as_array().unwrap() {
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uriBaseId"], "%SRCROOT%", "{loc}");
        let uri = loc["uri"].as_str().unwrap().to_string();
        assert!(!uri.starts_with('/') && !uri.contains("..") && !uri.starts_with("file:"), "{uri}");
        m.entry(uri).or_default().push(r["partialFingerprints"]["bienbanFindingHash/v1"].as_str().unwrap().to_string());
        for rel in r["relatedLocations"].as_array().into_iter().flatten() {
            let u = rel["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
            assert!(u.starts_with("minutes/2021/"), "{u}");
        }
    }
    m
}

#[test]
fn sarif_paths_and_fingerprints_do_not_depend_on_how_bienban_is_started() {
    let d = repository();
    let root = d.path();
    let btv = root.join("minutes/2021/btv");
    let from_root = sarif_prints(&out(root, &["check", "--format", "sarif", "minutes/2021/btv"]));
    let from_sub = sarif_prints(&out(&btv, &["check", "--format", "sarif", "."]));
    let absolute = sarif_prints(&out(Path::new("/"), &["check", "--format", "sarif", btv.to_str().unwrap()]));
    assert!(from_root.keys().any(|u| u == "minutes/2021/btv/2021-04-btv-thuong-le.md"), "{from_root:?}");
    assert_eq!(from_root, from_sub);
    assert_eq!(from_root, absolute);
    // Without a repository, relative to the archive root (bienban.toml).
    fs::remove_dir(root.join(".git")).unwrap();
    let v: Value = serde_json::from_str(&out(&btv, &["check", "--format", "sarif", "."])).unwrap();
    let uris: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(uris.contains(&"2021/btv/2021-04-btv-thuong-le.md"), "{uris:?}");
}

#[test]
fn sarif_rules_have_names_help_and_links() {
    let d = repository();
    let v: Value = serde_json::from_str(&out(d.path(), &["check", "--format", "sarif", "minutes"])).unwrap();
    let driver = &v["runs"][0]["tool"]["driver"];
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.len() > 20);
    for r in rules {
        let (id, name) = (r["id"].as_str().unwrap(), r["name"].as_str().unwrap());
        assert!(!id.eq_ignore_ascii_case(name), "{id}");
        assert!(r["helpUri"].as_str().unwrap().ends_with(&format!("docs/rules.md#{id}")), "{r}");
        let md = r["help"]["markdown"].as_str().unwrap();
        assert!(md.contains(&format!("## `{id}`")) && md.contains("### "), "{id}: {md}");
    }
    // Still valid SARIF 2.1.0.
    let schema: Value = serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json")).unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&v));
}

#[test]
fn gitlab_paths_are_relative_to_the_repository() {
    let d = repository();
    let btv = d.path().join("minutes/2021/btv");
    for cwd in [d.path(), btv.as_path()] {
        let v: Value =
            serde_json::from_str(&out(cwd, &["check", "--format", "gitlab", btv.to_str().unwrap()])).unwrap();
        let paths: Vec<&str> = v.as_array().unwrap().iter().map(|i| i["location"]["path"].as_str().unwrap()).collect();
        assert!(paths.contains(&"minutes/2021/btv/2021-04-btv-thuong-le.md"), "{paths:?}");
        assert!(paths.iter().all(|p| p.starts_with("minutes/2021/")), "{paths:?}");
    }
}

#[test]
fn junit_has_one_test_case_per_file_and_counts_that_agree() {
    let d = repository();
    let xml = out(d.path(), &["check", "--format", "junit", "minutes"]);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let failed = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("failure"))).count();
    let json: Value = serde_json::from_str(&out(d.path(), &["check", "--format", "json", "minutes"])).unwrap();
    let files_with_findings: std::collections::BTreeSet<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|x| x["path"].as_str().unwrap()).collect();
    assert_eq!(cases.len(), json["files_checked"].as_u64().unwrap() as usize);
    assert_eq!(failed, files_with_findings.len());
    for tag in ["testsuites", "testsuite"] {
        let n = doc.descendants().find(|n| n.has_tag_name(tag)).unwrap();
        assert_eq!(n.attribute("tests"), Some(cases.len().to_string().as_str()), "{tag}");
        assert_eq!(n.attribute("failures"), Some(failed.to_string().as_str()), "{tag}");
    }
    for c in &cases {
        let failures = c.children().filter(|n| n.has_tag_name("failure")).count();
        assert!(failures <= 1);
    }
}
