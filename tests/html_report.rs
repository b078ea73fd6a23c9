//! `bienban report --html`: the inspector's report on `samples/` (every
//! documented finding on its record's page at its line, the calendar, the
//! trails, related records linked), hostile archives, the output folder,
//! exit codes. `samples/` holds two archives (the 2021 one and, nested, the
//! 16-HD one of 2023), so its report is an index of two, each archive in its
//! own folder (`1-samples/`, `2-khoi-doanh-nghiep-2023/`). The browser, the
//! printed PDF and the validator are in `tests/sh/html-report.sh`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod common;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The nested archive of `samples/`, and the report's folders of both.
const SECOND: &str = "khoi-doanh-nghiep-2023";
const FIRST_DIR: &str = "1-samples";
const SECOND_DIR: &str = "2-khoi-doanh-nghiep-2023";

fn bienban(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("bienban").unwrap();
    c.current_dir(dir);
    c
}

/// Writes the report of `paths` (relative to `cwd`) into `out`; returns the exit code.
fn report(cwd: &Path, out: &Path, paths: &[&str], extra: &[&str]) -> i32 {
    let mut args = vec!["report", "--html", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    bienban(cwd).args(&args).output().unwrap().status.code().unwrap()
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every record page of a report, of one archive (`out/r/`) or of several
/// (`out/*/r/`): file name → HTML.
fn record_pages(out: &Path) -> Vec<(String, String)> {
    page_files(out).into_iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), read(&p))).collect()
}

/// The files of every record page, as above.
fn page_files(out: &Path) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = if out.join("r").is_dir() {
        vec![out.join("r")]
    } else {
        fs::read_dir(out).unwrap().map(|e| e.unwrap().path().join("r")).filter(|r| r.is_dir()).collect()
    };
    let mut v: Vec<PathBuf> = dirs.iter().flat_map(|d| fs::read_dir(d).unwrap().map(|e| e.unwrap().path())).collect();
    v.sort();
    v
}

/// The page of the record shown as `path` (its title is the path).
fn page_of<'a>(pages: &'a [(String, String)], path: &str) -> &'a str {
    let h1 = format!("<h1><code>{path}</code></h1>");
    &pages.iter().find(|(_, html)| html.contains(&h1)).unwrap_or_else(|| panic!("no page for {path}")).1
}

/// What a record page shows under line `n`: the line and the notes after it.
fn at_line(html: &str, n: usize) -> &str {
    let start = html.find(&format!("id=\"L{n}\"")).unwrap_or_else(|| panic!("no line {n}"));
    let rest = &html[start..];
    let end = rest[10..].find("<div class=\"ln").map_or(rest.len(), |i| i + 10);
    &rest[..end]
}

/// `(path under samples/, line, rule)` from the tables of both archives'
/// READMEs (samples/README.md, samples/khoi-doanh-nghiep-2023/README.md).
fn documented() -> BTreeSet<(String, usize, String)> {
    let mut out = BTreeSet::new();
    for (dir, prefix) in [(samples(), String::new()), (samples().join(SECOND), format!("{SECOND}/"))] {
        let readme = read(&dir.join("README.md"));
        for line in readme.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if cells.len() < 6 || cells[1].parse::<u32>().is_err() {
                continue;
            }
            out.insert((
                format!("{prefix}{}", cells[2].trim_matches('`')),
                cells[3].parse().unwrap(),
                cells[4].trim_matches('`').to_string(),
            ));
        }
    }
    out
}

#[test]
fn every_documented_finding_is_on_its_records_page_at_its_line() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(report(&root, &out, &["samples"], &[]), 1, "9 + 6 errors: exit 1, as check");
    let pages = record_pages(&out);
    let want = documented();
    assert_eq!(want.len(), 13 + 11);
    for (path, line, rule) in &want {
        let html = page_of(&pages, &format!("samples/{path}"));
        let here = at_line(html, *line);
        assert!(here.contains(&format!("<code class=\"rule\">{rule}</code>")), "{path}:{line} {rule}:\n{here}");
    }
    // And no other finding anywhere: the notes on all pages are exactly these
    // (plus the one finding set aside by an `allow` comment, shown as such).
    let notes: usize = pages
        .iter()
        .map(|(_, h)| {
            h.matches("<div class=\"note error\">").count() + h.matches("<div class=\"note warning\">").count()
        })
        .sum();
    assert_eq!(notes, want.len());
    let aside: Vec<&str> =
        pages.iter().filter(|(_, h)| h.contains("<div class=\"note suppressed\">")).map(|(_, h)| h.as_str()).collect();
    assert_eq!(aside.len(), 1);
    let btv10 = page_of(&pages, "samples/2021/btv/2021-10-btv-thuong-le.md");
    assert!(btv10.contains("absence-reason") && btv10.contains("Đã bỏ qua bằng chú thích `allow`"), "{btv10}");
    // Each archive's index totals, and the index of both.
    let index = read(&out.join(FIRST_DIR).join("index.html"));
    assert!(index.contains("<dt>Lỗi</dt><dd>9</dd>") && index.contains("<dt>Cảnh báo</dt><dd>4</dd>"), "{index}");
    assert!(index.contains("<dt>Đã bỏ qua</dt><dd>1</dd>"));
    let second = read(&out.join(SECOND_DIR).join("index.html"));
    assert!(second.contains("<dt>Lỗi</dt><dd>6</dd>") && second.contains("<dt>Cảnh báo</dt><dd>5</dd>"), "{second}");
    let top = read(&out.join("index.html"));
    assert!(top.contains("2 lưu trữ"), "{top}");
    for dir in [FIRST_DIR, SECOND_DIR] {
        assert!(top.contains(&format!("href=\"{dir}/index.html\"")), "{dir} in {top}");
    }
}

#[test]
fn the_report_back_trail_links_the_records_it_joins() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report");
    report(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), &out, &["samples"], &[]);
    let pages = record_pages(&out);
    let tt = page_of(&pages, "samples/2021/tt/2021-10-20-tt-hoi-y.md");
    // The related record (the BTV meeting that should list 27-QĐ/ĐU) is linked at its line.
    let btv11 = pages
        .iter()
        .find(|(_, h)| h.contains("<h1><code>samples/2021/btv/2021-11-btv-thuong-le.md</code></h1>"))
        .unwrap();
    let link = format!("href=\"../r/{}#L6\"", btv11.0);
    assert!(tt.contains(&link), "{link} in\n{}", at_line(tt, 31));
    // The index's trail: every urgent decision and written consultation of the
    // README, with where it was reported, and 27-QĐ/ĐU not reported.
    let index = read(&out.join(FIRST_DIR).join("index.html"));
    let trail = &index[index.find("id=\"theo-doi\"").unwrap()..index.find("id=\"phat-hien\"").unwrap()];
    for n in ["02-QĐ/ĐU", "16-QĐ/ĐU", "04-KH/ĐU", "05-BC/ĐU", "11-BC/ĐU", "27-QĐ/ĐU"] {
        assert!(trail.contains(&format!("<code>{n}</code>")), "{n}");
    }
    assert_eq!(trail.matches("đã báo cáo đúng hạn").count(), 5, "{trail}");
    assert_eq!(trail.matches("chưa báo cáo</td>").count(), 1);
    // The delegation 05-QĐ/ĐU and the decision of 06/05/2021 taken under it.
    let deleg = &trail[trail.find("<code>05-QĐ/ĐU</code>").unwrap()..];
    assert!(deleg.contains("10/03/2021") && deleg.contains("06/05/2021"), "{deleg}");
    // Records that add nothing have no page: the January BTV meeting.
    assert!(!pages.iter().any(|(_, h)| h.contains("<code>samples/2021/btv/2021-01-btv-thuong-le.md</code></h1>")));
    assert!(index.contains(
        "<span title=\"samples/2021/btv/2021-01-btv-thuong-le.md\">samples/2021/btv/2021-01-btv-thuong-le.md</span>"
    ));
    // In the 16-HD archive: the urgent 515-QĐ/ĐUK reported to the BTV on 14/02;
    // 536-QĐ/ĐUK not at the BTV of 13/06, only named later by the BCH: late.
    let second = read(&out.join(SECOND_DIR).join("index.html"));
    let trail = &second[second.find("id=\"theo-doi\"").unwrap()..second.find("id=\"phat-hien\"").unwrap()];
    assert!(trail.contains("<code>515-QĐ/ĐUK</code>") && trail.contains("<code>536-QĐ/ĐUK</code>"), "{trail}");
    assert_eq!(trail.matches("đã báo cáo đúng hạn").count(), 1, "{trail}");
    assert_eq!(trail.matches("báo cáo muộn</td>").count(), 1, "{trail}");
    // Every page the report links to exists, relative to the page.
    let indexes = ["index.html", "1-samples/index.html", "2-khoi-doanh-nghiep-2023/index.html"].map(|i| out.join(i));
    for file in page_files(&out).iter().chain(indexes.iter()) {
        let html = read(file);
        for href in html.split("href=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]) {
            let target = href.split('#').next().unwrap();
            if target.is_empty() {
                continue;
            }
            assert!(file.parent().unwrap().join(target).exists(), "{href} in {}", file.display());
        }
    }
}

#[test]
fn the_calendar_shows_held_months_and_gaps() {
    // samples/: every month has a regular BTV meeting, every quarter a BCH one.
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report");
    report(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), &out, &["samples"], &[]);
    let index = read(&out.join(FIRST_DIR).join("index.html"));
    let cal = &index[index.find("id=\"lich-hop\"").unwrap()..index.find("id=\"tham-du\"").unwrap()];
    assert_eq!(cal.matches("<td class=\"held\"").count(), 12 + 4, "{cal}");
    assert_eq!(cal.matches("<td class=\"missing\"").count(), 0);
    for m in 1..=12 {
        assert!(cal.contains(&format!(">Tháng {m}</th>")));
    }
    // The extraordinary BTV meeting of 04/08 is shown as such beside the regular one.
    assert!(cal.contains("<span class=\"form\">bất thường</span>"), "{cal}");
    // The 16-HD archive's half-year: six BTV months, two BCH quarters, all held.
    let second = read(&out.join(SECOND_DIR).join("index.html"));
    let cal = &second[second.find("id=\"lich-hop\"").unwrap()..second.find("id=\"tham-du\"").unwrap()];
    assert_eq!(cal.matches("<td class=\"held\"").count(), 6 + 2, "{cal}");
    assert_eq!(cal.matches("<td class=\"missing\"").count(), 0);

    // A copy without the May BTV meeting: May is missing, and the gap's
    // finding (on June's record) links to April's record, before the gap.
    let copy = d.path().join("archive");
    common::copy_dir(&samples(), &copy);
    fs::remove_dir_all(copy.join(SECOND)).unwrap();
    fs::remove_file(copy.join("2021/btv/2021-05-btv-thuong-le.md")).unwrap();
    let out2 = d.path().join("report2");
    assert_eq!(report(d.path(), &out2, &["archive"], &[]), 1);
    let index = read(&out2.join("index.html"));
    let cal = &index[index.find("id=\"lich-hop\"").unwrap()..index.find("id=\"tham-du\"").unwrap()];
    assert_eq!(cal.matches("<td class=\"missing\"").count(), 1, "{cal}");
    let btv = &cal[cal.find("Ban Thường vụ").unwrap()..];
    let cells: Vec<&str> = btv.split("<td class=\"").skip(1).map(|c| &c[..c.find('"').unwrap()]).collect();
    assert_eq!(cells[4], "missing", "{cells:?}");
    let pages = record_pages(&out2);
    let june = page_of(&pages, "archive/2021/btv/2021-06-btv-thuong-le.md");
    assert!(june.contains("meeting-frequency") && june.contains("tháng 5/2021"), "{june}");
    let april =
        pages.iter().find(|(_, h)| h.contains("<code>archive/2021/btv/2021-04-btv-thuong-le.md</code></h1>")).unwrap();
    assert!(june.contains(&format!("href=\"../r/{}#L", april.0)));
}

#[test]
fn english_with_lang_en() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report");
    report(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), &out, &["samples"], &["--lang", "en"]);
    let top = read(&out.join("index.html"));
    assert!(top.contains("<html lang=\"en\">") && !top.contains("Các lưu trữ"), "{top}");
    let index = read(&out.join(FIRST_DIR).join("index.html"));
    assert!(index.contains("<html lang=\"en\">"));
    for s in [
        "Inspection report of minutes",
        "Meeting calendar",
        "Attendance",
        "Reporting back and delegations",
        ">Jan</th>",
        ">Dec</th>",
    ] {
        assert!(index.contains(s), "{s}");
    }
    assert!(!index.contains("Lịch họp"));
}

const HOSTILE: &str = "# Biên bản hội nghị Ban Thường vụ <script>document.title='PWNED'</script>

Cơ quan: Ban Thường vụ
Thời gian: 12/01/2021
Địa điểm: \"><img src=x onerror=alert(1)>
Chủ trì: Hoàng Văn Đức (Bí thư)

## Thành phần

Tổng số thành viên: 7
Có mặt: 4

## Nội dung

### 1. [xem](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a>

Số: \u{1}</title><style>*{}</style>
Quyết định: Khen thưởng.
Loại việc: khen-thuong
Biểu quyết: nhất trí
";

#[test]
fn hostile_records_and_file_names_render_as_text() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("a");
    fs::create_dir_all(&arch).unwrap();
    fs::write(arch.join("bienban.toml"), "").unwrap();
    fs::write(arch.join("<b>.md"), HOSTILE).unwrap();
    let out = d.path().join("out");
    assert_eq!(report(d.path(), &out, &["a"], &[]), 1);
    let pages = record_pages(&out);
    assert_eq!(pages.len(), 1);
    // The page's own name comes from the report, never from the file's.
    assert_eq!(pages[0].0, "1-b.html");
    for html in [read(&out.join("index.html")), pages[0].1.clone()] {
        for bad in ["<script", "<img", "<style>*", "href=\"javascript:", "<b>.md", "</title><style", "\u{1}"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("&lt;b&gt;.md"));
    }
    let page = &pages[0].1;
    assert!(page.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("[xem](javascript:alert(1))"));
    // Only the report was written: nothing beside it.
    let mut names: Vec<_> =
        fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["a", "out"]);
}

#[test]
fn out_dir_is_replaced_only_when_it_is_a_report() {
    let d = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = d.path().join("out");
    assert_eq!(report(&root, &out, &["samples/2021/btv/2021-01-btv-thuong-le.md"], &[]), 0);
    assert!(out.join(".bienban-report").is_file() && out.join("index.html").is_file());
    // A second run replaces the first report.
    assert_eq!(report(&root, &out, &["samples"], &[]), 1);
    assert!(out.join(FIRST_DIR).join("r").read_dir().unwrap().count() > 10);
    assert!(!out.join("r").exists(), "the first report's pages are gone");
    // A folder of the user's is left alone: exit 2, nothing changed.
    let mine = d.path().join("mine");
    fs::create_dir(&mine).unwrap();
    fs::write(mine.join("notes.md"), "keep").unwrap();
    let o = bienban(&root).args(["report", "--html", mine.to_str().unwrap(), "samples"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không phải một báo cáo"));
    assert_eq!(fs::read_dir(&mine).unwrap().count(), 1);
    // Nothing left beside the report: no staging folder.
    let mut names: Vec<_> =
        fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["mine", "out"]);
    // A bad configuration: exit 2, as check.
    let bad = d.path().join("bad");
    fs::create_dir(&bad).unwrap();
    fs::write(bad.join("bienban.toml"), "nonsense = [").unwrap();
    fs::write(bad.join("a.md"), read(&samples().join("2021/btv/2021-01-btv-thuong-le.md"))).unwrap();
    assert_eq!(report(d.path(), &d.path().join("out2"), &["bad"], &[]), 2);
    assert!(!d.path().join("out2").exists());
}

#[test]
fn several_archives_get_an_index_each() {
    let d = tempfile::tempdir().unwrap();
    for org in ["xa-a", "xa-b"] {
        common::copy_dir(&samples().join("2021/btv"), &d.path().join(org));
        fs::write(d.path().join(org).join("bienban.toml"), "").unwrap();
    }
    let out = d.path().join("out");
    assert_eq!(report(d.path(), &out, &["xa-a", "xa-b"], &[]), 1);
    let index = read(&out.join("index.html"));
    assert!(index.contains("href=\"1-xa-a/index.html\"") && index.contains("href=\"2-xa-b/index.html\""), "{index}");
    let a = read(&out.join("1-xa-a/index.html"));
    assert!(a.contains("href=\"../style.css\"") && a.contains("href=\"../index.html\""));
    assert!(out.join("1-xa-a/r").read_dir().unwrap().count() > 0);
}

/// The indexes of samples/ (of both archives, and of each), one element a
/// line where it helps reading a diff (review changes with `cargo insta review`).
#[test]
fn snapshot_of_the_samples_index() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("report");
    report(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), &out, &["samples"], &[]);
    insta::assert_snapshot!("samples_archives_index", lined(read(&out.join("index.html"))));
    insta::assert_snapshot!("samples_index", lined(read(&out.join(FIRST_DIR).join("index.html"))));
    insta::assert_snapshot!("samples_16hd_index", lined(read(&out.join(SECOND_DIR).join("index.html"))));
}

fn lined(mut html: String) -> String {
    for tag in [
        "<section",
        "<h2",
        "<h3",
        "<p",
        "<table",
        "<tr",
        "<figure",
        "<circle",
        "<line",
        "<text",
        "<polyline",
        "<footer",
    ] {
        html = html.replace(tag, &format!("\n{tag}"));
    }
    html
}

/// Escaping by default stays the only way: no template opts out of it.
#[test]
fn no_template_bypasses_escaping() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/report/html");
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "rs") {
            let code: String = read(&p).lines().filter(|l| !l.trim_start().starts_with("//")).collect();
            assert!(!code.contains("PreEscaped"), "{} uses PreEscaped", p.display());
        }
    }
}

#[test]
fn unreadable_paths_and_empty_folders_still_get_an_index() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    assert_eq!(report(d.path(), &out, &["missing.md"], &[]), 1, "an io error, as check");
    let index = read(&out.join("index.html"));
    assert!(index.contains("<code>io</code>") && index.contains("missing.md"), "{index}");
    fs::create_dir(d.path().join("empty")).unwrap();
    let out2 = d.path().join("out2");
    assert_eq!(report(d.path(), &out2, &["empty"], &[]), 0);
    assert!(read(&out2.join("index.html")).contains("<dt>Biên bản</dt><dd>0</dd>"));
}
