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

fn role_of(role: Option<&str>, c: &Chair) -> Role {
    let Some(r) = role else { return Role::Unknown };
    let f = fold(r);
    let starts = |names: &[String]| names.iter().any(|n| f.starts_with(&fold(n)));
    if starts(&c.deputy_roles) {
        Role::Deputy
    } else if starts(&c.secretary_roles) {
        Role::Secretary
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
                tr!(l, "Phó Bí thư chủ trì nhưng không ghi Bí thư ủy quyền, và Bí thư không có tên trong danh sách vắng mặt", "a Phó Bí thư chaired with no delegation recorded, and the Bí thư is not listed as absent")
            }
            Role::Other(r) => tr!(
                l,
                "hội nghị do {} chủ trì, không phải Bí thư hay Phó Bí thư",
                "chaired by a {}, neither the Bí thư nor a Phó Bí thư",
                r
            ),
        };
        out.push(
            finding(&DOC, chair.span, message)
                .label(tr!(l, "người chủ trì", "the chair"))
                .help(format!(
                    "{} {}",
                    tr!(
                        l,
                        "nếu Bí thư vắng và đã ủy quyền, ghi rõ, ví dụ `Chủ trì: Nguyễn Văn An (Phó Bí thư Thường trực, được Bí thư ủy quyền)`, và ghi Bí thư trong `Vắng mặt`.",
                        "if the Bí thư was away and delegated, say so, e.g. `Chủ trì: Nguyễn Văn An (Phó Bí thư Thường trực, được Bí thư ủy quyền)`, and list the Bí thư under `Vắng mặt`."
                    ),
                    cite(l, &c.article, &c.quote)
                ))
                .article(&c.article),
        );
    }
}
