//! What the report shows, computed from a run's results and the archives'
//! summaries (never by reading records again, except for the text of the
//! records that get a page): periods, the meeting calendar, attendance,
//! the trails of urgent decisions, written consultations and delegations.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::archive::run::Archive;
use crate::check::FileResult;
use crate::common::finding::Severity;
use crate::common::text::fold;
use crate::model::summary::{DueKind, RefKind, Summary};
use crate::model::Date;
use crate::regulation::profile::Regular;
use crate::rules::archive::report_back;
use crate::rules::ArchiveFile;

/// One file of an archive.
pub struct Rec<'a> {
    pub r: &'a FileResult,
    pub summary: Option<&'a Summary>,
    /// Named on the command line (or under a named folder): its findings are reported.
    pub reported: bool,
    /// Its page, relative to the archive's folder, when it has one.
    pub page: Option<String>,
}

impl Rec<'_> {
    pub fn count(&self, s: Severity) -> usize {
        if self.reported {
            self.r.count(s)
        } else {
            0
        }
    }
    pub fn suppressed(&self) -> usize {
        if self.reported {
            self.r.suppressed.len()
        } else {
            0
        }
    }
    pub fn date(&self) -> Option<Date> {
        self.summary.and_then(|s| s.date)
    }
}

/// Where an urgent decision or a written consultation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Listed at the competent body's next meeting.
    OnTime,
    /// Listed later, or elsewhere.
    Late,
    /// Due, and listed nowhere after it.
    Missing,
    /// The archive holds no later meeting of the body: nothing is due yet.
    NotYetDue,
}

pub struct DueTrail {
    /// The record that holds it.
    pub file: usize,
    pub kind: DueKind,
    pub text: String,
    pub line: usize,
    pub date: Option<Date>,
    /// Code of the body it goes to.
    pub body: String,
    /// The meeting where it is due.
    pub due_at: Option<usize>,
    /// Records that list it in `Báo cáo lại` (after it), by date.
    pub reported_at: Vec<usize>,
    pub status: Status,
}

pub struct Delegation {
    /// The number as first written.
    pub text: String,
    /// The record that defines the number (the act of delegation), if in the archive.
    pub act: Option<usize>,
    /// `(file, what was decided, line)` for each decision taken under it.
    pub under: Vec<(usize, String, usize)>,
}

/// One cell of the meeting calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A regular meeting was held.
    Held,
    /// Meetings were held, none of them regular.
    Other,
    /// Within the archive's period and no regular meeting: a `meeting-frequency` gap.
    Missing,
    /// Outside the period (or only partly inside it): not judged.
    Outside,
}

pub struct CalendarRow {
    pub year: i32,
    /// One per month (12) or quarter (4): the state and the meetings in it.
    pub cells: Vec<(Cell, Vec<usize>)>,
}

pub struct Calendar {
    pub body: String,
    /// 1 (months) or 3 (quarters).
    pub len: u32,
    pub rows: Vec<CalendarRow>,
}

pub struct Point {
    pub file: usize,
    pub date: Date,
    pub present: u32,
    pub members: u32,
    /// Below the quorum (fewer present than the profile's fraction needs).
    pub below: bool,
}

pub struct Attendance {
    pub body: String,
    pub points: Vec<Point>,
    /// Dated meetings of the body whose attendance could not be read.
    pub unread: usize,
}

/// An archive as its pages show it.
pub struct View<'a> {
    pub archive: &'a Archive,
    /// Every file, in path order: reported ones and those read for context.
    pub recs: Vec<Rec<'a>>,
    /// Folder of its pages inside the report ("" or "NAME/").
    pub dir: String,
    /// The archive's name: its root folder as shown, or "—".
    pub name: String,
    /// The period covered: configured, or from the first to the last record.
    pub period: Option<(Date, Date)>,
    pub dues: Vec<DueTrail>,
    pub delegations: Vec<Delegation>,
    pub calendars: Vec<Calendar>,
    pub attendance: Vec<Attendance>,
    /// Path as shown → index in `recs` (for related records' links).
    pub by_path: HashMap<&'a str, usize>,
}

impl<'a> View<'a> {
    pub fn count(&self, s: Severity) -> usize {
        self.recs.iter().map(|r| r.count(s)).sum()
    }
    pub fn suppressed(&self) -> usize {
        self.recs.iter().map(Rec::suppressed).sum()
    }
    pub fn records(&self) -> usize {
        self.recs.iter().filter(|r| r.summary.is_some()).count()
    }
    /// The link to file `i`'s page from the archive's overview, or (with
    /// `from_record`) from a record page, if it has one.
    pub fn link(&self, i: usize, from_record: bool) -> Option<String> {
        let page = self.recs[i].page.as_ref()?;
        Some(if from_record { format!("../{page}") } else { page.clone() })
    }

    pub fn build(archive: &'a Archive, results: &'a HashMap<&str, &'a FileResult>, dir: String) -> View<'a> {
        let mut recs: Vec<Rec<'a>> = archive
            .reported
            .iter()
            .filter_map(|p| results.get(p.as_str()).copied())
            .map(|r| Rec { r, summary: r.summary.as_deref(), reported: true, page: None })
            .chain(archive.context.iter().map(|r| Rec {
                r,
                summary: r.summary.as_deref(),
                reported: false,
                page: None,
            }))
            .collect();
        recs.sort_by(|a, b| a.r.path.cmp(&b.r.path));
        let name = archive.root.as_ref().map_or_else(|| "—".to_string(), |r| display_root(r));
        let dated = recs.iter().filter_map(Rec::date);
        let span = dated.clone().min().zip(dated.max());
        let period = archive.period.or(span);
        let mut v = View {
            archive,
            recs,
            dir,
            name,
            period,
            dues: Vec::new(),
            delegations: Vec::new(),
            calendars: Vec::new(),
            attendance: Vec::new(),
            by_path: HashMap::new(),
        };
        v.by_path = v.recs.iter().enumerate().map(|(i, r)| (r.r.path.as_str(), i)).collect();
        v.trails();
        v.calendars();
        v.attendance();
        v.pages();
        v
    }

    fn files(&self) -> Vec<ArchiveFile<'a>> {
        self.recs.iter().map(|r| ArchiveFile { path: &r.r.path, summary: r.summary }).collect()
    }

    fn trails(&mut self) {
        let files = self.files();
        let meetings = report_back::meetings(&files);
        // Number key → records listing it in `Báo cáo lại`.
        let mut listed: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut delegations: BTreeMap<&str, Delegation> = BTreeMap::new();
        let mut defined: HashMap<&str, usize> = HashMap::new();
        for (i, r) in self.recs.iter().enumerate() {
            let Some(s) = r.summary else { continue };
            for n in &s.defines {
                defined.entry(n.key.as_str()).or_insert(i);
            }
            for x in &s.refers {
                match x.kind {
                    RefKind::ReportBack => listed.entry(x.number.key.as_str()).or_default().push(i),
                    RefKind::Delegation => {
                        let d = delegations.entry(x.number.key.as_str()).or_insert_with(|| Delegation {
                            text: x.number.text.clone(),
                            act: None,
                            under: Vec::new(),
                        });
                        d.under.push((i, x.decision.clone().unwrap_or_default(), x.number.pos.line));
                    }
                }
            }
        }
        for (key, d) in &mut delegations {
            d.act = defined.get(key).copied();
        }
        let date_of = |i: usize| self.recs[i].date();
        for (i, r) in self.recs.iter().enumerate() {
            let Some(s) = r.summary else { continue };
            for due in &s.due {
                let next = s.date.and_then(|d| report_back::later(&meetings, &due.body, d).first().map(|x| x.1));
                let mut reported_at: Vec<usize> = due
                    .keys
                    .iter()
                    .flat_map(|k| listed.get(k.as_str()).into_iter().flatten().copied())
                    .filter(|&j| j != i && (s.date.is_none() || date_of(j).is_none() || date_of(j) > s.date))
                    .collect();
                reported_at.sort_by_key(|&j| (date_of(j), j));
                reported_at.dedup();
                let status = match next {
                    None => Status::NotYetDue,
                    Some(n) if reported_at.contains(&n) => Status::OnTime,
                    Some(_) if reported_at.is_empty() => Status::Missing,
                    Some(_) => Status::Late,
                };
                self.dues.push(DueTrail {
                    file: i,
                    kind: due.kind,
                    text: due.text.clone(),
                    line: due.pos.line,
                    date: s.date,
                    body: due.body.clone(),
                    due_at: next,
                    reported_at,
                    status,
                });
            }
        }
        self.dues.sort_by_key(|d| (d.date, d.file, d.line));
        self.delegations = delegations.into_values().collect();
    }

    fn calendars(&mut self) {
        let Some((from, to)) = self.period else { return };
        let profile = &self.archive.profile;
        for body in &profile.bodies {
            let len = match body.regular {
                Regular::Month => 1,
                Regular::Quarter => 3,
                Regular::None => continue,
            };
            // (year, first month of the cell) → (regular held, meetings)
            let mut held: HashMap<(i32, u32), (bool, Vec<usize>)> = HashMap::new();
            for (i, r) in self.recs.iter().enumerate() {
                let Some(s) = r.summary.filter(|s| s.is_meeting_of(&body.code)) else { continue };
                let Some(d) = s.date else { continue };
                let e = held.entry((d.year, (d.month - 1) / len * len + 1)).or_default();
                e.0 |= s.regular;
                e.1.push(i);
            }
            let rows = (from.year..=to.year)
                .map(|year| {
                    let cells = (0..12 / len)
                        .map(|k| {
                            let m = k * len + 1;
                            let (regular, mut files) = held.remove(&(year, m)).unwrap_or_default();
                            files.sort_by_key(|&i| self.recs[i].date());
                            let start = Date { year, month: m, day: 1 };
                            let end_m = m + len - 1;
                            let end = Date { year, month: end_m, day: days_in(year, end_m) };
                            let state = if regular {
                                Cell::Held
                            } else if start < from || end > to {
                                if files.is_empty() {
                                    Cell::Outside
                                } else {
                                    Cell::Other
                                }
                            } else if files.is_empty() {
                                Cell::Missing
                            } else {
                                // Meetings that do not count: still a gap for the rule.
                                Cell::Other
                            };
                            (state, files)
                        })
                        .collect();
                    CalendarRow { year, cells }
                })
                .collect();
            self.calendars.push(Calendar { body: body.code.clone(), len, rows });
        }
    }

    fn attendance(&mut self) {
        let q = &self.archive.profile.quorum;
        for body in self.archive.profile.bodies.iter().filter(|b| b.quorum) {
            let mut points: Vec<Point> = self
                .recs
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let s = r.summary.filter(|s| s.is_meeting_of(&body.code))?;
                    let (date, present, members) = (s.date?, s.present?, s.members.filter(|&m| m > 0)?);
                    Some(Point { file: i, date, present, members, below: present < q.needed(members) })
                })
                .collect();
            points.sort_by_key(|p| (p.date, p.file));
            let dated = self
                .recs
                .iter()
                .filter(|r| r.summary.is_some_and(|s| s.is_meeting_of(&body.code) && s.date.is_some()))
                .count();
            if !points.is_empty() {
                let unread = dated - points.len();
                self.attendance.push(Attendance { body: body.code.clone(), points, unread });
            }
        }
    }

    /// Pages only where they add something: reported records with
    /// findings (or suppressed ones), and reported records on a trail.
    fn pages(&mut self) {
        let mut on_trail: HashSet<usize> = HashSet::new();
        for d in &self.dues {
            on_trail.insert(d.file);
            on_trail.extend(d.due_at);
            on_trail.extend(d.reported_at.iter().copied());
        }
        for d in &self.delegations {
            on_trail.extend(d.act);
            on_trail.extend(d.under.iter().map(|u| u.0));
        }
        for (i, r) in self.recs.iter_mut().enumerate() {
            let worth = !r.r.findings.is_empty() || !r.r.suppressed.is_empty() || on_trail.contains(&i);
            if r.reported && worth {
                r.page = Some(format!("r/{}-{}.html", i + 1, slug(&r.r.path)));
            }
        }
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    crate::model::values::days_in_month(year, month).unwrap_or(31)
}

/// The archive root as shown: relative to the current folder when inside it.
fn display_root(root: &std::path::Path) -> String {
    let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
    let shown = cwd.as_deref().and_then(|c| root.strip_prefix(c).ok()).unwrap_or(root);
    let s = shown.to_string_lossy().into_owned();
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

/// A file name safe on every system, made from a path: its last
/// component folded to ASCII letters, digits and dashes, at most 60.
pub fn slug(path: &str) -> String {
    let stem = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = stem.strip_suffix(".md").unwrap_or(stem);
    let mut out = String::new();
    for c in fold(stem).chars() {
        let c = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "ban".to_string()
    } else {
        out.to_string()
    }
}

/// Days since 0000-03-01 (a proleptic Gregorian day count), for charts.
pub fn day_number(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + i64::from(d.day) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_and_never_empty() {
        assert_eq!(slug("samples/2021/btv/2021-04-btv-thuong-le.md"), "2021-04-btv-thuong-le");
        assert_eq!(slug("x/<b>.md"), "b");
        assert_eq!(slug("Biên bản Đảng ủy.md"), "bien-ban-dang-uy");
        assert_eq!(slug("../../.md"), "ban");
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(day_number(d(2021, 3, 1)) - day_number(d(2021, 2, 28)), 1);
        assert_eq!(day_number(d(2020, 3, 1)) - day_number(d(2020, 2, 28)), 2);
        assert_eq!(day_number(d(2022, 1, 1)) - day_number(d(2021, 1, 1)), 365);
    }
}
