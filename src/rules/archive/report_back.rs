//! `report-back`: an urgent TT decision or a written consultation not
//! listed in `Báo cáo lại` at the competent body's next meeting.

use std::collections::HashMap;

use crate::common::finding::{Finding, Severity};
use crate::model::summary::{DueKind, Summary};
use crate::model::Date;
use crate::rules::{cite, finding, ArchiveContext, ArchiveFile, ArchiveRule, Example, RuleDoc};
use crate::tr;

pub struct ReportBack;

pub static DOC: RuleDoc = RuleDoc {
    name: "report-back",
    severity: Severity::Error,
    article: Some("Điều 3.3, 11.1"),
    summary: [
        "Quyết định cấp bách của Thường trực, hoặc kết quả lấy ý kiến bằng văn bản, không được ghi trong `Báo cáo lại` tại phiên họp kế tiếp (phiên đầu tiên vào một ngày sau đó) của cơ quan có thẩm quyền. Chưa có phiên họp sau trong lưu trữ thì chưa đến hạn.",
        "An urgent TT decision, or a written consultation, not listed in `Báo cáo lại` at the competent body's next meeting (its first meeting on a later date). Nothing is due while the archive holds no later meeting of that body.",
    ],
    why: [
        "Điều 3.3: Thường trực giải quyết việc cấp bách “và báo cáo với Ban Thường vụ, Đảng ủy trong phiên họp gần nhất”. Điều 11.1: khi xin ý kiến bằng văn bản thì “thông báo lại với Ban Chấp hành Đảng bộ trong cuộc họp gần nhất”. Cơ quan có thẩm quyền là cơ quan sở hữu loại việc trong hồ sơ quy chế (không rõ loại việc thì là Ban Thường vụ).",
        "Điều 3.3: urgent TT decisions must be reported to the BTV or BCH at its next meeting. Điều 11.1: written consultations are announced at the BCH's next meeting. The competent body is the matter's owner in the profile (the BTV when the matter is unknown).",
    ],
    fires: Example::Archive(&[
        ("2021-03-10-tt.md", "# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 10/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nSố: 09-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: hội nghị diễn ra trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị.\nBiểu quyết: nhất trí\n"),
        ("2021-03-20-btv.md", "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Công tác tháng 3\n\nKết luận: Tiếp tục triển khai kế hoạch.\n"),
    ]),
    passes: Example::Archive(&[
        ("2021-03-10-tt.md", "# Biên bản hội ý Thường trực\n\nCơ quan: Thường trực\nThời gian: 10/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 3\nCó mặt: 3\n\n## Nội dung\n\n### 1. Kinh phí hội nghị\n\nSố: 09-QĐ/ĐU\nLoại việc: tai-chinh-dang\nCấp bách: hội nghị diễn ra trước kỳ họp Ban Thường vụ\nQuyết định: Chi kinh phí tổ chức hội nghị.\nBiểu quyết: nhất trí\n"),
        ("2021-03-20-btv.md", "# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Thường trực báo cáo việc đã xử lý cấp bách\n\nBáo cáo lại: 09-QĐ/ĐU\n"),
    ]),
};

/// Meetings (not written consultations) of each body, by date: the next
/// one after a date is a binary search away. Shared with the report's trails.
pub fn meetings<'a>(files: &[ArchiveFile<'a>]) -> HashMap<&'a str, Vec<(Date, usize)>> {
    let mut meetings: HashMap<&'a str, Vec<(Date, usize)>> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        if let Some(s) = f.summary.filter(|s| !s.written) {
            if let (Some(b), Some(d)) = (&s.body, s.date) {
                meetings.entry(b.as_str()).or_default().push((d, i));
            }
        }
    }
    for v in meetings.values_mut() {
        v.sort();
    }
    meetings
}

/// The meetings of `body` on dates after `date`, by date: the first is the
/// one where something decided on `date` is due.
pub fn later<'m>(meetings: &'m HashMap<&str, Vec<(Date, usize)>>, body: &str, date: Date) -> &'m [(Date, usize)] {
    let Some(list) = meetings.get(body) else { return &[] };
    &list[list.partition_point(|(d, _)| *d <= date)..]
}

impl ArchiveRule for ReportBack {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>) {
        let meetings = meetings(files);
        let l = cx.lang;
        let rb = &cx.profile.report_back;
        let summary = |i: usize| files[i].summary.as_ref().expect("indexed files have summaries");
        for (i, f) in files.iter().enumerate() {
            let Some(s) = &f.summary else { continue };
            let Some(date) = s.date else { continue };
            for due in &s.due {
                let later = later(&meetings, &due.body, date);
                let Some(&(next_date, next)) = later.first() else { continue };
                let reported_in = |t: &Summary| due.keys.iter().any(|k| t.reports(k));
                if reported_in(summary(next)) {
                    continue;
                }
                let body = cx.profile.body(&due.body).map_or(due.body.as_str(), |b| l.pick(&b.name, &b.name_en));
                let what = match due.kind {
                    DueKind::Urgent => tr!(l, "quyết định cấp bách {}", "the urgent decision {}", due.text),
                    DueKind::Written => tr!(l, "kết quả lấy ý kiến {}", "the written consultation {}", due.text),
                };
                let late = later[1..].iter().find(|(_, j)| reported_in(summary(*j)));
                let mut message = tr!(
                    l,
                    "{} chưa được báo cáo tại phiên họp kế tiếp của {} ngày {} ({})",
                    "{} was not reported at the next meeting of the {}, on {} ({})",
                    what,
                    body,
                    next_date,
                    files[next].path
                );
                if let Some((d, j)) = late {
                    message.push_str(&tr!(
                        l,
                        "; chỉ được báo cáo muộn ngày {} ({})",
                        "; it was reported late, on {} ({})",
                        d,
                        files[*j].path
                    ));
                }
                let help = tr!(
                    l,
                    "thêm `Báo cáo lại: {}` vào biên bản hội nghị ngày {} ({}).",
                    "add `Báo cáo lại: {}` to the minutes of the meeting on {} ({}).",
                    due.text,
                    next_date,
                    files[next].path
                );
                let mut f = finding(&DOC, due.pos.span, message)
                    .at(due.pos)
                    .label(tr!(l, "cần báo cáo lại", "to be reported"))
                    .help(format!("{help} {}", cite(l, &rb.article, &rb.quote)))
                    .article(&rb.article)
                    .related(
                        files[next].path,
                        summary(next).anchor,
                        tr!(
                            l,
                            "phiên họp kế tiếp của {}: cần ghi `Báo cáo lại: {}`",
                            "the {}'s next meeting: it should list `Báo cáo lại: {}`",
                            body,
                            due.text
                        ),
                    );
                if let Some(&(_, j)) = late {
                    f = f.related(files[j].path, summary(j).anchor, tr!(l, "báo cáo muộn ở đây", "reported late here"));
                }
                out.push((i, f));
            }
        }
    }
}
