//! `bienban report --html OUT_DIR`: the inspector's report, a static
//! folder of HTML and one stylesheet (no script, no network, no external
//! font), in the shape of coverage reports: an index of totals, then one
//! page per record worth one, with its text and each finding at its line.
//!
//! - `view`: what the pages show, from the results and the archives'
//!   summaries (calendar, attendance, trails, which records get a page);
//! - `pages`, `chart`: maud templates (escaping by default) and the SVG chart;
//! - `text`: untrusted text made safe to show;
//! - `out`: the folder written beside OUT_DIR and renamed into place.

mod chart;
pub mod out;
pub mod pages;
pub mod text;
pub mod view;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::archive::run::Archive;
use crate::check::FileResult;
use crate::common::i18n::Lang;
use crate::report::human;
pub use out::{OutError, MARKER};
use view::View;

/// The stylesheet, screen and print (A4).
pub const STYLE: &str = include_str!("style.css");

/// What was written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub archives: usize,
    pub pages: usize,
}

/// The views of a run's archives, with their folders in the report: the
/// only archive's pages at the top, several archives' in folders of their own.
pub fn views<'a>(archives: &[&'a Archive], results: &'a HashMap<&'a str, &'a FileResult>) -> Vec<View<'a>> {
    let several = archives.len() > 1;
    archives
        .par_iter()
        .enumerate()
        .map(|(k, a)| {
            let dir = if several {
                let name = a.root.as_ref().map_or_else(|| "tep".to_string(), |r| view::slug(&r.to_string_lossy()));
                format!("{}-{}/", k + 1, name)
            } else {
                String::new()
            };
            View::build(a, results, dir)
        })
        .collect()
}

/// Every page of the report, as `(path in the report, HTML)`, built in
/// parallel; record pages read their file's text again.
pub fn render<'a>(views: &[View<'a>], lang: Lang) -> Vec<(String, String)> {
    let several = views.len() > 1;
    let mut pages: Vec<(String, String)> = views
        .par_iter()
        .flat_map_iter(|v| {
            let records: Vec<(String, String)> = v
                .recs
                .iter()
                .filter_map(|rec| {
                    let page = rec.page.as_ref()?;
                    let text = human::text_of(rec.r);
                    Some((format!("{}{page}", v.dir), pages::record(v, rec, text.as_deref(), lang).into_string()))
                })
                .collect();
            let overview = (format!("{}index.html", v.dir), pages::overview(v, lang, several).into_string());
            records.into_iter().chain(std::iter::once(overview))
        })
        .collect();
    if several {
        pages.push(("index.html".to_string(), pages::archives_index(views, lang).into_string()));
    }
    pages
}

/// Writes the report of `archives` (whose reported files are `results`)
/// into `out`, atomically (see [`out`]).
pub fn write(
    out: &std::path::Path,
    archives: &[Archive],
    results: &[FileResult],
    lang: Lang,
) -> Result<Written, OutError> {
    let by_path: HashMap<&str, &FileResult> = results.iter().map(|r| (r.path.as_str(), r)).collect();
    // Results that belong to no archive (paths that could not be walked),
    // or no archive at all: shown as an archive of their own, so that the
    // report always has an index and shows every finding.
    let claimed: std::collections::HashSet<&str> =
        archives.iter().flat_map(|a| a.reported.iter().map(String::as_str)).collect();
    let orphans: Vec<String> =
        results.iter().map(|r| r.path.clone()).filter(|p| !claimed.contains(p.as_str())).collect();
    let extra = (archives.is_empty() || !orphans.is_empty()).then(|| Archive {
        root: None,
        lang,
        period: None,
        profile: std::sync::Arc::new(crate::regulation::profile::Profile::builtin()),
        reported: orphans,
        context: Vec::new(),
        skipped: Vec::new(),
    });
    let list: Vec<&Archive> = archives.iter().chain(extra.as_ref()).collect();
    let views = views(&list, &by_path);
    out::publish(out, |staging| {
        staging.file("style.css", STYLE.as_bytes())?;
        let mut folders: Vec<String> = views.iter().map(|v| format!("{}r", v.dir)).collect();
        folders.dedup();
        for f in &folders {
            staging.folder(f)?;
        }
        let pages = render(&views, lang);
        let count = pages.len();
        // Record pages first, the indexes last.
        let (indexes, records): (Vec<_>, Vec<_>) = pages.into_iter().partition(|(p, _)| p.ends_with("index.html"));
        records.par_iter().try_for_each(|(p, html)| staging.file(p, html.as_bytes()))?;
        for (p, html) in &indexes {
            staging.file(p, html.as_bytes())?;
        }
        Ok(Written { archives: views.len(), pages: count })
    })
}
