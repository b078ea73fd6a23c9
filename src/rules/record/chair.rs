//! `chair`: a BCH/BTV meeting chaired by someone other than the Bí thư,
//! or by a Phó Bí thư with no delegation recorded.

use crate::common::finding::{Finding, Severity};
use crate::common::text::fold;
use crate::model::facts::Facts;
use crate::model::{Person, Record, Value};
use crate::regulation::profile::Chair;
use crate::rules::record::roster::{chair_conflict, member_of};
use crate::rules::{cite, finding, Context, Example, Rule, RuleDoc};
use crate::tr;

pub struct ChairRule;

pub static DOC: RuleDoc = RuleDoc {
    name: "chair",
    severity: Severity::Warning,
    article: Some("Điều 6.1, 6.6"),
    summary: [
        "Hội nghị Ban Chấp hành/Ban Thường vụ do người không phải Bí thư chủ trì, hoặc do Phó Bí thư chủ trì mà không ghi được Bí thư ủy quyền trong khi Bí thư không vắng mặt.",
        "A BCH/BTV meeting chaired by someone other than the Bí thư, or by a Phó Bí thư with no delegation recorded while the Bí thư is not absent.",
    ],
    why: [
        "Điều 6.1: Bí thư “chủ trì và kết luận các hội nghị của Đảng ủy và Ban Thường vụ”; Điều 6.6: “Khi đi công tác vắng thì uỷ nhiệm cho một đồng chí Phó Bí thư giải quyết công việc.” Khi không ghi chức vụ người chủ trì, bienban tìm trong danh sách có mặt, rồi trong danh sách thành viên (`roster`) của lưu trữ nếu có; không tìm được thì không kết luận. Chức vụ ghi trái với danh sách thành viên là phát hiện của quy tắc `roster`.",
        "Điều 6.1: the Bí thư chairs and concludes BCH and BTV meetings; Điều 6.6: when away, the Bí thư delegates a Phó Bí thư. When the chair's role is not written, bienban looks in the present list, then in the archive's roster (`roster`) if it has one; when it finds none, it does not guess. A role written that the roster contradicts is the `roster` rule's finding.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Nguyễn Văn An (Phó Bí thư Thường trực)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Nguyễn Văn An (Phó Bí thư Thường trực, được Bí thư ủy quyền)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Hoàng Văn Đức (Bí thư): có lý do, đi công tác\n"),
};

#[derive(PartialEq)]
pub(crate) enum Role {
    Secretary,
    Deputy,
    Other(String),
    Unknown,
}

/// The chair's role from the offices written (`Ủy viên Ban Thường vụ Tỉnh
/// ủy, Bí thư Đảng ủy` is the Bí thư): the organisation's Bí thư wins over
/// a deputy, a deputy over any other office; a delegation is not an office.
pub(crate) fn role_of(role: Option<&str>, c: &Chair) -> Role {
    let Some(r) = role else { return Role::Unknown };
    let offices: Vec<String> = r
        .split([',', ';', '(', ')'])
        .flat_map(|o| o.split(" - ").flat_map(|o| o.split(" – ")))
        .map(fold)
        .filter(|o| !o.is_empty())
        .collect();
    // `Bí thư`, `Bí thư Đảng ủy`, `Bí thư Đảng bộ …` — not `Bí thư Chi bộ …`.
    let of_ours = |o: &str, names: &[String]| {
        names.iter().any(|n| {
            o == n
                || o.strip_prefix(n.as_str())
                    .is_some_and(|rest| rest.starts_with(" dang") || rest.starts_with(" ban chap hanh"))
        })
    };
    let [secretary, deputy] = &c.folded;
    if offices.iter().any(|o| of_ours(o, secretary)) {
        Role::Secretary
    } else if offices.iter().any(|o| of_ours(o, deputy)) {
        Role::Deputy
    } else if offices.is_empty() {
        Role::Unknown
    } else {
        Role::Other(r.to_string())
    }
}

impl Rule for ChairRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, rec: &Record, facts: &Facts<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !facts.quorum_meeting() {
            return;
        }
        let Some(chair) = &rec.chair else { return };
        let c = &cx.profile.chair;
        let a = &rec.attendance;
        // A person's role as written, else as the roster gives it on the day.
        let date = rec.date.as_ref().and_then(Value::ok).copied();
        let role = |p: &'_ Person| -> Option<String> {
            p.role.clone().or_else(|| date.and_then(|d| member_of(facts, cx, d, p)).and_then(|m| m.role.clone()))
        };
        // The chair's role as written, or as the present list or the roster gives it.
        let listed = |p: &Person| p.key == chair.key;
        let role_text = chair
            .role
            .clone()
            .or_else(|| a.present.iter().find(|p| listed(p)).and_then(|p| p.role.clone()))
            .or_else(|| role(chair));
        let role_text = role_text.as_deref();
        let l = cx.lang;
        let found = role_of(role_text, c);
        // A role written that the roster contradicts is the `roster` rule's finding.
        if matches!(found, Role::Secretary | Role::Unknown) || chair_conflict(rec, facts, cx).is_some() {
            return;
        }
        let message = match found {
            Role::Secretary | Role::Unknown => return,
            Role::Deputy => {
                let delegated = role_text.is_some_and(|r| {
                    let f = fold(r);
                    c.delegation_words.iter().any(|w| f.contains(&fold(w)))
                });
                let secretary_absent =
                    a.absent.iter().any(|x| matches!(role_of(role(&x.person).as_deref(), c), Role::Secretary));
                if delegated || secretary_absent {
                    return;
                }
                // Say only what the record shows about the Bí thư.
                match a.present.iter().find(|p| matches!(role_of(role(p).as_deref(), c), Role::Secretary)) {
                    Some(s) => tr!(l, "Phó Bí thư chủ trì mà không ghi được Bí thư ủy quyền, trong khi Bí thư {} có mặt", "a Phó Bí thư chaired with no delegation recorded, while the Bí thư, {}, was present", s.name),
                    None => tr!(l, "Phó Bí thư chủ trì mà không ghi được Bí thư ủy quyền, và biên bản không ghi Bí thư vắng mặt", "a Phó Bí thư chaired with no delegation recorded, and the record does not show the Bí thư absent"),
                }
            }
            Role::Other(r) => tr!(
                l,
                "hội nghị do {} chủ trì, không phải Bí thư hay Phó Bí thư",
                "chaired by a {}, neither the Bí thư nor a Phó Bí thư",
                r
            ),
        };
        let role = role_text.map(|r| format!("{r}, ")).unwrap_or_default();
        out.push(
            finding(&DOC, chair.span, message)
                .label(tr!(l, "người chủ trì", "the chair"))
                .help(format!(
                    "{} {}",
                    tr!(
                        l,
                        "nếu Bí thư vắng và đã ủy quyền, ghi rõ, ví dụ `Chủ trì: {} ({}được Bí thư ủy quyền)`, và ghi Bí thư (kèm chức vụ) trong `Vắng mặt`.",
                        "if the Bí thư was away and delegated, say so, e.g. `Chủ trì: {} ({}được Bí thư ủy quyền)`, and list the Bí thư (with the role) under `Vắng mặt`.",
                        chair.name,
                        role
                    ),
                    cite(l, &c.article, &c.quote)
                ))
                .article(&c.article),
        );
    }
}
