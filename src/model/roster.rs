//! The roster (format 1.1, "Membership"): who the members of each body
//! were, and when. Read from the archive's `thanh-vien.toml` (named by
//! `roster` in `bienban.toml`; loading and validation are the archive
//! stage's), and queried here by body and date: how many members a body
//! had on a record's date, and which listed name is which member.

use crate::common::text::{fold, spelling};
use crate::model::{Date, Person};

/// One entry: a person, a body, an optional role and a period (both ends
/// inclusive; no `to`: still a member).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    /// The name folded (compared first; as spelt, [`spelling`], it decides
    /// between members whose names fold alike).
    pub key: String,
    /// The body's code in the profile (`BTV`).
    pub body: String,
    pub role: Option<String>,
    pub from: Date,
    pub to: Option<Date>,
}

impl Member {
    pub fn new(name: &str, body: &str, role: Option<&str>, from: Date, to: Option<Date>) -> Member {
        Member {
            name: name.trim().to_string(),
            key: fold(name),
            body: body.to_string(),
            role: role.map(str::trim).filter(|r| !r.is_empty()).map(str::to_string),
            from,
            to,
        }
    }

    /// A member on `date`.
    pub fn on(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// Every entry of a roster, grouped by body.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The file as `bienban.toml` names it (`thanh-vien.toml`), for messages.
    pub source: String,
    /// Sorted by body, then `from`.
    pub members: Vec<Member>,
    /// A hash of the file's text: cached results depend on it.
    pub fingerprint: String,
}

impl Roster {
    pub fn new(source: &str, mut members: Vec<Member>, fingerprint: String) -> Roster {
        members.sort_by(|a, b| (&a.body, a.from, &a.key).cmp(&(&b.body, b.from, &b.key)));
        Roster { source: source.to_string(), members, fingerprint }
    }

    /// The entries of `body`.
    pub fn of(&self, body: &str) -> &[Member] {
        let start = self.members.partition_point(|m| m.body.as_str() < body);
        let end = start + self.members[start..].partition_point(|m| m.body == body);
        &self.members[start..end]
    }

    /// The members of `body` on `date`; `None` when the roster does not
    /// cover it — the body has no entry, or nobody was a member that day
    /// (a record outside the periods the roster knows is not checked
    /// against it).
    pub fn on(&self, body: &str, date: Date) -> Option<Vec<&Member>> {
        let day: Vec<&Member> = self.of(body).iter().filter(|m| m.on(date)).collect();
        (!day.is_empty()).then_some(day)
    }

    /// Every entry, of any body and period, for the name folded as `key`.
    pub fn named(&self, key: &str) -> Vec<&Member> {
        self.members.iter().filter(|m| m.key == key).collect()
    }
}

/// How a name listed in a record matches the members of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match<'r> {
    /// The same name, folded (and, when two members fold alike, as spelt).
    Same(&'r Member),
    /// A close name: a likely typo of this member's.
    Near(&'r Member),
    None,
}

/// The member of `day` that a name listed in a record is: the same name
/// folded (NFC or NFD, with or without diacritics); when several members
/// fold alike, the one spelt the same, else the first of them not yet
/// `taken`. Otherwise a member whose folded name is within a small edit
/// distance (a typo), preferring one not `taken`.
pub fn find<'r>(day: &[&'r Member], key: &str, name: &str, taken: &[&Member]) -> Match<'r> {
    if key.is_empty() {
        return Match::None;
    }
    let free = |m: &Member| !taken.iter().any(|t| std::ptr::eq(*t, m));
    let mut same = day.iter().copied().filter(|m| m.key == key);
    if let Some(first) = same.next() {
        let Some(second) = same.next() else { return Match::Same(first) };
        // Several fold alike (rare): the one spelt the same, else the first not yet taken.
        let s = spelling(name);
        let all: Vec<&'r Member> = [first, second].into_iter().chain(same).collect();
        let pick = all.iter().find(|m| spelling(&m.name) == s).or_else(|| all.iter().find(|m| free(m)));
        return Match::Same(pick.copied().unwrap_or(first));
    }
    day.iter()
        .copied()
        .filter(|m| close(&m.key, key))
        .min_by_key(|m| (!free(m), strsim::levenshtein(&m.key, key)))
        .map_or(Match::None, Match::Near)
}

/// The names a record lists (present, then absent) against the members of
/// its body that day: computed once per record (`Facts`), read by the
/// `roster` rule and by `attendance`'s help.
#[derive(Debug, Clone, Default)]
pub struct Listing<'r> {
    /// For each person listed, in order: the member they are (a typo is
    /// `Near`), or `None` — not a member that day.
    pub matches: Vec<Match<'r>>,
    /// The members that day whom no listed name is.
    pub unlisted: Vec<&'r Member>,
}

impl<'r> Listing<'r> {
    /// Names written right claim their members first, so that a typo never
    /// takes a member listed correctly elsewhere; a name the roster knows
    /// (another period, another body) is not taken for a typo.
    pub fn of(roster: &'r Roster, day: &[&'r Member], people: &[&Person]) -> Listing<'r> {
        let mut taken: Vec<&Member> = Vec::with_capacity(people.len());
        let mut matches: Vec<Match<'r>> = people
            .iter()
            .map(|p| match find(day, &p.key, &p.name, &taken) {
                Match::Same(m) => {
                    taken.push(m);
                    Match::Same(m)
                }
                _ => Match::None,
            })
            .collect();
        for (p, m) in people.iter().zip(&mut matches) {
            if *m != Match::None || p.key.is_empty() || roster.members.iter().any(|x| x.key == p.key) {
                continue;
            }
            if let Match::Near(near) = find(day, &p.key, &p.name, &taken) {
                taken.push(near);
                *m = Match::Near(near);
            }
        }
        let unlisted = day.iter().copied().filter(|m| !taken.iter().any(|t| std::ptr::eq(*t, *m))).collect();
        Listing { matches, unlisted }
    }
}

/// Two folded names a typo apart: one or two edits, fewer than a quarter
/// of the shorter name's letters (`nguyen van an` / `nguyen van anh`; not
/// `an` / `anh`).
pub fn close(a: &str, b: &str) -> bool {
    let d = strsim::levenshtein(a, b);
    let len = a.chars().count().min(b.chars().count());
    d > 0 && d <= 2 && d * 4 < len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32, month: u32, year: i32) -> Date {
        Date { year, month, day }
    }

    fn roster() -> Roster {
        Roster::new(
            "thanh-vien.toml",
            vec![
                Member::new("Hoàng Văn Đức", "BTV", Some("Bí thư"), d(20, 10, 2020), None),
                Member::new("Nguyễn Văn An", "BTV", None, d(20, 10, 2020), Some(d(31, 5, 2021))),
                Member::new("Trần Thị Bình", "BTV", None, d(1, 6, 2021), None),
                Member::new("Lê Văn Hùng", "BCH", None, d(20, 10, 2020), None),
                Member::new("Lê Văn Hưng", "BCH", None, d(20, 10, 2020), None),
            ],
            String::new(),
        )
    }

    #[test]
    fn members_on_a_date_with_inclusive_ends() {
        let r = roster();
        let names = |date| r.on("BTV", date).unwrap().iter().map(|m| m.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(d(31, 5, 2021)), ["Hoàng Văn Đức", "Nguyễn Văn An"]);
        assert_eq!(names(d(1, 6, 2021)), ["Hoàng Văn Đức", "Trần Thị Bình"]);
        assert!(r.on("BTV", d(19, 10, 2020)).is_none());
        assert!(r.on("TT", d(1, 6, 2021)).is_none());
        assert_eq!(r.of("BCH").len(), 2);
    }

    #[test]
    fn names_match_folded_then_spelt_then_near() {
        let r = roster();
        let day = r.on("BCH", d(1, 1, 2021)).unwrap();
        let m = |name: &str| match find(&day, &fold(name), name, &[]) {
            Match::Same(m) => format!("= {}", m.name),
            Match::Near(m) => format!("~ {}", m.name),
            Match::None => "none".into(),
        };
        assert_eq!(m("Lê Văn Hưng"), "= Lê Văn Hưng");
        assert_eq!(m("LÊ VĂN HÙNG"), "= Lê Văn Hùng");
        assert_eq!(m("Le Van Hung"), "= Lê Văn Hùng");
        assert_eq!(m("Lê Văn Hừng"), "= Lê Văn Hùng");
        let btv = r.on("BTV", d(1, 1, 2021)).unwrap();
        let near = find(&btv, &fold("Nguyễn Văn Ân"), "Nguyễn Văn Ân", &[]);
        assert!(matches!(near, Match::Same(m) if m.name == "Nguyễn Văn An"));
        let typo = find(&btv, &fold("Hoàng Văn Đưc"), "Hoàng Văn Đưc", &[]);
        assert!(matches!(typo, Match::Same(_)));
        let typo = find(&btv, &fold("Hoàng Văn Đúcc"), "Hoàng Văn Đúcc", &[]);
        assert!(matches!(typo, Match::Near(m) if m.name == "Hoàng Văn Đức"));
        assert_eq!(find(&btv, &fold("Lê Thị Cúc"), "Lê Thị Cúc", &[]), Match::None);
        assert!(!close("ha van nam", "ha van nam"));
        assert!(close("nguyen van an", "nguyen van anh"));
        assert!(!close("an", "anh"));
    }
}
