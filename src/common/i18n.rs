//! Messages in the clerk's language: Vietnamese by default, English with
//! `--lang en`. Every user-facing string is written in both, side by side,
//! through [`tr!`], so neither can be forgotten.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// `tr!(lang, "tiếng Việt {x}", "English {x}")`: formats only the one needed.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::common::i18n::Lang::Vi => format!($vi $(, $arg)*),
            $crate::common::i18n::Lang::En => format!($en $(, $arg)*),
        }
    };
}

impl Lang {
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
