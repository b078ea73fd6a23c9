//! Snapshots of what users read: the human report (fixed width, no colour)
//! in both languages, and the JSON. Review changes with `cargo insta review`.

use bienban::archive::check_alone;
use bienban::check::{FileResult, Options};
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;
use bienban::report::{human, json, Totals};

fn run(lang: Lang) -> FileResult {
    let text = include_str!("fixtures/many-findings.md");
    check_alone("many-findings.md", text.as_bytes(), &Profile::builtin(), Options::new(lang, false)).unwrap()
}

fn human(lang: Lang) -> String {
    let r = run(lang);
    let mut out = String::new();
    human::render_file(
        &r,
        Some(include_str!("fixtures/many-findings.md")),
        &human::Style { color: false, width: 80, lang },
        &mut out,
    );
    out.push_str(&Totals::of(std::slice::from_ref(&r)).summary(lang));
    out
}

#[test]
fn human_report_vietnamese() {
    insta::assert_snapshot!(human(Lang::Vi));
}

#[test]
fn human_report_english() {
    insta::assert_snapshot!(human(Lang::En));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(json::render(&[run(Lang::Vi)]));
}
