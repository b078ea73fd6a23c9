//! `chair`: a BCH/BTV meeting chaired by someone other than the Bí thư,
//! or by a Phó Bí thư with no delegation recorded.

use crate::common::finding::{Finding, Severity};
use crate::common::text::fold;
use crate::model::facts::Facts;
use crate::model::{Person, Record};
use crate::regulation::profile::Chair;
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
        "Điều 6.1: Bí thư “chủ trì và kết luận các hội nghị của Đảng ủy và Ban Thường vụ”; Điều 6.6: “Khi đi công tác vắng thì uỷ nhiệm cho một đồng chí Phó Bí thư giải quyết công việc.” Khi không ghi chức vụ người chủ trì và không tìm được trong danh sách có mặt, bienban không kết luận.",
        "Điều 6.1: the Bí thư chairs and concludes BCH and BTV meetings; Điều 6.6: when away, the Bí thư delegates a Phó Bí thư. When the chair's role is neither written nor found in the present list, bienban does not guess.",
    ],
    fires: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Nguyễn Văn An (Phó Bí thư Thường trực)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 7\n"),
    passes: Example::Record("# Biên bản hội nghị Ban Thường vụ\n\nCơ quan: Ban Thường vụ\nThời gian: 15/03/2021\nChủ trì: Nguyễn Văn An (Phó Bí thư Thường trực, được Bí thư ủy quyền)\n\n## Thành phần\n\nTổng số thành viên: 7\nCó mặt: 6\n\nVắng mặt:\n- Hoàng Văn Đức (Bí thư): có lý do, đi công tác\n"),
};

#[derive(PartialEq)]
enum Role {
    Secretary,
    Deputy,
    Other(String),
    Unknown,
}

/// The chair's role from the offices written (`Ủy viên Ban Thường vụ Tỉnh
/// ủy, Bí thư Đảng ủy` is the Bí thư): the organisation's Bí thư wins over
/// a deputy, a deputy over any other office; a delegation is not an office.
fn role_of(role: Option<&str>, c: &Chair) -> Role {
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
            let n = fold(n);
            o == n
                || o.strip_prefix(&n)
                    .is_some_and(|rest| rest.starts_with(" dang") || rest.starts_with(" ban chap hanh"))
        })
    };
    if offices.iter().any(|o| of_ours(o, &c.secretary_roles)) {
        Role::Secretary
    } else if offices.iter().any(|o| of_ours(o, &c.deputy_roles)) {
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
        // The role as written, or as the present list gives it.
        let listed = |p: &Person| p.key == chair.key;
        let role_text =
            chair.role.as_deref().or_else(|| a.present.iter().find(|p| listed(p)).and_then(|p| p.role.as_deref()));
        let l = cx.lang;
        let message = match role_of(role_text, c) {
            Role::Secretary | Role::Unknown => return,
            Role::Deputy => {
                let delegated = role_text.is_some_and(|r| {
                    let f = fold(r);
                    c.delegation_words.iter().any(|w| f.contains(&fold(w)))
                });
                let secretary_absent =
                    a.absent.iter().any(|x| matches!(role_of(x.person.role.as_deref(), c), Role::Secretary));
                if delegated || secretary_absent {
                    return;
                }
                // Say only what the record shows about the Bí thư.
                match a.present.iter().find(|p| matches!(role_of(p.role.as_deref(), c), Role::Secretary)) {
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
