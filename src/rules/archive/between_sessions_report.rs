//! `between-sessions-report`: a regular BCH meeting that does not hear what
//! the BTV did since the last one.

use crate::common::finding::{Finding, Severity};
use crate::rules::{cite, finding, ArchiveContext, ArchiveFile, ArchiveRule, Example, RuleDoc};
use crate::tr;

pub struct BetweenSessionsReport;

pub static DOC: RuleDoc = RuleDoc {
    name: "between-sessions-report",
    severity: Severity::Warning,
    article: Some("Điều 1.9, 2.10"),
    summary: [
        "Hội nghị thường lệ của Ban Chấp hành không có mục `Loại việc: bao-cao-giua-hai-ky` (hoặc mục có tiêu đề chứa “giữa hai kỳ”).",
        "A regular BCH meeting with no item of matter `bao-cao-giua-hai-ky` (or an item titled “… giữa hai kỳ …”).",
    ],
    why: [
        "Điều 1.9: Ban Chấp hành “xem xét, cho ý kiến về những công việc Ban Thường vụ Đảng ủy đã giải quyết giữa hai kỳ hội nghị Ban Chấp hành Đảng bộ”; Điều 2.10: Ban Thường vụ báo cáo những việc đó. Loại việc và cơ quan áp dụng nằm ở `[between_sessions]` trong hồ sơ quy chế.",
        "Điều 1.9: the BCH reviews what the BTV decided between two BCH meetings; Điều 2.10: the BTV reports it. The matter and the body are `[between_sessions]` in the profile.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Chấp hành quý I\n\nCơ quan: Ban Chấp hành\nThời gian: 26/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 15\nCó mặt: 15\n\n## Nội dung\n\n### 1. Sơ kết quý I\n\nKết luận: Tiếp tục triển khai nhiệm vụ quý II.\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Chấp hành quý I\n\nCơ quan: Ban Chấp hành\nThời gian: 26/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 15\nCó mặt: 15\n\n## Nội dung\n\n### 1. Báo cáo công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp\n\nLoại việc: bao-cao-giua-hai-ky\nKết luận: Ban Chấp hành nhất trí với báo cáo.\n"),
};

impl ArchiveRule for BetweenSessionsReport {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>) {
        let p = cx.profile;
        let bs = &p.between_sessions;
        let Some(body) = p.matter(&bs.matter).and_then(|m| p.body(&m.body)) else { return };
        let l = cx.lang;
        for (i, f) in files.iter().enumerate() {
            let Some(s) = &f.summary else { continue };
            if !(s.regular && s.is_meeting_of(&body.code)) || s.between_sessions {
                continue;
            }
            out.push((
                i,
                finding(&DOC, s.title.span, tr!(l, "hội nghị thường lệ của {} không nghe báo cáo công việc đã giải quyết giữa hai kỳ họp", "a regular meeting of the {} with no report on the work done between its meetings", l.pick(&body.name, &body.name_en)))
                    .at(s.title)
                    .label(tr!(l, "hội nghị này", "this meeting"))
                    .help(format!(
                        "{} {}",
                        tr!(l, "thêm một mục `### Báo cáo công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp` với `Loại việc: {}`.", "add an item `### Báo cáo công việc Ban Thường vụ đã giải quyết giữa hai kỳ họp` with `Loại việc: {}`.", bs.matter),
                        cite(l, &bs.article, &bs.quote)
                    ))
                    .article(&bs.article),
            ));
        }
    }
}
