//! `meeting-frequency`: a quarter without a regular BCH meeting, or a month
//! without a regular BTV meeting, within the archive's period.

use std::collections::HashSet;

use crate::common::finding::{Finding, Severity};
use crate::common::i18n::Lang;
use crate::model::Date;
use crate::regulation::profile::Regular;
use crate::rules::{cite, finding, ArchiveContext, ArchiveFile, ArchiveRule, Example, RuleDoc};
use crate::tr;

pub struct MeetingFrequency;

pub static DOC: RuleDoc = RuleDoc {
    name: "meeting-frequency",
    severity: Severity::Error,
    article: Some("Điều 11.1"),
    summary: [
        "Một quý không có hội nghị thường lệ của Ban Chấp hành, hoặc một tháng không có hội nghị thường lệ của Ban Thường vụ, trong các quý, tháng nằm trọn trong kỳ của lưu trữ (kỳ cấu hình `period`, hoặc từ biên bản đầu tiên đến biên bản cuối cùng — nên một tệp lẻ không bao giờ bị báo).",
        "A calendar quarter without a regular BCH meeting, or a month without a regular BTV meeting, among those lying wholly within the archive's period (the configured `period`, or from its first to its last record — so a lone file is never flagged).",
    ],
    why: [
        "Điều 11.1: “Đảng ủy họp thường lệ mỗi quý một lần … Ban Thường vụ họp thường lệ ít nhất 01 lần/tháng”. Chỉ hội nghị có `Hình thức: thường lệ` (hoặc không ghi hình thức) được tính; hội nghị bất thường, mở rộng không thay được hội nghị thường lệ. Tần suất của từng cơ quan nằm ở khóa `regular` trong hồ sơ quy chế. Phát hiện được gắn vào biên bản đầu tiên của cơ quan đó sau khoảng trống.",
        "Điều 11.1: the BCH meets regularly once a quarter, the BTV at least once a month. Only `thường lệ` meetings (or meetings with no form given) count; extraordinary or expanded ones do not replace them. Each body's frequency is `regular` in the profile. The finding is attached to that body's first record after the gap.",
    ],
    fires: Example::Archive(&[
        ("2021-01-btv.md", "# Biên bản hội nghị Ban Thường vụ tháng 1\n\nCơ quan: Ban Thường vụ\nThời gian: 05/01/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
        ("2021-03-btv.md", "# Biên bản hội nghị Ban Thường vụ tháng 3\n\nCơ quan: Ban Thường vụ\nThời gian: 30/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    ]),
    passes: Example::Archive(&[
        ("2021-01-btv.md", "# Biên bản hội nghị Ban Thường vụ tháng 1\n\nCơ quan: Ban Thường vụ\nThời gian: 05/01/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
        ("2021-02-btv.md", "# Biên bản hội nghị Ban Thường vụ tháng 2\n\nCơ quan: Ban Thường vụ\nThời gian: 15/02/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
        ("2021-03-btv.md", "# Biên bản hội nghị Ban Thường vụ tháng 3\n\nCơ quan: Ban Thường vụ\nThời gian: 30/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    ]),
};

fn days_in(year: i32, month: u32) -> u32 {
    crate::model::values::days_in_month(year, month).unwrap_or(31)
}

/// The periods of `len` months (1 or 3, aligned on the calendar) lying wholly in `from..=to`.
fn periods(from: Date, to: Date, len: u32) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year, (from.month - 1) / len * len + 1);
    while (y, m) <= (to.year, to.month) {
        let end_m = m + len - 1;
        let start = Date { year: y, month: m, day: 1 };
        let end = Date { year: y, month: end_m, day: days_in(y, end_m) };
        if start >= from && end <= to {
            out.push((y, m));
        }
        m += len;
        if m > 12 {
            m -= 12;
            y += 1;
        }
    }
    out
}

fn name(y: i32, m: u32, len: u32, l: Lang) -> String {
    if len == 1 {
        tr!(l, "tháng {}/{}", "month {}/{}", m, y)
    } else {
        tr!(l, "quý {}/{}", "quarter {} of {}", (m - 1) / 3 + 1, y)
    }
}

impl ArchiveRule for MeetingFrequency {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>) {
        let dated: Vec<(Date, usize)> = files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.summary.as_ref().and_then(|s| s.date).map(|d| (d, i)))
            .collect();
        let period = cx.period.or_else(|| Some((dated.iter().min()?.0, dated.iter().max()?.0)));
        let Some((from, to)) = period else { return };
        let l = cx.lang;
        let fq = &cx.profile.frequency;
        for body in &cx.profile.bodies {
            let len = match body.regular {
                Regular::Month => 1,
                Regular::Quarter => 3,
                Regular::None => continue,
            };
            let held: HashSet<(i32, u32)> = files
                .iter()
                .filter_map(|f| f.summary.as_ref())
                .filter(|s| s.regular && s.is_meeting_of(&body.code))
                .filter_map(|s| s.date)
                .map(|d| (d.year, (d.month - 1) / len * len + 1))
                .collect();
            let mut of_body: Vec<(Date, usize)> = dated
                .iter()
                .copied()
                .filter(|(_, i)| files[*i].summary.as_ref().is_some_and(|s| s.body.as_deref() == Some(&body.code)))
                .collect();
            of_body.sort();
            for (y, m) in periods(from, to, len).into_iter().filter(|p| !held.contains(p)) {
                let end = Date { year: y, month: m + len - 1, day: days_in(y, m + len - 1) };
                // Attach to the body's first record after the gap, else its
                // last before, else the archive's first record.
                let start = Date { year: y, month: m, day: 1 };
                let after = of_body.iter().find(|(d, _)| *d > end);
                let before = of_body.iter().rev().find(|(d, _)| *d < start);
                let at = after.or(of_body.last()).or(dated.iter().min()).map(|x| x.1);
                let Some(i) = at else { continue };
                let Some(s) = &files[i].summary else { continue };
                let body_name = l.pick(&body.name, &body.name_en);
                let message = tr!(
                    l,
                    "{} không có hội nghị thường lệ của {}",
                    "{} has no regular meeting of the {}",
                    name(y, m, len, l),
                    body_name
                );
                let help = tr!(
                    l,
                    "nếu hội nghị đã họp, đưa biên bản vào lưu trữ (có `Hình thức: thường lệ`); nếu lưu trữ chỉ gồm một phần của kỳ, đặt `period` trong bienban.toml.",
                    "if the meeting was held, add its minutes to the archive (with `Hình thức: thường lệ`); if the archive covers only part of the period, set `period` in bienban.toml."
                );
                // The label says where the finding stands: after the gap, or (none after) before it.
                let label = if after.is_some() {
                    tr!(l, "hội nghị kế tiếp của {}", "the {}'s next meeting", body_name)
                } else {
                    tr!(l, "hội nghị gần nhất của {}", "the {}'s latest meeting", body_name)
                };
                let mut f = finding(&DOC, s.anchor.span, message)
                    .at(s.anchor)
                    .label(label)
                    .help(format!("{help} {}", cite(l, &fq.article, &fq.quote)))
                    .article(&fq.article);
                // The records either side of the gap: the other one is related.
                let other = if after.is_some() { before } else { None };
                if let Some(o) = other.and_then(|&(_, j)| files[j].summary.map(|t| (j, t))) {
                    f = f.related(
                        files[o.0].path,
                        o.1.anchor,
                        tr!(l, "hội nghị trước khoảng trống của {}", "the {}'s last meeting before the gap", body_name),
                    );
                }
                out.push((i, f));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_periods_count() {
        let d = |y, m, day| Date { year: y, month: m, day };
        assert_eq!(periods(d(2021, 1, 1), d(2021, 3, 31), 1), [(2021, 1), (2021, 2), (2021, 3)]);
        assert_eq!(periods(d(2021, 1, 2), d(2021, 3, 30), 1), [(2021, 2)]);
        assert_eq!(periods(d(2021, 1, 1), d(2021, 12, 31), 3), [(2021, 1), (2021, 4), (2021, 7), (2021, 10)]);
        assert_eq!(periods(d(2021, 11, 1), d(2022, 2, 28), 1), [(2021, 11), (2021, 12), (2022, 1), (2022, 2)]);
        assert!(periods(d(2021, 3, 15), d(2021, 3, 15), 1).is_empty());
    }
}
