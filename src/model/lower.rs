//! Lower: typed lines → the record model. This is where Vietnamese field
//! names are recognised (after folding) and values are read, in both the
//! tidy layout of format 1.0 and the layout offices use (Hướng dẫn
//! 16-HD/VPTW, format 1.1): numbered sections, `Diễn biến hội nghị`,
//! wrapped values, keys in bold or italics, numbered paragraphs.

use crate::common::memo::{remembered, Memo};
use crate::common::span::{Span, Spanned};
use crate::common::text::{fold, fold_into, tokens};
use crate::model::layout::{unmark, Title};
use crate::model::values;
use crate::model::*;
use crate::regulation::profile::Profile;
use crate::syntax::parse::Line;

/// Folded spellings of each key (FORMAT.md's names and aliases, 1.0 and 1.1).
const KEYS: &[(&str, Key)] = &[
    ("so", Key::Number),
    ("co quan", Key::Body),
    ("co quan hop", Key::Body),
    ("hinh thuc", Key::Form),
    ("hinh thuc hoi nghi", Key::Form),
    ("loai hoi nghi", Key::Form),
    ("thoi gian", Key::Date),
    ("thoi gian bat dau", Key::Date),
    ("ngay", Key::Date),
    ("dia diem", Key::Place),
    ("dia diem hop", Key::Place),
    ("chu tri", Key::Chair),
    ("nguoi chu tri", Key::Chair),
    ("chu toa", Key::Chair),
    ("nguoi chu toa", Key::Chair),
    ("thu ky", Key::Secretary),
    ("thu ky hoi nghi", Key::Secretary),
    ("nguoi ghi bien ban", Key::Secretary),
    ("tong so thanh vien", Key::Members),
    ("tong so", Key::Members),
    ("so thanh vien", Key::Members),
    ("tong so uy vien", Key::Members),
    ("tong so uy vien ban thuong vu", Key::Members),
    ("tong so uy vien ban chap hanh", Key::Members),
    ("tong so uy vien btv", Key::Members),
    ("tong so uy vien bch", Key::Members),
    ("co mat", Key::Present),
    ("vang mat", Key::Absent),
    ("vang", Key::Absent),
    ("khach moi", Key::Guests),
    ("dai bieu moi du", Key::Guests),
    ("dai bieu khach moi", Key::Guests),
    ("so phieu phat ra", Key::BallotsSent),
    ("so phieu thu ve", Key::BallotsReturned),
    ("loai viec", Key::Matter),
    ("quyet dinh", Key::Decision),
    ("de nghi", Key::Proposal),
    ("cho y kien", Key::Opinion),
    ("ket luan", Key::Conclusion),
    ("bieu quyet", Key::Votes),
    ("ket qua bieu quyet", Key::Votes),
    ("cap bach", Key::Urgent),
    ("uy quyen", Key::Delegation),
    ("van ban dong y", Key::Consent),
    ("bao cao lai", Key::ReportsBack),
    ("y kien bao luu", Key::Reserved),
    ("noi dung", Key::Content),
    ("tai lieu su dung", Key::Documents),
    ("thanh phan", Key::Composition),
];

/// The field a key names, compared folded, a bracketed note aside
/// (`Biểu quyết (giơ tay)`), markup aside (`*Thời gian:*`).
pub fn key_of(name: &str) -> Option<Key> {
    // Field names repeat across an archive's records.
    thread_local! { static SEEN: Memo<Option<Key>> = Memo::default(); }
    remembered(&SEEN, name, fold_key)
}

fn fold_key(name: &str) -> Option<Key> {
    let mut f = fold(name);
    if f.contains(['*', '_', '\\']) {
        f = fold(&unmark(name));
    }
    if let (Some(o), true) = (f.find('('), f.ends_with(')')) {
        f = f[..o].trim_end().to_string();
    }
    key_table().get(f.as_str()).copied()
}

/// [`KEYS`] by folded name: every field line of every record looks its key up.
fn key_table() -> &'static std::collections::HashMap<&'static str, Key> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, Key>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = std::collections::HashMap::with_capacity(KEYS.len());
        for &(name, key) in KEYS {
            t.entry(name).or_insert(key); // the first of a name wins, as a linear search would
        }
        t
    })
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
            Key::Content => "Nội dung",
            Key::Documents => "Tài liệu sử dụng",
            Key::Composition => "Thành phần",
        }
    }

    /// Every folded spelling of this key.
    pub fn spellings(self) -> impl Iterator<Item = &'static str> {
        KEYS.iter().filter(move |(_, k)| *k == self).map(|(n, _)| *n)
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

/// How many of a record's last non-blank lines hold its closing line and
/// signatures (16-HD: the closing line, two captions, `(Ký, ghi rõ họ tên)`,
/// the names; a table layout doubles it).
const TAIL_LINES: usize = 24;

/// Where in the record the lowering is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Attendance,
    Agenda,
    /// A `##` section none of the format's: index into `unknown_sections`
    /// once it holds a field.
    Unknown,
    /// A known kind of prose section (`## Kết luận`, closing words).
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    Present,
    Absent,
    Guests,
}

/// `## …` headings the format knows, folded, numbering aside.
const ATTENDANCE_SECTIONS: &[&str] = &[
    "thanh phan",
    "thanh phan du hop",
    "thanh phan tham du",
    "thanh phan hoi nghi",
    "thanh phan cuoc hop",
    "thanh phan tham gia",
];
const AGENDA_SECTIONS: &[&str] = &[
    "noi dung",
    "noi dung hoi nghi",
    "noi dung cuoc hop",
    "dien bien",
    "dien bien hoi nghi",
    "dien bien cuoc hop",
    "noi dung va dien bien",
    "noi dung va dien bien hoi nghi",
    "noi dung, dien bien hoi nghi",
];

/// A field line, from the grammar or recognised in a line of text (a key
/// in italics, a whole bold line), its value cleaned and joined with the
/// lines it wraps onto.
struct FieldLine {
    key: Key,
    value: String,
    value_span: Span,
    /// The value's first line alone, when it was joined with more: read
    /// when the whole cannot be (`Biểu quyết: 7 tán thành` then prose).
    first: Option<(String, Span)>,
    in_list: bool,
    /// Where the key starts (after a list bullet).
    key_start: usize,
    span: Span,
}

struct Lowerer<'p, 'a> {
    profile: &'p Profile,
    role_words: &'p [String],
    text: &'a str,
    section: Section,
    list: List,
    /// The reason a `Vắng mặt: 02 đồng chí (có lý do):` line gives the list below it.
    absent_reason: Option<String>,
    rec: Record,
    /// Start of each item, to close its span at the next boundary.
    open_item: bool,
    /// Numbered paragraphs (`1. …`) are the agenda's items: a chi bộ-style
    /// record (`Nội dung:` with no value), or an agenda with no `###` items.
    paragraph_items: bool,
    /// Any heading of level 3 or more after the agenda starts.
    has_item_headings: bool,
    last_line_end: usize,
}

/// Lowers a parsed record whose title `scan` found.
pub fn lower(lines: &[Line<'_>], text: &str, title: &Title, profile: &Profile) -> Record {
    let rec = Record {
        kind: title.kind,
        title: Spanned::new(title.text.clone(), title.span),
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
        unknown_fields: Vec::new(),
        stray_acts: Vec::new(),
        unknown_sections: Vec::new(),
        content: Content::default(),
        attempted_keys: Vec::new(),
    };
    let start = lines.iter().position(|l| line_span(l).is_none_or(|s| s.start >= title.end)).unwrap_or(lines.len());
    let body = &lines[start..];
    let has_item_headings = body.iter().any(|l| matches!(l, Line::Heading { level: 3.., .. }));
    let mut l = Lowerer {
        profile,
        role_words: profile.role_words(),
        text,
        section: Section::Header,
        list: List::None,
        absent_reason: None,
        rec,
        open_item: false,
        paragraph_items: false,
        has_item_headings,
        last_line_end: title.end,
    };
    l.run(body);
    l.finish(title)
}

fn line_span(l: &Line<'_>) -> Option<Span> {
    match l {
        Line::Heading { span, .. }
        | Line::Field { span, .. }
        | Line::ListItem { span, .. }
        | Line::Text { span, .. }
        | Line::Comment { span }
        | Line::Suppression { span, .. } => Some(*span),
        Line::Blank => None,
    }
}

impl<'a> Lowerer<'_, 'a> {
    fn run(&mut self, lines: &[Line<'a>]) {
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            match line {
                Line::Heading { level, text, span, text_span } => self.heading(*level, text, *span, *text_span),
                Line::Field { key, key_span, value, value_span, in_list, span } => match key_of(key) {
                    Some(k) => {
                        let mut f = self.field_line(k, value, *value_span, *in_list, *span, lines, &mut i);
                        f.key_start = key_span.start;
                        self.field(f);
                    }
                    None => {
                        // `\- Trần Văn Bình: có lý do`: pandoc's escaped bullet, in a list.
                        let in_list = *in_list || (self.list != List::None && escaped_bullet(key).is_some());
                        let (value, end) = self.wrapped_entry(value, span.end, in_list, lines, &mut i);
                        let value_span = Span::new(value_span.start, end.max(value_span.end));
                        let span = Span::new(span.start, end.max(span.end));
                        self.not_a_key(key, *key_span, &value, value_span, in_list, span)
                    }
                },
                Line::ListItem { text, span } => {
                    let (text, end) = self.wrapped_entry(text, span.end, true, lines, &mut i);
                    self.list_item(&text, Span::new(span.start, end.max(span.end)))
                }
                Line::Text { text, span } => match marked_field(text, *span) {
                    Some((k, value, value_span)) => {
                        let f = self.field_line(k, value, value_span, false, *span, lines, &mut i);
                        self.field(f);
                    }
                    // `\+ Đồng chí …, đi` / `công tác;\`: an entry that pandoc escaped, wrapped.
                    None if self.list != List::None && escaped_bullet(text).is_some() => {
                        let (text, end) = self.wrapped_entry(text, span.end, true, lines, &mut i);
                        self.list_text(&text, Span::new(span.start, end.max(span.end)));
                    }
                    None => {
                        self.list_text(text, *span);
                    }
                },
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

    /// A field's value, cleaned, with the lines of text it wraps onto
    /// (Markdown joins them into one paragraph) consumed from `lines`.
    #[allow(clippy::too_many_arguments)]
    fn field_line(
        &self,
        key: Key,
        value: &str,
        value_span: Span,
        in_list: bool,
        span: Span,
        lines: &[Line<'a>],
        i: &mut usize,
    ) -> FieldLine {
        let (mut joined, mut joined_span) = clean(value, value_span);
        let mut first = None;
        let mut end = span.end;
        while let Some(Line::Text { text, span: next }) = lines.get(*i) {
            if !self.adjacent(end, next.start) || !continues(text) {
                break;
            }
            let (more, more_span) = clean(text, *next);
            if first.is_none() {
                first = Some((joined.clone(), joined_span));
            }
            if joined.is_empty() {
                joined_span = more_span;
            } else {
                joined.push(' ');
                joined_span.end = more_span.end;
            }
            joined.push_str(&more);
            end = next.end;
            *i += 1;
        }
        FieldLine {
            key,
            value: joined,
            value_span: joined_span,
            first,
            in_list,
            key_start: span.start,
            span: Span::new(span.start, end),
        }
    }

    /// An entry of an attendance list (`+ Đồng chí …, đi học lớp bồi` /
    /// `  dưỡng tại …`) with the lines it wraps onto (pandoc wraps a long
    /// item, indenting what follows), consumed from `lines`; and where it ends.
    fn wrapped_entry<'t>(
        &self,
        text: &'t str,
        end: usize,
        in_list: bool,
        lines: &[Line<'a>],
        i: &mut usize,
    ) -> (std::borrow::Cow<'t, str>, usize) {
        let mut out = std::borrow::Cow::Borrowed(text);
        let mut end = end;
        if !in_list || self.list == List::None {
            return (out, end);
        }
        while let Some(Line::Text { text: more, span: next }) = lines.get(*i) {
            if !self.adjacent(end, next.start) || !continues(more) {
                break;
            }
            let joined = out.to_mut();
            let kept = joined.trim_end().strip_suffix('\\').unwrap_or(joined.trim_end()).trim_end().len();
            joined.truncate(kept);
            joined.push(' ');
            joined.push_str(more.trim());
            end = next.end;
            *i += 1;
        }
        if let Some(kept) = out.trim_end().strip_suffix('\\') {
            let kept = kept.trim_end().len();
            out.to_mut().truncate(kept);
        }
        (out, end)
    }

    /// Nothing but one line end between two lines: the same paragraph.
    fn adjacent(&self, end: usize, start: usize) -> bool {
        let between = self.text.get(end..start).unwrap_or("\n\n");
        between.bytes().filter(|&b| b == b'\n').count() == 1 && between.trim().is_empty()
    }

    fn close_item(&mut self) {
        if self.open_item {
            let end = self.last_line_end;
            let text = self.text;
            if let Some(it) = self.rec.items.last_mut() {
                // A numbered paragraph is its own heading (and an implicit item
                // has none): its words are its prose, wrapped lines and all.
                let prose_from_start = it.heading.value.is_empty() || it.paragraph || it.heading.span == it.span;
                it.span.end = end.max(it.span.end);
                // Only an item with no act field can hold an unstructured
                // decision: look at its prose (the heading aside) then.
                if it.act.is_none() && it.conclusion.is_none() && it.prose_decision.is_none() {
                    let from = if prose_from_start {
                        it.span.start
                    } else {
                        text[..it.span.end.min(text.len())][it.span.start.min(text.len())..]
                            .find('\n')
                            .map_or(it.span.end, |n| it.span.start + n + 1)
                    };
                    let body = text.get(from..it.span.end).unwrap_or("");
                    if let Some((s, e)) = decision_in_words(body) {
                        it.prose_decision = Some(Span::new(from + s, from + e));
                    }
                }
            }
            self.open_item = false;
        }
    }

    fn heading(&mut self, level: usize, text: &str, span: Span, text_span: Span) {
        self.list = List::None;
        // The open item ends before this heading: its prose is not the next item's heading.
        if level <= 2 || self.section == Section::Agenda {
            self.close_item();
        }
        self.last_line_end = span.end;
        // An agenda item's heading needs no folding: most headings are items.
        if level > 2 && self.section == Section::Agenda {
            let heading = strip_item_number(text);
            let offset = text.len() - heading.len();
            self.open_item(Spanned::new(heading.to_string(), text_span.sub(offset, text.len())), span);
            return;
        }
        let f = fold(strip_numbering(&unmark(text)));
        if level <= 2 {
            self.paragraph_items = false;
            self.section = if ATTENDANCE_SECTIONS.contains(&f.as_str()) {
                self.rec.attendance.section = Some(span);
                Section::Attendance
            } else if AGENDA_SECTIONS.contains(&f.as_str()) {
                self.rec.agenda = Some(span);
                self.paragraph_items = !self.has_item_headings;
                Section::Agenda
            } else if level == 2 && !f.is_empty() {
                self.rec.unknown_sections.push(UnknownSection {
                    heading: Spanned::new(text.to_string(), text_span),
                    first_field: span,
                    fields: 0,
                });
                Section::Unknown
            } else {
                Section::Other
            };
            return;
        }
        match self.section {
            Section::Attendance => {
                if f.starts_with("dai bieu moi") || f.starts_with("khach moi") || f.starts_with("dai bieu khach") {
                    self.list = List::Guests;
                } else if !f.starts_with("dai bieu chinh thuc") && !f.starts_with("thanh phan") && level == 3 {
                    self.rec.syntax.push(SyntaxProblem::ItemOutsideAgenda { span });
                }
            }
            Section::Header if level == 3 => self.rec.syntax.push(SyntaxProblem::ItemOutsideAgenda { span }),
            _ => {}
        }
    }

    fn field(&mut self, f: FieldLine) {
        let k = f.key;
        self.last_line_end = f.span.end;
        // In an attendance list, `- Name: reason` never names a field
        // unless it is one of the attendance fields.
        if f.in_list && self.list != List::None && !is_attendance_key(k) {
            let key_text = self.text.get(f.key_start..f.value_span.start).unwrap_or("");
            let key_text = key_text.trim_end().trim_end_matches([':', '*', ' ']).trim_start_matches(['*', ' ']);
            return self.list_field(key_text, &f.value, Span::new(f.key_start, f.span.end));
        }
        self.list = List::None;
        if self.section == Section::Unknown {
            if let Some(u) = self.rec.unknown_sections.last_mut() {
                if u.fields == 0 {
                    u.first_field = f.span;
                }
                u.fields += 1;
            }
            if is_act(k) {
                self.rec.stray_acts.push(f.span);
            }
            return;
        }
        if self.section == Section::Agenda && is_item_key(k) {
            if !self.open_item {
                // Fields right under `## Nội dung` belong to an implicit item.
                self.implicit_item(f.span);
            }
            return self.item_field(&f);
        }
        let sv = || Spanned::new(f.value.clone(), f.value_span);
        match k {
            Key::Number => self.rec.number = Some(self.number_value(&f)),
            Key::Body => self.rec.body = Some(self.body_value(&f.value, f.value_span)),
            Key::Form => self.rec.form = Some(form_value(&f.value, f.value_span)),
            Key::Date => {
                self.rec.content.start_time |= values::time(&f.value).is_some();
                self.rec.date = Some(read(&f, |v| values::date(v).map(|(d, s, e)| (d, Some((s, e))))));
            }
            Key::Place => self.rec.place = Some(sv()),
            Key::Chair => self.rec.chair = Some(values::person(&f.value, f.value_span)),
            Key::Secretary => self.rec.secretary = Some(values::person(&f.value, f.value_span)),
            Key::Members => self.members(&f),
            Key::Present => self.present(&f.value, f.value_span, f.span),
            Key::Absent => self.absent(&f.value, f.value_span, f.span),
            Key::Composition => self.composition(&f.value, f.value_span, f.span),
            Key::Guests => {
                self.list = List::Guests;
                for (part, s) in pieces(&f.value, f.value_span, ';') {
                    self.rec.attendance.guests.push(values::person(part, s));
                }
            }
            Key::BallotsSent => {
                self.rec.attendance.ballots_sent = Some(read(&f, |v| values::whole(v).map(|n| (n, None))))
            }
            Key::BallotsReturned => {
                self.rec.attendance.ballots_returned = Some(read(&f, |v| values::whole(v).map(|n| (n, None))))
            }
            // `Nội dung:` with no value starts a chi bộ-style agenda of numbered paragraphs.
            Key::Content if f.value.is_empty() && self.section == Section::Header => {
                self.close_item();
                self.section = Section::Agenda;
                self.rec.agenda = Some(f.span);
                self.paragraph_items = true;
            }
            Key::Decision | Key::Proposal | Key::Opinion => self.rec.stray_acts.push(f.span),
            // Other item fields outside the agenda, and free-text fields, are prose.
            _ => {}
        }
    }

    /// A field line whose key is not a field name.
    fn not_a_key(&mut self, key: &str, key_span: Span, value: &str, value_span: Span, in_list: bool, span: Span) {
        self.last_line_end = span.end;
        // `- Trần Văn Bình: có lý do` in a list, or prose with a colon.
        if in_list && self.list != List::None {
            let key = escaped_bullet(key).unwrap_or(key);
            return self.list_field(key, value, Span::new(key_span.start, span.end));
        }
        if in_list && self.paragraph_items && self.section == Section::Agenda {
            // `1. Xét kết nạp: …` — a numbered paragraph with a colon.
            let text = self.text.get(key_span.start..value_span.end).unwrap_or(key);
            return self.numbered_paragraph(text, Span::new(key_span.start, value_span.end));
        }
        self.list = List::None;
        if looks_like_key(key) {
            self.rec.unknown_fields.push(Spanned::new(key.to_string(), span));
        }
    }

    fn present(&mut self, value: &str, value_span: Span, span: Span) {
        let a = &mut self.rec.attendance;
        a.present_line = Some(span);
        self.list = List::Present;
        if value.is_empty() {
            return;
        }
        // `Có mặt: 08/09 đồng chí, vắng 01 đồng chí (…)`.
        if let Some((present, absent)) = split_word(value, &["vang mat", "vang"]) {
            let p = value[..present].trim().trim_end_matches([',', ';']).trim_end();
            if !p.is_empty() {
                a.present_count = Some(count_value(p, value_span.sub(0, p.len())));
            }
            let ab = value[absent..].trim_start_matches([':', ' ']);
            let at = value.len() - ab.len();
            self.absent(ab, value_span.sub(at, value.len()), span);
            self.list = List::None;
            return;
        }
        a.present_count = Some(count_value(value, value_span));
    }

    fn absent(&mut self, value: &str, value_span: Span, span: Span) {
        self.rec.attendance.absent_line = Some(span);
        self.list = List::Absent;
        self.absent_reason = None;
        let f = fold(value);
        let f = f.trim_end_matches([':', '.', ';']).trim();
        if f.is_empty() {
            return;
        }
        if matches!(f, "khong" | "khong co" | "khong ai" | "0" | "00" | "khong co ai") {
            self.rec.attendance.absent_count = Some(Value::Ok { value: 0, span: value_span });
            return;
        }
        // `01 đồng chí (đồng chí Bế Thị Ngọc, Trưởng Ban Dân vận, đi công tác)`,
        // `02 đồng chí (có lý do):` then a list.
        let notes: Vec<(usize, usize)> = brackets(value);
        let outside: String = strip_brackets(value);
        let counted = outside.trim_start().starts_with(|c: char| c.is_ascii_digit());
        if counted {
            let end = value.find('(').unwrap_or(value.len());
            let c = value[..end].trim().trim_end_matches(':');
            self.rec.attendance.absent_count = Some(match values::whole(c) {
                Ok(n) => Value::Ok { value: n, span: value_span.sub(0, c.len()) },
                Err(problem) => Value::Invalid { raw: c.to_string(), span: value_span.sub(0, c.len()), problem },
            });
            for (o, e) in notes {
                let inner = &value[o..e];
                if names_people(inner) {
                    self.absentees(inner, value_span.sub(o, e));
                } else if !inner.trim().is_empty() && !inner.contains('%') {
                    self.absent_reason = Some(inner.trim().to_string());
                }
            }
            return;
        }
        // `Vắng mặt: đồng chí Hà Văn Nam (ốm)` — the people themselves.
        self.absentees(value, value_span);
    }

    /// People written in one value, separated by `;` or by `đồng chí`.
    fn absentees(&mut self, value: &str, value_span: Span) {
        for (part, s) in people_pieces(value, value_span) {
            let a = values::absence(part, None, s, self.role_words);
            self.rec.attendance.absent.push(a);
        }
    }

    /// `Tổng số ủy viên: 09 đồng chí`, and the attendance that may follow on
    /// the same line (`…; có mặt: 08 đồng chí; vắng mặt: 01 đồng chí (…)`).
    fn members(&mut self, f: &FieldLine) {
        if let Some((at, after)) = split_word(&f.value, &["co mat"]).filter(|&(at, _)| {
            let before = f.value[..at].trim_end();
            before.ends_with([';', ',']) && values::whole(before.trim_end_matches([';', ','])).is_ok()
        }) {
            let total = f.value[..at].trim_end().trim_end_matches([';', ',']).trim_end();
            let own =
                FieldLine { value: total.to_string(), value_span: f.value_span.sub(0, total.len()), first: None, ..*f };
            self.rec.attendance.members = Some(read(&own, |v| values::whole(v).map(|n| (n, None))));
            let rest = f.value[after..].trim_start_matches([':', ' ']);
            let from = f.value.len() - rest.len();
            self.present(rest, f.value_span.sub(from, f.value.len()), f.span);
            self.list = List::None;
            return;
        }
        self.rec.attendance.members = Some(read(f, |v| values::whole(v).map(|n| (n, None))));
    }

    /// `Thành phần: có mặt 03/03 đồng chí, vắng mặt: không`.
    fn composition(&mut self, value: &str, value_span: Span, span: Span) {
        let Some((_, after_present)) = split_word(value, &["co mat"]) else { return };
        let rest = value[after_present..].trim_start_matches([':', ' ']);
        let at = value.len() - rest.len();
        self.present(rest, value_span.sub(at, value.len()), span);
        self.list = List::None;
    }

    fn implicit_item(&mut self, span: Span) {
        let heading = self.rec.agenda.unwrap_or(span);
        self.open_item(Spanned::new(String::new(), heading), span);
    }

    fn open_item(&mut self, heading: Spanned<String>, span: Span) {
        self.rec.items.push(Item::new(heading, span));
        self.open_item = true;
    }

    fn item_field(&mut self, f: &FieldLine) {
        let it = self.rec.items.last_mut().expect("an item is open");
        // Copied only for the fields that keep the value as written.
        let sv = || Spanned::new(f.value.clone(), f.value_span);
        let value = f.value.as_str();
        let mut act = |a: Act| {
            if it.act.is_none() || a == Act::Decision {
                it.act = Some(Spanned::new(a, f.value_span));
                it.act_text = value.to_string();
            }
        };
        match f.key {
            Key::Number => it.number = Some(number_of(&f.value, f.value_span)),
            Key::Matter => it.matter = Some(sv()),
            Key::Decision => act(Act::Decision),
            Key::Proposal => act(Act::Proposal),
            Key::Opinion => act(Act::Opinion),
            Key::Conclusion => it.conclusion = Some(sv()),
            Key::Votes => it.votes = Some(read(f, |v| values::votes(v).map(|x| (x, None)))),
            Key::Urgent => it.urgent = Some(sv()),
            Key::Delegation => it.delegation = Some(number_of(&f.value, f.value_span)),
            Key::Consent => it.consent = Some(sv()),
            Key::ReportsBack => {
                for (n, s, e) in values::numbers(value) {
                    let span = if e <= f.value_span.len() { f.value_span.sub(s, e) } else { f.value_span };
                    it.reports_back.push(Spanned::new(n, span));
                }
            }
            Key::Reserved => it.reserved.push(sv()),
            _ => {}
        }
    }

    /// `- Name: reason` in `Vắng mặt`, `- Name: role` elsewhere.
    fn list_field(&mut self, key: &str, value: &str, span: Span) {
        match self.list {
            List::Absent => {
                let mut a = values::absence(key, Some(value), span, self.role_words);
                if a.reason.is_none() && values::no_reason(value) && !value.trim().is_empty() {
                    a.reason = None; // `: không lý do` stays no reason, whatever the list's note
                } else if a.reason.is_none() {
                    a.reason = self.absent_reason.clone();
                }
                self.rec.attendance.absent.push(a);
            }
            List::Present | List::Guests => {
                let mut p = values::person(key, span);
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
                let mut a = values::absence(text, None, span, self.role_words);
                if a.reason.is_none() && !says_no_reason(text) {
                    a.reason = self.absent_reason.clone();
                }
                self.rec.attendance.absent.push(a);
            }
            List::None => {
                if self.section == Section::Agenda && self.paragraph_items && is_numbered(self.text, span) {
                    self.numbered_paragraph(text, span);
                }
            }
        }
    }

    /// A line of text: a guest in the guests' subsection, the closing line,
    /// a signature caption, a numbered paragraph, or an item's prose.
    fn list_text(&mut self, text: &str, span: Span) {
        self.last_line_end = span.end;
        if self.list != List::None {
            if let Some(rest) = escaped_bullet(text) {
                return self.list_item(rest, span);
            }
        }
        if self.list == List::Guests && self.section == Section::Attendance && names_people(text) {
            self.rec.attendance.guests.push(values::person(text, span));
            return;
        }
        self.list = List::None;
        if self.section == Section::Agenda && self.paragraph_items {
            if let Some(rest) = numbered_text(text) {
                let at = text.len() - rest.len();
                return self.numbered_paragraph(rest, span.sub(at, text.len()));
            }
        }
        if let Some(k) = missing_colon(text) {
            if !self.rec.attempted_keys.contains(&k) {
                self.rec.attempted_keys.push(k);
            }
            let key_end = text.len() - text.trim_start().len() + key_len(text, k);
            self.rec.syntax.push(SyntaxProblem::MissingColon {
                key: k.name().to_string(),
                span: Span::new(span.start, span.start + key_end),
            });
        } else if let Some(colon) = find_wide_colon(text) {
            // A full-width colon: the key is there, unread.
            let key = text[..colon].trim();
            if looks_like_key(key) {
                self.rec.unknown_fields.push(Spanned::new(key.to_string(), span));
            }
        }
    }

    /// `1. …` in a chi bộ-style agenda: an item of its own.
    fn numbered_paragraph(&mut self, text: &str, span: Span) {
        // The open item ends before this paragraph's line (which the caller
        // has already read past): its words are not the item before's.
        let line_start = self.text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        self.last_line_end = self.last_line_end.min(line_start);
        self.close_item();
        let heading: String = text.chars().take(120).collect();
        self.open_item(Spanned::new(heading, span), span);
        if let Some(it) = self.rec.items.last_mut() {
            it.paragraph = true;
        }
        self.last_line_end = span.end;
        // `1. Xét kết nạp. Quyết định: Kết nạp … Biểu quyết: 9/9.` on the same line.
        for (key, value, value_span) in inline_fields(text, span) {
            let f = FieldLine { key, value, value_span, first: None, in_list: false, key_start: span.start, span };
            self.item_field(&f);
        }
    }

    /// Signature captions (`NGƯỜI GHI BIÊN BẢN`, `CHỦ TRÌ HỘI NGHỊ`,
    /// `T/M BAN THƯỜNG VỤ`), the name under the recorder's, and the closing
    /// line (`Hội nghị kết thúc vào hồi …`): looked for in the record's last
    /// lines, where 16-HD puts them, so that a long record costs no more.
    fn signature_block(&mut self) {
        let body = self.text.get(self.last_body_start()..).unwrap_or("");
        let mut after_recorder = false;
        for line in last_lines(body, TAIL_LINES) {
            // Captions, names and the closing line are short; prose is not.
            if line.len() > 200 {
                continue;
            }
            let b = line.as_bytes();
            let capitals = !b.iter().any(u8::is_ascii_lowercase);
            let named = after_recorder && signs(line);
            if !capitals && !named && !closes_or_signs(b) {
                continue;
            }
            let f = fold(&unmark(line));
            if f.contains("ket thuc")
                && (f.contains("vao hoi") || f.contains("vao luc") || f.contains(" luc ") || f.contains(" hoi "))
            {
                self.rec.content.closing_line = true;
            }
            let mut caption = false;
            let columns = line.contains(['|', '\t']) || line.trim().contains("  ");
            let cells: Vec<&str> =
                if columns { line.split(['|', '\t']).flat_map(|c| c.split("  ")).collect() } else { vec![line] };
            for cell in cells {
                let folded = if columns { fold(&unmark(cell)) } else { f.clone() };
                let c = folded.trim();
                if c.is_empty() {
                    continue;
                }
                let upper = !cell.chars().any(char::is_lowercase);
                if c.starts_with("nguoi ghi bien ban") || (upper && (c == "thu ky" || c.starts_with("thu ky hoi nghi")))
                {
                    self.rec.content.recorder_caption = true;
                    after_recorder = true;
                    caption = true;
                } else if (upper && (c.starts_with("chu tri") || c.starts_with("chu toa"))) || c.starts_with("t/m ") {
                    self.rec.content.chair_caption = true;
                    caption = true;
                }
            }
            if !caption && named {
                self.rec.content.recorder_signed = true;
            }
        }
    }

    /// Where the record's own lines start (after the title).
    fn last_body_start(&self) -> usize {
        self.rec.title.span.end.min(self.text.len())
    }

    fn number_value(&self, f: &FieldLine) -> Spanned<String> {
        number_of(&f.value, f.value_span)
    }

    fn body_value(&self, value: &str, span: Span) -> Value<String> {
        match self.profile.body_named_long(value).filter(|b| !b.external) {
            Some(b) => Value::Ok { value: b.code.clone(), span },
            None => {
                let f = fold(value);
                let words: Vec<&str> = f.split_whitespace().collect();
                // The name that holds the value's words in order (`Thường vụ`
                // → `Ban Thường vụ`), else the closest spelling.
                let holds = |n: &str| {
                    let ns: Vec<&str> = n.split_whitespace().collect();
                    ns.windows(words.len().max(1)).any(|w| w == words.as_slice())
                };
                let suggestion = self
                    .profile
                    .body_names()
                    .filter(|(_, b)| !b.external)
                    .find(|(n, _)| !words.is_empty() && holds(n))
                    .map(|(_, b)| b.name.clone())
                    .or_else(|| {
                        self.profile
                            .body_names()
                            .filter(|(_, b)| !b.external)
                            .map(|(n, b)| (strsim::jaro_winkler(n, &f), b))
                            .filter(|(s, _)| *s > 0.8)
                            .max_by(|a, b| a.0.total_cmp(&b.0))
                            .map(|(_, b)| b.name.clone())
                    });
                Value::Invalid { raw: value.to_string(), span, problem: Problem::UnknownBody { suggestion } }
            }
        }
    }

    fn finish(mut self, title: &Title) -> Record {
        self.close_item();
        // The title speaks (1.1): the body and form when no field gives
        // them; a field that contradicts it is an invalid value.
        // The title folded once, padded for whole-word searches.
        let padded = format!(" {} ", fold(&title.text));
        let title_forms = forms_in(&padded);
        match &self.rec.body {
            None => {
                if let Some(b) = self.profile.bodies_in(&title.text).first() {
                    self.rec.body = Some(Value::Ok { value: b.code.clone(), span: title.span });
                }
            }
            // Most titles name the body written in `Cơ quan`: a short look first.
            Some(Value::Ok { value, .. }) if self.profile.title_names(&padded, value) => {}
            Some(Value::Ok { value, span })
                if {
                    let named = self.profile.bodies_in(&title.text);
                    !named.is_empty() && named[0].code != *value
                } =>
            {
                // The body the title is read as (the most specific it
                // names: `Thường trực Đảng ủy` is the TT, not also the BCH),
                // and `Cơ quan` as written.
                let named = self.profile.bodies_in(&title.text);
                let written = self.text.get(span.start..span.end).map_or_else(|| value.clone(), |t| clean(t, *span).0);
                self.rec.body = Some(Value::Invalid {
                    raw: written,
                    span: *span,
                    problem: Problem::BodyNotInTitle { title: named[0].name.clone() },
                });
            }
            _ => {}
        }
        match &self.rec.form {
            None => {
                if let Some(f) = title_forms.first() {
                    self.rec.form = Some(Value::Ok { value: *f, span: title.span });
                }
            }
            Some(Value::Ok { value, span }) if !title_forms.is_empty() && !title_forms.contains(value) => {
                self.rec.form = Some(Value::Invalid {
                    raw: String::new(),
                    span: *span,
                    problem: Problem::FormNotInTitle { title: title.text.clone() },
                });
            }
            _ => {}
        }
        // The letterhead's `Số` and place-and-date line, when no field gives them.
        if self.rec.number.is_none() {
            if let Some((n, span)) = &title.number {
                let at = self.text.get(span.start..span.end).and_then(|t| t.find(n.as_str())).unwrap_or(0);
                self.rec.number = Some(Spanned::new(n.clone(), Span::new(span.start + at, span.start + at + n.len())));
            }
        }
        let no_date = matches!(&self.rec.date, None | Some(Value::Invalid { problem: Problem::NoDate, .. }));
        if let (true, Some((d, span))) = (no_date, title.place_date) {
            self.rec.date = Some(Value::Ok { value: d, span });
        }
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
        self.rec.unknown_sections.retain(|u| u.fields > 0);
        self.signature_block();
        self.rec
    }
}

/// A value read as a whole, or, when the whole cannot be read but its
/// first line can, as its first line (a field followed by prose in the
/// same paragraph). The reader returns the value and, optionally, the
/// byte range inside the text it read.
fn read<T>(f: &FieldLine, reader: impl Fn(&str) -> Result<(T, Option<(usize, usize)>), Problem>) -> Value<T> {
    let at = |span: Span, r: Option<(usize, usize)>| match r {
        Some((s, e)) if e <= span.len() => span.sub(s, e),
        _ => span,
    };
    match reader(&f.value) {
        Ok((value, r)) => Value::Ok { value, span: at(f.value_span, r) },
        Err(problem) => match &f.first {
            Some((first, span)) => match reader(first) {
                Ok((value, r)) => Value::Ok { value, span: at(*span, r) },
                Err(_) => Value::Invalid { raw: f.value.clone(), span: f.value_span, problem },
            },
            None => Value::Invalid { raw: f.value.clone(), span: f.value_span, problem },
        },
    }
}

fn count_value(value: &str, span: Span) -> Value<Count> {
    match values::count(value) {
        Ok(c) => Value::Ok { value: c, span },
        Err(problem) => Value::Invalid { raw: value.to_string(), span, problem },
    }
}

/// A `Số` value: the document number in it (`Quyết định số 26-QĐ/ĐU ngày
/// …`), else the value as written.
fn number_of(value: &str, span: Span) -> Spanned<String> {
    if values::is_doc_number(value) {
        return Spanned::new(value.to_string(), span);
    }
    match values::doc_numbers(value).into_iter().next() {
        Some((n, s, e)) if e <= span.len() => Spanned::new(n, span.sub(s, e)),
        _ => Spanned::new(value.to_string(), span),
    }
}

/// A value without what is not part of it: pandoc's trailing `\` (a hard
/// break) and backslash escapes, emphasis left around it, a final `.` or
/// `;`. The span shrinks with it (escapes inside keep the whole span).
pub fn clean(value: &str, span: Span) -> (String, Span) {
    let mut v = value.trim_end();
    loop {
        let before = v.len();
        v = v.strip_suffix('\\').unwrap_or(v).trim_end();
        v = v.trim_end_matches(['*', '_']).trim_end();
        v = v.trim_end_matches(['.', ';']).trim_end();
        if v.len() == before {
            break;
        }
    }
    let lead = v.len() - v.trim_start_matches(['*', '_', ' ']).len();
    let v = &v[lead..];
    let s = Span::new(span.start + lead, span.start + lead + v.len());
    // memchr's SIMD scan: std's is a byte loop, and every field value is looked at.
    if memchr::memchr(b'\\', v.as_bytes()).is_some() {
        (unescape(v), s)
    } else {
        (v.to_string(), s)
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The last `n` non-blank lines of `text`, in order, as `str::lines` gives
/// them (`\r\n` ends a line too); found from the end with memchr's SIMD
/// scan (std's backward search goes a word at a time).
fn last_lines(text: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(n);
    let mut end = text.len();
    let mut starts = memchr::memrchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).chain([0]);
    while out.len() < n {
        let Some(start) = starts.next() else { break };
        let piece = &text[start..end];
        end = start;
        let line = piece.strip_suffix('\n').map_or(piece, |l| l.strip_suffix('\r').unwrap_or(l));
        if !line.trim().is_empty() {
            out.push(line);
        }
    }
    out.reverse();
    out
}

/// A line of names under a signature caption: capitalised words, not the
/// `(Ký, ghi rõ họ tên)` note.
fn signs(line: &str) -> bool {
    let t = unmark(line);
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase)) && !t.starts_with('(')
}

/// Whether a line may be the closing line or a signature caption, without
/// folding it: it holds `thúc` (of `kết thúc`) in any case or form, `ghi`
/// (`Người ghi biên bản`) or `T/M`. One memchr pass looks for the three.
fn closes_or_signs(b: &[u8]) -> bool {
    memchr::memchr3_iter(b't', b'T', b'g', b).any(|i| {
        let rest = &b[i..];
        rest.starts_with(b"ghi") || rest.starts_with(b"T/M") || thuc_at(rest)
    })
}

/// Whether `b` starts with `thúc` in any case or form.
fn thuc_at(b: &[u8]) -> bool {
    let Some((&t, rest)) = b.split_first() else { return false };
    let Some((&h, rest)) = rest.split_first() else { return false };
    if (t != b't' && t != b'T') || (h != b'h' && h != b'H') {
        return false;
    }
    // `ú`/`Ú` (NFC), `u`/`U` then U+0301 (NFD), `u`/`U`; then `c`.
    let rest = if rest.starts_with("ú".as_bytes()) || rest.starts_with("Ú".as_bytes()) {
        &rest[2..]
    } else if rest.starts_with(b"u\xcc\x81") || rest.starts_with(b"U\xcc\x81") {
        &rest[3..]
    } else if rest.starts_with(b"u") || rest.starts_with(b"U") {
        &rest[1..]
    } else {
        return false;
    };
    rest.first().is_some_and(|&c| c == b'c' || c == b'C')
}

/// Whether a line of text continues the field above it in the same
/// paragraph: not markup, not a field of its own, not a caption.
fn continues(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(['<', '|', '#', '>', '-', '+', '*'])
        || escaped_bullet(t).is_some()
        || numbered_text(t).is_some()
        || find_wide_colon(t).is_some()
    {
        return false;
    }
    if let Some((key, _)) = t.split_once(':') {
        if key_of(key).is_some() {
            return false;
        }
    }
    // Captions and names in columns.
    let upper = t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    !(upper || t.contains("   ") || t.contains('\t'))
}

/// A field written in a line of text: `*Thời gian:* …`, `_Có mặt_: …`,
/// `**Chủ trì: Hoàng Văn Đức**`, `***Số:*** …`.
fn marked_field(text: &str, span: Span) -> Option<(Key, &str, Span)> {
    let t = text.trim_start();
    if !t.starts_with(['*', '_']) {
        return None;
    }
    let colon = t.find(':')?;
    let key = key_of(&t[..colon])?;
    let lead = text.len() - t.len();
    let after = &t[colon + 1..];
    let trimmed = after.trim_start_matches(['*', '_', ' ']);
    let start = lead + colon + 1 + (after.len() - trimmed.len());
    let value = trimmed.trim_end();
    Some((key, value, span.sub(start, start + value.len())))
}

/// The item fields inside a numbered paragraph's line (`Quyết định: …`),
/// each key after the start of the line or a `.` or `;`, each value running
/// to the sentence that holds the next key.
fn inline_fields(text: &str, span: Span) -> Vec<(Key, String, Span)> {
    // (where the key's sentence starts, where its value starts, the key)
    let mut keys: Vec<(usize, usize, Key)> = Vec::new();
    for (at, _) in text.match_indices(':') {
        let before = &text[..at];
        let start = before.rfind(['.', ';']).map_or(0, |i| i + 1);
        if keys.last().is_some_and(|k| start < k.1) {
            continue; // a colon inside the previous value's sentence
        }
        if let Some(k) = key_of(before[start..].trim()).filter(|k| is_item_key(*k)) {
            keys.push((start, at + 1, k));
        }
    }
    let mut out = Vec::with_capacity(keys.len());
    for (n, &(_, from, key)) in keys.iter().enumerate() {
        let to = keys.get(n + 1).map_or(text.len(), |next| next.0);
        let raw = &text[from..to];
        let lead = raw.len() - raw.trim_start().len();
        let (v, s) = clean(raw.trim_start(), span.sub(from + lead, to));
        out.push((key, v, s));
    }
    out
}

/// `\- …`, `\+ …`, `\* …`: a bullet typed in Word, which pandoc escapes so
/// that it stays text; in an attendance list it is a list item all the same.
fn escaped_bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let rest = t.strip_prefix("\\-").or_else(|| t.strip_prefix("\\+")).or_else(|| t.strip_prefix("\\*"))?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// `1. …`, `2) …`, `1\. …` (pandoc's escape): the text after the number.
fn numbered_text(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let rest = rest.strip_prefix("\\.").or_else(|| rest.strip_prefix(['.', ')']))?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// A list item whose bullet is a number (`1. …`).
fn is_numbered(text: &str, item_span: Span) -> bool {
    let line_start = text[..item_span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..item_span.start.min(text.len())].trim();
    before.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit()) && !before.is_empty()
}

/// A decision in words, or a vote count in prose: the byte range of the
/// first sentence that records one.
pub fn decision_in_words(text: &str) -> Option<(usize, usize)> {
    // Padded with spaces: whole words only.
    const DECIDE: &[&str] = &[" quyet dinh ", " thong nhat ", " nhat tri ", " thong qua ", " dong y ", " bau "];
    const SUBJECTS: &[&str] = &[
        " hoi nghi ",
        " thuong truc ",
        " ban thuong vu ",
        " ban chap hanh ",
        " dang uy ",
        " chi bo ",
        " chi uy ",
        " tap the ",
        " btv ",
        " bch ",
    ];
    const BETWEEN: &[&str] = &[" da ", " cung ", " deu ", " hoan toan ", " 100% ", " tuyet doi "];
    const VOTE: &[&str] = &[" tan thanh ", " nhat tri ", " bieu quyet ", " thong nhat ", " dong y "];
    let mut start = 0;
    for piece in text.split_inclusive(['.', ';', '!', '?', '\n']) {
        let s = start;
        start += piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim().trim_end_matches(['.', ';', '!', '?']);
        let body = numbered_text(body).unwrap_or(body).trim_start_matches(['-', '+', '*', ' ']);
        if body.is_empty() {
            continue;
        }
        let mut padded = String::with_capacity(body.len() + 2);
        padded.push(' ');
        padded.push_str(&fold(body));
        padded.push(' ');
        let starts = DECIDE.iter().any(|d| padded.starts_with(d));
        let subject = || {
            SUBJECTS.iter().any(|sub| {
                padded.match_indices(sub).any(|(i, m)| {
                    // From the space that ends the subject.
                    let mut rest = &padded[i + m.len() - 1..];
                    loop {
                        if DECIDE.iter().any(|d| rest.starts_with(d)) {
                            return true;
                        }
                        match BETWEEN.iter().find(|b| rest.starts_with(*b)) {
                            Some(b) => rest = &rest[b.len() - 1..],
                            None => return false,
                        }
                    }
                })
            })
        };
        let vote = || {
            VOTE.iter().any(|v| padded.contains(v))
                && padded.split(' ').any(|w| {
                    let (n, m) = w.split_once('/').unwrap_or(("", ""));
                    !n.is_empty()
                        && n.bytes().all(|b| b.is_ascii_digit())
                        && !m.is_empty()
                        && m.bytes().all(|b| b.is_ascii_digit())
                })
        };
        if starts || subject() || vote() {
            return Some((s + lead, s + lead + piece.trim().len()));
        }
    }
    None
}

/// The forms a title announces (`HỘI Ý`, `mở rộng`, `bất thường`, `đột
/// xuất`); `f` is the title folded, with a space each side.
fn forms_in(f: &str) -> Vec<Form> {
    let mut out = Vec::new();
    for (w, form) in [
        (" hoi y ", Form::Consultation),
        (" mo rong ", Form::Expanded),
        (" bat thuong ", Form::Extraordinary),
        (" dot xuat ", Form::Extraordinary),
        (" bang van ban ", Form::Written),
    ] {
        if f.contains(w) && !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

/// `1. Thành phần`, `I. THÀNH PHẦN`, `1.1. Đại biểu chính thức`, `a) …`.
fn strip_numbering(text: &str) -> &str {
    let t = text.trim_start();
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ')' | '\\') || "IVXLivxl".contains(c)))
        .map_or(t.len(), |(i, _)| i);
    let head = &t[..end];
    // Only a real numbering: ends with `.` or `)`, and then a space.
    if end > 0 && head.ends_with(['.', ')']) && t[end..].starts_with(' ') {
        return t[end..].trim_start();
    }
    if t.len() > 2 && t.as_bytes()[1] == b')' && t.as_bytes()[0].is_ascii_alphabetic() {
        return t[2..].trim_start();
    }
    t
}

/// `1. Xét kết nạp` → `Xét kết nạp`.
fn strip_item_number(text: &str) -> &str {
    let t = text.trim_start();
    let stripped = strip_numbering(t);
    if stripped.len() != t.len() {
        return stripped;
    }
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

fn is_attendance_key(k: Key) -> bool {
    matches!(
        k,
        Key::Members
            | Key::Present
            | Key::Absent
            | Key::Guests
            | Key::BallotsSent
            | Key::BallotsReturned
            | Key::Composition
    )
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

fn is_act(k: Key) -> bool {
    matches!(k, Key::Decision | Key::Proposal | Key::Opinion)
}

/// A short phrase before a colon that reads like a field name, not prose.
fn looks_like_key(key: &str) -> bool {
    let k = key.trim();
    let words = k.split_whitespace().count();
    (1..=5).contains(&words) && k.chars().count() <= 40 && !k.contains(['.', ',', '(', '"', '“'])
}

/// The byte just after one of `words` (folded, whole words) in `value`,
/// and where that word starts.
fn split_word(value: &str, words: &[&str]) -> Option<(usize, usize)> {
    let toks = tokens(value);
    for (i, t) in toks.iter().enumerate() {
        for w in words {
            let parts: Vec<&str> = w.split(' ').collect();
            if i + parts.len() <= toks.len()
                && toks[i..i + parts.len()].iter().zip(&parts).all(|(t, p)| fold(t.text.trim_end_matches(':')) == *p)
            {
                return Some((t.start, toks[i + parts.len() - 1].end));
            }
        }
    }
    None
}

/// `(…)` ranges of a value (inside the brackets).
fn brackets(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open = None;
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = Some(i + 1);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push((o, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn strip_brackets(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Whether a bracket or a line names people (`đồng chí Bế Thị Ngọc, …`)
/// rather than giving a reason (`có lý do`).
fn names_people(s: &str) -> bool {
    let f = fold(s.trim());
    if f.starts_with("dong chi ") || f.starts_with("d/c ") || f.starts_with("dc ") {
        return true;
    }
    let first = s.split([',', ';', '(']).next().unwrap_or("").trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    (2..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

fn says_no_reason(text: &str) -> bool {
    let parts: Vec<&str> = text.split([',', ';', ':', '(', ')', '—', '–']).collect();
    parts.iter().skip(1).any(|p| values::no_reason(p) && !p.trim().is_empty())
}

/// Pieces of a value separated by `sep`, with their spans.
fn pieces(value: &str, span: Span, sep: char) -> Vec<(&str, Span)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in value.split(sep) {
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() && at + lead + t.len() <= span.len() {
            out.push((t, span.sub(at + lead, at + lead + t.len())));
        } else if !t.is_empty() {
            out.push((t, span));
        }
        at += piece.len() + sep.len_utf8();
    }
    out
}

/// People in one value: separated by `;`, or each starting with `đồng chí`.
fn people_pieces(value: &str, span: Span) -> Vec<(&str, Span)> {
    let mut out = Vec::new();
    for (piece, s) in pieces(value, span, ';') {
        // Cut before every `đồng chí` / `đ/c` that follows a comma or `và`.
        let f_starts: Vec<usize> = piece
            .char_indices()
            .filter(|&(i, _)| {
                let rest = &piece[i..];
                let before = piece[..i].trim_end();
                (before.ends_with(',') || before.ends_with(" và") || before.ends_with(" va"))
                    && rest.starts_with(['đ', 'Đ', 'd', 'D'])
                    && {
                        let f = fold(&rest.chars().take(9).collect::<String>());
                        f.starts_with("dong chi") || f.starts_with("d/c")
                    }
            })
            .map(|(i, _)| i)
            .collect();
        let mut cut = 0;
        for &i in f_starts.iter().chain(std::iter::once(&piece.len())) {
            let part = piece[cut..i].trim().trim_end_matches(',').trim_end();
            let part = part.strip_suffix(" và").or_else(|| part.strip_suffix(" va")).unwrap_or(part).trim();
            if !part.is_empty() {
                let off = piece[cut..].find(part).map_or(cut, |o| cut + o);
                let ps = if off + part.len() <= s.len() { s.sub(off, off + part.len()) } else { s };
                out.push((part, ps));
            }
            cut = i;
        }
    }
    out
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
    // Folded in a buffer kept per thread: most lines stop here, and an
    // allocation would cost as much as the fold.
    thread_local! {
        static WORD: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let checked = WORD.with(|w| {
        let mut w = w.borrow_mut();
        fold_into(&mut w, first);
        colon_checked_first_words().binary_search(&w.as_str()).is_ok()
    });
    if !checked {
        return None;
    }
    // Column layouts (a signature block `Thư ký        Chủ trì`) are not
    // fields; nor are captions in capitals (`CHỦ TRÌ HỘI NGHỊ`).
    if t.contains([':', '：']) || t.contains('\t') || t.contains("   ") || t.chars().count() > 80 || t.ends_with('.') {
        return None;
    }
    if !t.chars().any(char::is_lowercase) {
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

/// Where the first full-width colon `：` is. Its first byte is rare in
/// Vietnamese text, its last is not (`Ớ`, `Ú`): std's `find` looks for the
/// last, byte by byte; this looks for the first with memchr's SIMD scan.
fn find_wide_colon(text: &str) -> Option<usize> {
    const WIDE: &[u8] = "：".as_bytes();
    let b = text.as_bytes();
    memchr::memchr_iter(WIDE[0], b).find(|&i| b[i..].starts_with(WIDE))
}

/// The first words of the names of the keys in `COLON_CHECKED`, sorted.
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
    use crate::model::layout::{scan, Scan};
    use crate::syntax::parse::parse;

    fn rec(text: &str) -> Record {
        let Scan::Record(title) = scan(text) else { panic!("not a record") };
        let lines = parse(text).unwrap();
        lower(&lines, text, &title, &Profile::builtin())
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
    fn last_lines_are_those_str_lines_gives() {
        for text in ["a\n\nb\r\nc \n  \n", "", "\n", "x", "a\r\nb\r", "1\n2\n3\n4\n", "\r\n\r\nz"] {
            for n in 0..6 {
                let mut want: Vec<&str> = text.lines().rev().filter(|l| !l.trim().is_empty()).take(n).collect();
                want.reverse();
                assert_eq!(last_lines(text, n), want, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn wide_colons_are_found_where_std_finds_them() {
        for text in ["Cơ quan： BTV", "ỚÚ không có", "：", "a：b：c", "", "\u{feff}x"] {
            assert_eq!(find_wide_colon(text), text.find('：'), "{text:?}");
        }
    }

    #[test]
    fn missing_colon_is_found_but_prose_and_captions_are_not() {
        assert_eq!(missing_colon("Cơ quan Ban Thường vụ"), Some(Key::Body));
        assert_eq!(missing_colon("Co mat 7"), Some(Key::Present));
        assert_eq!(missing_colon("Cơ quan đã chuẩn bị chu đáo tài liệu cho hội nghị."), None);
        assert_eq!(missing_colon("Cơ quan: BTV"), None);
        assert_eq!(missing_colon("Thư ký                                   Chủ trì"), None);
        assert_eq!(missing_colon("Thư ký Chủ trì"), None);
        assert_eq!(missing_colon("CHỦ TRÌ HỘI NGHỊ"), None);
        let t = "Tổng số thành viên 9";
        assert_eq!(&t[..key_len(t, Key::Members)], "Tổng số thành viên");
    }

    #[test]
    fn values_lose_what_is_not_theirs() {
        assert_eq!(clean("Bí thư Đảng ủy.", Span::new(0, 17)).0, "Bí thư Đảng ủy");
        assert_eq!(clean("nhất trí 9/9;\\", Span::new(0, 16)).0, "nhất trí 9/9");
        assert_eq!(clean("14\\-BB/ĐU", Span::new(0, 11)).0, "14-BB/ĐU");
        assert_eq!(key_of("Biểu quyết (giơ tay)"), Some(Key::Votes));
        assert_eq!(key_of("*Người chủ trì*"), Some(Key::Chair));
    }

    #[test]
    fn decisions_in_words() {
        assert!(decision_in_words("Hội nghị thống nhất kết nạp quần chúng Nông Văn A.").is_some());
        assert!(decision_in_words("Thống nhất kết nạp quần chúng Nông Văn A.").is_some());
        assert!(decision_in_words("Kết quả: 7/7 đồng chí nhất trí.").is_some());
        assert!(decision_in_words("Đồng chí Bí thư phát biểu ý kiến về công tác tuyên truyền.").is_none());
        assert!(decision_in_words("Hội nghị đã nghe báo cáo.").is_none());
    }

    #[test]
    fn attendance_entries_wrapped_or_escaped_by_pandoc_are_read() {
        // pandoc wraps a long item and indents what follows; a `+` or `-`
        // typed in Word comes out escaped (`\+`, `\-`) and ends with a hard break.
        let r = rec("# Biên bản hội nghị Ban Thường vụ\n\nThời gian: 14/04/2023\n\n## 1. Thành phần hội nghị\n\n\
             Có mặt: 05/09 đồng chí.\n\nVắng mặt: 04 đồng chí (có lý do):\n\n\
             + Đồng chí Lương Văn Khải, Phó Bí thư Đảng ủy, đi học lớp bồi\n  dưỡng tại Học viện;\n\
             + Đồng chí Hoàng Văn Tiến, đi công tác;\n\
             \\+ Đồng chí Lý Văn Đông, Giám đốc Công ty Vật tư Sơn\nThủy, tiếp đoàn thanh tra;\\\n\
             \\- Đồng chí La Thị Phương: vắng không lý do.\n\n## 2. Diễn biến hội nghị\n");
        let a = &r.attendance.absent;
        let names: Vec<&str> = a.iter().map(|x| x.person.name.as_str()).collect();
        assert_eq!(names, ["Lương Văn Khải", "Hoàng Văn Tiến", "Lý Văn Đông", "La Thị Phương"]);
        assert!(a[0].reason.as_deref().is_some_and(|r| r.contains("dưỡng tại Học viện")), "{:?}", a[0]);
        assert_eq!(a[2].reason.as_deref(), Some("tiếp đoàn thanh tra"));
        assert_eq!(a[2].person.role.as_deref(), Some("Giám đốc Công ty Vật tư Sơn Thủy"));
        assert_eq!(a[3].reason, None);
        assert_eq!(r.attendance.absent_count.as_ref().and_then(|c| c.ok()), Some(&4));
        assert!(r.unknown_fields.is_empty() && r.syntax.is_empty());
        // Outside an attendance list, an escaped bullet is prose.
        let r =
            rec("# Biên bản hội nghị Ban Thường vụ\n\n## Nội dung\n\n### 1. Việc khác\n\n\\- Đồng chí A: phát biểu.\n");
        assert!(r.attendance.absent.is_empty() && r.attendance.present.is_empty());
    }

    #[test]
    fn a_body_that_contradicts_the_title_is_named_as_written() {
        let r = rec("**BIÊN BẢN HỘI Ý THƯỜNG TRỰC ĐẢNG ỦY KHỐI**\n\nCơ quan: Ban Thường vụ Đảng ủy Khối.\n");
        match r.body {
            Some(Value::Invalid { raw, problem: Problem::BodyNotInTitle { title }, .. }) => {
                assert_eq!(raw, "Ban Thường vụ Đảng ủy Khối");
                assert_eq!(title, "Thường trực");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn attendance_on_one_line_after_the_total() {
        let r = rec("# Biên bản hội nghị Ban Thường vụ\n\nThời gian: 13/7/2023\n\n## 1. Thành phần hội nghị\n\n\
             Tổng số ủy viên Ban Thường vụ: 09 đồng chí; có mặt: 08 đồng chí; vắng mặt: 01 đồng chí (đồng chí Lý Văn Đông đi công tác).\n");
        let a = &r.attendance;
        assert_eq!(a.members.as_ref().and_then(|m| m.ok()), Some(&9));
        assert!(a.present_count.as_ref().is_some_and(|c| c.ok().is_some()), "{:?}", a.present_count);
        assert_eq!(a.absent_count.as_ref().and_then(|c| c.ok()), Some(&1));
        assert_eq!(a.absent.len(), 1);
        assert_eq!(
            (a.absent[0].person.name.as_str(), a.absent[0].reason.as_deref()),
            ("Lý Văn Đông", Some("đi công tác"))
        );
        // A total alone is still a total.
        let r = rec("# Biên bản hội nghị Ban Thường vụ\n\n## Thành phần\n\nTổng số ủy viên: 09 đồng chí.\n");
        assert_eq!(r.attendance.members.as_ref().and_then(|m| m.ok()), Some(&9));
    }

    #[test]
    fn several_fields_in_a_numbered_paragraph_are_read() {
        let r = rec("# Biên bản hội ý Thường trực\n\nThời gian: 28/6/2023\n\nNội dung:\n\n\
             1\\. Kinh phí hỗ trợ. Số: 710-QĐ/ĐUK. Loại việc: tài chính đảng.\n\n\
             2\\. Xét kết nạp. Loại việc: kết nạp đảng viên; Quyết định: Kết nạp 02 quần chúng, giờ họp: 8 giờ. Biểu quyết: 3/3 đồng chí nhất trí.\n");
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[0].number.as_ref().map(|n| n.value.as_str()), Some("710-QĐ/ĐUK"));
        assert_eq!(r.items[0].matter.as_ref().map(|m| m.value.as_str()), Some("tài chính đảng"));
        let it = &r.items[1];
        assert_eq!(it.matter.as_ref().map(|m| m.value.as_str()), Some("kết nạp đảng viên"));
        assert_eq!(it.act_text, "Kết nạp 02 quần chúng, giờ họp: 8 giờ");
        assert_eq!(it.votes.as_ref().and_then(|v| v.ok()).and_then(|v| v.favour), Some(3));
    }

    #[test]
    fn an_items_prose_ends_where_the_next_item_starts() {
        // A decision in words belongs to its own item, not to the one before
        // (whose span must end before the next heading or numbered paragraph).
        let r = rec(
            "# Biên bản hội ý Thường trực\n\nNội dung:\n\n1\\. Báo cáo tiến độ.\n\n\
             2\\. Thường trực thống nhất nội dung Hội nghị Ban Thường vụ tháng 5 năm\n2023, giao Văn phòng chuẩn bị.\n",
        );
        assert_eq!(r.items.len(), 2);
        assert!(r.items[0].prose_decision.is_none(), "{:?}", r.items[0]);
        assert!(r.items[1].prose_decision.is_some());
        let r = rec("# Biên bản hội nghị Ban Thường vụ\n\n## 2. Diễn biến hội nghị\n\n### 2.1. Nghe báo cáo\n\nĐồng chí A báo cáo.\n\n\
             ### 2.2. Thông qua kế hoạch\n\nQuyết định: Thông qua.\n");
        assert!(r.items[0].prose_decision.is_none(), "{:?}", r.items[0]);
        assert!(r.items[0].span.end <= r.items[1].span.start);
    }

    #[test]
    fn numbering_is_not_the_name() {
        assert_eq!(strip_numbering("1. Thành phần hội nghị"), "Thành phần hội nghị");
        assert_eq!(strip_numbering("II. DIỄN BIẾN HỘI NGHỊ"), "DIỄN BIẾN HỘI NGHỊ");
        assert_eq!(strip_numbering("1.1. Đại biểu chính thức"), "Đại biểu chính thức");
        assert_eq!(strip_numbering("Ý kiến"), "Ý kiến");
        assert_eq!(strip_numbering("Ủy ban"), "Ủy ban");
    }
}
