//! `missing-votes`: a decision of a BCH/BTV meeting or written consultation without its votes.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::Record;
use crate::rules::{finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct MissingVotes;

pub static DOC: RuleDoc = RuleDoc {
    name: "missing-votes",
    severity: Severity::Warning,
    article: Some("Điều 4.1"),
    summary: [
        "Một `Quyết định` của hội nghị Ban Chấp hành, Ban Thường vụ hoặc của lần lấy ý kiến bằng văn bản không ghi `Biểu quyết`.",
        "A `Quyết định` of a BCH or BTV meeting, or of a written consultation, with no `Biểu quyết`.",
    ],
    why: [
        "Điều 4.1: ủy viên “biểu quyết những quyết định chung của Ban Chấp hành Đảng bộ”; Điều 9.1: “thiểu số phục tùng đa số”. Không ghi kết quả biểu quyết thì không ai chứng minh được quyết định đã đủ đa số.",
        "Điều 4.1: members vote the body's decisions; Điều 9.1: the minority follows the majority. Without the votes nobody can show that the decision had its majority.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Xét kết nạp đảng viên\n\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 03 quần chúng vào Đảng.\nBiểu quyết: nhất trí\n"),
};

impl Rule for MissingVotes {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !(facts.quorum_meeting() || facts.written) {
            return;
        }
        let l = cx.lang;
        for it in &rec.items {
            let Some(act) = it.act.as_ref().filter(|a| a.value == crate::model::Act::Decision) else {
                continue;
            };
            if it.votes.is_some() {
                continue;
            }
            out.push(
                finding(&DOC, act.span, tr!(l, "quyết định không ghi kết quả biểu quyết", "a decision with no record of the votes"))
                    .label(tr!(l, "quyết định này", "this decision"))
                    .help(tr!(l, "thêm dòng `Biểu quyết:` ngay dưới quyết định, ghi số tán thành, không tán thành và không biểu quyết theo kết quả kiểm phiếu (hoặc `nhất trí` nếu mọi người biểu quyết đều tán thành)", "add a line `Biểu quyết:` under the decision with the numbers in favour, against and abstaining from the tally (or `nhất trí` if every voter was in favour)"))
                    .article("Điều 4.1"),
            );
        }
    }
}
