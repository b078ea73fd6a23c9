//! The regulation as data: bodies, quorum, majority, the urgent carve-outs
//! and the matter table. The built-in profile (`profiles/*.toml`) is
//! embedded in the binary; a reading of the regulation changes by editing
//! one line there, not code.

use serde::Deserialize;

use crate::common::text::fold;

/// The built-in profile: the 2020–2025 working regulation of the Party
/// Organisation of Provincial Agencies, Bắc Kạn.
pub const BUILTIN: &str = include_str!("../../profiles/bac-kan-ccq-2020-2025.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub name_en: String,
    pub quorum: Quorum,
    pub majority: Majority,
    pub urgent: Urgent,
    pub delegation: Provision,
    pub report_back: Provision,
    pub chair: Chair,
    pub attendance: Provision,
    pub frequency: Provision,
    pub between_sessions: BetweenSessions,
    pub competence: Provision,
    pub higher_consent: Provision,
    #[serde(rename = "body")]
    pub bodies: Vec<Body>,
    #[serde(rename = "field")]
    pub fields: Vec<Field>,
    #[serde(rename = "matter")]
    pub matters: Vec<Matter>,
    /// Rules whose level the profile sets by default (`record-content =
    /// "off"`); `[rules]` in bienban.toml wins.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, crate::common::finding::Level>,
    /// Numbering terms: party document numbers restart in each (Hướng dẫn
    /// 36-HD/VPTW), so `duplicate-id` compares numbers within one.
    #[serde(default, rename = "term")]
    pub terms: Vec<Term>,
    /// Kinds of document number that are never records or decisions of the
    /// archive (`TTr` tờ trình, `CV` công văn): `unknown-reference` skips them.
    #[serde(default = "default_outside_kinds")]
    pub outside_kinds: Vec<String>,
    /// Folded name → index, built after loading.
    #[serde(skip)]
    index: Index,
    /// A hash of the profile's text: cached results are only reused with
    /// the same profile.
    #[serde(skip)]
    pub fingerprint: String,
}

#[derive(Debug, Clone, Default)]
struct Index {
    body_names: Vec<(String, usize)>,
    matter_names: Vec<(String, usize)>,
    /// The same, hashed: every record looks its body and matters up.
    body_lookup: std::collections::HashMap<String, usize>,
    matter_lookup: std::collections::HashMap<String, usize>,
    /// Folded role names (see [`Profile::role_words`]).
    role_words: Vec<String>,
    /// Body names folded and padded with spaces (whole-word search in
    /// titles), longest first.
    padded_names: Vec<(String, usize)>,
    /// The same, each with its searcher built once: every record's title
    /// is searched for them.
    name_finders: Vec<(memchr::memmem::Finder<'static>, usize)>,
    /// Body codes, matter slugs and field slugs → index (the first of each).
    codes: std::collections::HashMap<String, usize>,
    slugs: std::collections::HashMap<String, usize>,
    fields: std::collections::HashMap<String, usize>,
}

fn default_outside_kinds() -> Vec<String> {
    vec!["TTr".into(), "CV".into()]
}

/// A term of the committee, from its first to its last day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub from: toml::value::Datetime,
    pub to: Option<toml::value::Datetime>,
}

/// An article and its words, quoted in diagnostics and rule docs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub article: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    pub numerator: u32,
    pub denominator: u32,
    pub article: String,
    pub quote: String,
}

impl Quorum {
    /// The fewest members present that make a quorum.
    pub fn needed(&self, members: u32) -> u32 {
        (u64::from(members) * u64::from(self.numerator)).div_ceil(u64::from(self.denominator.max(1))) as u32
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MajorityBasis {
    /// More than half of the body's incumbent members (Party Charter 9.5).
    Members,
    /// More than half of those present.
    Present,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Majority {
    pub basis: MajorityBasis,
    pub article: String,
    pub quote: String,
}

impl Majority {
    /// The fewest votes in favour that pass, out of `base` (members or present).
    pub fn needed(base: u32) -> u32 {
        base / 2 + 1
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    pub body: String,
    pub excluded_fields: Vec<String>,
    pub article: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chair {
    pub secretary_roles: Vec<String>,
    pub deputy_roles: Vec<String>,
    /// The same two, folded once (`chair` and `roster` compare roles with them).
    #[serde(skip)]
    pub folded: [Vec<String>; 2],
    pub delegation_words: Vec<String>,
    pub article: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BetweenSessions {
    pub matter: String,
    pub article: String,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Regular {
    Month,
    Quarter,
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub names: Vec<String>,
    pub rank: u32,
    pub quorum: bool,
    pub regular: Regular,
    pub written_consultation: bool,
    #[serde(default)]
    pub external: bool,
    pub article: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub slug: String,
    pub name: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matter {
    pub slug: String,
    pub name: String,
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub body: String,
    pub field: String,
    pub article: String,
    pub quote: String,
    /// The higher body whose written consent the decision needs (Điều 2.2).
    #[serde(default)]
    pub consent: Option<String>,
}

/// Why a profile cannot be used, with the byte range when the TOML parser knows it.
#[derive(Debug)]
pub struct ProfileError {
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Profile {
    pub fn builtin() -> Profile {
        Profile::from_toml(BUILTIN).expect("the built-in profile is valid (tested)")
    }

    pub fn from_toml(text: &str) -> Result<Profile, ProfileError> {
        let mut p: Profile =
            toml::from_str(text).map_err(|e| ProfileError { message: e.message().to_string(), span: e.span() })?;
        p.validate()?;
        p.build_index();
        p.fingerprint = crate::common::hash::key(text.as_bytes());
        Ok(p)
    }

    fn validate(&self) -> Result<(), ProfileError> {
        let err = |message: String| Err(ProfileError { message, span: None });
        // Sets, not scans: a profile of N matters validates in linear time.
        let bodies: std::collections::HashSet<&str> = self.bodies.iter().map(|b| b.code.as_str()).collect();
        let fields: std::collections::HashSet<&str> = self.fields.iter().map(|f| f.slug.as_str()).collect();
        for m in &self.matters {
            if !bodies.contains(m.body.as_str()) {
                return err(format!("matter `{}`: unknown body `{}`", m.slug, m.body));
            }
            if !fields.contains(m.field.as_str()) {
                return err(format!("matter `{}`: unknown field `{}`", m.slug, m.field));
            }
        }
        if !bodies.contains(self.urgent.body.as_str()) {
            return err(format!("[urgent] body `{}` is not a body", self.urgent.body));
        }
        if self.quorum.denominator == 0 {
            return err("[quorum] denominator must not be 0".into());
        }
        Ok(())
    }

    fn build_index(&mut self) {
        let mut idx = Index::default();
        for (i, b) in self.bodies.iter().enumerate() {
            idx.body_names.push((fold(&b.code), i));
            for n in &b.names {
                idx.body_names.push((fold(n), i));
            }
        }
        for (i, m) in self.matters.iter().enumerate() {
            idx.matter_names.push((fold(&m.slug), i));
            idx.matter_names.push((fold(&m.slug.replace('-', " ")), i));
            idx.matter_names.push((fold(&m.name), i));
            for a in &m.aliases {
                idx.matter_names.push((fold(a), i));
            }
        }
        for (n, i) in &idx.body_names {
            idx.body_lookup.entry(n.clone()).or_insert(*i);
        }
        // Longest first, so that `Ban Thường vụ Tỉnh ủy` goes before `Tỉnh ủy`.
        idx.padded_names = idx.body_names.iter().map(|(n, i)| (format!(" {n} "), *i)).collect();
        idx.padded_names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        idx.name_finders = idx
            .padded_names
            .iter()
            .map(|(n, i)| (memchr::memmem::Finder::new(n.as_bytes()).into_owned(), *i))
            .collect();
        for (n, i) in &idx.matter_names {
            idx.matter_lookup.entry(n.clone()).or_insert(*i);
        }
        for (i, b) in self.bodies.iter().enumerate() {
            idx.codes.entry(b.code.clone()).or_insert(i);
        }
        for (i, m) in self.matters.iter().enumerate() {
            idx.slugs.entry(m.slug.clone()).or_insert(i);
        }
        for (i, f) in self.fields.iter().enumerate() {
            idx.fields.entry(f.slug.clone()).or_insert(i);
        }
        self.chair.folded =
            [&self.chair.secretary_roles, &self.chair.deputy_roles].map(|rs| rs.iter().map(|r| fold(r)).collect());
        idx.role_words = self.chair.secretary_roles.iter().chain(&self.chair.deputy_roles).map(|r| fold(r)).collect();
        idx.role_words.extend(["uy vien", "uy vien btv", "uy vien ban thuong vu", "uy vien bch"].map(String::from));
        self.index = idx;
    }

    /// The profile's default level for a rule, if it sets one.
    pub fn level(&self, rule: &str) -> Option<crate::common::finding::Level> {
        self.rules.get(rule).copied()
    }

    pub fn body(&self, code: &str) -> Option<&Body> {
        self.index.codes.get(code).map(|&i| &self.bodies[i])
    }

    /// The body a clerk named (`Ban Thường vụ`, `BTV`, `Ban thuong vu Dang uy`).
    pub fn body_named(&self, name: &str) -> Option<&Body> {
        let f = fold(name);
        let f = f.trim_end_matches('.');
        self.index.body_lookup.get(f).map(|&i| &self.bodies[i])
    }

    /// The body a long name begins with (`Ban Chấp hành Đảng bộ Các cơ quan
    /// tỉnh Bắc Kạn`): the longest known name that starts it, word for word.
    /// An exact name wins first (`Ban Thường vụ Tỉnh ủy` is the province's).
    pub fn body_named_long(&self, name: &str) -> Option<&Body> {
        if let Some(b) = self.body_named(name) {
            return Some(b);
        }
        let f = fold(name);
        let f = f.trim_end_matches('.');
        // What follows the body's name names the organisation: `Đảng bộ …`,
        // `Các cơ quan tỉnh`, a place — a capitalised word, or one of these.
        const ORGANISATION: &[&str] = &[
            "dang", "cac", "tinh", "huyen", "thanh", "thi", "xa", "phuong", "quan", "khoi", "co", "chi", "so", "truong",
        ];
        let words: Vec<&str> = name.split_whitespace().collect();
        self.index
            .body_names
            .iter()
            .filter(|(n, _)| f.len() > n.len() && f.starts_with(n.as_str()) && f.as_bytes()[n.len()] == b' ')
            .filter(|(n, _)| {
                let next = n.split(' ').count();
                words
                    .get(next)
                    .is_some_and(|w| w.starts_with(char::is_uppercase) || ORGANISATION.contains(&fold(w).as_str()))
            })
            .max_by_key(|(n, _)| n.len())
            .map(|&(_, i)| &self.bodies[i])
    }

    /// The bodies of the organisation a title names (whole words), most
    /// specific (lowest rank) first; the names of outside bodies (`Ban
    /// Thường vụ Tỉnh ủy`) are taken out before looking.
    pub fn bodies_in(&self, title: &str) -> Vec<&Body> {
        let words: String =
            fold(title).chars().map(|c| if c.is_alphanumeric() || c == '/' { c } else { ' ' }).collect();
        let mut f = String::with_capacity(words.len() + 2);
        f.push(' ');
        for w in words.split_whitespace() {
            f.push_str(w);
            f.push(' ');
        }
        for (n, i) in &self.index.padded_names {
            if self.bodies[*i].external && f.contains(n.as_str()) {
                f = f.replace(n.as_str(), " ");
            }
        }
        let mut found: Vec<&Body> = self
            .index
            .padded_names
            .iter()
            .filter(|(n, i)| !self.bodies[*i].external && f.contains(n.as_str()))
            .map(|&(_, i)| &self.bodies[i])
            .collect();
        found.sort_by_key(|b| b.rank);
        found.dedup_by_key(|b| b.code.clone());
        found
    }

    /// Whether a title names the body `code` (whole words), outside bodies'
    /// names aside (see [`Profile::bodies_in`]); `false` may still mean it
    /// does. `padded` is the title folded, with a space each side.
    pub fn title_names(&self, padded: &str, code: &str) -> bool {
        let f = padded.as_bytes();
        let finders = &self.index.name_finders;
        let outside = finders.iter().any(|(n, i)| self.bodies[*i].external && n.find(f).is_some());
        let names = |c: &str| finders.iter().any(|(n, i)| self.bodies[*i].code == c && n.find(f).is_some());
        // It must also be the most specific body the title names (`BAN
        // THƯỜNG VỤ ĐẢNG ỦY` names the BCH's `Đảng ủy` too, and is the BTV).
        let rank = self.bodies.iter().find(|b| b.code == code).map_or(u32::MAX, |b| b.rank);
        !outside
            && names(code)
            && !self.bodies.iter().any(|b| !b.external && b.rank < rank && b.code != code && names(&b.code))
    }

    /// All the names of the bodies, folded, to suggest the closest.
    pub fn body_names(&self) -> impl Iterator<Item = (&str, &Body)> {
        self.index.body_names.iter().map(|(n, i)| (n.as_str(), &self.bodies[*i]))
    }

    pub fn matter(&self, slug: &str) -> Option<&Matter> {
        self.index.slugs.get(slug).map(|&i| &self.matters[i])
    }

    /// The matter a `Loại việc` value names: slug, table name or alias.
    pub fn matter_named(&self, name: &str) -> Option<&Matter> {
        let f = fold(name);
        let f = f.trim_end_matches('.');
        self.index.matter_lookup.get(f).map(|&i| &self.matters[i])
    }

    /// Every (folded name, matter) pair, for suggestions.
    pub fn matter_names(&self) -> impl Iterator<Item = (&str, &Matter)> {
        self.index.matter_names.iter().map(|(n, i)| (n.as_str(), &self.matters[*i]))
    }

    pub fn field(&self, slug: &str) -> Option<&Field> {
        self.index.fields.get(slug).map(|&i| &self.fields[i])
    }

    /// Role names (folded) of the secretary and deputies, to tell a role
    /// from a reason in `(…)`.
    pub fn role_words(&self) -> &[String] {
        &self.index.role_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_loads_and_resolves_names() {
        let p = Profile::builtin();
        assert_eq!(p.body_named("Ban Thuong vu Dang uy").unwrap().code, "BTV");
        assert_eq!(p.body_named("ĐẢNG ỦY").unwrap().code, "BCH");
        assert_eq!(p.body_named("tt").unwrap().code, "TT");
        assert_eq!(p.matter_named("ket-nap-dang-vien").unwrap().slug, "ket-nap-dang-vien");
        assert_eq!(p.matter_named("Kết nạp đảng viên").unwrap().slug, "ket-nap-dang-vien");
        assert_eq!(p.matter_named("tiep nhan, chuyen can bo, cong chuc").unwrap().slug, "tiep-nhan-chuyen-can-bo");
        assert_eq!(p.matters.len(), 42);
    }

    #[test]
    fn quorum_arithmetic() {
        let p = Profile::builtin();
        assert_eq!([7, 9, 15, 31].map(|m| p.quorum.needed(m)), [5, 6, 10, 21]);
        assert_eq!([7, 15].map(Majority::needed), [4, 8]);
    }

    #[test]
    fn aliases_are_unambiguous() {
        let p = Profile::builtin();
        let mut seen = std::collections::HashMap::new();
        for (n, m) in p.matter_names() {
            if let Some(other) = seen.insert(n.to_string(), m.slug.clone()) {
                assert_eq!(other, m.slug, "`{n}` names two matters");
            }
        }
    }
}
