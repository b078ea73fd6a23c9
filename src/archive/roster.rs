//! The roster file (format 1.1, "Membership"): `roster = "thanh-vien.toml"`
//! in `bienban.toml` names a TOML file under the archive's root with one
//! `[[member]]` per person, body and period. It is read once per archive,
//! with the same containment as the profile (`config::archive_file`), and
//! validated against the profile: unknown keys, a body the profile does not
//! have, `to` before `from`, and one person twice in one body over
//! overlapping dates are configuration errors showing the line. The
//! `roster` rule and the totals of `quorum`, `majority` and `attendance`
//! query the result (`model::roster::Roster`).
//!
//! `bienban roster init` drafts such a file from the records ([`draft`]).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::archive::config::{self, date_of, Config, ConfigError, DateText};
use crate::check::{self, Options};
use crate::common::i18n::Lang;
use crate::common::span::line_col;
use crate::common::text::{fold, spelling};
use crate::model::roster::{Member, Roster};
use crate::model::{Date, Person, Value};
use crate::read::discover::{discover_all, Walk};
use crate::read::file::resolve_within;
use crate::regulation::profile::Profile;
use crate::tr;

/// The most entries a roster may have: one organisation's members over
/// many terms are a few hundred; more would only slow every check.
pub const MAX_ENTRIES: usize = 5000;

/// The file's name when `bienban.toml` names none (`bienban roster init`).
pub const DEFAULT_FILE: &str = "thanh-vien.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    member: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: Spanned<String>,
    body: Spanned<String>,
    role: Option<Spanned<String>>,
    from: Spanned<DateText>,
    to: Option<Spanned<DateText>>,
}

/// The roster `config` names, read and validated; `None` when it names none.
pub fn load(
    root: &Path,
    config: &Config,
    config_path: &Path,
    config_text: &str,
    profile: &Profile,
    lang: Lang,
) -> Result<Option<Roster>, Box<ConfigError>> {
    let Some(named) = &config.roster else { return Ok(None) };
    let (file, text) = config::archive_file(root, named, config_path, config_text, None, lang)?;
    let source = named.get_ref().to_string_lossy();
    Ok(Some(parse(&file, &source, &text, profile, lang)?))
}

/// Reads a roster's text. `path` is where errors say it is; `source` is how
/// findings name it (`thanh-vien.toml`).
pub fn parse(path: &Path, source: &str, text: &str, profile: &Profile, lang: Lang) -> Result<Roster, Box<ConfigError>> {
    let err = |message: String, span: Option<std::ops::Range<usize>>, help: Option<String>| {
        Box::new(ConfigError { path: path.to_path_buf(), text: Some(text.to_string()), message, span, help })
    };
    let keys = tr!(
        lang,
        "mỗi mục `[[member]]` có các khóa name (họ tên), body (cơ quan), role (chức vụ, không bắt buộc), from (từ ngày), to (đến ngày, không bắt buộc)",
        "each `[[member]]` has the keys name, body, role (optional), from, to (optional)"
    );
    let file: File = toml::from_str(text).map_err(|e| {
        let (message, help) = toml_problem(e.message(), lang);
        err(message, e.span(), Some(help.unwrap_or_else(|| keys.clone())))
    })?;
    if file.member.is_empty() {
        return Err(err(
            tr!(lang, "danh sách thành viên không có mục `[[member]]` nào", "the roster has no `[[member]]` entry"),
            None,
            Some(keys),
        ));
    }
    let bodies = || {
        let codes: Vec<&str> = profile.bodies.iter().filter(|b| !b.external).map(|b| b.code.as_str()).collect();
        codes.join(", ")
    };
    let date = |d: &Spanned<DateText>| {
        date_of(d.get_ref()).ok_or_else(|| {
            err(
                tr!(lang, "ngày không hợp lệ", "invalid date"),
                Some(d.span()),
                Some(tr!(lang, "viết dạng 2021-03-15", "write it as 2021-03-15")),
            )
        })
    };
    let mut members = Vec::with_capacity(file.member.len());
    // Where each entry's name is, in the order of `members`.
    let mut spans = Vec::with_capacity(file.member.len());
    if let Some(e) = file.member.get(MAX_ENTRIES) {
        return Err(err(
            tr!(
                lang,
                "danh sách thành viên quá dài (quá {} mục)",
                "the roster is too long (over {} entries)",
                MAX_ENTRIES
            ),
            Some(e.name.span()),
            Some(tr!(
                lang,
                "một tổ chức đảng chỉ có vài trăm mục qua nhiều nhiệm kỳ; mỗi lưu trữ một danh sách",
                "one party organisation has a few hundred entries over many terms; one roster per archive"
            )),
        ));
    }
    for e in &file.member {
        // `Đ/c Hoàng Văn Đức` is `Hoàng Văn Đức`, as in the records.
        let person = crate::model::values::person(e.name.get_ref(), Default::default());
        let name = person.name.as_str();
        if fold(name).is_empty() {
            return Err(err(tr!(lang, "họ tên trống", "an empty name"), Some(e.name.span()), None));
        }
        let written = e.body.get_ref();
        let body = profile.body(written).or_else(|| profile.body_named(written)).filter(|b| !b.external);
        let Some(body) = body else {
            return Err(err(
                tr!(lang, "`{}` không phải cơ quan nào của quy chế", "`{}` is no body of the profile", written),
                Some(e.body.span()),
                Some(tr!(lang, "các cơ quan: {}", "the bodies: {}", bodies())),
            ));
        };
        let from = date(&e.from)?;
        let to = e.to.as_ref().map(date).transpose()?;
        if let (Some(to), Some(span)) = (to, e.to.as_ref().map(Spanned::span)) {
            if to < from {
                return Err(err(
                    tr!(lang, "`to` ({}) trước `from` ({})", "`to` ({}) is before `from` ({})", to, from),
                    Some(span),
                    Some(tr!(
                        lang,
                        "`to` là ngày cuối cùng còn là thành viên, không trước `from`",
                        "`to` is the last day of membership, not before `from`"
                    )),
                ));
            }
        }
        let role = e.role.as_ref().map(|r| r.get_ref().as_str());
        members.push(Member::new(name, &body.code, role, from, to));
        spans.push(e.name.span());
    }
    // The same person (the same name as spelt: names that fold alike may be
    // two people) twice in one body over overlapping dates.
    let mut people: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        people.entry((&m.body, &m.key)).or_default().push(i);
    }
    let mut clashes = Vec::new();
    for ((body, _), mut entries) in people.into_iter().filter(|(_, e)| e.len() > 1) {
        entries.sort_by_key(|&i| (members[i].from, spans[i].start));
        let spelt: Vec<String> = entries.iter().map(|&i| spelling(&members[i].name)).collect();
        for (k, &later) in entries.iter().enumerate() {
            let from = members[later].from;
            let earlier = (0..k).find(|&j| spelt[j] == spelt[k] && members[entries[j]].to.is_none_or(|to| to >= from));
            if let Some(j) = earlier {
                clashes.push((spans[later].clone(), spans[entries[j]].start, body.to_string()));
            }
        }
    }
    if let Some((span, first, body)) = clashes.into_iter().min_by_key(|c| c.0.start) {
        let line = line_col(text, first).0;
        let name = text.get(span.clone()).unwrap_or_default().trim_matches(['"', '\'']);
        return Err(err(
            tr!(
                lang,
                "{} được ghi hai lần trong {} với thời gian chồng lên nhau (lần đầu ở dòng {})",
                "{} is entered twice in {} over overlapping dates (first on line {})",
                name,
                body,
                line
            ),
            Some(span),
            Some(tr!(
                lang,
                "mỗi người một mục cho mỗi thời kỳ trong một cơ quan: kết thúc mục trước bằng `to` trước ngày `from` của mục sau",
                "one entry per person and period in a body: end the first with a `to` before the second's `from`"
            )),
        ));
    }
    Ok(Roster::new(source, members, crate::common::hash::key(text.as_bytes())))
}

/// toml's (English) message, said in the clerk's language where we know
/// it: an unknown key, a missing key, a date that is not one. The help,
/// when the message calls for its own.
fn toml_problem(message: &str, lang: Lang) -> (String, Option<String>) {
    let quoted = |m: &str| m.split('`').nth(1).unwrap_or_default().to_string();
    if message.starts_with("unknown field") {
        let k = quoted(message);
        (tr!(lang, "khóa không hợp lệ `{}`", "unknown key `{}`", k), None)
    } else if message.starts_with("missing field") {
        let k = quoted(message);
        (tr!(lang, "thiếu khóa `{}`", "missing key `{}`", k), None)
    } else if message.contains("DateText") || message.contains("date-time") {
        (
            tr!(lang, "ngày không hợp lệ", "invalid date"),
            Some(tr!(lang, "viết dạng 2021-03-15", "write it as 2021-03-15")),
        )
    } else {
        let message = message.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
        (tr!(lang, "không đọc được danh sách thành viên: {}", "cannot read the roster: {}", message), None)
    }
}

/// What the records say of one person in one body.
struct Seen {
    /// Spellings of the name, with how often each was written.
    spellings: BTreeMap<String, usize>,
    first: Date,
    last: Date,
    /// Roles written (folded → the spelling kept and the last date it was written).
    roles: BTreeMap<String, (String, Date)>,
}

/// A starting roster drawn from the records under `root`: everyone listed
/// present or absent, per body, from the first to the last date they were
/// listed, with the roles written. For a clerk to correct, never to trust
/// as it is: the file says so at the top. Files are read as `check` reads
/// them (ignore files, the configuration's patterns and size limit, no
/// link out of `root`).
pub fn draft(root: &Path, config: &Config, profile: &Profile, opts: Options) -> (String, usize) {
    // Walked as `check` walks it: `.gitignore` and `.ignore` respected.
    let walk = Walk { top_marker: Some(crate::archive::config::FILE_NAME), ..Walk::default() };
    let found = crate::archive::config::own_files(discover_all(&[root.to_path_buf()], &walk));
    let records: Vec<_> = found
        .par_iter()
        .filter(|t| config.includes(t.path.strip_prefix(root).unwrap_or(&t.path)))
        .filter_map(|t| {
            let path: PathBuf = if t.link { resolve_within(&t.path, root).ok()? } else { t.path.clone() };
            let bytes = check::read_limited(&path, opts).ok()?;
            let rec = check::record_of(&bytes, profile, opts)?;
            let body = rec.body.as_ref().and_then(Value::ok).and_then(|b| profile.body(b))?.code.clone();
            let date = *rec.date.as_ref().and_then(Value::ok)?;
            let a = rec.attendance;
            let people: Vec<Person> = a.present.into_iter().chain(a.absent.into_iter().map(|x| x.person)).collect();
            Some((body, date, people))
        })
        .collect();
    let mut seen: BTreeMap<(String, String), Seen> = BTreeMap::new();
    for (body, date, people) in records {
        for p in people.into_iter().filter(|p| !p.key.is_empty()) {
            let s = seen.entry((body.clone(), p.key.clone())).or_insert_with(|| Seen {
                spellings: BTreeMap::new(),
                first: date,
                last: date,
                roles: BTreeMap::new(),
            });
            *s.spellings.entry(spelt(&p.name)).or_default() += 1;
            (s.first, s.last) = (s.first.min(date), s.last.max(date));
            if let Some(r) = p.role.as_deref().map(spelt) {
                let at = s.roles.entry(fold(&r)).or_insert_with(|| (r.clone(), date));
                at.1 = at.1.max(date);
                if !accented(&at.0) && accented(&r) {
                    at.0 = r;
                }
            }
        }
    }
    let rank = |code: &str| profile.bodies.iter().position(|b| b.code == code).unwrap_or(usize::MAX);
    let mut entries: Vec<(&(String, String), &Seen)> = seen.iter().collect();
    entries.sort_by_key(|((body, key), s)| (rank(body), s.first, key.clone()));
    let mut out = String::from(HEADER);
    for ((body, _), s) in &entries {
        // The spelling written most often, with diacritics and not in capitals preferred.
        let name = s
            .spellings
            .iter()
            .max_by_key(|(n, count)| {
                (accented(n), n.chars().any(char::is_lowercase), **count, std::cmp::Reverse((*n).clone()))
            })
            .map(|(n, _)| n.as_str())
            .unwrap_or_default();
        out.push_str("\n[[member]]\n");
        out.push_str(&format!("name = {}\n", quoted(name)));
        out.push_str(&format!("body = {}\n", quoted(body)));
        // The role written last; the others as a comment for the clerk.
        let mut roles: Vec<(&String, &Date)> = s.roles.values().map(|(r, d)| (r, d)).collect();
        roles.sort_by_key(|(r, d)| (std::cmp::Reverse(**d), (*r).clone()));
        if let Some((r, _)) = roles.first() {
            out.push_str(&format!("role = {}\n", quoted(r)));
        }
        if roles.len() > 1 {
            let others: Vec<String> = roles[1..].iter().map(|(r, d)| format!("{r} ({d})")).collect();
            out.push_str(&format!("# {}\n", others.join("; ")));
        }
        out.push_str(&format!("from = {}\nto = {}\n", iso(s.first), iso(s.last)));
    }
    (out, entries.len())
}

/// Written with diacritics (`Bí thư`, not `Bi thu`).
fn accented(s: &str) -> bool {
    fold(s) != s.to_lowercase()
}

/// A name as written, in NFC with single spaces (case kept).
fn spelt(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect()
}

/// A TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML date.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// The top of a drafted roster.
const HEADER: &str = "\
# thanh-vien.toml — BẢN NHÁP danh sách thành viên, do `bienban roster init` lập
# từ các biên bản: mọi người được ghi có mặt hoặc vắng mặt, theo từng cơ quan.
# KHÔNG ĐƯỢC DÙNG NGUYÊN TRẠNG: Văn phòng phải đối chiếu với các quyết định
# chuẩn y, bổ sung, rút khỏi và phân công rồi sửa lại. `from` và `to` dưới đây
# chỉ là ngày đầu tiên và ngày cuối cùng người đó được ghi trong biên bản, không
# phải ngày được bầu hay thôi: sửa `from` thành ngày bắt đầu là thành viên, sửa
# `to` thành ngày cuối cùng là thành viên, hoặc xóa `to` nếu vẫn là thành viên.
# Khách mời ghi nhầm trong `Có mặt` cũng có thể có mặt ở đây: xóa đi. Chức vụ
# (`role`) là chức vụ được ghi lần cuối; các chức vụ khác đã ghi nằm trong ghi
# chú bên dưới. Một thành viên Ban Thường vụ cũng phải có mục trong Ban Chấp hành.
#
# A DRAFT roster made by `bienban roster init` from the records: everyone
# listed present or absent, per body. DO NOT USE IT AS IT IS: a clerk must
# check it against the decisions that elected, added and withdrew members and
# correct it. `from` and `to` are only the first and last dates each person
# was listed, not when they were elected or left: set `from` to the first day
# of membership and `to` to the last, or remove `to` for a current member.
# Guests written under `Có mặt` by mistake may be here too: remove them.
# `role` is the role written last; other roles written are in a comment.
# A member of the BTV must also have an entry under the BCH.
";
