//! `majority`: a decision with no more than half of the body's members in favour.

use crate::common::finding::{Finding, Severity};
use crate::model::facts::Facts;
use crate::model::{Record, Value};
use crate::regulation::profile::{Majority, MajorityBasis};
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct MajorityRule;

pub static DOC: RuleDoc = RuleDoc {
    name: "majority",
    severity: Severity::Error,
    article: Some("Điều 9.1"),
    summary: [
        "Một `Quyết định` có số tán thành không quá một nửa tổng số thành viên của cơ quan (không phải một nửa số người có mặt).",
        "A `Quyết định` with votes in favour not more than half of the body's members (members, not those present).",
    ],
    why: [
        "Điều 9.1: “thiểu số phục tùng đa số”. Quy chế dựa trên Điều lệ Đảng, Điều 9.5: nghị quyết của cơ quan lãnh đạo “chỉ có giá trị thi hành khi có hơn một nửa số thành viên trong cơ quan đó tán thành”. Vì vậy 15 thành viên cần ít nhất 8 tán thành, kể cả khi chỉ 11 người có mặt. Cách tính (theo tổng số thành viên hay số có mặt) nằm ở `[majority] basis` trong hồ sơ quy chế. Tổng số là số biên bản ghi; biên bản không ghi thì lấy theo danh sách thành viên (`roster`), nếu lưu trữ có.",
        "Điều 9.1: the minority follows the majority; the Party Charter (Điều 9.5) makes a resolution valid only when more than half of the body's members agree. So 15 members need 8 in favour, even if only 11 are present. The basis (members or present) is `[majority] basis` in the profile. The members are the record's total; when it gives none, the roster's count (`roster`), if the archive has one.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Chấp hành\n\nCơ quan: Ban Chấp hành\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 15\nCó mặt: 11\n\nVắng mặt:\n- A: có lý do\n- B: có lý do\n- C: có lý do\n- D: có lý do\n\n## Nội dung\n\n### 1. Nghị quyết chuyên đề\n\nLoại việc: nghi-quyet-chuyen-de\nQuyết định: Ban hành nghị quyết chuyên đề về chuyển đổi số.\nBiểu quyết: 7 tán thành, 4 không tán thành\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Chấp hành\n\nCơ quan: Ban Chấp hành\nThời gian: 15/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 15\nCó mặt: 11\n\nVắng mặt:\n- A: có lý do\n- B: có lý do\n- C: có lý do\n- D: có lý do\n\n## Nội dung\n\n### 1. Nghị quyết chuyên đề\n\nLoại việc: nghi-quyet-chuyen-de\nQuyết định: Ban hành nghị quyết chuyên đề về chuyển đổi số.\nBiểu quyết: 8 tán thành, 3 không tán thành\n\n### 2. Báo cáo giữa hai kỳ họp\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Nhất trí với báo cáo của Ban Thường vụ.\n"),
};

impl Rule for MajorityRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let m = &cx.profile.majority;
        let base = match m.basis {
            MajorityBasis::Members => facts.members,
            MajorityBasis::Present => facts.voters(),
        };
        let Some(base) = base else { return };
        let needed = Majority::needed(base);
        let l = cx.lang;
        for (it, f) in rec.items.iter().zip(&facts.items) {
            let (true, Some(favour), Some(Value::Ok { value: votes, span })) = (f.decision, f.favour, &it.votes) else {
                continue;
            };
            // More votes than voters is the `votes` rule's finding.
            if facts.voters().is_some_and(|v| votes.cast().unwrap_or(favour) > v) {
                continue;
            }
            if favour >= needed {
                continue;
            }
            let (of, of_en) = match m.basis {
                MajorityBasis::Members => ("thành viên", "members"),
                MajorityBasis::Present => ("người biểu quyết", "voters"),
            };
            let mut message = tr!(
                l,
                "không đủ đa số: {} tán thành trên {} {}; cần ít nhất {} (hơn một nửa)",
                "no majority: {} in favour of {} {}; at least {} (more than half) required",
                favour,
                base,
                l.pick(of, of_en),
                needed
            );
            if m.basis == MajorityBasis::Members && facts.members_from_roster {
                message.push_str(l.pick(" (tổng số theo danh sách thành viên)", " (members by the roster)"));
            }
            let mut finding = finding(&DOC, *span, message)
            .label(tr!(l, "{} tán thành", "{} in favour", favour))
            .help(tr!(
                l,
                "với {} tán thành, đề nghị này không được thông qua: không thể thi hành như một quyết định. Biên bản phải ghi đúng là hội nghị không thông qua; nếu số phiếu ghi sai, sửa lại theo kết quả kiểm phiếu. {}",
                "with {} in favour the proposal was not adopted and cannot be carried out as a decision. The minutes must say the meeting did not adopt it; if the count is written wrongly, correct it from the tally. {}",
                favour,
                cite(l, &m.article, &m.quote)
            ))
            .article(&m.article);
            if let (MajorityBasis::Members, Some(ms)) = (m.basis, rec.attendance.members.as_ref()) {
                finding = finding.also(ms.span(), tr!(l, "{} thành viên", "{} members", base));
            }
            out.push(finding);
        }
    }
}
