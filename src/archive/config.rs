//! `bienban.toml`: marks an archive's root and configures the run. Unknown
//! keys are rejected with a diagnostic on the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;

use crate::common::i18n::Lang;
use crate::model::roster::Roster;
use crate::model::Date;
use crate::read::discover::{Discovered, Target};
use crate::tr;

pub const FILE_NAME: &str = "bienban.toml";

pub use crate::common::finding::Level;
/// The largest `bienban.toml` read (a real one is a few hundred bytes).
pub const MAX_CONFIG_SIZE: u64 = 1 << 20;
/// The largest profile, roster or baseline read (the built-in profile is 60 KB).
pub const MAX_DATA_SIZE: u64 = 8 << 20;
/// The most globs `include` or `exclude` may hold (each is compiled).
pub const MAX_GLOBS: usize = 1000;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Language of messages when `--lang` is not given.
    pub lang: Option<Lang>,
    /// A regulation profile of the archive's own, relative to the root.
    pub profile: Option<toml::Spanned<PathBuf>>,
    /// Who the members of each body were, and when (format 1.1,
    /// "Membership"): a TOML file relative to the root (`archive::roster`).
    pub roster: Option<toml::Spanned<PathBuf>>,
    /// Patterns (`.gitignore` syntax, relative to the root) of the files
    /// that make up the archive, and of those left out.
    #[serde(default)]
    pub include: Vec<toml::Spanned<String>>,
    #[serde(default)]
    pub exclude: Vec<toml::Spanned<String>>,
    /// The period the archive covers (`meeting-frequency`).
    pub period: Option<Period>,
    /// The committee's current term: document numbers restart at its
    /// start (`duplicate-id`).
    pub term: Option<TermDates>,
    /// Files larger than this are not read: bytes, or `"4M"`, `"512K"`.
    pub max_file_size: Option<toml::Spanned<SizeText>>,
    /// Severity per rule: `off`, `warning` or `error`.
    #[serde(default)]
    pub rules: BTreeMap<toml::Spanned<String>, Level>,
    #[serde(skip)]
    globs: Option<(Patterns, Patterns)>,
    /// `--select` / `--ignore` on the command line, which win over `[rules]`.
    #[serde(skip)]
    pub selection: Selection,
    /// The roster `roster` names, once read ([`Config::set_roster`]).
    #[serde(skip)]
    members: Option<std::sync::Arc<Roster>>,
}

/// A list of patterns in `.gitignore` syntax (the `ignore` crate's
/// matcher, as ripgrep's `--glob`): `du-thao/` a folder at any depth,
/// `/2021/*.md` anchored at the root, `*.nhap.md` a name at any depth,
/// `!giu.md` an exception; a later line wins over an earlier one.
#[derive(Debug, Clone)]
pub struct Patterns(Gitignore);

impl Patterns {
    /// The patterns of `lines`; `Err((i, why))`: line `i` is not a valid pattern.
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Result<Patterns, (usize, String)> {
        // Anchored at ".": the paths matched are already relative to the root.
        let mut b = GitignoreBuilder::new(".");
        for (i, line) in lines.into_iter().enumerate() {
            b.add_line(None, line).map_err(|e| (i, e.to_string()))?;
        }
        b.build().map(Patterns).map_err(|e| (0, e.to_string()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `rel` (a file, relative to the root), or a folder above it,
    /// matches: the last matching pattern decides, and a `!` pattern
    /// un-matches.
    pub fn matches(&self, rel: &Path) -> bool {
        if self.0.is_empty() {
            return false;
        }
        // The matcher takes relative paths only: a path that is not (a file
        // named outside any root) is matched by its components.
        let rel: PathBuf = rel.components().filter(|c| matches!(c, std::path::Component::Normal(_))).collect();
        self.0.matched_path_or_any_parents(&rel, false).is_ignore()
    }
}

/// The rules named by `--select RULE,…` (only these run) and `--ignore
/// RULE,…` (these do not), as ruff's flags of the same names.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// The first name that is no rule, with the nearest rule's name.
    pub fn unknown(&self) -> Option<(&str, Option<&'static str>)> {
        self.select
            .iter()
            .flatten()
            .chain(&self.ignore)
            .find(|n| crate::rules::doc(n).is_none())
            .map(|n| (n.as_str(), suggest_rule(n)))
    }
}

/// The rule whose name is nearest to `name` (a misspelling), if one is near enough.
pub fn suggest_rule(name: &str) -> Option<&'static str> {
    crate::rules::docs()
        .map(|d| (strsim::levenshtein(d.name, name), d.name))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| n)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: toml::Spanned<DateText>,
    pub to: toml::Spanned<DateText>,
}

/// `[term]`: the term's first day, and (optionally) its last.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermDates {
    pub from: toml::Spanned<DateText>,
    pub to: Option<toml::Spanned<DateText>>,
}

/// A date written `2021-01-01` (a TOML date) or `"2021-01-01"`/`"01/01/2021"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DateText {
    Toml(toml::value::Datetime),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SizeText {
    Bytes(u64),
    Text(String),
}

/// `4194304`, `4M`, `4 MB`, `512K`, `1G`.
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix("ib").or_else(|| t.strip_suffix('b')).unwrap_or(&t).trim_end();
    let (num, mult) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1u64 << 10),
        'm' => (&t[..t.len() - 1], 1 << 20),
        'g' => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mult)
}

/// A configuration problem: the message and, when known, the byte range in
/// the file, for a miette diagnostic.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    /// The file's text, to show the offending line: only for a TOML file of
    /// the archive (or one the user named), never for anything else.
    pub text: Option<String>,
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
    pub help: Option<String>,
}

impl Config {
    pub fn level(&self, rule: &str) -> Option<Level> {
        self.rules.iter().find(|(k, _)| k.get_ref() == rule).map(|(_, v)| *v)
    }

    /// A rule's level in this run: `--ignore` turns it off; `--select`
    /// turns every other rule off, and a selected rule that `[rules]` or
    /// the profile (`fallback`) turns off runs at its default severity;
    /// otherwise `[rules]`, else `fallback`.
    pub fn effective(&self, rule: &str, fallback: Option<Level>) -> Option<Level> {
        let sel = &self.selection;
        if sel.ignore.iter().any(|r| r == rule) {
            return Some(Level::Off);
        }
        let level = self.level(rule).or(fallback);
        match &sel.select {
            Some(list) if !list.iter().any(|r| r == rule) => Some(Level::Off),
            Some(_) if level == Some(Level::Off) => crate::rules::doc(rule).map(|d| match d.severity {
                crate::common::finding::Severity::Error => Level::Error,
                crate::common::finding::Severity::Warning => Level::Warning,
            }),
            _ => level,
        }
    }

    /// Reads and validates `path` (a `bienban.toml`): a regular file, not a
    /// link, within [`MAX_CONFIG_SIZE`].
    pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
        let text = read_text(path, MAX_CONFIG_SIZE, lang).map_err(|message| ConfigError {
            path: path.to_path_buf(),
            text: None,
            message,
            span: None,
            help: None,
        })?;
        Config::parse(path, text, lang)
    }

    pub fn parse(path: &Path, text: String, lang: Lang) -> Result<Config, ConfigError> {
        let err = |message: String, span: Option<std::ops::Range<usize>>, help: Option<String>, text: &str| {
            ConfigError { path: path.to_path_buf(), text: Some(text.to_string()), message, span, help }
        };
        let mut c: Config = match toml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                let help = tr!(
                    lang,
                    "các khóa hợp lệ: lang, profile, roster, include, exclude, period, term, max_file_size, [rules]; xem `bienban init`",
                    "valid keys: lang, profile, roster, include, exclude, period, term, max_file_size, [rules]; see `bienban init`"
                );
                return Err(err(e.message().to_string(), e.span(), Some(help), &text));
            }
        };
        for k in c.rules.keys() {
            if crate::rules::doc(k.get_ref()).is_none() {
                let near = suggest_rule(k.get_ref());
                let help = match near {
                    Some(n) => {
                        tr!(lang, "có phải là `{}`? Xem `bienban rules`", "did you mean `{}`? See `bienban rules`", n)
                    }
                    None => {
                        tr!(lang, "xem danh sách quy tắc bằng `bienban rules`", "see the rules with `bienban rules`")
                    }
                };
                return Err(err(
                    tr!(lang, "không có quy tắc nào tên `{}`", "there is no rule named `{}`", k.get_ref()),
                    Some(k.span()),
                    Some(help),
                    &text,
                ));
            }
        }
        let period = c.period.iter().flat_map(|p| [&p.from, &p.to]);
        let term = c.term.iter().flat_map(|t| std::iter::once(&t.from).chain(t.to.as_ref()));
        for d in period.chain(term) {
            if date_of(d.get_ref()).is_none() {
                return Err(err(
                    tr!(lang, "ngày không hợp lệ", "invalid date"),
                    Some(d.span()),
                    Some(tr!(lang, "viết dạng 2021-01-01", "write it as 2021-01-01")),
                    &text,
                ));
            }
        }
        if let Some(p) = &c.period {
            if let (Some(from), Some(to)) = (date_of(p.from.get_ref()), date_of(p.to.get_ref())) {
                if from > to {
                    return Err(err(
                        tr!(
                            lang,
                            "kỳ bắt đầu (`from`) sau ngày kết thúc (`to`)",
                            "the period starts (`from`) after it ends (`to`)"
                        ),
                        Some(p.from.span()),
                        Some(tr!(
                            lang,
                            "đổi chỗ hai ngày, hoặc sửa ngày viết sai",
                            "swap the two dates, or correct the one mistyped"
                        )),
                        &text,
                    ));
                }
            }
        }
        if let Some(s) = &c.max_file_size {
            if c.max_file_size().is_none() {
                return Err(err(
                    tr!(lang, "kích thước không hợp lệ", "invalid size"),
                    Some(s.span()),
                    Some(tr!(lang, "viết số byte, hoặc dạng \"4M\", \"512K\"", "write bytes, or \"4M\", \"512K\"")),
                    &text,
                ));
            }
        }
        for list in [&c.include, &c.exclude] {
            if let Some(g) = list.get(MAX_GLOBS) {
                return Err(err(
                    tr!(lang, "quá nhiều mẫu (tối đa {})", "too many globs (at most {})", MAX_GLOBS),
                    Some(g.span()),
                    Some(tr!(
                        lang,
                        "gộp các mẫu lại, ví dụ `du-thao/` thay cho từng tệp",
                        "merge the globs, e.g. `du-thao/` instead of one per file"
                    )),
                    &text,
                ));
            }
        }
        let mut sets = Vec::new();
        for list in [&c.include, &c.exclude] {
            match Patterns::new(list.iter().map(|g| g.get_ref().as_str())) {
                Ok(p) => sets.push(p),
                Err((i, e)) => {
                    return Err(err(
                        tr!(lang, "mẫu không hợp lệ: {}", "invalid glob: {}", e),
                        list.get(i).map(|g| g.span()),
                        Some(tr!(
                            lang,
                            "mẫu viết như trong .gitignore: `du-thao/`, `2021/*.md`, `*.nhap.md`",
                            "patterns are written as in .gitignore: `du-thao/`, `2021/*.md`, `*.nhap.md`"
                        )),
                        &text,
                    ))
                }
            }
        }
        let exclude = sets.pop().expect("two sets");
        let include = sets.pop().expect("two sets");
        c.globs = Some((include, exclude));
        Ok(c)
    }

    /// The archive's roster, once read.
    pub fn roster(&self) -> Option<&Roster> {
        self.members.as_deref()
    }

    /// Sets the roster the archive is checked against (read by
    /// `archive::roster::load`, or built by a test).
    pub fn set_roster(&mut self, roster: Roster) {
        self.members = Some(std::sync::Arc::new(roster));
    }

    pub fn max_file_size(&self) -> Option<u64> {
        match self.max_file_size.as_ref()?.get_ref() {
            SizeText::Bytes(n) => Some(*n),
            SizeText::Text(s) => parse_size(s),
        }
    }

    /// The first day of each numbering term the archive knows of: the
    /// profile's `[[term]]`s and this file's `[term]`, in order.
    pub fn term_starts(&self, profile: &crate::regulation::profile::Profile) -> Vec<Date> {
        let mut starts: Vec<Date> = profile
            .terms
            .iter()
            .filter_map(|t| date_of(&DateText::Toml(t.from)))
            .chain(self.term.as_ref().and_then(|t| date_of(t.from.get_ref())))
            .collect();
        starts.sort();
        starts.dedup();
        starts
    }

    pub fn period(&self) -> Option<(Date, Date)> {
        let p = self.period.as_ref()?;
        Some((date_of(p.from.get_ref())?, date_of(p.to.get_ref())?))
    }

    /// Whether a file at `rel` (relative to the root) belongs to the
    /// archive: it (or a folder above it) matches `include`, when there is
    /// one, and not `exclude`.
    pub fn includes(&self, rel: &Path) -> bool {
        match &self.globs {
            Some((inc, exc)) => (self.include.is_empty() || inc.matches(rel)) && !exc.matches(rel),
            None => true,
        }
    }
}

pub(crate) fn date_of(d: &DateText) -> Option<Date> {
    match d {
        DateText::Toml(t) => t
            .date
            .and_then(|d| crate::model::values::date(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)).ok())
            .map(|x| x.0),
        DateText::Text(s) => crate::model::values::date(s).ok().map(|x| x.0),
    }
}

/// Reads a small text file: a regular file, not a link, within `limit`,
/// UTF-8. The error is a message for the user.
pub fn read_text(path: &Path, limit: u64, lang: Lang) -> Result<String, String> {
    use crate::read::file::{read_limited, ReadError};
    let shown = path.display();
    let bytes = read_limited(path, limit).map_err(|e| match e {
        ReadError::TooLarge(n) => tr!(
            lang,
            "{} quá lớn ({} byte; giới hạn {} byte)",
            "{} is too large ({} bytes; the limit is {})",
            shown,
            n,
            limit
        ),
        ReadError::NotRegular => {
            tr!(lang, "{} không phải tệp thông thường", "{} is not a regular file", shown)
        }
        ReadError::Link => tr!(lang, "{} là một liên kết: không đọc", "{} is a symbolic link: not read", shown),
        ReadError::Io(e) => tr!(lang, "không đọc được {}: {}", "cannot read {}: {}", shown, e),
    })?;
    String::from_utf8(bytes).map_err(|_| tr!(lang, "{} không phải văn bản UTF-8", "{} is not UTF-8 text", shown))
}

/// The folder holding the nearest `bienban.toml` at or above `path` that
/// may govern the run ([`probe`]); the ones passed over are added to `ignored`.
pub fn find_root(path: &Path, ignored: &mut Vec<Ignored>) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(path).ok()?;
    let start = if abs.is_dir() { abs.as_path() } else { abs.parent()? };
    for d in start.ancestors() {
        match probe(d) {
            Probe::Root => return Some(d.to_path_buf()),
            Probe::None => {}
            Probe::Ignored(i) => ignored.push(i),
        }
    }
    None
}

/// What a folder's `bienban.toml` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// None there: not a root.
    None,
    /// The folder is an archive root.
    Root,
    /// There is one, but it may not govern the run: not a root.
    Ignored(Ignored),
}

/// A `bienban.toml` that does not govern the run, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ignored {
    pub path: PathBuf,
    /// Its owner, when that is the reason (else it is a link).
    pub owner: Option<u32>,
}

impl Ignored {
    /// What is said about it on standard error.
    pub fn note(&self, lang: Lang) -> String {
        let p = self.path.display();
        match self.owner {
            Some(uid) => tr!(
                lang,
                "bienban: bỏ qua {}: tệp thuộc người dùng khác (uid {}), không phải của bạn hay của root, nên không được điều khiển lần kiểm tra này",
                "bienban: ignoring {}: it belongs to another user (uid {}), neither you nor root, so it does not govern this run",
                p,
                uid
            ),
            None => tr!(
                lang,
                "bienban: bỏ qua {}: là một liên kết, không phải tệp thông thường",
                "bienban: ignoring {}: it is a symbolic link, not a regular file",
                p
            ),
        }
    }
}

/// Whether `dir` is an archive root. A `bienban.toml` makes it one when it
/// is a regular file (not a link) owned by the user running bienban or by
/// root: one that another user could plant in a shared folder (`/tmp`, a
/// parent of the archive) does not get to configure the run, choose its
/// profile or hide its findings — the way Mercurial ignores an `hgrc` of
/// an untrusted user. One `lstat`, as the plain existence test took.
pub fn probe(dir: &Path) -> Probe {
    let path = dir.join(FILE_NAME);
    let Ok(m) = std::fs::symlink_metadata(&path) else { return Probe::None };
    if m.file_type().is_symlink() {
        return Probe::Ignored(Ignored { path, owner: None });
    }
    if !m.is_file() {
        return Probe::None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid(2) cannot fail and has no side effect.
        let me = unsafe { libc::geteuid() };
        if m.uid() != me && m.uid() != 0 {
            return Probe::Ignored(Ignored { path, owner: Some(m.uid()) });
        }
    }
    Probe::Root
}

/// The files that a walk from an archive's root found and that belong to
/// it: those under a folder below with a `bienban.toml` of its own (one
/// that may govern the run, [`probe`]) belong to that nested archive, as
/// when the whole tree is checked, and are not read as this one's records.
pub fn own_files(found: Discovered) -> Vec<Target> {
    let Discovered { targets, walked, .. } = found;
    let nested: Vec<&PathBuf> = walked
        .iter()
        .flat_map(|w| w.marked.iter().filter(move |m| **m != w.root))
        .filter(|m| matches!(probe(m), Probe::Root))
        .collect();
    if nested.is_empty() {
        return targets;
    }
    targets.into_iter().filter(|t| !nested.iter().any(|n| t.path.starts_with(n))).collect()
}

/// A file the configuration names (`profile`, `roster`, and the baseline
/// to come): a relative path that stays under the archive's `root` (no
/// absolute path, no `..`, no link leading out), a regular file within
/// [`MAX_DATA_SIZE`], UTF-8. Errors point at the key in `bienban.toml`;
/// `elsewhere` says how to use a file outside the archive, if there is a way.
/// Returns the file's canonical path and its text.
pub fn archive_file(
    root: &Path,
    named: &toml::Spanned<PathBuf>,
    config_path: &Path,
    config_text: &str,
    elsewhere: Option<String>,
    lang: Lang,
) -> Result<(PathBuf, String), ConfigError> {
    let err = |message: String, help: Option<String>| ConfigError {
        path: config_path.to_path_buf(),
        text: Some(config_text.to_string()),
        message,
        span: Some(named.span()),
        help,
    };
    let rel = named.get_ref();
    let shown = rel.display();
    if !is_inside(rel) {
        let help = tr!(
            lang,
            "viết đường dẫn tương đối tính từ thư mục chứa bienban.toml, không có `..`",
            "write a path relative to bienban.toml's folder, without `..`"
        );
        return Err(err(
            tr!(lang, "{}: phải là đường dẫn bên trong lưu trữ", "{}: must be a path inside the archive", shown),
            Some(match elsewhere {
                Some(e) => format!("{help}; {e}"),
                None => help,
            }),
        ));
    }
    let canonical = std::fs::canonicalize(root.join(rel))
        .map_err(|e| err(tr!(lang, "không đọc được {}: {}", "cannot read {}: {}", shown, e), None))?;
    if !canonical.starts_with(root) {
        return Err(err(
            tr!(lang, "{}: liên kết trỏ ra ngoài lưu trữ", "{}: a link that leads outside the archive", shown),
            None,
        ));
    }
    let text = read_text(&canonical, MAX_DATA_SIZE, lang).map_err(|m| err(m, None))?;
    Ok((canonical, text))
}

/// A path relative to the archive's root that stays under it as written:
/// not empty, not absolute, no `..`.
pub fn is_inside(rel: &Path) -> bool {
    use std::path::Component;
    !rel.as_os_str().is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// What `bienban init` writes.
pub const TEMPLATE: &str = r#"# bienban.toml — đánh dấu gốc của một bộ lưu trữ biên bản và cấu hình bienban.
# This file marks the root of an archive of minutes and configures bienban.
# `bienban check FILE…` đọc mọi biên bản dưới thư mục này để kiểm tra các quy tắc
# liên biên bản, nhưng chỉ báo lỗi cho các tệp được nêu tên.

# Ngôn ngữ thông báo khi không dùng --lang: "vi" hoặc "en".
# lang = "vi"

# Hồ sơ quy chế riêng (đường dẫn tính từ thư mục này). Bỏ trống: dùng quy chế có sẵn
# (Quy chế làm việc BCH Đảng bộ Các cơ quan tỉnh Bắc Kạn 2020-2025).
# profile = "quy-che.toml"

# Danh sách thành viên của các cơ quan theo thời gian (tệp TOML trong thư mục này):
# tổng số, người có mặt/vắng mặt và người chủ trì được đối chiếu với danh sách
# (quy tắc roster). `bienban roster init` lập một bản nháp từ các biên bản.
# roster = "thanh-vien.toml"

# Những tệp thuộc lưu trữ (mẫu viết như trong .gitignore, tính từ thư mục này).
# Tệp bị loại vẫn được đếm là "bỏ qua" (--show-skipped). Các tệp mà .gitignore
# hay .ignore bỏ qua thì không được đọc (--no-ignore để đọc cả chúng).
# include = ["*.md"]
# exclude = ["du-thao/"]

# Tệp lớn hơn giới hạn này không được đọc (mặc định 4M).
# max_file_size = "4M"

# Kỳ của lưu trữ, cho quy tắc meeting-frequency. Bỏ trống: từ biên bản đầu tiên
# đến biên bản cuối cùng.
# [period]
# from = 2021-01-01
# to = 2021-12-31

# Nhiệm kỳ hiện tại: số văn bản được đánh lại từ đầu mỗi nhiệm kỳ (Hướng dẫn
# 36-HD/VPTW), nên duplicate-id chỉ so số trong cùng một nhiệm kỳ. Bỏ trống:
# cả lưu trữ là một nhiệm kỳ (hoặc theo [[term]] của hồ sơ quy chế).
# [term]
# from = 2020-10-15

# Mức độ của từng quy tắc: "off", "warning" hoặc "error" (xem `bienban rules`).
[rules]
# chair = "warning"
# between-sessions-report = "off"
"#;
