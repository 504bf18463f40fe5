//! The optional config file (`config.toml` in the user's config directory, or
//! `LIAISON_CONFIG`). A missing file means defaults; a broken one is an error
//! that names the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use chrono::NaiveTime;

use crate::i18n::Lang;
use crate::model::when::{DateOrder, Settings};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `en` or `zh`; the command line's `--lang` wins over it.
    pub lang: Option<Lang>,
    /// The inspection's name for the header; else the one in the data.
    pub inspection: Option<String>,
    /// Draw borders with ASCII, for terminals that draw box characters double-width.
    pub ascii_borders: bool,
    /// Minutes without a key before the privacy screen comes up; 0 = never.
    pub idle_lock_minutes: u32,
    /// How a date of numbers only reads: `ymd`, `mdy` or `dmy` (default:
    /// `ymd` in Chinese, `mdy` in English).
    pub date_order: Option<DateOrder>,
    /// When the working day starts (`上班`), `HH:MM`; default 08:30.
    #[serde(deserialize_with = "hh_mm")]
    pub workday_start: Option<NaiveTime>,
    /// When it ends (`下班`), `HH:MM`; default 17:30.
    #[serde(deserialize_with = "hh_mm")]
    pub workday_end: Option<NaiveTime>,
    /// The user's name: who records a custody step unless told otherwise.
    pub me: Option<String>,
    /// How long a loan lasts when no due-back time is given.
    pub loan_hours: u32,
    /// Days a document may stay with the liaison before it awaits disposal.
    pub disposal_days: u32,
    /// Minutes before a meeting its reminder shows; 0 = none.
    pub remind_minutes: u32,
    /// Also send a reminder as a desktop notification (`notify-send`).
    pub desktop_notify: bool,
    /// `[keys.MODE]` tables: action name → key, merged over the defaults.
    pub keys: crate::input::keys::KeyTables,
    /// The keymap in force: the defaults with `keys` merged over them.
    #[serde(skip)]
    pub keymap: crate::input::keys::Keymap,
    /// Colours on screen: off when `NO_COLOR` is set (read once, at load).
    #[serde(skip)]
    pub color: bool,
}

fn hh_mm<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    let s = String::deserialize(d)?;
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("'{s}' is not a time of day as HH:MM")))
}

impl Config {
    /// How dates are read, for `lang` when the file names no order.
    pub fn date_settings(&self, lang: Lang) -> Settings {
        let default = Settings::default();
        Settings {
            order: self.date_order.unwrap_or(crate::i18n::date_order(lang)),
            work_start: self.workday_start.unwrap_or(default.work_start),
            work_end: self.workday_end.unwrap_or(default.work_end),
        }
    }

    /// The limits behind the custody alerts.
    pub fn limits(&self) -> crate::model::triage::Limits {
        crate::model::triage::Limits {
            loan: chrono::Duration::hours(i64::from(self.loan_hours)),
            disposal: chrono::Duration::days(i64::from(self.disposal_days)),
        }
    }

    /// Who records a step: `me`, when it is set.
    pub fn me(&self) -> Option<String> {
        self.me
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            inspection: None,
            ascii_borders: false,
            idle_lock_minutes: 10,
            date_order: None,
            workday_start: None,
            workday_end: None,
            me: None,
            loan_hours: crate::model::custody::LOAN_HOURS,
            disposal_days: 3,
            remind_minutes: 15,
            desktop_notify: false,
            keys: Default::default(),
            keymap: Default::default(),
            color: true,
        }
    }
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LIAISON_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "liaison").map(|d| d.config_dir().join("config.toml"))
}

/// Why the config file was refused: said in the user's language by
/// `i18n::config_error`; in English by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The file system said no.
    Unreadable {
        path: PathBuf,
        kind: std::io::ErrorKind,
        code: Option<i32>,
    },
    /// Not TOML, or a value of the wrong kind, at `line` (1-based).
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A `[keys.MODE]` entry refused.
    /// The file's `lang` is kept to say it in.
    Keys {
        path: PathBuf,
        error: Box<crate::input::keys::KeyError>,
        lang: Option<Lang>,
    },
    /// `workday_start` is not before `workday_end`.
    Workday { path: PathBuf, lang: Option<Lang> },
}

impl ConfigError {
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Unreadable { path, .. }
            | ConfigError::Syntax { path, .. }
            | ConfigError::Keys { path, .. }
            | ConfigError::Workday { path, .. } => path,
        }
    }

    /// The language the file asks for, when it could be read that far.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            ConfigError::Keys { lang, .. } | ConfigError::Workday { lang, .. } => *lang,
            _ => None,
        }
    }

    /// The file system's answer, for `Unreadable`.
    pub fn io_error(&self) -> Option<std::io::Error> {
        match self {
            ConfigError::Unreadable {
                code: Some(code), ..
            } => Some(std::io::Error::from_raw_os_error(*code)),
            ConfigError::Unreadable { kind, .. } => Some((*kind).into()),
            _ => None,
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::config_error(Lang::En, self))
    }
}

/// Reads the config at `path`; absent means defaults.
pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    read(path).map(|c| Config { color, ..c })
}

fn read(path: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let path_buf = || path.to_path_buf();
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let mut c: Config = toml::from_str(&text).map_err(|e| ConfigError::Syntax {
                path: path_buf(),
                line: e.span().map_or(0, |s| {
                    text[..s.start.min(text.len())].lines().count().max(1)
                }),
                message: e.message().to_string(),
            })?;
            c.keymap = crate::input::keys::Keymap::with(&c.keys, &text).map_err(|error| {
                ConfigError::Keys {
                    path: path_buf(),
                    error: Box::new(error),
                    lang: c.lang,
                }
            })?;
            let day = c.date_settings(Lang::En);
            if day.work_start >= day.work_end {
                return Err(ConfigError::Workday {
                    path: path_buf(),
                    lang: c.lang,
                });
            }
            Ok(c)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(ConfigError::Unreadable {
            path: path_buf(),
            kind: e.kind(),
            code: e.raw_os_error(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(Some(&dir.path().join("none.toml"))),
            Ok(Config::default())
        );
    }

    #[test]
    fn reads_every_setting() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(
            &p,
            "lang = \"zh\"\ninspection = \"某集团巡察\"\nascii_borders = true\n",
        )
        .unwrap();
        let c = load(Some(&p)).unwrap();
        assert_eq!(c.lang, Some(Lang::Zh));
        assert_eq!(c.inspection.as_deref(), Some("某集团巡察"));
        assert!(c.ascii_borders);
        assert_eq!(c.idle_lock_minutes, 10, "the default when not set");
        std::fs::write(&p, "idle_lock_minutes = 0\n").unwrap();
        assert_eq!(load(Some(&p)).unwrap().idle_lock_minutes, 0);
        let c = load(Some(&p)).unwrap();
        assert_eq!((c.me(), c.loan_hours, c.disposal_days), (None, 24, 3));
        std::fs::write(
            &p,
            "me = \"联络员小王\"\nloan_hours = 4\ndisposal_days = 5\n",
        )
        .unwrap();
        let c = load(Some(&p)).unwrap();
        assert_eq!(c.me().as_deref(), Some("联络员小王"));
        assert_eq!(c.limits().loan, chrono::Duration::hours(4));
        assert_eq!(c.limits().disposal, chrono::Duration::days(5));
    }

    #[test]
    fn reads_the_date_settings_and_refuses_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        let c = load(Some(&p)).unwrap();
        assert_eq!(c.date_settings(Lang::Zh).order, DateOrder::Ymd);
        assert_eq!(c.date_settings(Lang::En).order, DateOrder::Mdy);
        assert_eq!(
            c.date_settings(Lang::En).work_end,
            Settings::default().work_end
        );
        std::fs::write(
            &p,
            "date_order = \"dmy\"\nworkday_start = \"09:00\"\nworkday_end = \"18:00\"\n",
        )
        .unwrap();
        let s = load(Some(&p)).unwrap().date_settings(Lang::Zh);
        assert_eq!(s.order, DateOrder::Dmy);
        assert_eq!(s.work_start, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        assert_eq!(s.work_end, NaiveTime::from_hms_opt(18, 0, 0).unwrap());
        for bad in [
            "date_order = \"ydm\"\n",
            "workday_end = \"25:00\"\n",
            "workday_start = \"18:00\"\nworkday_end = \"09:00\"\n",
        ] {
            std::fs::write(&p, bad).unwrap();
            let err = load(Some(&p)).unwrap_err().to_string();
            assert!(err.contains("c.toml"), "{bad}: {err}");
        }
    }

    #[test]
    fn broken_file_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "lang = \"fr\"\n").unwrap();
        let err = load(Some(&p)).unwrap_err();
        assert!(err.to_string().contains("c.toml"), "{err}");
        assert!(
            matches!(err, ConfigError::Syntax { line: 1, .. }),
            "{err:?}"
        );
        std::fs::write(&p, "ascii_borders = true\n\nlang = [").unwrap();
        let err = load(Some(&p)).unwrap_err();
        assert!(
            matches!(err, ConfigError::Syntax { line: 3, .. }),
            "{err:?}"
        );
        // In Chinese: the file and the line, and no English word.
        let zh = crate::i18n::config_error(Lang::Zh, &err);
        assert!(zh.contains("c.toml") && zh.contains("第 3 行"), "{zh}");
        let rest = zh.replace(&p.display().to_string(), "");
        assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
    }
}
