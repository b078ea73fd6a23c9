//! `unstructured-decision`: a decision the record holds but not as a
//! `Quyết định:` field, so its competence and majority go unchecked.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct UnstructuredDecision;

pub static DOC: RuleDoc = RuleDoc {
    name: "unstructured-decision",
    severity: Severity::Warning,
    article: Some("Điều 9.1"),
    summary: [
        "Một mục nội dung (hoặc đoạn đánh số kiểu chi bộ) không có trường `Quyết định:`, `Đề nghị:`, `Cho ý kiến:` hay `Kết luận:` nhưng có kết quả biểu quyết hoặc ghi quyết định bằng lời văn (“Hội nghị thống nhất kết nạp …”); hoặc một dòng `Quyết định:` ở chỗ bienban không đọc (trước phần nội dung, trong một phần lạ).",
        "An agenda item (or chi bộ-style numbered paragraph) with no `Quyết định:`, `Đề nghị:`, `Cho ý kiến:` or `Kết luận:` field that records a vote or a decision in words (“Hội nghị thống nhất kết nạp …”); or a `Quyết định:` line where bienban does not read it (before the agenda, in an unknown section).",
    ],
    why: [
        "Thẩm quyền (Điều 1–3) và đa số (Điều 9.1: “thiểu số phục tùng đa số”; Điều lệ Đảng, Điều 9.5: nghị quyết “chỉ có giá trị thi hành khi có hơn một nửa số thành viên trong cơ quan đó tán thành”) chỉ kiểm tra được khi quyết định được ghi thành dòng `Quyết định:` trong một mục của phần nội dung. Một quyết định viết lẫn trong lời văn thì không được kiểm tra: bienban báo ra thay vì coi là không có lỗi. Lời mở đầu trước mục đầu tiên (“Hội nghị nhất trí với chương trình”) không phải là một mục.",
        "Competence (Điều 1–3) and majority (Điều 9.1: the minority follows the majority; Party Charter Điều 9.5: a resolution takes effect only when more than half of the body's members agree) can only be checked when the decision is written as a `Quyết định:` line in an agenda item. A decision written into prose goes unchecked: bienban reports it rather than calling the record clean. The opening words before the first item (“Hội nghị nhất trí với chương trình”) are not an item.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nHội nghị thống nhất kết nạp 02 quần chúng ưu tú vào Đảng; 7/7 đồng chí tán thành.\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 02 quần chúng ưu tú vào Đảng.\nBiểu quyết: 7 tán thành, 0 không tán thành, 0 không biểu quyết\n"),
};

impl Rule for UnstructuredDecision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, _: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let l = cx.lang;
        let m = &cx.profile.majority;
        let help = || {
            format!(
                "{} {}",
                tr!(
                    l,
                    "ghi quyết định thành dòng `Quyết định: …` trong mục này, kèm `Loại việc:` và `Biểu quyết:`, để kiểm tra được thẩm quyền và đa số.",
                    "write the decision as a `Quyết định: …` line in this item, with `Loại việc:` and `Biểu quyết:`, so that competence and majority can be checked."
                ),
                cite(l, &m.article, &m.quote)
            )
        };
        for it in &rec.items {
            if it.act.is_some() || it.conclusion.is_some() {
                continue;
            }
            let (span, what) = match (&it.votes, it.prose_decision) {
                (Some(v), _) => (v.span(), tr!(l, "có kết quả biểu quyết", "records a vote")),
                (None, Some(s)) => (s, tr!(l, "ghi một quyết định bằng lời văn", "records a decision in words")),
                (None, None) => continue,
            };
            let name =
                if it.heading.value.is_empty() { String::new() } else { format!(" `{}`", clipped(&it.heading.value)) };
            out.push(
                finding(
                    &DOC,
                    span,
                    tr!(
                        l,
                        "mục{} {} nhưng không có dòng `Quyết định:`: thẩm quyền và đa số của quyết định này không được kiểm tra",
                        "the item{} {} but has no `Quyết định:` line: the decision's competence and majority are not checked",
                        name,
                        what
                    ),
                )
                .label(tr!(l, "quyết định chưa được ghi thành trường", "a decision not written as a field"))
                .help(help())
                .article(&m.article),
            );
        }
        for &span in &rec.stray_acts {
            out.push(
                finding(
                    &DOC,
                    span,
                    tr!(
                        l,
                        "dòng này nằm ngoài phần nội dung của biên bản: bienban không kiểm tra nó",
                        "this line is outside the record's agenda: bienban does not check it"
                    ),
                )
                .label(tr!(l, "không được đọc", "not read"))
                .help(tr!(
                    l,
                    "đặt quyết định trong một mục `### …` dưới `## Nội dung` (hoặc `## Diễn biến hội nghị`)",
                    "put the decision in an item `### …` under `## Nội dung` (or `## Diễn biến hội nghị`)"
                ))
                .article(&m.article),
            );
        }
    }
}

/// An item's name as a message shows it: a long paragraph cut at a word,
/// with `…`.
fn clipped(name: &str) -> String {
    const MAX: usize = 80;
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ' ']))
}
