//! Suppressions: `<!-- bienban: allow(rule, …) reason -->`. Inside an agenda
//! item it covers that item; before the first `##` heading (or anywhere
//! outside the items) it covers the whole file.

use serde::Serialize;

use crate::finding::Finding;
use crate::i18n::Lang;
use crate::model::Record;
use crate::rules::{self, unused_allow};
use crate::span::Span;

/// A finding that a suppression set aside, kept for audits.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    pub rule: &'static str,
    pub reason: String,
    /// Where the suppression comment is.
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub finding: Finding,
}

/// Splits `findings` into those that stand and those suppressed, and adds
/// `unused-allow` findings for suppressions that did no work.
pub fn apply(rec: &Record, findings: Vec<Finding>, lang: Lang) -> (Vec<Finding>, Vec<Applied>) {
    let sups = &rec.suppressions;
    // used[s][r]: suppression s's r-th rule covered something.
    let mut used: Vec<Vec<bool>> = sups.iter().map(|s| vec![false; s.rules.len()]).collect();
    let mut kept = Vec::with_capacity(findings.len());
    let mut applied = Vec::new();
    for f in findings {
        let item = rec.item_at(f.span);
        // The narrowest suppression first: the item's, then the file's.
        let hit = sups
            .iter()
            .enumerate()
            .filter(|(_, s)| s.item.is_some() && s.item == item)
            .chain(sups.iter().enumerate().filter(|(_, s)| s.item.is_none()))
            .find_map(|(si, s)| {
                s.rules
                    .iter()
                    .position(|r| r.value == f.rule)
                    .map(|ri| (si, ri))
            });
        match hit {
            Some((si, ri)) if f.rule != unused_allow::DOC.name => {
                used[si][ri] = true;
                applied.push(Applied {
                    rule: f.rule,
                    reason: sups[si].reason.clone(),
                    span: sups[si].span,
                    finding: f,
                });
            }
            _ => kept.push(f),
        }
    }
    for (s, used) in sups.iter().zip(&used) {
        if s.reason.trim().is_empty() {
            kept.push(unused_allow::no_reason(s.span, lang));
        }
        for (r, &u) in s.rules.iter().zip(used) {
            if !rules::is_known(&r.value) {
                let suggestion = rules::ALL
                    .iter()
                    .map(|x| x.doc().name)
                    .chain(rules::ARCHIVE_RULES.iter().copied())
                    .map(|n| (strsim::levenshtein(n, &r.value), n))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, n)| n);
                kept.push(unused_allow::unknown_rule(
                    &r.value, suggestion, r.span, lang,
                ));
            } else if !u && !rules::ARCHIVE_RULES.contains(&r.value.as_str()) {
                // Archive rules are judged by the archive pass, not here.
                kept.push(unused_allow::unused(&r.value, r.span, lang));
            }
        }
    }
    (kept, applied)
}
