//! `bienban.toml`: marks an archive's root and configures the run. Unknown
//! keys are rejected with a diagnostic on the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::common::i18n::Lang;
use crate::model::Date;
use crate::tr;

pub const FILE_NAME: &str = "bienban.toml";

pub use crate::common::finding::Level;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Language of messages when `--lang` is not given.
    pub lang: Option<Lang>,
    /// A regulation profile of the archive's own, relative to the root.
    pub profile: Option<toml::Spanned<PathBuf>>,
    /// Globs (relative to the root) of the files that make up the archive.
    #[serde(default)]
    pub include: Vec<toml::Spanned<String>>,
    #[serde(default)]
    pub exclude: Vec<toml::Spanned<String>>,
    /// The period the archive covers (`meeting-frequency`).
    pub period: Option<Period>,
    /// Files larger than this are not read: bytes, or `"4M"`, `"512K"`.
    pub max_file_size: Option<toml::Spanned<SizeText>>,
    /// Severity per rule: `off`, `warning` or `error`.
    #[serde(default)]
    pub rules: BTreeMap<toml::Spanned<String>, Level>,
    #[serde(skip)]
    globs: Option<(GlobSet, GlobSet)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: toml::Spanned<DateText>,
    pub to: toml::Spanned<DateText>,
}

/// A date written `2021-01-01` (a TOML date) or `"2021-01-01"`/`"01/01/2021"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DateText {
    Toml(toml::value::Datetime),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SizeText {
    Bytes(u64),
    Text(String),
}

/// `4194304`, `4M`, `4 MB`, `512K`, `1G`.
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix("ib").or_else(|| t.strip_suffix('b')).unwrap_or(&t).trim_end();
    let (num, mult) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1u64 << 10),
        'm' => (&t[..t.len() - 1], 1 << 20),
        'g' => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mult)
}

/// A configuration problem: the message and, when known, the byte range in
/// the file, for a miette diagnostic.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
    pub help: Option<String>,
}

impl Config {
    pub fn level(&self, rule: &str) -> Option<Level> {
        self.rules.iter().find(|(k, _)| k.get_ref() == rule).map(|(_, v)| *v)
    }

    /// Reads and validates `path` (a `bienban.toml`).
    pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            message: tr!(lang, "không đọc được {}: {}", "cannot read {}: {}", path.display(), e),
            span: None,
            help: None,
        })?;
        Config::parse(path, text, lang)
    }

    pub fn parse(path: &Path, text: String, lang: Lang) -> Result<Config, ConfigError> {
        let err = |message: String, span: Option<std::ops::Range<usize>>, help: Option<String>, text: &str| {
            ConfigError { path: path.to_path_buf(), text: text.to_string(), message, span, help }
        };
        let mut c: Config = match toml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                let help = tr!(
                    lang,
                    "các khóa hợp lệ: lang, profile, include, exclude, period, [rules]; xem `bienban init`",
                    "valid keys: lang, profile, include, exclude, period, [rules]; see `bienban init`"
                );
                return Err(err(e.message().to_string(), e.span(), Some(help), &text));
            }
        };
        for k in c.rules.keys() {
            if crate::rules::doc(k.get_ref()).is_none() {
                let near = crate::rules::docs()
                    .map(|d| (strsim::levenshtein(d.name, k.get_ref()), d.name))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, n)| n);
                let help = match near {
                    Some(n) => {
                        tr!(lang, "có phải là `{}`? Xem `bienban rules`", "did you mean `{}`? See `bienban rules`", n)
                    }
                    None => {
                        tr!(lang, "xem danh sách quy tắc bằng `bienban rules`", "see the rules with `bienban rules`")
                    }
                };
                return Err(err(
                    tr!(lang, "không có quy tắc nào tên `{}`", "there is no rule named `{}`", k.get_ref()),
                    Some(k.span()),
                    Some(help),
                    &text,
                ));
            }
        }
        if let Some(p) = &c.period {
            for d in [&p.from, &p.to] {
                if date_of(d.get_ref()).is_none() {
                    return Err(err(
                        tr!(lang, "ngày không hợp lệ", "invalid date"),
                        Some(d.span()),
                        Some(tr!(lang, "viết dạng 2021-01-01", "write it as 2021-01-01")),
                        &text,
                    ));
                }
            }
        }
        if let Some(s) = &c.max_file_size {
            if c.max_file_size().is_none() {
                return Err(err(
                    tr!(lang, "kích thước không hợp lệ", "invalid size"),
                    Some(s.span()),
                    Some(tr!(lang, "viết số byte, hoặc dạng \"4M\", \"512K\"", "write bytes, or \"4M\", \"512K\"")),
                    &text,
                ));
            }
        }
        let mut sets = Vec::new();
        for list in [&c.include, &c.exclude] {
            let mut b = GlobSetBuilder::new();
            for g in list {
                match Glob::new(g.get_ref()) {
                    Ok(glob) => {
                        b.add(glob);
                    }
                    Err(e) => {
                        return Err(err(
                            tr!(lang, "mẫu không hợp lệ: {}", "invalid glob: {}", e),
                            Some(g.span()),
                            None,
                            &text,
                        ))
                    }
                }
            }
            sets.push(b.build().map_err(|e| err(e.to_string(), None, None, &text))?);
        }
        let exclude = sets.pop().expect("two sets");
        let include = sets.pop().expect("two sets");
        c.globs = Some((include, exclude));
        Ok(c)
    }

    pub fn max_file_size(&self) -> Option<u64> {
        match self.max_file_size.as_ref()?.get_ref() {
            SizeText::Bytes(n) => Some(*n),
            SizeText::Text(s) => parse_size(s),
        }
    }

    pub fn period(&self) -> Option<(Date, Date)> {
        let p = self.period.as_ref()?;
        Some((date_of(p.from.get_ref())?, date_of(p.to.get_ref())?))
    }

    /// Whether a file at `rel` (relative to the root) belongs to the archive.
    pub fn includes(&self, rel: &Path) -> bool {
        match &self.globs {
            Some((inc, exc)) => (self.include.is_empty() || inc.is_match(rel)) && !exc.is_match(rel),
            None => true,
        }
    }
}

fn date_of(d: &DateText) -> Option<Date> {
    match d {
        DateText::Toml(t) => t
            .date
            .and_then(|d| crate::model::values::date(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)).ok())
            .map(|x| x.0),
        DateText::Text(s) => crate::model::values::date(s).ok().map(|x| x.0),
    }
}

/// The folder holding the nearest `bienban.toml` at or above `path`.
pub fn find_root(path: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(path).ok()?;
    let start = if abs.is_dir() { abs.as_path() } else { abs.parent()? };
    start.ancestors().find(|d| is_root(d)).map(Path::to_path_buf)
}

/// Whether `dir` is an archive root: it holds a `bienban.toml`.
pub fn is_root(dir: &Path) -> bool {
    dir.join(FILE_NAME).is_file()
}

/// What `bienban init` writes.
pub const TEMPLATE: &str = r#"# bienban.toml — đánh dấu gốc của một bộ lưu trữ biên bản và cấu hình bienban.
# This file marks the root of an archive of minutes and configures bienban.
# `bienban check FILE…` đọc mọi biên bản dưới thư mục này để kiểm tra các quy tắc
# liên biên bản, nhưng chỉ báo lỗi cho các tệp được nêu tên.

# Ngôn ngữ thông báo khi không dùng --lang: "vi" hoặc "en".
# lang = "vi"

# Hồ sơ quy chế riêng (đường dẫn tính từ thư mục này). Bỏ trống: dùng quy chế có sẵn
# (Quy chế làm việc BCH Đảng bộ Các cơ quan tỉnh Bắc Kạn 2020-2025).
# profile = "quy-che.toml"

# Những tệp thuộc lưu trữ (mẫu glob, tính từ thư mục này).
# include = ["**/*.md"]
# exclude = ["du-thao/**"]

# Kỳ của lưu trữ, cho quy tắc meeting-frequency. Bỏ trống: từ biên bản đầu tiên
# đến biên bản cuối cùng.
# [period]
# from = 2021-01-01
# to = 2021-12-31

# Tệp lớn hơn giới hạn này không được đọc (mặc định 4M).
# max_file_size = "4M"

# Mức độ của từng quy tắc: "off", "warning" hoặc "error" (xem `bienban rules`).
[rules]
# chair = "warning"
# between-sessions-report = "off"
"#;
