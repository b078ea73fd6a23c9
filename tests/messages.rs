//! Every finding a user can get tells them what to do: a message and a
//! help line, in both languages, with no untranslated placeholder.

use bienban::archive::check_texts;
use bienban::archive::config::Config;
use bienban::check::Options;
use bienban::common::i18n::Lang;
use bienban::regulation::profile::Profile;
use bienban::rules::docs;

mod common;

#[test]
fn every_documented_finding_has_help_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        for d in docs() {
            let profile = Profile::builtin();
            let mut config = Config::default();
            let Some(files) = common::example_files(&d.fires, &mut config, &profile) else { continue };
            let opts = Options::new(lang, false);
            for r in check_texts(&files, &profile, &config, opts) {
                for f in &r.findings {
                    let help = f.help.as_deref().unwrap_or_default();
                    if std::env::var_os("BIENBAN_SHOW").is_some() {
                        println!("[{lang:?}] {}: {}\n    help: {help}\n", f.rule, f.message);
                    }
                    assert!(!f.message.is_empty() && !help.is_empty(), "{}: no help", f.rule);
                    assert!(!f.message.contains("{}") && !help.contains("{}"), "{}: placeholder left", f.rule);
                    if lang == Lang::En {
                        // English messages may quote Vietnamese field names, but
                        // their own words are English.
                        assert!(!f.message.contains("không ") || f.message.contains('`'), "{}: {}", f.rule, f.message);
                    }
                }
            }
        }
    }
}
