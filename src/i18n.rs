//! Every user-facing string, in English and Simplified Chinese, in one place.
//!
//! `texts!` takes each key with both translations, so a key cannot exist in one
//! language only; a unit test checks the placeholders agree.

use crate::model::{Category, Class, Kind, MeetingType, ModelError, Priority, Rule, Status};

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

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en),* }
            }

            pub fn zh(self) -> &'static str {
                match self { $(T::$key => $zh),* }
            }
        }
    };
}

texts! {
    // Panes and kinds.
    Logistics => "Logistics", "后勤保障";
    Documents => "Documents", "资料调阅";
    Meetings => "Meetings", "会务安排";
    Substitutes => "Substitutes", "候补任务";
    Inbox => "Inbox", "收件箱";
    // Statuses.
    Open => "open", "待办";
    InProgress => "in progress", "进行中";
    Waiting => "waiting", "等待";
    Done => "done", "完成";
    Cancelled => "cancelled", "取消";
    // Priorities.
    High => "high", "高";
    Normal => "normal", "中";
    Low => "low", "低";
    // Logistics categories.
    Lodging => "lodging", "住宿";
    Supplies => "supplies", "用品";
    Transport => "transport", "用车";
    Meals => "meals", "就餐";
    Other => "other", "其他";
    // Document rules and classes.
    RuleReturn => "return after reading", "阅后即还";
    RuleShred => "shred after reading", "阅后即碎";
    RuleArchive => "archive after reading", "阅后即存";
    Public => "public", "公开";
    Internal => "internal", "内部";
    Secret => "secret", "秘密";
    Confidential => "confidential", "机密";
    // Meeting types.
    MeetingGeneral => "meeting", "会议";
    Interview => "interview", "个别谈话";
    Hearing => "report hearing", "听取汇报";
    Visit => "field visit", "下沉调研";
    Training => "training", "培训";
    // Errors.
    ErrPrefix => "error", "错误";
    ErrEmptyTitle => "the title is empty", "标题不能为空";
    ErrEndBeforeStart => "the end ({}) is before the start ({})", "结束时间（{}）早于开始时间（{}）";
    ErrUnknownValue => "unknown {} '{}' (expected one of: {})", "未知的{}“{}”（可选：{}）";
    ErrUnknownId => "no item with id '{}'", "没有编号为“{}”的事项";
    ErrBadDate => "cannot read the date '{}' (try {})", "无法识别日期“{}”（例如：{}）";
    ErrFieldNotForKind => "{} does not apply to a {} item", "{}不适用于{}事项";
    ErrEmptyNote => "the note is empty", "记录内容为空";
    // Command line.
    Added => "added", "已新增";
    MarkedDone => "done", "已完成";
    NoteSaved => "note saved", "记录已保存";
    NoItems => "no items", "暂无事项";
    NoBackups => "no backups yet", "暂无备份";
    Restored => "restored {}; the previous state was backed up as {}", "已恢复 {}；恢复前的数据已备份为 {}";
    DemoNotEmpty => "{} already holds {} items; use --force to replace them with the sample (a backup is kept)", "{} 中已有 {} 个事项；如需以示例数据替换，请加 --force（会保留备份）";
    DemoFilled => "sample inspection written to {} ({} items)", "示例巡察数据已写入 {}（{} 个事项）";
    Written => "written to {}", "已写入 {}";
    Overdue => "overdue", "逾期";
    DueToday => "due today", "今日到期";
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: T) -> &'static str {
    match lang {
        Lang::En => key.en(),
        Lang::Zh => key.zh(),
    }
}

/// The text of `key` with each `{}` replaced by the next argument.
pub fn trf(lang: Lang, key: T, args: &[&dyn std::fmt::Display]) -> String {
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

pub fn kind(lang: Lang, k: Kind) -> &'static str {
    tr(
        lang,
        match k {
            Kind::Logistics => T::Logistics,
            Kind::Document => T::Documents,
            Kind::Meeting => T::Meetings,
            Kind::Substitute => T::Substitutes,
        },
    )
}

pub fn status(lang: Lang, s: Status) -> &'static str {
    tr(
        lang,
        match s {
            Status::Open => T::Open,
            Status::InProgress => T::InProgress,
            Status::Waiting => T::Waiting,
            Status::Done => T::Done,
            Status::Cancelled => T::Cancelled,
        },
    )
}

pub fn priority(lang: Lang, p: Priority) -> &'static str {
    tr(
        lang,
        match p {
            Priority::High => T::High,
            Priority::Normal => T::Normal,
            Priority::Low => T::Low,
        },
    )
}

pub fn category(lang: Lang, c: Category) -> &'static str {
    tr(
        lang,
        match c {
            Category::Lodging => T::Lodging,
            Category::Supplies => T::Supplies,
            Category::Transport => T::Transport,
            Category::Meals => T::Meals,
            Category::Other => T::Other,
        },
    )
}

pub fn rule(lang: Lang, r: Rule) -> &'static str {
    tr(
        lang,
        match r {
            Rule::Return => T::RuleReturn,
            Rule::Shred => T::RuleShred,
            Rule::Archive => T::RuleArchive,
        },
    )
}

pub fn class(lang: Lang, c: Class) -> &'static str {
    tr(
        lang,
        match c {
            Class::Public => T::Public,
            Class::Internal => T::Internal,
            Class::Secret => T::Secret,
            Class::Confidential => T::Confidential,
        },
    )
}

pub fn meeting_type(lang: Lang, m: MeetingType) -> &'static str {
    tr(
        lang,
        match m {
            MeetingType::Meeting => T::MeetingGeneral,
            MeetingType::Interview => T::Interview,
            MeetingType::Hearing => T::Hearing,
            MeetingType::Visit => T::Visit,
            MeetingType::Training => T::Training,
        },
    )
}

/// A model error in the user's language.
pub fn model_error(lang: Lang, e: &ModelError) -> String {
    match e {
        ModelError::EmptyTitle => tr(lang, T::ErrEmptyTitle).into(),
        ModelError::EndBeforeStart { start, end } => trf(lang, T::ErrEndBeforeStart, &[end, start]),
        ModelError::UnknownValue {
            field,
            value,
            allowed,
        } => trf(
            lang,
            T::ErrUnknownValue,
            &[&field.to_ascii_lowercase(), value, allowed],
        ),
        ModelError::UnknownId(id) => trf(lang, T::ErrUnknownId, &[id]),
        ModelError::BadDate { input, examples } => trf(lang, T::ErrBadDate, &[input, examples]),
        ModelError::FieldNotForKind { field, kind } => {
            let k = match (lang, kind.parse::<Kind>()) {
                (Lang::Zh, Ok(k)) => self::kind(lang, k),
                _ => kind.as_str(),
            };
            trf(lang, T::ErrFieldNotForKind, &[field, &k])
        }
        ModelError::Refused(msg) => msg.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_key_with_the_same_placeholders() {
        for key in T::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?} has no English");
            assert!(!key.zh().trim().is_empty(), "{key:?} has no Chinese");
            assert_eq!(
                key.en().matches("{}").count(),
                key.zh().matches("{}").count(),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn chinese_texts_are_translated() {
        // A Chinese text equal to the English one is a missed translation,
        // except where it is only placeholders and punctuation.
        for key in T::ALL {
            let zh = key.zh();
            let has_letters = zh.chars().any(|c| c.is_ascii_alphabetic());
            let has_cjk = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(has_cjk || !has_letters, "{key:?} looks untranslated: {zh}");
        }
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
