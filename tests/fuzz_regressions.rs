//! Inputs the fuzzer (fuzz/fuzz_targets/pipeline.rs) once crashed on: each
//! goes through the whole pipeline and every output format again.

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::check::{FileResult, Options};
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;
use bienban::report::{self, human, Positions};

fn render_all(results: &[FileResult]) {
    let positions = Positions::of(results);
    let _ = report::json::render(results);
    let _ = report::short::render(results);
    let _ = report::sarif::render(results, &positions, Lang::En, false);
    let _ = report::github::render(results, &positions);
    let _ = report::junit::render(results, Lang::En);
    let _ = report::gitlab::render(results, &positions);
    let style = human::Style { color: false, width: 80, lang: Lang::Vi };
    let mut out = String::new();
    for r in results {
        human::render_file(r, r.text.as_deref(), &style, &mut out);
    }
}

#[test]
fn past_crashes_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        let mut results = check_texts(&[("a.md", &data)], &Profile::builtin(), &Config::default(), Options::default());
        for r in &mut results {
            // The text as the report reads it: lossily, so spans may fall inside a replacement character.
            r.text = Some(String::from_utf8_lossy(&data).into_owned());
        }
        render_all(&results);
        n += 1;
    }
    assert!(n >= 1);
}
