//! Lower: typed lines → the record model. This is where Vietnamese field
//! names are recognised (after folding) and values are read.

use crate::common::span::{Span, Spanned};
use crate::common::text::fold;
use crate::model::values;
use crate::model::*;
use crate::regulation::profile::Profile;
use crate::syntax::parse::Line;

/// Folded spellings of each key (FORMAT.md's names and aliases).
const KEYS: &[(&str, Key)] = &[
    ("so", Key::Number),
    ("co quan", Key::Body),
    ("co quan hop", Key::Body),
    ("hinh thuc", Key::Form),
    ("loai hoi nghi", Key::Form),
    ("thoi gian", Key::Date),
    ("ngay", Key::Date),
    ("dia diem", Key::Place),
    ("chu tri", Key::Chair),
    ("thu ky", Key::Secretary),
    ("tong so thanh vien", Key::Members),
    ("tong so", Key::Members),
    ("so thanh vien", Key::Members),
    ("co mat", Key::Present),
    ("vang mat", Key::Absent),
    ("vang", Key::Absent),
    ("khach moi", Key::Guests),
    ("so phieu phat ra", Key::BallotsSent),
    ("so phieu thu ve", Key::BallotsReturned),
    ("loai viec", Key::Matter),
    ("quyet dinh", Key::Decision),
    ("de nghi", Key::Proposal),
    ("cho y kien", Key::Opinion),
    ("ket luan", Key::Conclusion),
    ("bieu quyet", Key::Votes),
    ("cap bach", Key::Urgent),
    ("uy quyen", Key::Delegation),
    ("van ban dong y", Key::Consent),
    ("bao cao lai", Key::ReportsBack),
    ("y kien bao luu", Key::Reserved),
];

pub fn key_of(name: &str) -> Option<Key> {
    let f = fold(name);
    KEYS.iter().find(|(k, _)| *k == f).map(|&(_, k)| k)
}

impl Key {
    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Key::Number => "Số",
            Key::Body => "Cơ quan",
            Key::Form => "Hình thức",
            Key::Date => "Thời gian",
            Key::Place => "Địa điểm",
            Key::Chair => "Chủ trì",
            Key::Secretary => "Thư ký",
            Key::Members => "Tổng số thành viên",
            Key::Present => "Có mặt",
            Key::Absent => "Vắng mặt",
            Key::Guests => "Khách mời",
            Key::BallotsSent => "Số phiếu phát ra",
            Key::BallotsReturned => "Số phiếu thu về",
            Key::Matter => "Loại việc",
            Key::Decision => "Quyết định",
            Key::Proposal => "Đề nghị",
            Key::Opinion => "Cho ý kiến",
            Key::Conclusion => "Kết luận",
            Key::Votes => "Biểu quyết",
            Key::Urgent => "Cấp bách",
            Key::Delegation => "Ủy quyền",
            Key::Consent => "Văn bản đồng ý",
            Key::ReportsBack => "Báo cáo lại",
            Key::Reserved => "Ý kiến bảo lưu",
        }
    }
}

/// Keys that a clerk writes at the start of a line followed by a value, and
/// that are unlikely to begin a sentence of prose: a line starting with one
/// of them but lacking the colon is a `syntax` finding.
const COLON_CHECKED: &[Key] = &[
    Key::Body,
    Key::Form,
    Key::Date,
    Key::Place,
    Key::Chair,
    Key::Secretary,
    Key::Members,
    Key::Present,
    Key::Absent,
    Key::Matter,
    Key::Votes,
    Key::Consent,
    Key::ReportsBack,
];

/// Where in the record the lowering is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Attendance,
    Agenda,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    Present,
    Absent,
    Guests,
}

/// The first level-1 heading decides whether a file is a record at all.
pub fn record_kind(title: &str) -> Option<RecordKind> {
    let f = fold(title);
    if f.starts_with("bien ban") {
        Some(RecordKind::Minutes)
    } else if f.starts_with("phieu lay y kien") || f.starts_with("ket qua lay y kien") {
        Some(RecordKind::Consultation)
    } else {
        None
    }
}

/// Cheap pre-scan: the kind and span of the first `# ` heading, before the
/// grammar runs, so that non-records are skipped fast and a record that
/// fails to parse is still known to be one.
pub fn sniff(text: &str) -> Option<RecordKind> {
    let mut in_comment = false;
    for line in text.lines() {
        let t = line.trim_start_matches('\u{feff}').trim();
        if in_comment {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if let Some(title) = t.strip_prefix("# ") {
            return record_kind(title);
        }
    }
    None
}

struct Lowerer<'p, 'a> {
    profile: &'p Profile,
    role_words: &'p [String],
    lines: &'a [Line<'a>],
    section: Section,
    list: List,
    rec: Record,
    /// Start of each item, to close its span at the next boundary.
    open_item: bool,
    last_line_end: usize,
}

/// Lowers a parsed record. Returns `None` when the file is not a record.
pub fn lower(lines: &[Line<'_>], profile: &Profile) -> Option<Record> {
    let (title_idx, kind, title) = lines.iter().enumerate().find_map(|(i, l)| match l {
        Line::Heading { level: 1, text, text_span, .. } => {
            Some((i, record_kind(text), Spanned::new(text.to_string(), *text_span)))
                .filter(|x| x.1.is_some())
                .map(|(i, k, t)| (i, k.unwrap(), t))
        }
        _ => None,
    })?;
    // Only the first level-1 heading counts.
    if lines[..title_idx].iter().any(|l| matches!(l, Line::Heading { level: 1, .. })) {
        return None;
    }
    let rec = Record {
        kind,
        title,
        number: None,
        body: None,
        form: None,
        date: None,
        place: None,
        chair: None,
        secretary: None,
        attendance: Attendance::default(),
        agenda: None,
        items: Vec::new(),
        suppressions: Vec::new(),
        syntax: Vec::new(),
        attempted_keys: Vec::new(),
    };
    let mut l = Lowerer {
        profile,
        role_words: profile.role_words(),
        lines,
        section: Section::Header,
        list: List::None,
        rec,
        open_item: false,
        last_line_end: 0,
    };
    l.run(title_idx + 1);
    Some(l.finish())
}

impl<'a> Lowerer<'_, 'a> {
    fn run(&mut self, from: usize) {
        let lines = self.lines;
        for line in &lines[from..] {
            match line {
                Line::Heading { level, text, span, text_span } => self.heading(*level, text, *span, *text_span),
                Line::Field { key, key_span, value, value_span, in_list, span } => {
                    self.field(key, *key_span, value, *value_span, *in_list, *span)
                }
                Line::ListItem { text, span } => self.list_item(text, *span),
                Line::Text { text, span } => {
                    self.list = List::None;
                    self.text(text, *span);
                }
                Line::Blank => {}
                Line::Comment { span } => self.last_line_end = span.end,
                Line::Suppression { rules, reason, span } => {
                    let item = (self.section == Section::Agenda && self.open_item).then(|| self.rec.items.len() - 1);
                    self.rec.suppressions.push(Suppression {
                        rules: rules.iter().map(|(r, s)| Spanned::new(r.to_string(), *s)).collect(),
                        reason: reason.to_string(),
                        span: *span,
                        item,
                    });
                    self.last_line_end = span.end;
                }
            }
        }
    }

    fn close_item(&mut self) {
        if self.open_item {
            let end = self.last_line_end;
            if let Some(it) = self.rec.items.last_mut() {
                it.span.end = end.max(it.span.end);
            }
            self.open_item = false;
        }
    }

    fn heading(&mut self, level: usize, text: &str, span: Span, text_span: Span) {
        self.list = List::None;
        if level <= 2 {
            self.close_item();
            let f = fold(text);
            self.section = match f.as_str() {
                "thanh phan" | "thanh phan du hop" | "thanh phan tham du" => {
                    self.rec.attendance.section = Some(span);
                    Section::Attendance
                }
                "noi dung" | "noi dung hoi nghi" | "noi dung cuoc hop" => {
                    self.rec.agenda = Some(span);
                    Section::Agenda
                }
                _ => Section::Other,
            };
        } else if self.section == Section::Agenda {
            self.close_item();
            let heading = strip_item_number(text);
            let offset = text.len() - heading.len();
            self.open_item(Spanned::new(heading.to_string(), text_span.sub(offset, text.len())), span);
        } else if level == 3 && matches!(self.section, Section::Header | Section::Attendance) {
            self.rec.syntax.push(SyntaxProblem::ItemOutsideAgenda { span });
        }
        self.last_line_end = span.end;
    }

    fn field(&mut self, key: &str, key_span: Span, value: &'a str, value_span: Span, in_list: bool, span: Span) {
        self.last_line_end = span.end;
        let Some(k) = key_of(key) else {
            // `- Trần Văn Bình: có lý do` in a list, or prose with a colon.
            if in_list {
                return self.list_field(key, key_span, value, span);
            }
            self.list = List::None;
            return;
        };
        // In an attendance list, `- Name: reason` never names a field
        // unless it is one of the attendance fields.
        if in_list && self.list != List::None && !is_attendance_key(k) {
            return self.list_field(key, key_span, value, span);
        }
        self.list = List::None;
        let sv = || Spanned::new(value.to_string(), value_span);
        let agenda_item = self.section == Section::Agenda && self.open_item;
        if agenda_item && is_item_key(k) {
            return self.item_field(k, value, value_span);
        }
        if self.section == Section::Agenda && !self.open_item && is_item_key(k) {
            // Fields right under `## Nội dung` belong to an implicit item.
            self.implicit_item(span);
            return self.item_field(k, value, value_span);
        }
        match k {
            Key::Number => self.rec.number = Some(sv()),
            Key::Body => self.rec.body = Some(self.body_value(value, value_span)),
            Key::Form => self.rec.form = Some(form_value(value, value_span)),
            Key::Date => {
                self.rec.date = Some(match values::date(value) {
                    Ok((d, s, e)) => Value::Ok { value: d, span: value_span.sub(s, e) },
                    Err(problem) => Value::Invalid { raw: value.to_string(), span: value_span, problem },
                })
            }
            Key::Place => self.rec.place = Some(sv()),
            Key::Chair => self.rec.chair = Some(values::person(value, value_span)),
            Key::Secretary => self.rec.secretary = Some(values::person(value, value_span)),
            Key::Members => self.rec.attendance.members = Some(whole_value(value, value_span)),
            Key::Present => {
                self.rec.attendance.present_line = Some(span);
                if !value.trim().is_empty() {
                    self.rec.attendance.present_count = Some(match values::count(value) {
                        Ok(c) => Value::Ok { value: c, span: value_span },
                        Err(problem) => Value::Invalid { raw: value.to_string(), span: value_span, problem },
                    });
                }
                self.list = List::Present;
            }
            Key::Absent => {
                self.rec.attendance.absent_line = Some(span);
                self.list = List::Absent;
            }
            Key::Guests => self.list = List::Guests,
            Key::BallotsSent => self.rec.attendance.ballots_sent = Some(whole_value(value, value_span)),
            Key::BallotsReturned => self.rec.attendance.ballots_returned = Some(whole_value(value, value_span)),
            // Item fields outside the agenda are prose.
            _ => {}
        }
    }

    fn implicit_item(&mut self, span: Span) {
        let heading = self.rec.agenda.unwrap_or(span);
        self.open_item(Spanned::new(String::new(), heading), span);
    }

    fn open_item(&mut self, heading: Spanned<String>, span: Span) {
        self.rec.items.push(Item::new(heading, span));
        self.open_item = true;
    }

    fn item_field(&mut self, k: Key, value: &str, value_span: Span) {
        let it = self.rec.items.last_mut().expect("an item is open");
        let sv = Spanned::new(value.to_string(), value_span);
        let mut act = |a: Act| {
            if it.act.is_none() || a == Act::Decision {
                it.act = Some(Spanned::new(a, value_span));
                it.act_text = value.to_string();
            }
        };
        match k {
            Key::Number => it.number = Some(sv),
            Key::Matter => it.matter = Some(sv),
            Key::Decision => act(Act::Decision),
            Key::Proposal => act(Act::Proposal),
            Key::Opinion => act(Act::Opinion),
            Key::Conclusion => it.conclusion = Some(sv),
            Key::Votes => {
                it.votes = Some(match values::votes(value) {
                    Ok(v) => Value::Ok { value: v, span: value_span },
                    Err(problem) => Value::Invalid { raw: value.to_string(), span: value_span, problem },
                })
            }
            Key::Urgent => it.urgent = Some(sv),
            Key::Delegation => it.delegation = Some(sv),
            Key::Consent => it.consent = Some(sv),
            Key::ReportsBack => {
                for (n, s, e) in values::numbers(value) {
                    it.reports_back.push(Spanned::new(n, value_span.sub(s, e)));
                }
            }
            Key::Reserved => it.reserved.push(sv),
            _ => {}
        }
    }

    /// `- Name: reason` in `Vắng mặt`, `- Name: role` elsewhere.
    fn list_field(&mut self, key: &str, key_span: Span, value: &str, span: Span) {
        let text_span = Span::new(key_span.start, span.end);
        match self.list {
            List::Absent => {
                let a = values::absence(key, Some(value), text_span, self.role_words);
                self.rec.attendance.absent.push(a);
            }
            List::Present | List::Guests => {
                let mut p = values::person(key, text_span);
                if p.role.is_none() && !value.trim().is_empty() {
                    p.role = Some(value.trim().to_string());
                }
                if self.list == List::Present {
                    self.rec.attendance.present.push(p);
                } else {
                    self.rec.attendance.guests.push(p);
                }
            }
            List::None => {}
        }
    }

    fn list_item(&mut self, text: &str, span: Span) {
        self.last_line_end = span.end;
        match self.list {
            List::Present => self.rec.attendance.present.push(values::person(text, span)),
            List::Guests => self.rec.attendance.guests.push(values::person(text, span)),
            List::Absent => {
                let a = values::absence(text, None, span, self.role_words);
                self.rec.attendance.absent.push(a);
            }
            List::None => {}
        }
    }

    fn text(&mut self, text: &str, span: Span) {
        self.last_line_end = span.end;
        if let Some(k) = missing_colon(text) {
            if !self.rec.attempted_keys.contains(&k) {
                self.rec.attempted_keys.push(k);
            }
            let key_end = text.len() - text.trim_start().len() + key_len(text, k);
            self.rec.syntax.push(SyntaxProblem::MissingColon {
                key: k.name().to_string(),
                span: Span::new(span.start, span.start + key_end),
            });
        }
    }

    fn body_value(&self, value: &str, span: Span) -> Value<String> {
        match self.profile.body_named(value) {
            Some(b) => Value::Ok { value: b.code.clone(), span },
            None => {
                let f = fold(value);
                let suggestion = self
                    .profile
                    .body_names()
                    .map(|(n, b)| (strsim::jaro_winkler(n, &f), b))
                    .filter(|(s, _)| *s > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, b)| b.name.clone());
                Value::Invalid { raw: value.to_string(), span, problem: Problem::UnknownBody { suggestion } }
            }
        }
    }

    fn finish(mut self) -> Record {
        self.close_item();
        // Default form: `hội ý` for the standing members, else `thường lệ`;
        // a form the body cannot use is an invalid value.
        let body = self.rec.body.as_ref().and_then(|b| b.ok()).and_then(|c| self.profile.body(c));
        if let (Some(Value::Ok { value: form, span }), Some(body)) = (&self.rec.form, body) {
            let bad = match form {
                Form::Consultation => body.quorum,
                Form::Written => !body.written_consultation,
                _ => false,
            };
            if bad {
                self.rec.form = Some(Value::Invalid {
                    raw: String::new(),
                    span: *span,
                    problem: Problem::FormNotForBody { form: *form, body: body.name.clone() },
                });
            }
        }
        self.rec
    }
}

fn is_attendance_key(k: Key) -> bool {
    matches!(k, Key::Members | Key::Present | Key::Absent | Key::Guests | Key::BallotsSent | Key::BallotsReturned)
}

fn is_item_key(k: Key) -> bool {
    matches!(
        k,
        Key::Number
            | Key::Matter
            | Key::Decision
            | Key::Proposal
            | Key::Opinion
            | Key::Conclusion
            | Key::Votes
            | Key::Urgent
            | Key::Delegation
            | Key::Consent
            | Key::ReportsBack
            | Key::Reserved
    )
}

/// `1. Xét kết nạp` → `Xét kết nạp`.
fn strip_item_number(text: &str) -> &str {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = t[digits..].strip_prefix(['.', ')']) {
            return rest.trim_start();
        }
    }
    t
}

fn form_value(value: &str, span: Span) -> Value<Form> {
    let f = fold(value);
    let form = match f.trim_end_matches('.') {
        "thuong le" | "thuong ky" | "dinh ky" => Some(Form::Regular),
        "bat thuong" | "dot xuat" => Some(Form::Extraordinary),
        "mo rong" | "thuong le mo rong" | "hoi nghi mo rong" => Some(Form::Expanded),
        "hoi y" => Some(Form::Consultation),
        "bang van ban" | "lay y kien bang van ban" => Some(Form::Written),
        _ => None,
    };
    match form {
        Some(value) => Value::Ok { value, span },
        None => Value::Invalid { raw: value.to_string(), span, problem: Problem::UnknownForm },
    }
}

fn whole_value(value: &str, span: Span) -> Value<u32> {
    match values::whole(value) {
        Ok(n) => Value::Ok { value: n, span },
        Err(problem) => Value::Invalid { raw: value.to_string(), span, problem },
    }
}

/// A short line such as `Cơ quan Ban Thường vụ` or `Có mặt 7`: a known key,
/// then a space and a value, and no colon anywhere.
fn missing_colon(text: &str) -> Option<Key> {
    let t = text.trim();
    // Most such lines are wrapped prose: look at the first word alone and go
    // on only when some checked key starts with it. Those words have at most
    // four letters: 24 bytes even decomposed (NFD), with two marks a letter.
    let first = t.split(char::is_whitespace).next().unwrap_or("");
    if first.len() > 24 {
        return None;
    }
    if !colon_checked_first_words().contains(&fold(first).as_str()) {
        return None;
    }
    // Column layouts (a signature block `Thư ký        Chủ trì`) are not fields.
    if t.contains(':') || t.contains('\t') || t.contains("   ") || t.chars().count() > 80 || t.ends_with('.') {
        return None;
    }
    let f = fold(t);
    COLON_CHECKED.iter().copied().find(|&k| {
        KEYS.iter().any(|(name, kk)| {
            *kk == k
                && f.len() > name.len() + 1
                && f.starts_with(name)
                && f.as_bytes()[name.len()] == b' '
                && !f[name.len() + 1..].starts_with(['-', '='])
                && key_of(&f[name.len() + 1..]).is_none()
        })
    })
}

/// The first words of the names of the keys in `COLON_CHECKED`.
fn colon_checked_first_words() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w: Vec<&str> = KEYS
            .iter()
            .filter(|(_, k)| COLON_CHECKED.contains(k))
            .filter_map(|(name, _)| name.split(' ').next())
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    })
}

/// Byte length, in the original text, of the key's words at its start.
fn key_len(text: &str, k: Key) -> usize {
    let t = text.trim_start();
    let words = KEYS
        .iter()
        .filter(|(name, kk)| *kk == k && fold(t).starts_with(name))
        .map(|(name, _)| name.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut end = 0;
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return end;
                }
            }
            in_word = false;
        } else {
            in_word = true;
            end = i + c.len_utf8();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::parse;

    fn rec(text: &str) -> Record {
        let lines = parse(text).unwrap();
        lower(&lines, &Profile::builtin()).unwrap()
    }

    #[test]
    fn lowers_the_format_example() {
        let r = rec(include_str!("../../tests/fixtures/format-example.md"));
        assert_eq!(r.body.as_ref().unwrap().ok().unwrap(), "BTV");
        assert_eq!(r.date.as_ref().unwrap().ok().unwrap(), &Date { year: 2021, month: 3, day: 15 });
        assert_eq!(r.attendance.members.as_ref().unwrap().ok(), Some(&9));
        assert_eq!(r.attendance.present.len(), 7);
        assert_eq!(r.attendance.absent.len(), 2);
        assert_eq!(r.attendance.guests.len(), 1);
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[0].matter.as_ref().unwrap().value, "kết nạp đảng viên");
        assert_eq!(r.items[0].act.as_ref().unwrap().value, Act::Decision);
        assert_eq!(r.items[1].reports_back.len(), 2);
        assert!(r.syntax.is_empty());
    }

    #[test]
    fn non_records_are_not_lowered() {
        let lines = parse("# Hướng dẫn\n\nCơ quan: BTV\n").unwrap();
        assert!(lower(&lines, &Profile::builtin()).is_none());
        assert_eq!(sniff("<!-- x -->\n# Kết quả lấy ý kiến\n"), Some(RecordKind::Consultation));
        assert_eq!(sniff("# README\n"), None);
    }

    #[test]
    fn missing_colon_is_found_but_prose_is_not() {
        assert_eq!(missing_colon("Cơ quan Ban Thường vụ"), Some(Key::Body));
        assert_eq!(missing_colon("Co mat 7"), Some(Key::Present));
        assert_eq!(missing_colon("Cơ quan đã chuẩn bị chu đáo tài liệu cho hội nghị."), None);
        assert_eq!(missing_colon("Cơ quan: BTV"), None);
        assert_eq!(missing_colon("Thư ký                                   Chủ trì"), None);
        assert_eq!(missing_colon("Thư ký Chủ trì"), None);
        let t = "Tổng số thành viên 9";
        assert_eq!(&t[..key_len(t, Key::Members)], "Tổng số thành viên");
    }
}
