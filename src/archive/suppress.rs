//! Suppressions: `<!-- bienban: allow(rule, …) reason -->`. Inside an agenda
//! item it covers that item; anywhere else it covers the whole file.
//! Applied once every rule, the archive rules included, has run.

use crate::check::{Applied, FileResult};
use crate::common::i18n::Lang;
use crate::rules::{self, unused_allow};

/// Moves suppressed findings of `r` to `r.suppressed`, and adds
/// `unused-allow` findings for suppressions that did no work. Rules that
/// are `off` (`is_off`) never make a suppression unused.
pub fn apply(r: &mut FileResult, lang: Lang, is_off: impl Fn(&str) -> bool) {
    let sups = &r.suppressions;
    // used[s][k]: suppression s's k-th rule covered something.
    let mut used: Vec<Vec<bool>> = sups.iter().map(|s| vec![false; s.rules.len()]).collect();
    let mut kept = Vec::with_capacity(r.findings.len());
    for f in std::mem::take(&mut r.findings) {
        let item = r.items.iter().position(|i| i.contains(f.span));
        // The narrowest suppression first: the item's, then the file's.
        let hit = sups
            .iter()
            .enumerate()
            .filter(|(_, s)| s.item.is_some() && s.item == item)
            .chain(sups.iter().enumerate().filter(|(_, s)| s.item.is_none()))
            .find_map(|(si, s)| s.rules.iter().position(|x| x.0 == f.rule).map(|k| (si, k)));
        match hit {
            Some((si, k)) if f.rule != unused_allow::DOC.name => {
                used[si][k] = true;
                r.suppressed.push(Applied {
                    reason: sups[si].reason.clone(),
                    span: sups[si].pos.span,
                    finding: f,
                    baseline: false,
                });
            }
            _ => kept.push(f),
        }
    }
    for (s, used) in sups.iter().zip(&used) {
        if s.reason.trim().is_empty() {
            kept.push(unused_allow::no_reason(s.pos, lang));
        }
        for (x, &u) in s.rules.iter().zip(used) {
            let (name, pos) = (x.0.as_str(), x.1);
            if rules::doc(name).is_none() {
                let suggestion = crate::archive::config::suggest_rule(name);
                kept.push(unused_allow::unknown_rule(name, suggestion, pos, lang));
            } else if !u && !is_off(name) {
                kept.push(unused_allow::unused(name, pos, lang));
            }
        }
    }
    r.findings = kept;
}
