//! Every user-facing string, in English and Simplified Chinese, in one place.
//!
//! Each table (`text_keys!`) names its keys once; each language is a folder
//! of its own (`en/`, `zh/`) with one exhaustive match per table, so a third
//! language is one new folder the compiler checks complete. A unit test
//! checks the placeholders agree.

/// A table of texts: the enum of its keys and `ALL`. Each language gives
/// every key its text in its own file (`en/FILE.rs`, `zh/FILE.rs`), an
/// exhaustive `match`, so the compiler names a key a language leaves out.
macro_rules! text_keys {
    ($(#[$meta:meta])* $name:ident in $file:ident { $($key:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];
        }

        impl $crate::i18n::Text for $name {
            fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::En => $crate::i18n::en::$file::text(self),
                    $crate::i18n::Lang::Zh => $crate::i18n::zh::$file::text(self),
                }
            }
        }
    };
}

mod cli_texts;
mod config_errors;
mod custody;
mod en;
mod errors;
mod field_texts;
pub mod git_texts;
mod labels;
mod office;
mod report_texts;
mod store_errors;
mod store_texts;
pub mod sync_texts;
pub mod team;
mod texts;
mod when;
mod zh;

pub use cli_texts::K;
pub use config_errors::{config_error, key_error, terminal_error};
pub use custody::{C, copy_kind, copy_of, event_details, field_label};
pub use errors::*;
pub use field_texts::F;
pub use git_texts::{G, sync_error, why as sync_refusal};
pub use labels::*;
pub use office::{O, ot, otf};
pub use report_texts::R;
pub use store_errors::*;
pub use store_texts::S;
pub use team::M;
pub use texts::T;
pub use when::{date_order, preview_reading};

/// A key of one of the text tables, with its English and Chinese.
pub trait Text: Copy + std::fmt::Debug {
    fn text(self, lang: Lang) -> &'static str;

    fn en(self) -> &'static str {
        self.text(Lang::En)
    }

    fn zh(self) -> &'static str {
        self.text(Lang::Zh)
    }
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// `en` / `zh` (also `zh-CN`, `zh_CN.UTF-8`, …).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the locale variables, in POSIX order of precedence.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| get(v))
            .find(|v| !v.is_empty())
            .map(|v| {
                if v.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                }
            })
            .unwrap_or_default()
    }

    /// `--lang`, else the config file's, else the locale, else English.
    pub fn choose(flag: Option<&str>, config: Option<Lang>) -> Lang {
        flag.and_then(Lang::parse)
            .or(config)
            .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()))
    }
}

static PROCESS_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of this process's messages (once, at start).
pub fn set_lang(lang: Lang) {
    let _ = PROCESS_LANG.set(lang);
}

/// The language of this process's messages: as set at start, else English.
pub fn lang() -> Lang {
    PROCESS_LANG.get().copied().unwrap_or_default()
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: impl Text) -> &'static str {
    key.text(lang)
}

/// The text of `key` with each `{}` replaced by the next argument.
pub fn trf(lang: Lang, key: impl Text, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = tr(lang, key).split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some()
            && let Some(a) = args.next()
        {
            out.push_str(&a.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of every table: its name, English and Chinese.
    fn keys() -> Vec<(String, &'static str, &'static str)> {
        fn of<K: Text>(all: &[K]) -> Vec<(String, &'static str, &'static str)> {
            let table = std::any::type_name::<K>().rsplit("::").next().unwrap_or("");
            all.iter()
                .map(|k| (format!("{table}::{k:?}"), k.en(), k.zh()))
                .collect()
        }
        [
            of(T::ALL),
            of(C::ALL),
            of(K::ALL),
            of(S::ALL),
            of(R::ALL),
            of(O::ALL),
            of(M::ALL),
            of(F::ALL),
            of(G::ALL),
            of(sync_texts::Y::ALL),
        ]
        .concat()
    }

    #[test]
    fn both_languages_have_every_key_with_the_same_placeholders() {
        for (key, en, zh) in keys() {
            assert!(!en.trim().is_empty(), "{key} has no English");
            assert!(!zh.trim().is_empty(), "{key} has no Chinese");
            assert_eq!(
                en.matches("{}").count(),
                zh.matches("{}").count(),
                "{key} placeholders differ"
            );
        }
    }

    #[test]
    fn chinese_texts_are_translated() {
        // A Chinese text equal to the English one is a missed translation,
        // except where it is only placeholders and punctuation.
        for (key, _, zh) in keys() {
            let has_letters = zh.chars().any(|c| c.is_ascii_alphabetic());
            let has_cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(has_cjk || !has_letters, "{key} looks untranslated: {zh}");
        }
    }

    #[test]
    fn store_errors_speak_chinese_and_keep_the_path() {
        let e = crate::store::StoreError::Corrupt {
            path: "/d/state.json".into(),
            line: 3,
            column: 5,
            message: "expected value".into(),
        };
        let zh = store_error(Lang::Zh, &e);
        assert!(
            zh.contains("/d/state.json") && zh.contains("第 3 行第 5 列"),
            "{zh}"
        );
        assert_eq!(
            store_error(Lang::En, &e),
            e.to_string(),
            "English matches the error's own text"
        );
    }

    #[test]
    fn placeholders_fill_in_order() {
        assert_eq!(
            trf(Lang::En, T::ErrUnknownId, &[&"D9"]),
            "no item with id 'D9'"
        );
        assert_eq!(
            trf(Lang::Zh, T::ErrUnknownId, &[&"D9"]),
            "没有编号为“D9”的事项"
        );
    }

    #[test]
    fn locale_picks_chinese_for_zh_and_respects_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }
}
