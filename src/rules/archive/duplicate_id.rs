//! `duplicate-id`: two records or decisions share a `Số`.

use crate::common::finding::{Finding, Severity};
use crate::model::summary::Number;
use crate::rules::{finding, ArchiveContext, ArchiveFile, ArchiveRule, Example, RuleDoc};
use crate::tr;

pub struct DuplicateId;

/// How many other places a finding names (the rest are counted).
const NAMED: usize = 5;

pub static DOC: RuleDoc = RuleDoc {
    name: "duplicate-id",
    severity: Severity::Error,
    article: Some("Điều 3.3, 11.1"),
    summary: ["Hai biên bản hoặc hai quyết định trùng `Số`.", "Two records or decisions share a `Số`."],
    why: [
        "Các việc phải báo cáo lại (Điều 3.3, 11.1) và các văn bản ủy quyền (Điều 2.9) được lần theo bằng số. Hai văn bản cùng số thì `Báo cáo lại` và `Ủy quyền` không còn chỉ rõ văn bản nào. Số được so sánh không phân biệt hoa thường, dấu và khoảng trắng. Số văn bản của Đảng được đánh lại từ đầu mỗi nhiệm kỳ (Hướng dẫn 36-HD/VPTW về thể thức văn bản của Đảng), nên chỉ so trong cùng một nhiệm kỳ: `[term] from` trong bienban.toml hoặc `[[term]]` của hồ sơ quy chế; không ghi thì cả lưu trữ là một nhiệm kỳ.",
        "What must be reported back (Điều 3.3, 11.1) and delegations (Điều 2.9) are traced by number; two acts with one number make `Báo cáo lại` and `Ủy quyền` ambiguous. Numbers compare without case, diacritics or spaces. Party document numbers restart in each term of the committee (Hướng dẫn 36-HD/VPTW), so they are compared within one term: `[term] from` in bienban.toml or the profile's `[[term]]`; with none, the whole archive is one term.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nSố: 14-BB/ĐU\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Kết nạp đảng viên\n\nSố: 15-QĐ/ĐU\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 02 quần chúng vào Đảng.\nBiểu quyết: nhất trí\n\n### 2. Khen thưởng\n\nSố: 15-QĐ/ĐU\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen cho 03 chi bộ.\nBiểu quyết: nhất trí\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nSố: 14-BB/ĐU\nCơ quan: Ban Thường vụ\nThời gian: 20/03/2021\nChủ trì: Hoàng Văn Đức (Bí thư)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n\n## Nội dung\n\n### 1. Kết nạp đảng viên\n\nSố: 15-QĐ/ĐU\nLoại việc: kết nạp đảng viên\nQuyết định: Kết nạp 02 quần chúng vào Đảng.\nBiểu quyết: nhất trí\n\n### 2. Khen thưởng\n\nSố: 16-QĐ/ĐU\nLoại việc: khen thưởng\nQuyết định: Tặng giấy khen cho 03 chi bộ.\nBiểu quyết: nhất trí\n"),
};

impl ArchiveRule for DuplicateId {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, files: &[ArchiveFile<'_>], cx: &ArchiveContext<'_>, out: &mut Vec<(usize, Finding)>) {
        // One sorted list, not a map of small lists: an archive of 100,000
        // records defines half a million numbers, nearly all distinct.
        let mut all: Vec<(&str, usize, &Number)> = files
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.summary.iter().flat_map(|s| &s.defines).map(move |n| (n.key.as_str(), i, n)))
            .collect();
        all.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
        let l = cx.lang;
        // Numbers restart in each term: a record's term is the number of
        // term starts on or before its date; an undated record may clash
        // with any term (its date is a `missing-field` of its own).
        let term_of = |i: usize| files[i].summary.and_then(|s| s.date).map(|d| cx.terms.partition_point(|t| *t <= d));
        for places in all.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            // Each place is compared with the places of its term and the
            // undated ones (an undated place with all): index lists sorted
            // by file, so that naming the first few, the same file's and
            // the other files' costs a few binary searches, never a pass
            // over every place (a hostile archive repeats one number
            // thousands of times in many files).
            let terms: Vec<Option<usize>> = places.iter().map(|p| term_of(p.1)).collect();
            let mut by_term: std::collections::BTreeMap<Option<usize>, Vec<usize>> = Default::default();
            for (j, t) in terms.iter().enumerate() {
                by_term.entry(*t).or_default().push(j);
            }
            let everyone: Vec<usize> = (0..places.len()).collect();
            let none: &[usize] = &[];
            let undated = by_term.get(&None).map_or(none, Vec::as_slice);
            for (k, &(_, i, n)) in places.iter().enumerate() {
                let lists: [&[usize]; 2] = match terms[k] {
                    Some(t) => [by_term[&Some(t)].as_slice(), undated],
                    None => [everyone.as_slice(), none],
                };
                let count = lists.iter().map(|l| l.len()).sum::<usize>() - 1;
                if count == 0 {
                    continue;
                }
                let others = || lists.iter().flat_map(|l| l.iter().copied()).filter(|&j| j != k);
                let named: Vec<String> = others()
                    .take(NAMED)
                    .map(|j| format!("{}:{}", files[places[j].1].path, places[j].2.pos.line))
                    .collect();
                let more = count - named.len();
                let mut at = named.join(", ");
                if more > 0 {
                    at.push_str(&tr!(l, " và {} chỗ khác", " and {} more", more));
                }
                if !cx.terms.is_empty() {
                    at.push_str(&tr!(l, ", trong cùng nhiệm kỳ", ", in the same term"));
                }
                let mut f = finding(
                    &DOC,
                    n.pos.span,
                    tr!(l, "số {} đã được dùng ở {}", "the number {} is also used at {}", n.text, at),
                )
                .at(n.pos)
                .label(tr!(l, "số trùng", "duplicate number"))
                .help(tr!(
                    l,
                    "mỗi biên bản và mỗi quyết định cần một số riêng; sửa lại số của một trong hai văn bản",
                    "each record and each decision needs its own number; renumber one of them"
                ))
                .article(DOC.article.unwrap_or_default());
                // The other places in the same file: a contiguous run of each list.
                let mut also = 0;
                for list in lists {
                    let from = list.partition_point(|&j| places[j].1 < i);
                    for &j in list[from..].iter().take_while(|&&j| places[j].1 == i).filter(|&&j| j != k) {
                        if also == NAMED {
                            break;
                        }
                        f = f.also(places[j].2.pos.span, tr!(l, "cũng dùng ở đây", "also used here"));
                        also += 1;
                    }
                }
                // The first place in each of the first few other files.
                let mut related: Vec<usize> = Vec::new();
                for list in lists {
                    let mut at = 0;
                    while at < list.len() && related.len() < NAMED {
                        let fi = places[list[at]].1;
                        if fi != i && !related.contains(&fi) {
                            related.push(fi);
                            let m = places[list[at]].2;
                            f = f.related(files[fi].path, m.pos, tr!(l, "cũng dùng số {}", "also uses {}", m.text));
                        }
                        at = list.partition_point(|&j| places[j].1 <= fi);
                    }
                }
                out.push((i, f));
            }
        }
    }
}
