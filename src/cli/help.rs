//! `--help` in the user's language, and `bienban man`.
//!
//! The help text is clap's, from the doc comments (English); in Vietnamese
//! every command's description and every option's help are replaced from
//! the table below, the headings and the usage line too (`help_template`,
//! `help_heading`). The language is chosen before the arguments are
//! parsed: `--lang` on the command line, else `lang` in the `bienban.toml`
//! of the current folder's archive, else `LC_ALL` / `LC_MESSAGES` / `LANG`
//! beginning with `vi`, else English. Limits (clap's): its own error
//! messages (an unknown option, a missing value) stay English, and an
//! option added without a line in the table keeps its English help.
//!
//! `bienban man` renders clap_mangen's pages (one per subcommand with
//! `--out-dir`) with three sections of our own: EXIT STATUS, FILES
//! (`bienban.toml`, the cache, the baseline) and ENVIRONMENT.

use std::ffi::OsString;
use std::path::Path;

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::common::i18n::Lang;
use crate::tr;

/// The help's language, from the raw arguments and the environment.
pub fn help_lang(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("vi") => return Lang::Vi,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    let configured = std::env::current_dir()
        .ok()
        .and_then(|d| crate::archive::config::find_root(&d, &mut Vec::new()))
        .and_then(|root| {
            crate::archive::config::Config::load(&root.join(crate::archive::config::FILE_NAME), Lang::En).ok()
        })
        .and_then(|c| c.lang);
    if let Some(l) = configured {
        return l;
    }
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; the first that is set decides.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.starts_with("vi") {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// Vietnamese help: (subcommand, or "" for the top level; argument id, or
/// "" for the command's own description; text).
const VI: &[(&str, &str, &str)] = &[
    ("", "", "Kiểm tra biên bản hội nghị theo Quy chế làm việc"),
    ("", "lang", "Ngôn ngữ của thông báo: vi (mặc định) hoặc en. Thay cho `lang` trong bienban.toml."),
    ("check", "", "Kiểm tra biên bản (tệp, thư mục — tìm mọi *.md —, hoặc `-` để đọc từ đầu vào chuẩn)."),
    ("check", "paths", "Tệp hoặc thư mục cần kiểm tra, hoặc `-` cho một biên bản từ đầu vào chuẩn. Trong một lưu trữ (thư mục có bienban.toml), cả lưu trữ được đọc nhưng chỉ các tệp này được báo."),
    ("check", "format", "Định dạng đầu ra."),
    ("check", "output_file", "Ghi báo cáo vào tệp này thay vì đầu ra chuẩn."),
    ("check", "stdin_filename", "Với `-`: đường dẫn của biên bản đọc từ đầu vào chuẩn, dùng trong thông báo và để tìm lưu trữ của nó."),
    ("check", "color", "Khi nào dùng màu (auto: trên màn hình; NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, TERM=dumb được tôn trọng)."),
    ("check", "no_allow", "Chế độ kiểm tra: bỏ qua mọi chú thích `<!-- bienban: allow(…) -->` và tệp mốc."),
    ("check", "write_baseline", "Ghi mọi phát hiện hiện có của lưu trữ vào bienban-baseline.json ở gốc (thay tệp cũ); các lần sau chỉ báo phát hiện mới."),
    ("check", "prune_baseline", "Xóa các mục của tệp mốc không còn khớp phát hiện nào."),
    ("check", "no_baseline", "Không dùng bienban-baseline.json: báo cả những phát hiện nó che."),
    ("check", "audit", "Kiểm tra lưu trữ không do bạn viết: bỏ qua bienban.toml, chú thích allow, tệp mốc và bộ nhớ đệm của nó; dùng quy chế có sẵn hoặc `--profile`."),
    ("check", "profile", "Hồ sơ quy chế (TOML) dùng để kiểm tra, thay cho hồ sơ bienban.toml nêu hoặc quy chế có sẵn."),
    ("check", "config", "Dùng cấu hình này (một bienban.toml) thay cho cấu hình của từng lưu trữ; thư mục có bienban.toml vẫn là gốc lưu trữ."),
    ("check", "select", "Chỉ chạy các quy tắc này (cách nhau bằng dấu phẩy), bất kể [rules]."),
    ("check", "ignore", "Không chạy các quy tắc này (cách nhau bằng dấu phẩy), bất kể [rules]."),
    ("check", "force", "Với `--output-file`: ghi đè cả khi tệp là biên bản hoặc không do bienban ghi."),
    ("check", "statistics", "In số phát hiện theo từng quy tắc thay cho các phát hiện."),
    ("check", "max_warnings", "Thoát với mã 1 khi có nhiều hơn N cảnh báo."),
    ("check", "exit_zero", "Thoát với mã 0 cả khi có lỗi (lần chạy thất bại vẫn là mã 2)."),
    ("check", "quiet", "Chỉ in các phát hiện, không in dòng tổng kết."),
    ("check", "show_skipped", "Liệt kê các tệp Markdown không được kiểm tra như biên bản, và lý do (dòng tổng kết luôn đếm chúng)."),
    ("check", "exclude", "Bỏ qua các tệp khớp mẫu GLOB (cú pháp .gitignore: `du-thao/`, `*.nhap.md`), tính từ gốc lưu trữ (không có gốc thì từ thư mục hiện tại); thêm vào `exclude` của bienban.toml; được liệt kê là bỏ qua. Dùng nhiều lần được."),
    ("check", "no_ignore", "Đọc cả các tệp mà .gitignore và .ignore bỏ qua."),
    ("check", "no_cache", "Không đọc và không ghi bộ nhớ đệm kết quả (trong thư mục đệm của người dùng)."),
    ("check", "max_file_size", "Không đọc tệp lớn hơn mức này (ví dụ `4M`, `512K`; mặc định 4M)."),
    ("check", "encoding", "Đọc tệp không phải UTF-8 theo bảng mã cũ này (và vẫn kiểm tra)."),
    ("check", "threads", "Số luồng (mặc định: một luồng mỗi lõi)."),
    ("rules", "", "Liệt kê mọi quy tắc với mức độ và điều khoản."),
    ("explain", "", "In tài liệu của một quy tắc: tìm gì, vì sao, ví dụ."),
    ("explain", "rule", "Tên quy tắc, ví dụ `quorum`."),
    ("init", "", "Ghi một bienban.toml có chú thích vào thư mục (mặc định: thư mục hiện tại)."),
    ("init", "dir", "Thư mục (phải có sẵn)."),
    ("convert", "", "Chuyển biên bản gõ bằng bảng mã cũ (TCVN3, VNI, Windows-1258) sang Unicode UTF-8. Ghi bản sao `TÊN.unicode.md` trừ khi được bảo khác."),
    ("convert", "from", "Bảng mã cũ của các tệp."),
    ("convert", "files", "Các tệp cần chuyển."),
    ("convert", "output", "Ghi kết quả vào đây (chỉ một tệp; `-` cho đầu ra chuẩn)."),
    ("convert", "in_place", "Thay từng tệp (nguyên khối), giữ bản gốc là `TÊN.orig`."),
    ("report", "", "Ghi báo cáo cho người kiểm tra: một thư mục HTML tĩnh (tổng quan, lịch họp, tham dự, các chuỗi việc, một trang cho mỗi biên bản cần xem)."),
    ("report", "html", "Ghi báo cáo HTML vào thư mục này (tạo mới, hoặc thay nếu là một báo cáo cũ; thư mục khác được để nguyên)."),
    ("report", "paths", "Tệp hoặc thư mục cần báo cáo (mặc định: .), tìm như `check`."),
    ("report", "no_allow", "Chế độ kiểm tra: bỏ qua mọi chú thích `<!-- bienban: allow(…) -->` và tệp mốc."),
    ("report", "no_baseline", "Không dùng bienban-baseline.json: hiện những phát hiện nó che như phát hiện thường."),
    ("report", "exclude", "Bỏ qua các tệp khớp mẫu GLOB (cú pháp .gitignore: `du-thao/`, `*.nhap.md`), tính từ gốc lưu trữ (không có gốc thì từ thư mục hiện tại); thêm vào `exclude` của bienban.toml; được liệt kê là bỏ qua. Dùng nhiều lần được."),
    ("report", "no_ignore", "Đọc cả các tệp mà .gitignore và .ignore bỏ qua."),
    ("report", "no_cache", "Không đọc và không ghi bộ nhớ đệm kết quả."),
    ("report", "max_file_size", "Không đọc tệp lớn hơn mức này (ví dụ `4M`, `512K`; mặc định 4M)."),
    ("report", "encoding", "Đọc tệp không phải UTF-8 theo bảng mã cũ này."),
    ("report", "max_warnings", "Thoát với mã 1 khi có nhiều hơn N cảnh báo."),
    ("report", "exit_zero", "Thoát với mã 0 cả khi có lỗi (lần chạy thất bại vẫn là mã 2)."),
    ("report", "quiet", "Không in gì khi đã ghi báo cáo."),
    ("report", "threads", "Số luồng (mặc định: một luồng mỗi lõi)."),
    ("report", "audit", "Kiểm tra lưu trữ bạn không tin: bỏ qua bienban.toml, chú thích allow, tệp mốc và bộ nhớ đệm của nó; dùng quy chế có sẵn hoặc `--profile`."),
    ("report", "profile", "Hồ sơ quy chế (TOML) dùng để kiểm tra, thay cho hồ sơ bienban.toml của lưu trữ nêu."),
    ("report", "config", "Dùng cấu hình này (một bienban.toml) thay cho cấu hình của từng lưu trữ; thư mục có bienban.toml vẫn là gốc lưu trữ."),
    ("report", "select", "Chỉ chạy các quy tắc này (cách nhau bằng dấu phẩy), bất kể [rules]."),
    ("report", "ignore", "Không chạy các quy tắc này (cách nhau bằng dấu phẩy), bất kể [rules]."),
    ("roster", "", "Danh sách thành viên của lưu trữ: ai là thành viên của từng cơ quan, từ ngày nào đến ngày nào (`roster = \"thanh-vien.toml\"` trong bienban.toml)."),
    ("roster init", "", "Ghi bản nháp danh sách thành viên từ các biên bản: những người được ghi có mặt hoặc vắng mặt, theo từng cơ quan, với ngày đầu và ngày cuối được ghi và chức vụ như đã viết. Văn thư phải sửa lại trước khi dùng."),
    ("roster init", "dir", "Một thư mục của lưu trữ (gốc là thư mục có bienban.toml gần nhất ở trên)."),
    ("roster init", "output", "Ghi vào đây, trong lưu trữ (mặc định: tệp mà `roster` trong bienban.toml nêu, nếu không thì thanh-vien.toml ở gốc)."),
    ("roster init", "force", "Thay tệp nếu đã có."),
    ("completions", "", "In tập lệnh gợi ý hoàn thành cho shell."),
    ("completions", "shell", "Shell: bash, zsh, fish, elvish, powershell."),
    ("man", "", "In trang hướng dẫn (roff); với --out-dir, ghi một trang cho mỗi lệnh con."),
    ("man", "out_dir", "Ghi bienban.1 và một trang bienban-LỆNH.1 cho mỗi lệnh con vào thư mục này."),
];

/// The Vietnamese usage line and headings (clap's words otherwise).
const VI_TEMPLATE: &str = "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// Help and version flags of our own, so that their text can be translated.
fn own_flags(cmd: Command, top: bool, l: Lang) -> Command {
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(l.pick("In trợ giúp", "Print help"))
            .help_heading((l == Lang::Vi).then_some("Tùy chọn")),
    );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(l.pick("In phiên bản", "Print version"))
                .help_heading((l == Lang::Vi).then_some("Tùy chọn")),
        );
    }
    cmd
}

/// The Vietnamese help of command `sub` ("" for the top level).
fn translate(mut cmd: Command, sub: &str) -> Command {
    for (_, id, text) in VI.iter().filter(|(s, _, _)| *s == sub) {
        if id.is_empty() {
            cmd = cmd.about(*text).long_about(None::<&str>);
        } else if cmd.get_arguments().any(|a| a.get_id() == *id) {
            cmd = cmd.mut_arg(*id, |a| a.help(*text).long_help(None::<&str>));
        }
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() { "Tham số" } else { "Tùy chọn" };
            a.help_heading(heading)
        });
    }
    cmd.help_template(VI_TEMPLATE).subcommand_help_heading("Lệnh").subcommand_value_name("LỆNH")
}

/// The command line, with its help in `l`.
pub fn command(l: Lang) -> Command {
    let mut cmd = own_flags(super::Cli::command(), true, l);
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, |s| {
            let mut s = own_flags(s, false, l);
            let nested: Vec<String> = s.get_subcommands().map(|c| c.get_name().to_string()).collect();
            for inner in nested {
                s = s.mut_subcommand(inner, |c| own_flags(c, false, l));
            }
            s
        });
    }
    if l == Lang::Vi {
        cmd = translate(cmd, "");
        let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for name in subs {
            let n = name.clone();
            cmd = cmd.mut_subcommand(name, move |s| {
                let mut s = translate(s, &n);
                // Nested commands (`roster init`) are keyed by both names.
                let nested: Vec<String> = s.get_subcommands().map(|c| c.get_name().to_string()).collect();
                for inner in nested {
                    let key = format!("{n} {inner}");
                    s = s.mut_subcommand(inner, move |c| translate(c, &key));
                }
                s
            });
        }
    }
    cmd
}

/// Every page `bienban man --out-dir` writes: (file name, roff).
pub fn man_pages(l: Lang) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = command(l).disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    let subs: Vec<Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned().collect();
    pages.push(page(cmd, l)?);
    for s in subs {
        pages.push(page(s, l)?);
    }
    Ok(pages)
}

/// The top page alone (`bienban man` without `--out-dir`).
pub fn man_page(l: Lang) -> std::io::Result<Vec<u8>> {
    let mut cmd = command(l).disable_help_subcommand(true);
    cmd.build();
    Ok(page(cmd, l)?.1)
}

fn page(cmd: Command, l: Lang) -> std::io::Result<(String, Vec<u8>)> {
    let has_args = cmd.get_arguments().any(|a| !a.is_hide_set());
    let has_subs = cmd.get_subcommands().any(|s| !s.is_hide_set());
    let has_version = cmd.get_version().is_some();
    let man = clap_mangen::Man::new(cmd);
    let mut w = Vec::new();
    man.render_title(&mut w)?;
    man.render_name_section(&mut w)?;
    man.render_synopsis_section(&mut w)?;
    man.render_description_section(&mut w)?;
    if has_args {
        man.render_options_section(&mut w)?;
    }
    if has_subs {
        man.render_subcommands_section(&mut w)?;
    }
    w.extend_from_slice(sections(l).as_bytes());
    if has_version {
        man.render_version_section(&mut w)?;
    }
    Ok((man.get_filename(), w))
}

/// `.TP` entries: (term, text), in roff.
fn entries(title: &str, items: &[(String, String)]) -> String {
    let mut s = format!(".SH \"{title}\"\n");
    for (term, text) in items {
        s.push_str(&format!(".TP\n{term}\n{}\n", roff_text(text)));
    }
    s
}

/// Text safe in roff: backslashes and hyphens escaped, no line starting
/// with a control character.
fn roff_text(t: &str) -> String {
    let t = t.replace('\\', "\\e").replace('-', "\\-");
    t.lines()
        .map(|l| if l.starts_with(['.', '\'']) { format!("\\&{l}") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

fn b(s: &str) -> String {
    format!("\\fB{}\\fR", s.replace('-', "\\-"))
}

/// EXIT STATUS, FILES and ENVIRONMENT.
fn sections(l: Lang) -> String {
    let exit = [
        (b("0"), tr!(l, "Không có lỗi (có thể có cảnh báo).", "No error (warnings allowed).")),
        (
            b("1"),
            tr!(
                l,
                "Có ít nhất một lỗi, hoặc nhiều cảnh báo hơn --max-warnings, hoặc mục của tệp mốc không còn khớp (trừ khi có --exit-zero).",
                "At least one error, more warnings than --max-warnings, or baseline entries that no longer match (unless --exit-zero)."
            ),
        ),
        (
            b("2"),
            tr!(
                l,
                "Không chạy được: tham số sai, bienban.toml, hồ sơ quy chế hay tệp mốc không đọc được hoặc không hợp lệ, không ghi được báo cáo.",
                "The run could not be done: bad arguments, an unreadable or invalid bienban.toml, profile or baseline, a report that cannot be written."
            ),
        ),
    ];
    let files = [
        (
            b("bienban.toml"),
            tr!(
                l,
                "Đánh dấu gốc của một lưu trữ và cấu hình nó (ngôn ngữ, hồ sơ quy chế, include/exclude, [period], [rules]); `bienban init` ghi một tệp mẫu. Chỉ dùng khi là tệp thường của bạn hoặc của root.",
                "Marks an archive's root and configures it (language, profile, include/exclude, [period], [rules]); `bienban init` writes one. Used only when it is a regular file owned by you or root."
            ),
        ),
        (
            b("bienban-baseline.json"),
            tr!(
                l,
                "Tệp mốc ở gốc lưu trữ: các phát hiện cũ được bỏ qua (--write-baseline ghi, --prune-baseline dọn, --no-baseline bỏ qua nó).",
                "The baseline at the archive's root: old findings set aside (--write-baseline writes it, --prune-baseline prunes it, --no-baseline ignores it)."
            ),
        ),
        (
            "\\fI$BIENBAN_CACHE_DIR\\fR, \\fI$XDG_CACHE_HOME/bienban\\fR, \\fI~/.cache/bienban\\fR".to_string(),
            tr!(
                l,
                "Bộ nhớ đệm kết quả (một tệp cho mỗi lưu trữ, không bao giờ nằm trong lưu trữ); xóa lúc nào cũng an toàn; --no-cache không dùng nó.",
                "The cache of results (one file per archive, never inside the archive); always safe to delete; --no-cache skips it."
            ),
        ),
    ];
    let env = [
        (b("BIENBAN_CACHE_DIR"), tr!(l, "Thư mục của bộ nhớ đệm.", "The cache's folder.")),
        (b("XDG_CACHE_HOME"), tr!(l, "Thư mục đệm của người dùng (bienban/ trong đó).", "The user's cache folder (bienban/ in it).")),
        (b("NO_COLOR"), tr!(l, "Không dùng màu (với --color auto).", "No colours (with --color auto).")),
        (
            format!("{}, {}", b("FORCE_COLOR"), b("CLICOLOR_FORCE")),
            tr!(l, "Dùng màu cả khi đầu ra không phải màn hình.", "Colours even when the output is not a terminal."),
        ),
        (b("TERM"), tr!(l, "`dumb`: không dùng màu.", "`dumb`: no colours.")),
        (
            format!("{}, {}, {}", b("LC_ALL"), b("LC_MESSAGES"), b("LANG")),
            tr!(
                l,
                "Bắt đầu bằng `vi`: trợ giúp (--help) bằng tiếng Việt khi không có --lang hay `lang` trong bienban.toml.",
                "Beginning with `vi`: help (--help) in Vietnamese when neither --lang nor `lang` in bienban.toml says otherwise."
            ),
        ),
    ];
    // The usual English titles, which man readers and tools look for, also in Vietnamese pages.
    let mut s = entries(l.pick("EXIT STATUS (MÃ THOÁT)", "EXIT STATUS"), &exit);
    s.push_str(&entries(l.pick("FILES (TỆP)", "FILES"), &files));
    s.push_str(&entries(l.pick("ENVIRONMENT (BIẾN MÔI TRƯỜNG)", "ENVIRONMENT"), &env));
    s
}

/// Writes every page into `dir` (created if missing), each atomically.
pub fn write_pages(dir: &Path, l: Lang) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut names = Vec::new();
    for (name, roff) in man_pages(l)? {
        crate::common::fs::write_atomically(&dir.join(&name), &roff)?;
        names.push(name);
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::VI;
    use clap::CommandFactory;

    /// Every argument a user can see has its Vietnamese help line: a flag
    /// added without one would show English in the middle of Vietnamese help.
    #[test]
    fn every_visible_argument_has_a_vietnamese_line() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = a.get_id().as_str();
                if !matches!(id, "help" | "version") && !VI.iter().any(|(s, i, _)| *s == path && *i == id) {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
                if !VI.iter().any(|(s, i, _)| *s == p && i.is_empty()) {
                    missing.push(format!("{p} (description)"));
                }
                walk(sub, &p, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:?}");
    }
}
