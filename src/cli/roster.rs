//! `bienban roster init`: a starting roster drawn from the archive's
//! records (`archive::roster::draft`), for a clerk to correct. Written
//! atomically, inside the archive only, never over an existing file
//! unless `--force` (and then a link there is replaced, not followed).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::archive::config::{self, Config};
use crate::archive::roster::{draft, DEFAULT_FILE};
use crate::archive::run;
use crate::check::{Options, DEFAULT_MAX_FILE_SIZE};
use crate::common::i18n::Lang;
use crate::report::escape::visible;
use crate::tr;

#[derive(Subcommand, Debug)]
pub enum RosterCommand {
    /// Write a starting roster from the records: the names listed present
    /// or absent, per body, with the first and last dates each was listed
    /// and the roles written. A draft for a clerk to correct.
    Init(InitArgs),
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// A folder of the archive (its root is the nearest bienban.toml above).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Where to write it, inside the archive (default: the file `roster`
    /// names in bienban.toml, else thanh-vien.toml at the archive's root).
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(command: &RosterCommand, lang: Option<Lang>) -> ExitCode {
    match command {
        RosterCommand::Init(args) => match init(args, lang) {
            Ok(()) => ExitCode::SUCCESS,
            Err(msg) => {
                eprintln!("{}", visible(&msg));
                ExitCode::from(2)
            }
        },
    }
}

fn init(args: &InitArgs, lang: Option<Lang>) -> Result<(), String> {
    let l = lang.unwrap_or_default();
    let mut ignored = Vec::new();
    let Some(root) = config::find_root(&args.dir, &mut ignored) else {
        return Err(tr!(
            l,
            "không tìm thấy bienban.toml ở {} hay thư mục cha: danh sách thành viên thuộc về một lưu trữ; chạy `bienban init` trước",
            "no bienban.toml in {} or above: a roster belongs to an archive; run `bienban init` first",
            args.dir.display()
        ));
    };
    for i in &ignored {
        eprintln!("{}", visible(&i.note(l)));
    }
    let (config, profile) = run::settings(&root, lang).map_err(|e| {
        crate::report::human::render_problem(
            &e.path.to_string_lossy(),
            e.text.as_deref(),
            e.span.clone(),
            &e.message,
            e.help.as_deref(),
            l,
            std::io::stderr().is_terminal(),
        )
    })?;
    let l = lang.or(config.lang).unwrap_or_default();
    let target = target(&root, &config, args.output.as_deref(), l)?;
    let opts = Options {
        lang: l,
        no_allow: false,
        max_file_size: config.max_file_size().unwrap_or(DEFAULT_MAX_FILE_SIZE),
        encoding: None,
    };
    let (text, entries) = draft(&root, &config, &profile, opts);
    if entries == 0 {
        return Err(tr!(
            l,
            "các biên bản trong {} không ghi tên ai có mặt hay vắng mặt: không có gì để lập danh sách thành viên",
            "the records under {} name nobody present or absent: nothing to draft a roster from",
            root.display()
        ));
    }
    let shown = target.display();
    let written = if args.force {
        crate::common::fs::write_atomically(&target, text.as_bytes())
    } else {
        crate::common::fs::write_new(&target, text.as_bytes(), None)
    };
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(tr!(
                l,
                "{} đã có; không ghi đè (dùng --force để thay)",
                "{} already exists; not overwritten (--force replaces it)",
                shown
            ))
        }
        Err(e) => return Err(tr!(l, "không ghi được {}: {}", "cannot write {}: {}", shown, e)),
    }
    println!(
        "{}",
        tr!(
            l,
            "đã tạo {} ({} mục): BẢN NHÁP lập từ các biên bản — Văn phòng phải đối chiếu với các quyết định và sửa lại trước khi dùng",
            "created {} ({} entries): a DRAFT made from the records — a clerk must check it against the decisions and correct it before use",
            shown,
            entries
        )
    );
    if config.roster.is_none() {
        let rel = target.strip_prefix(&root).unwrap_or(&target).to_string_lossy().into_owned();
        println!(
            "{}",
            tr!(
                l,
                "khi đã sửa xong, thêm vào bienban.toml: roster = {:?}",
                "once corrected, add to bienban.toml: roster = {:?}",
                rel
            )
        );
    }
    Ok(())
}

/// Where the draft goes: `--output`, else the file bienban.toml names, else
/// `thanh-vien.toml` at the root — always inside the archive: a path named
/// in bienban.toml stays under the root as written, and the folder it lands
/// in, once links are resolved, lies under the root.
fn target(root: &Path, config: &Config, output: Option<&Path>, l: Lang) -> Result<PathBuf, String> {
    let path = match (output, &config.roster) {
        (Some(o), _) => o.to_path_buf(),
        (None, Some(named)) => {
            let rel = named.get_ref();
            if !config::is_inside(rel) {
                return Err(tr!(
                    l,
                    "bienban.toml: roster = {:?} phải là đường dẫn bên trong lưu trữ",
                    "bienban.toml: roster = {:?} must be a path inside the archive",
                    rel.display().to_string()
                ));
            }
            root.join(rel)
        }
        (None, None) => root.join(DEFAULT_FILE),
    };
    let outside = || {
        tr!(
            l,
            "{}: nằm ngoài lưu trữ {}; danh sách thành viên chỉ được ghi bên trong lưu trữ",
            "{}: outside the archive {}; the roster is only written inside the archive",
            path.display(),
            root.display()
        )
    };
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else { return Err(outside()) };
    let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let folder = std::fs::canonicalize(folder)
        .map_err(|e| tr!(l, "không ghi được {}: {}", "cannot write {}: {}", path.display(), e))?;
    if !folder.starts_with(root) {
        return Err(outside());
    }
    let target = folder.join(name);
    if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
        return Err(tr!(l, "{}: là một thư mục", "{}: is a folder", path.display()));
    }
    Ok(target)
}
