//! Guessing the matter a clerk meant, from a `Loại việc` value that is not
//! in the profile or from an item's heading and decision text.

use std::collections::HashSet;

use crate::common::text::{fold, words};
use crate::regulation::profile::{Matter, Profile};

/// Words too common in matter names to tell them apart.
const STOP: &[&str] = &[
    "va", "cua", "cho", "cac", "ve", "viec", "xet", "quyet", "dinh", "thong", "qua", "nam", "lai", "theo", "to", "chuc",
];

/// The best matter for `text`: the one whose name or alias has the most of
/// its words in the text (all of them preferred), at least two words or a
/// one-word name matched exactly.
pub fn guess<'p>(profile: &'p Profile, text: &str) -> Option<&'p Matter> {
    let folded = fold(text);
    let have: HashSet<&str> = words(&folded).collect();
    let mut best: Option<(f64, usize, &Matter)> = None;
    for (name, matter) in profile.matter_names() {
        if name.contains('-') {
            continue; // slugs repeat the names
        }
        let want: Vec<&str> = words(name).filter(|w| !STOP.contains(w)).collect();
        if want.is_empty() {
            continue;
        }
        let hit = want.iter().filter(|w| have.contains(*w)).count();
        let cover = hit as f64 / want.len() as f64;
        if cover < 0.75 || (hit < 2 && want.len() > 1) || hit == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((c, h, _)) => cover > c || (cover == c && hit > h),
        };
        if better {
            best = Some((cover, hit, matter));
        }
    }
    best.map(|b| b.2).or_else(|| closest_name(profile, &folded))
}

/// A misspelt value (`ket nap dang vein`): closest name by Jaro-Winkler.
fn closest_name<'p>(profile: &'p Profile, folded: &str) -> Option<&'p Matter> {
    profile
        .matter_names()
        .map(|(n, m)| (strsim::jaro_winkler(n, folded), m))
        .filter(|(s, _)| *s >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_words_and_spelling() {
        let p = Profile::builtin();
        assert_eq!(
            guess(&p, "Xét kết nạp đảng viên mới cho chi bộ").map(|m| m.slug.as_str()),
            Some("ket-nap-dang-vien")
        );
        assert_eq!(guess(&p, "ket nap dang vein").map(|m| m.slug.as_str()), Some("ket-nap-dang-vien"));
        assert!(guess(&p, "Thông qua biên bản").is_none());
    }
}
