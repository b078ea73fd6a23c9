//! The attendance chart: each meeting's members present over members, in
//! time, against the quorum line, as inline SVG (no script, no raster).

use maud::{html, Markup};

use super::pages::month_name;
use super::text::Txt;
use super::view::{day_number, Attendance, View};
use crate::common::i18n::Lang;
use crate::model::Date;
use crate::tr;

const W: f64 = 720.0;
const H: f64 = 200.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;

fn f1(x: f64) -> String {
    format!("{x:.1}")
}

pub fn attendance(v: &View<'_>, a: &Attendance, l: Lang) -> Markup {
    let q = &v.archive.profile.quorum;
    let (from, to) = v.period.unwrap_or((a.points[0].date, a.points[a.points.len() - 1].date));
    let (d0, d1) = (day_number(from.min(a.points[0].date)), day_number(to.max(a.points[a.points.len() - 1].date)));
    let span = (d1 - d0).max(1) as f64;
    let x = |d: Date| LEFT + (day_number(d) - d0) as f64 / span * (W - LEFT - RIGHT);
    let y = |ratio: f64| TOP + (1.0 - ratio.clamp(0.0, 1.0)) * (H - TOP - BOTTOM);
    let quorum = f64::from(q.numerator) / f64::from(q.denominator.max(1));
    // Ticks: months within one year, else years.
    let years: Vec<i32> = (from.year..=to.year).collect();
    let ticks: Vec<(f64, String)> = if years.len() <= 1 {
        (1..=12).map(|m| (x(Date { year: from.year, month: m, day: 1 }), month_name(m, l))).collect()
    } else {
        years.iter().map(|&yr| (x(Date { year: yr, month: 1, day: 1 }), yr.to_string())).collect()
    };
    let ticks: Vec<_> = ticks.into_iter().filter(|(tx, _)| *tx >= LEFT - 0.5 && *tx <= W - RIGHT + 0.5).collect();
    let line: Vec<String> = a
        .points
        .iter()
        .map(|p| format!("{},{}", f1(x(p.date)), f1(y(f64::from(p.present) / f64::from(p.members)))))
        .collect();
    let label = tr!(
        l,
        "Tỷ lệ có mặt của {} hội nghị, so với mức {}/{}",
        "Attendance at {} meetings, against {}/{}",
        a.points.len(),
        q.numerator,
        q.denominator
    );
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(label) {
                @for (r, t) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
                    line.grid x1=(f1(LEFT)) x2=(f1(W - RIGHT)) y1=(f1(y(r))) y2=(f1(y(r))) {}
                    text.axis x=(f1(LEFT - 4.0)) y=(f1(y(r) + 3.0)) text-anchor="end" { (t) }
                }
                line.quorum x1=(f1(LEFT)) x2=(f1(W - RIGHT)) y1=(f1(y(quorum))) y2=(f1(y(quorum))) {}
                text.axis.quorum-label x=(f1(LEFT - 4.0)) y=(f1(y(quorum) + 3.0)) text-anchor="end" { (q.numerator) "/" (q.denominator) }
                @for (tx, t) in &ticks {
                    line.tick x1=(f1(*tx)) x2=(f1(*tx)) y1=(f1(H - BOTTOM)) y2=(f1(H - BOTTOM + 4.0)) {}
                    text.axis x=(f1(*tx)) y=(f1(H - 8.0)) text-anchor="middle" { (t) }
                }
                polyline.trend points=(line.join(" ")) {}
                @for p in &a.points {
                    @let cls = if p.below { "pt below" } else { "pt" };
                    @let tip = format!("{} · {}/{} · {}", p.date, p.present, p.members, v.recs[p.file].r.path);
                    @let (cx, cy) = (f1(x(p.date)), f1(y(f64::from(p.present) / f64::from(p.members))));
                    @match v.link(p.file, false) {
                        Some(href) => {
                            a href=(href) {
                                circle class=(cls) cx=(cx) cy=(cy) r=(if p.below { "5" } else { "3.5" }) { title { (Txt(&tip)) } }
                            }
                        }
                        None => {
                            circle class=(cls) cx=(cx) cy=(cy) r=(if p.below { "5" } else { "3.5" }) { title { (Txt(&tip)) } }
                        }
                    }
                }
            }
            figcaption { (label) }
        }
    }
}
