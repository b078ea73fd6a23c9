//! The whole pipeline on arbitrary bytes: read → parse → model → every rule
//! (as a one-file archive, and as two files sharing the archive) → every
//! output format. Nothing may panic; every span must lie on character
//! boundaries of the text.
#![no_main]

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::check::{FileResult, Options};
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;
use bienban::report::{self, human, Positions};
use libfuzzer_sys::fuzz_target;

fn render_all(results: &[FileResult]) {
    let positions = Positions::of(results);
    let _ = report::json::render(results);
    let _ = report::json::render_lines(results);
    let _ = report::short::render(results);
    let _ = report::sarif::render(results, &positions, Lang::En, false);
    let _ = report::github::render(results, &positions);
    let _ = report::junit::render(results, Lang::En);
    let _ = report::gitlab::render(results, &positions);
    let _ = report::statistics(results, Lang::Vi);
    let style = human::Style { color: false, width: 80, lang: Lang::Vi };
    let mut out = String::new();
    for r in results {
        human::render_file(r, r.text.as_deref(), &style, &mut out);
    }
}

/// Parsed once: the profile is data, not what is being fuzzed.
static PROFILE: std::sync::LazyLock<Profile> = std::sync::LazyLock::new(Profile::builtin);

fuzz_target!(|data: &[u8]| {
    let profile = &*PROFILE;
    let text = String::from_utf8_lossy(data).into_owned();
    for lang in [Lang::Vi, Lang::En] {
        let opts = Options::new(lang, false);
        let mut results = check_texts(&[("a.md", data)], profile, &Config::default(), opts);
        for r in &mut results {
            // A decoded file (UTF-16) keeps its text, and spans refer to it;
            // otherwise they refer to the bytes as on disk.
            let decoded = r.text.is_some();
            let shown = r.text.get_or_insert_with(|| text.clone()).clone();
            let len = if decoded { shown.len() } else { data.len() };
            for f in &r.findings {
                assert!(f.span.start <= f.span.end && f.span.end <= len, "{f:?}");
                if decoded || std::str::from_utf8(data).is_ok() {
                    assert!(shown.is_char_boundary(f.span.start) && shown.is_char_boundary(f.span.end), "{f:?}");
                }
            }
        }
        render_all(&results);
    }
    // Two files of one archive: the cross-record rules see each other's numbers.
    let half = data.len() / 2;
    let (a, b) = data.split_at(half);
    let results =
        check_texts(&[("a.md", a), ("b.md", b), ("c.md", data)], profile, &Config::default(), Options::default());
    render_all(&results);
});
