//! The pages, as maud templates: every value spliced with `(…)` is
//! escaped; untrusted text goes through [`Txt`] (escaped and cleaned of
//! characters HTML forbids). `PreEscaped` is never used: maud's `DOCTYPE`
//! is the only markup not built by the templates (a test greps for it).

use std::collections::HashMap;

use maud::{html, Markup, DOCTYPE};

use super::chart;
use super::text::Txt;
use super::view::{Cell, DueTrail, Rec, Status, View};
use crate::check::FileResult;
use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::common::span::LineIndex;
use crate::model::summary::DueKind;
use crate::model::{Date, Form};
use crate::regulation::profile::Profile;
use crate::rules;
use crate::tr;

/// The rule families of the index's "at a glance" table. A rule that is
/// in none (a new one) is shown under "other".
pub const FAMILIES: &[([&str; 2], &[&str])] = &[
    (["Tệp và cách ghi", "Files and writing"], &["syntax", "encoding", "io", "missing-field", "invalid-value"]),
    (
        ["Đọc hết, không bỏ sót", "Read in full"],
        &["unrecognised-record", "unstructured-decision", "unknown-section", "record-content"],
    ),
    (["Thành phần và số lượng", "Attendance and quorum"], &["attendance", "quorum", "absence-reason", "roster"]),
    (["Biểu quyết", "Votes and majority"], &["votes", "majority", "missing-votes"]),
    (
        ["Thẩm quyền và chủ trì", "Competence and chair"],
        &["unknown-matter", "competence", "urgent-carve-out", "higher-consent", "chair"],
    ),
    (["Lần theo văn bản", "Tracing acts"], &["missing-id", "report-back", "unknown-reference", "duplicate-id"]),
    (["Chế độ họp", "Meetings held"], &["meeting-frequency", "between-sessions-report"]),
    (["Chú thích bỏ qua", "Suppressions"], &["unused-allow"]),
];

pub fn family_of(rule: &str) -> usize {
    FAMILIES.iter().position(|(_, rules)| rules.contains(&rule)).unwrap_or(FAMILIES.len())
}

fn family_name(k: usize, l: Lang) -> &'static str {
    FAMILIES.get(k).map_or(l.pick("Khác", "Other"), |f| f.0[l as usize])
}

pub fn body_name<'p>(p: &'p Profile, code: &'p str, l: Lang) -> &'p str {
    p.body(code).map_or(code, |b| l.pick(&b.name, &b.name_en))
}

pub fn form_name(f: Option<Form>, l: Lang) -> &'static str {
    match f {
        Some(Form::Regular) => l.pick("thường lệ", "regular"),
        Some(Form::Extraordinary) => l.pick("bất thường", "extraordinary"),
        Some(Form::Expanded) => l.pick("mở rộng", "expanded"),
        Some(Form::Consultation) => l.pick("hội ý", "consultation"),
        Some(Form::Written) => l.pick("bằng văn bản", "written"),
        None => l.pick("không rõ", "unknown"),
    }
}

const FORMS: [Option<Form>; 6] = [
    Some(Form::Regular),
    Some(Form::Extraordinary),
    Some(Form::Expanded),
    Some(Form::Consultation),
    Some(Form::Written),
    None,
];

pub fn month_name(m: u32, l: Lang) -> String {
    match l {
        Lang::Vi => format!("Tháng {m}"),
        Lang::En => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            .get(m as usize - 1)
            .unwrap_or(&"")
            .to_string(),
    }
}

fn sev_name(s: Severity, l: Lang) -> &'static str {
    s.name(l)
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn date_text(d: Option<Date>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

/// The quote of an article as the profile gives it for a rule.
pub fn quote<'p>(p: &'p Profile, rule: &str, article: &str) -> Option<&'p str> {
    let provisions = match rule {
        "quorum" => vec![(&p.quorum.article, &p.quorum.quote)],
        // The count of members (Điều 11.1), or the chair's role (Điều 6).
        "roster" => vec![(&p.quorum.article, &p.quorum.quote), (&p.chair.article, &p.chair.quote)],
        "majority" | "votes" | "missing-votes" => vec![(&p.majority.article, &p.majority.quote)],
        "urgent-carve-out" => vec![(&p.urgent.article, &p.urgent.quote)],
        "report-back" | "missing-id" => vec![(&p.report_back.article, &p.report_back.quote)],
        "chair" => vec![(&p.chair.article, &p.chair.quote)],
        "absence-reason" => vec![(&p.attendance.article, &p.attendance.quote)],
        "meeting-frequency" => vec![(&p.frequency.article, &p.frequency.quote)],
        "between-sessions-report" => vec![(&p.between_sessions.article, &p.between_sessions.quote)],
        "competence" | "unknown-matter" => vec![(&p.competence.article, &p.competence.quote)],
        "higher-consent" => vec![(&p.higher_consent.article, &p.higher_consent.quote)],
        "unknown-reference" => vec![(&p.delegation.article, &p.delegation.quote)],
        _ => Vec::new(),
    };
    if let Some((_, q)) = provisions.into_iter().find(|(a, _)| a.as_str() == article) {
        return Some(q.as_str());
    }
    // Competence cites the matter's own article.
    p.matters.iter().find(|m| m.article == article).map(|m| m.quote.as_str())
}

/// A whole page: head with the stylesheet, then `body`.
fn page(l: Lang, title: &str, css: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(l.pick("vi", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Nothing but the report's own stylesheet may load or run.
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'";
                meta name="generator" content=(format!("bienban {}", env!("CARGO_PKG_VERSION")));
                title { (Txt(&short_title(title))) }
                link rel="stylesheet" href=(css);
            }
            body { (body) }
        }
    }
}

/// A title of at most 70 characters (what a tab or a bookmark shows).
fn short_title(t: &str) -> String {
    if t.chars().count() <= 70 {
        t.to_string()
    } else {
        let mut s: String = t.chars().take(69).collect();
        s.push('…');
        s
    }
}

fn footer(l: Lang) -> Markup {
    html! {
        footer {
            p { (tr!(l, "Tạo bởi bienban {} — kiểm tra biên bản theo Quy chế làm việc.", "Made by bienban {} — minutes checked against the working regulation.", env!("CARGO_PKG_VERSION"))) }
        }
    }
}

fn title(l: Lang) -> &'static str {
    l.pick("Báo cáo kiểm tra biên bản", "Inspection report of minutes")
}

/// The top index when a run covers several archives.
pub fn archives_index(views: &[View<'_>], l: Lang) -> Markup {
    let body = html! {
        header {
            h1 { (title(l)) }
            p.sub { (tr!(l, "{} lưu trữ (tổ chức)", "{} archives (organisations)", views.len())) }
        }
        main {
            section {
                h2 { (l.pick("Các lưu trữ", "Archives")) }
                table.wide {
                    thead { tr {
                        th scope="col" { (l.pick("Lưu trữ", "Archive")) }
                        th scope="col" { (l.pick("Kỳ", "Period")) }
                        th.num scope="col" { (l.pick("Biên bản", "Records")) }
                        th.num scope="col" { (l.pick("Lỗi", "Errors")) }
                        th.num scope="col" { (l.pick("Cảnh báo", "Warnings")) }
                        th.num scope="col" { (l.pick("Đã bỏ qua", "Set aside")) }
                    } }
                    tbody {
                        @for v in views {
                            tr {
                                td { a href=(format!("{}index.html", v.dir)) { (Txt(&v.name)) } }
                                td { (period_text(v.period, l)) }
                                td.num { (v.records()) }
                                td.num.error[v.count(Severity::Error) > 0] { (v.count(Severity::Error)) }
                                td.num.warning[v.count(Severity::Warning) > 0] { (v.count(Severity::Warning)) }
                                td.num { (v.suppressed()) }
                            }
                        }
                    }
                }
            }
        }
        (footer(l))
    };
    page(l, title(l), "style.css", body)
}

fn period_text(p: Option<(Date, Date)>, l: Lang) -> String {
    match p {
        Some((a, b)) => tr!(l, "{} – {}", "{} – {}", a, b),
        None => "—".to_string(),
    }
}

/// An archive's overview: totals, rule families, the calendar, attendance,
/// trails, findings by rule and article, and the records.
pub fn overview(v: &View<'_>, l: Lang, several: bool) -> Markup {
    let p = &v.archive.profile;
    let css = if v.dir.is_empty() { "style.css" } else { "../style.css" };
    let errors = v.count(Severity::Error);
    let warnings = v.count(Severity::Warning);
    let body = html! {
        header {
            @if several { p.up { a href="../index.html" { "↑ " (l.pick("Tất cả lưu trữ", "All archives")) } } }
            h1 { (title(l)) }
            p.sub { (l.pick("Lưu trữ", "Archive")) ": " code { (Txt(&v.name)) } " · " (Txt(l.pick(&p.name, &p.name_en))) }
            nav {
                a href="#tong-quan" { (l.pick("Tổng quan", "Summary")) }
                a href="#lich-hop" { (l.pick("Lịch họp", "Meeting calendar")) }
                a href="#tham-du" { (l.pick("Tham dự", "Attendance")) }
                a href="#theo-doi" { (l.pick("Báo cáo lại và ủy quyền", "Reporting back and delegations")) }
                a href="#phat-hien" { (l.pick("Phát hiện", "Findings")) }
                a href="#bien-ban" { (l.pick("Các biên bản", "Records")) }
            }
        }
        main {
            section #tong-quan {
                h2 { (l.pick("Tổng quan", "Summary")) }
                dl.totals {
                    div { dt { (l.pick("Kỳ", "Period")) } dd { (period_text(v.period, l)) } }
                    div { dt { (l.pick("Biên bản", "Records")) } dd { (v.records()) } }
                    div.error[errors > 0] { dt { (l.pick("Lỗi", "Errors")) } dd { (errors) } }
                    div.warning[warnings > 0] { dt { (l.pick("Cảnh báo", "Warnings")) } dd { (warnings) } }
                    div { dt { (l.pick("Đã bỏ qua", "Set aside")) } dd { (v.suppressed()) } }
                    div { dt { (l.pick("Tệp bỏ qua", "Files skipped")) } dd { a href="#bien-ban" { (v.archive.skipped.len()) } } }
                }
                (families(v, l))
                (by_body_and_form(v, l))
            }
            section #lich-hop {
                h2 { (l.pick("Lịch họp", "Meeting calendar")) }
                (calendars(v, l))
            }
            section #tham-du {
                h2 { (l.pick("Tham dự", "Attendance")) }
                (attendance(v, l))
            }
            section #theo-doi {
                h2 { (l.pick("Báo cáo lại và ủy quyền", "Reporting back and delegations")) }
                (dues(v, l))
                (delegations(v, l))
            }
            section #phat-hien {
                h2 { (l.pick("Phát hiện", "Findings")) }
                (findings_by_rule(v, l))
                (findings_by_article(v, l))
            }
            section #bien-ban {
                h2 { (l.pick("Các biên bản", "Records")) }
                (records(v, l))
            }
        }
        (footer(l))
    };
    page(l, &format!("{} — {}", title(l), v.name), css, body)
}

fn families(v: &View<'_>, l: Lang) -> Markup {
    // [family] → (errors, warnings, suppressed)
    let mut counts = vec![(0usize, 0usize, 0usize); FAMILIES.len() + 1];
    for r in v.recs.iter().filter(|r| r.reported) {
        for f in &r.r.findings {
            let c = &mut counts[family_of(f.rule)];
            match f.severity {
                Severity::Error => c.0 += 1,
                Severity::Warning => c.1 += 1,
            }
        }
        for a in &r.r.suppressed {
            counts[family_of(a.finding.rule)].2 += 1;
        }
    }
    let show_other = counts[FAMILIES.len()] != (0, 0, 0);
    html! {
        h3 { (l.pick("Tình trạng theo nhóm quy tắc", "Status by rule family")) }
        table.families {
            thead { tr {
                th scope="col" { (l.pick("Nhóm", "Family")) }
                th scope="col" { (l.pick("Tình trạng", "Status")) }
                th.num scope="col" { (l.pick("Lỗi", "Errors")) }
                th.num scope="col" { (l.pick("Cảnh báo", "Warnings")) }
                th.num scope="col" { (l.pick("Đã bỏ qua", "Set aside")) }
                th scope="col" { (l.pick("Quy tắc", "Rules")) }
            } }
            tbody {
                @for (k, c) in counts.iter().enumerate() {
                    @if k < FAMILIES.len() || show_other {
                        @let (class, status) = if c.0 > 0 {
                            ("error", l.pick("✗ có lỗi", "✗ errors"))
                        } else if c.1 > 0 {
                            ("warning", l.pick("! có cảnh báo", "! warnings"))
                        } else {
                            ("ok", l.pick("✓ đạt", "✓ clean"))
                        };
                        tr {
                            th scope="row" { (family_name(k, l)) }
                            td class=(format!("status {class}")) { (status) }
                            td.num { (c.0) }
                            td.num { (c.1) }
                            td.num { (c.2) }
                            td.rules {
                                @if let Some(f) = FAMILIES.get(k) {
                                    @for (i, r) in f.1.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        code { (r) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A body's code (if known) and a form (if readable).
type BodyForm<'a> = (Option<&'a str>, Option<Form>);

fn by_body_and_form(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    // (body, form) → records; a handful of pairs.
    let mut counts: Vec<(BodyForm<'_>, usize)> = Vec::new();
    for s in v.recs.iter().filter_map(|r| r.summary) {
        let key = (s.body.as_deref(), s.form);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let count = |b: Option<&str>, f: Option<Form>| counts.iter().find(|(k, _)| *k == (b, f)).map_or(0, |x| x.1);
    let mut bodies: Vec<Option<&str>> = p.bodies.iter().map(|b| Some(b.code.as_str())).collect();
    bodies.push(None);
    let forms: Vec<Option<Form>> = FORMS.iter().copied().filter(|f| counts.iter().any(|(k, _)| k.1 == *f)).collect();
    html! {
        h3 { (l.pick("Biên bản theo cơ quan và hình thức", "Records by body and form")) }
        table {
            thead { tr {
                th scope="col" { (l.pick("Cơ quan", "Body")) }
                @for f in &forms { th.num scope="col" { (form_name(*f, l)) } }
                th.num scope="col" { (l.pick("Cộng", "Total")) }
            } }
            tbody {
                @for b in &bodies {
                    @let total: usize = counts.iter().filter(|(k, _)| k.0 == *b).map(|(_, n)| n).sum();
                    @if total > 0 {
                        tr {
                            th scope="row" { (Txt(b.map_or(l.pick("không rõ", "unknown"), |b| body_name(p, b, l)))) }
                            @for f in &forms { td.num { (count(*b, *f)) } }
                            td.num { (total) }
                        }
                    }
                }
            }
        }
    }
}

/// Links to the records of a calendar cell or a trail: the date, linked to
/// the record's page when it has one.
fn rec_link(v: &View<'_>, i: usize, text: &str, from_record: bool) -> Markup {
    match v.link(i, from_record) {
        Some(href) => html! { a href=(href) title=(Txt(&v.recs[i].r.path)) { (Txt(text)) } },
        None => html! { span title=(Txt(&v.recs[i].r.path)) { (Txt(text)) } },
    }
}

fn calendars(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    html! {
        @if v.calendars.is_empty() {
            p { (l.pick("Không có biên bản nào có ngày hợp lệ.", "No record has a readable date.")) }
        }
        @for c in &v.calendars {
            h3 {
                (Txt(body_name(p, &c.body, l))) " — "
                (if c.len == 1 { l.pick("mỗi tháng một hội nghị thường lệ", "a regular meeting every month") } else { l.pick("mỗi quý một hội nghị thường lệ", "a regular meeting every quarter") })
                " (" (Txt(&p.frequency.article)) ")"
            }
            table.calendar {
                thead { tr {
                    th scope="col" { (l.pick("Năm", "Year")) }
                    @for k in 0..(12 / c.len) {
                        th scope="col" {
                            @if c.len == 1 { (month_name(k + 1, l)) } @else { (tr!(l, "Quý {}", "Q{}", k + 1)) }
                        }
                    }
                } }
                tbody {
                    @for row in &c.rows {
                        tr {
                            th scope="row" { (row.year) }
                            @for (state, files) in &row.cells {
                                @let (class, word) = match state {
                                    Cell::Held => ("held", l.pick("đã họp", "held")),
                                    Cell::Other => ("other", l.pick("không có họp thường lệ", "no regular meeting")),
                                    Cell::Missing => ("missing", l.pick("không họp", "missing")),
                                    Cell::Outside => ("outside", l.pick("ngoài kỳ", "outside the period")),
                                };
                                td class=(class) title=(word) {
                                    span.state { (word) }
                                    @for &i in files {
                                        @let s = v.recs[i].summary;
                                        @let day = s.and_then(|s| s.date).map_or(String::new(), |d| format!("{:02}/{:02}", d.day, d.month));
                                        @let regular = s.is_some_and(|s| s.regular);
                                        span.meeting.irregular[!regular] {
                                            (rec_link(v, i, &day, false))
                                            @if !regular { span.form { (form_name(s.and_then(|s| s.form), l)) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        p.legend {
            span.key.held { (l.pick("đã họp thường lệ", "regular meeting held")) }
            span.key.other { (l.pick("chỉ có họp bất thường, mở rộng…", "only extraordinary, expanded… meetings")) }
            span.key.missing { (l.pick("không họp (thiếu theo Điều 11.1)", "none (missing under Điều 11.1)")) }
            span.key.outside { (l.pick("ngoài kỳ của lưu trữ", "outside the archive's period")) }
        }
    }
}

fn attendance(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    let q = &p.quorum;
    html! {
        p {
            (tr!(l, "Tỷ lệ thành viên có mặt tại mỗi hội nghị, so với mức {}/{} ({}: “{}”). Điểm đỏ: dưới mức này.",
                "Members present at each meeting, against {}/{} ({}: “{}”). Red points: below it.",
                q.numerator, q.denominator, q.article, q.quote))
        }
        @if v.attendance.is_empty() {
            p { (l.pick("Không có hội nghị nào ghi được số có mặt và tổng số thành viên.", "No meeting states both members present and members.")) }
        }
        @for a in &v.attendance {
            h3 { (Txt(body_name(p, &a.body, l))) }
            (chart::attendance(v, a, l))
            @if a.unread > 0 {
                p { (tr!(l, "{} hội nghị không có trên biểu đồ: số có mặt hoặc tổng số thành viên không đọc được hay không khớp (xem các phát hiện).",
                    "{} meetings are not on the chart: members present or members could not be read or do not agree (see the findings).", a.unread)) }
            }
            @let below: Vec<_> = a.points.iter().filter(|pt| pt.below).collect();
            @if below.is_empty() {
                p { (l.pick("Mọi hội nghị đều đủ số lượng.", "Every meeting had a quorum.")) }
            } @else {
                p {
                    (l.pick("Dưới mức: ", "Below it: "))
                    @for (k, pt) in below.iter().enumerate() {
                        @if k > 0 { ", " }
                        (rec_link(v, pt.file, &format!("{} ({}/{})", pt.date, pt.present, pt.members), false))
                    }
                }
            }
        }
    }
}

fn status_text(s: Status, l: Lang) -> (&'static str, &'static str) {
    match s {
        Status::OnTime => ("ok", l.pick("đã báo cáo đúng hạn", "reported on time")),
        Status::Late => ("warning", l.pick("báo cáo muộn", "reported late")),
        Status::Missing => ("error", l.pick("chưa báo cáo", "not reported")),
        Status::NotYetDue => ("outside", l.pick("chưa đến hạn", "not yet due")),
    }
}

fn dues(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    let kind = |d: &DueTrail| match d.kind {
        DueKind::Urgent => l.pick("quyết định cấp bách của Thường trực", "urgent decision of the standing members"),
        DueKind::Written => l.pick("lấy ý kiến bằng văn bản", "written consultation"),
    };
    html! {
        h3 { (l.pick("Việc phải báo cáo lại", "What must be reported back")) }
        p {
            (tr!(l, "Quyết định cấp bách của Thường trực và kết quả lấy ý kiến bằng văn bản phải được báo cáo tại phiên họp kế tiếp của cơ quan có thẩm quyền ({}).",
                "Urgent decisions of the standing members and written consultations must be reported at the competent body's next meeting ({}).",
                p.report_back.article))
        }
        @if v.dues.is_empty() {
            p { (l.pick("Không có việc nào.", "None.")) }
        } @else {
            table.wide.trail {
                thead { tr {
                    th scope="col" { (l.pick("Số", "Number")) }
                    th scope="col" { (l.pick("Loại", "Kind")) }
                    th scope="col" { (l.pick("Ngày, biên bản", "Date, record")) }
                    th scope="col" { (l.pick("Báo cáo tại", "Due at")) }
                    th scope="col" { (l.pick("Đã báo cáo ở", "Reported at")) }
                    th scope="col" { (l.pick("Tình trạng", "Status")) }
                } }
                tbody {
                    @for d in &v.dues {
                        @let (class, word) = status_text(d.status, l);
                        tr {
                            td { code { (Txt(&d.text)) } }
                            td { (kind(d)) }
                            td { (rec_link(v, d.file, &date_text(d.date), false)) }
                            td {
                                @match d.due_at {
                                    Some(n) => {
                                        (Txt(body_name(p, &d.body, l))) " "
                                        (rec_link(v, n, &date_text(v.recs[n].date()), false))
                                    }
                                    None => { (Txt(body_name(p, &d.body, l))) ": " (l.pick("chưa có phiên họp sau", "no later meeting yet")) }
                                }
                            }
                            td {
                                @if d.reported_at.is_empty() { "—" }
                                @for (k, &j) in d.reported_at.iter().enumerate() {
                                    @if k > 0 { ", " }
                                    (rec_link(v, j, &date_text(v.recs[j].date()), false))
                                }
                            }
                            td class=(format!("status {class}")) { (word) }
                        }
                    }
                }
            }
        }
    }
}

fn delegations(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    html! {
        h3 { (l.pick("Ủy quyền cho Thường trực", "Delegations to the standing members")) }
        p { (tr!(l, "Mỗi văn bản ủy quyền ({}) và các quyết định đã ra theo ủy quyền đó.", "Each act of delegation ({}) and the decisions taken under it.", p.delegation.article)) }
        @if v.delegations.is_empty() {
            p { (l.pick("Không có quyết định nào ghi `Ủy quyền`.", "No decision names an `Ủy quyền`.")) }
        } @else {
            table.wide.trail {
                thead { tr {
                    th scope="col" { (l.pick("Văn bản ủy quyền", "Act of delegation")) }
                    th scope="col" { (l.pick("Ban hành tại", "Issued at")) }
                    th scope="col" { (l.pick("Quyết định theo ủy quyền", "Decisions taken under it")) }
                } }
                tbody {
                    @for d in &v.delegations {
                        tr {
                            td { code { (Txt(&d.text)) } }
                            td {
                                @match d.act {
                                    Some(a) => { (rec_link(v, a, &date_text(v.recs[a].date()), false)) }
                                    None => { span.error { (l.pick("không có trong lưu trữ", "not in the archive")) } }
                                }
                            }
                            td {
                                ul.plain {
                                    @for (f, what, _) in &d.under {
                                        li { (rec_link(v, *f, &date_text(v.recs[*f].date()), false)) ": " (Txt(what)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn findings_by_rule(v: &View<'_>, l: Lang) -> Markup {
    let mut counts: HashMap<&str, (usize, usize, Severity)> = HashMap::new();
    for r in v.recs.iter().filter(|r| r.reported) {
        for f in &r.r.findings {
            counts.entry(f.rule).or_insert((0, 0, f.severity)).0 += 1;
        }
        for a in &r.r.suppressed {
            counts.entry(a.finding.rule).or_insert((0, 0, a.finding.severity)).1 += 1;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| (b.1 .0, b.1 .1).cmp(&(a.1 .0, a.1 .1)).then(a.0.cmp(b.0)));
    html! {
        h3 { (l.pick("Theo quy tắc", "By rule")) }
        @if rows.is_empty() {
            p { (l.pick("Không có phát hiện nào.", "No findings.")) }
        } @else {
            table.wide {
                thead { tr {
                    th scope="col" { (l.pick("Quy tắc", "Rule")) }
                    th scope="col" { (l.pick("Mức", "Severity")) }
                    th.num scope="col" { (l.pick("Số lần", "Count")) }
                    th.num scope="col" { (l.pick("Đã bỏ qua", "Set aside")) }
                    th scope="col" { (l.pick("Tìm gì", "What it finds")) }
                } }
                tbody {
                    @for (rule, (n, s, sev)) in &rows {
                        tr {
                            td { code { (rule) } }
                            td class=(sev_class(*sev)) { (sev_name(*sev, l)) }
                            td.num { (n) }
                            td.num { (s) }
                            td { (rules::doc(rule).map_or("", |d| d.summary(l))) }
                        }
                    }
                }
            }
        }
    }
}

fn findings_by_article(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    // article → (count, rules, quote)
    let mut rows: Vec<(String, usize, Vec<&str>, Option<&str>)> = Vec::new();
    for r in v.recs.iter().filter(|r| r.reported) {
        for f in &r.r.findings {
            let Some(a) = f.article.as_deref() else { continue };
            let k = match rows.iter().position(|x| x.0 == a) {
                Some(k) => k,
                None => {
                    rows.push((a.to_string(), 0, Vec::new(), None));
                    rows.len() - 1
                }
            };
            let row = &mut rows[k];
            row.1 += 1;
            if !row.2.contains(&f.rule) {
                row.2.push(f.rule);
            }
            row.3 = row.3.or_else(|| quote(p, f.rule, a));
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    html! {
        h3 { (l.pick("Theo điều khoản", "By article")) }
        @if !rows.is_empty() {
            table.wide {
                thead { tr {
                    th scope="col" { (l.pick("Điều", "Article")) }
                    th.num scope="col" { (l.pick("Số lần", "Count")) }
                    th scope="col" { (l.pick("Quy tắc", "Rules")) }
                    th scope="col" { (l.pick("Trích dẫn", "Quoted")) }
                } }
                tbody {
                    @for (a, n, rules, q) in &rows {
                        tr {
                            td.nowrap { (Txt(a)) }
                            td.num { (n) }
                            td { @for (i, r) in rules.iter().enumerate() { @if i > 0 { ", " } code { (r) } } }
                            td { @if let Some(q) = q { blockquote { "“" (Txt(q)) "”" } } }
                        }
                    }
                }
            }
        }
    }
}

fn records(v: &View<'_>, l: Lang) -> Markup {
    let p = &v.archive.profile;
    html! {
        p { (l.pick("Trang riêng chỉ có cho biên bản có phát hiện hoặc nằm trên một đường theo dõi.", "Only records with findings or on a trail have a page.")) }
        table.wide.records {
            thead { tr {
                th scope="col" { (l.pick("Tệp", "File")) }
                th scope="col" { (l.pick("Ngày", "Date")) }
                th scope="col" { (l.pick("Cơ quan", "Body")) }
                th scope="col" { (l.pick("Hình thức", "Form")) }
                th.num scope="col" { (l.pick("Lỗi", "Errors")) }
                th.num scope="col" { (l.pick("Cảnh báo", "Warnings")) }
                th.num scope="col" { (l.pick("Đã bỏ qua", "Set aside")) }
            } }
            tbody {
                @for (i, r) in v.recs.iter().enumerate().filter(|(_, r)| r.reported) {
                    tr {
                        td.path { (rec_link(v, i, &r.r.path, false)) }
                        td.nowrap { (date_text(r.date())) }
                        td { (Txt(r.summary.and_then(|s| s.body.as_deref()).map_or("—", |b| body_name(p, b, l)))) }
                        td { (r.summary.map_or("—", |s| form_name(s.form, l))) }
                        td.num.error[r.count(Severity::Error) > 0] { (r.count(Severity::Error)) }
                        td.num.warning[r.count(Severity::Warning) > 0] { (r.count(Severity::Warning)) }
                        td.num { (r.suppressed()) }
                    }
                }
            }
        }
        @if !v.archive.skipped.is_empty() {
            h3 { (l.pick("Tệp không được đọc như biên bản", "Files not read as records")) }
            p { (l.pick("Các tệp Markdown dưới đây không được kiểm tra; hãy xem lý do để chắc rằng không có biên bản nào bị bỏ sót.", "The Markdown files below were not checked; read why, to be sure no record was left out.")) }
            table.wide.skipped {
                thead { tr {
                    th scope="col" { (l.pick("Tệp", "File")) }
                    th scope="col" { (l.pick("Lý do", "Why")) }
                } }
                tbody {
                    @for (path, why) in &v.archive.skipped {
                        tr { td.path { (Txt(path)) } td { (Txt(&crate::report::skipped::reason(why, l))) } }
                    }
                }
            }
        }
    }
}

/// One finding, as shown beside its line and in the list at the top.
fn finding_box(
    v: &View<'_>,
    pages: &HashMap<&str, usize>,
    f: &Finding,
    set_aside: Option<(&str, usize, bool)>,
    l: Lang,
) -> Markup {
    let class = match set_aside {
        Some(_) => "note suppressed".to_string(),
        None => format!("note {}", sev_class(f.severity)),
    };
    html! {
        div class=(class) {
            p.head {
                span.sev { (sev_name(f.severity, l)) }
                " " code.rule { (f.rule) } " "
                span.msg { (Txt(&f.message)) }
            }
            @if let Some((reason, line, baseline)) = set_aside {
                p.aside {
                    @if baseline {
                        (l.pick("Đã bỏ qua theo tệp mốc của lưu trữ (bienban-baseline.json, không nằm trong biên bản); lý do: ", "Set aside by the archive's baseline (bienban-baseline.json, outside the record); reason: "))
                    } @else {
                        (tr!(l, "Đã bỏ qua bằng chú thích `allow` ở dòng {}; lý do: ", "Set aside by an `allow` comment on line {}; reason: ", line))
                    }
                    q { (Txt(reason)) }
                }
            }
            @if let Some(h) = &f.help { p.help { (Txt(h)) } }
            @if let Some(a) = &f.article { p.article { (l.pick("Điều khoản: ", "Article: ")) (Txt(a)) } }
            @if !f.related.is_empty() {
                ul.related {
                    @for x in &f.related {
                        li {
                            (l.pick("Liên quan: ", "Related: "))
                            @let place = format!("{}:{}", x.path, x.pos.line);
                            @match pages.get(x.path.as_str()).and_then(|&i| v.link(i, true)) {
                                Some(href) => { a href=(format!("{href}#L{}", x.pos.line)) { (Txt(&place)) } }
                                None => { code { (Txt(&place)) } }
                            }
                            " — " (Txt(&x.text))
                        }
                    }
                }
            }
        }
    }
}

/// A finding shown on a record page: its line, and (when set aside) the
/// suppression's reason and line.
type Note<'a> = (usize, &'a Finding, Option<(&'a str, usize, bool)>);

/// A record's page: its findings, then its text with each finding at its line.
pub fn record(v: &View<'_>, rec: &Rec<'_>, text: Option<&str>, l: Lang) -> Markup {
    let r: &FileResult = rec.r;
    let p = &v.archive.profile;
    let css = if v.dir.is_empty() { "../style.css" } else { "../../style.css" };
    let pages = &v.by_path;
    // Everything shown at a line: (line, finding, set aside (reason, line)).
    let index = text.map(LineIndex::new);
    let line_of = |span: crate::common::span::Span| index.as_ref().map_or(1, |ix| ix.line_col(span.start).0);
    let mut notes: Vec<Note<'_>> = r.findings.iter().map(|f| (f.line.max(1), f, None)).collect();
    notes.extend(
        r.suppressed
            .iter()
            .map(|a| (a.finding.line.max(1), &a.finding, Some((a.reason.as_str(), line_of(a.span), a.baseline)))),
    );
    notes.sort_by_key(|n| (n.0, n.2.is_some(), n.1.rule));
    let lines: Vec<&str> =
        text.map_or_else(Vec::new, |t| t.strip_prefix('\u{feff}').unwrap_or(t).split('\n').collect());
    let last = lines.len().max(1);
    let s = rec.summary;
    let body = html! {
        header {
            p.up { a href="../index.html" { "↑ " (l.pick("Tổng quan lưu trữ", "Archive overview")) " " (Txt(&v.name)) } }
            h1 { code { (Txt(&r.path)) } }
            dl.facts {
                div { dt { (l.pick("Cơ quan", "Body")) } dd { (Txt(s.and_then(|s| s.body.as_deref()).map_or("—", |b| body_name(p, b, l)))) } }
                div { dt { (l.pick("Hình thức", "Form")) } dd { (s.map_or("—", |s| form_name(s.form, l))) } }
                div { dt { (l.pick("Ngày", "Date")) } dd { (date_text(rec.date())) } }
                @if let (Some(n), Some(m)) = (s.and_then(|s| s.present), s.and_then(|s| s.members)) {
                    div { dt { (l.pick("Có mặt", "Present")) } dd { (n) "/" (m) } }
                }
                div.error[r.count(Severity::Error) > 0] { dt { (l.pick("Lỗi", "Errors")) } dd { (r.count(Severity::Error)) } }
                div.warning[r.count(Severity::Warning) > 0] { dt { (l.pick("Cảnh báo", "Warnings")) } dd { (r.count(Severity::Warning)) } }
                div { dt { (l.pick("Đã bỏ qua", "Set aside")) } dd { (r.suppressed.len()) } }
            }
        }
        main {
            section {
                h2 { (l.pick("Phát hiện", "Findings")) }
                @if notes.is_empty() {
                    p { (l.pick("Không có phát hiện nào trong biên bản này; nó có trang vì nằm trên một đường theo dõi.", "No findings in this record; it has a page because it is on a trail.")) }
                } @else {
                    ol.summary {
                        @for (line, f, aside) in &notes {
                            li class=(if aside.is_some() { "suppressed" } else { sev_class(f.severity) }) {
                                a href=(format!("#L{}", (*line).min(last))) { (tr!(l, "dòng {}", "line {}", line)) }
                                ": " (sev_name(f.severity, l)) " " code { (f.rule) }
                                @if aside.is_some() { " (" (l.pick("đã bỏ qua", "set aside")) ")" }
                                " — " (Txt(&f.message))
                            }
                        }
                    }
                }
            }
            section {
                h2 { (l.pick("Nội dung biên bản", "The record")) }
                @if lines.is_empty() {
                    p { (l.pick("Không đọc lại được nội dung tệp.", "The file's text could not be read again.")) }
                    @for (_, f, aside) in &notes { (finding_box(v, pages, f, *aside, l)) }
                } @else {
                    div.source {
                        @for (k, line) in lines.iter().enumerate() {
                            @let n = k + 1;
                            @let here: Vec<_> = notes.iter().filter(|x| x.0 == n || (n == last && x.0 > last)).collect();
                            @let hit = here.iter().find(|x| x.2.is_none()).map(|x| sev_class(x.1.severity));
                            div class=(match hit { Some(c) => format!("ln hit {c}"), None => "ln".to_string() }) id=(format!("L{n}")) {
                                a.no href=(format!("#L{n}")) { (n) }
                                code { (Txt(line.strip_suffix('\r').unwrap_or(line))) }
                            }
                            @for (_, f, aside) in &here { (finding_box(v, pages, f, *aside, l)) }
                        }
                    }
                }
            }
        }
        (footer(l))
    };
    let name = r.path.rsplit(['/', '\\']).next().unwrap_or(&r.path);
    page(l, &format!("{name} — {}", title(l)), css, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_in_a_family() {
        for d in rules::docs() {
            assert!(family_of(d.name) < FAMILIES.len(), "{} is in no family of the index", d.name);
        }
    }
}
