//! Values typed on the command line: a kind, a priority, a rule… by its
//! stable name (`meeting`) or by its name in either language (`会议`,
//! `会务安排`), so a Chinese user never has to type English.

use std::str::FromStr;

use crate::i18n::{self, Lang};
use crate::model::{Category, Class, Kind, MeetingType, ModelError, Priority, Rule};

/// A closed set of values with names in both languages.
pub trait Named: Copy + FromStr<Err = ModelError> + 'static {
    fn all() -> &'static [Self];
    fn label(self, lang: Lang) -> &'static str;
    /// Other names a user types for it (short forms).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
}

/// `s` as a value of `C`: its stable name, its label in either language or
/// an alias, ignoring case and surrounding space. The error is the model's
/// (it names what was typed and what is allowed).
pub fn parse<C: Named>(s: &str) -> Result<C, ModelError> {
    s.parse::<C>().or_else(|e| {
        let t = s.trim();
        C::all()
            .iter()
            .copied()
            .find(|v| {
                [Lang::En, Lang::Zh]
                    .iter()
                    .any(|&l| v.label(l).eq_ignore_ascii_case(t))
                    || v.aliases().contains(&t)
            })
            .ok_or(e)
    })
}

impl Named for Kind {
    fn all() -> &'static [Self] {
        Kind::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::kind(lang, self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Kind::Logistics => &["后勤"],
            Kind::Document => &["资料", "文件"],
            Kind::Meeting => &["会议", "会务"],
            Kind::Substitute => &["候补"],
        }
    }
}

impl Named for Priority {
    fn all() -> &'static [Self] {
        Priority::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::priority(lang, self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Priority::High => &["高优先级", "急"],
            Priority::Normal => &["普通"],
            Priority::Low => &["低优先级"],
        }
    }
}

impl Named for Category {
    fn all() -> &'static [Self] {
        Category::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::category(lang, self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Category::Lodging => &["住"],
            Category::Supplies => &["用"],
            Category::Transport => &["行", "车辆"],
            Category::Meals => &["食", "餐"],
            Category::Other => &[],
        }
    }
}

impl Named for Rule {
    fn all() -> &'static [Self] {
        Rule::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::rule(lang, self)
    }
}

impl Named for Class {
    fn all() -> &'static [Self] {
        Class::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::class(lang, self)
    }
}

impl Named for MeetingType {
    fn all() -> &'static [Self] {
        MeetingType::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::meeting_type(lang, self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            MeetingType::Interview => &["谈话"],
            MeetingType::Hearing => &["汇报"],
            MeetingType::Visit => &["调研"],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_by_their_names_in_both_languages() {
        for (typed, kind) in [
            ("meeting", Kind::Meeting),
            ("Meeting", Kind::Meeting),
            ("会议", Kind::Meeting),
            ("会务安排", Kind::Meeting),
            ("资料", Kind::Document),
            ("后勤", Kind::Logistics),
            ("后勤保障", Kind::Logistics),
            ("候补", Kind::Substitute),
            (" Substitutes ", Kind::Substitute),
        ] {
            assert_eq!(parse::<Kind>(typed), Ok(kind), "{typed}");
        }
    }

    #[test]
    fn an_unknown_name_is_the_models_error() {
        assert!(matches!(
            parse::<Kind>("会餐"),
            Err(ModelError::UnknownValue { field: "Kind", .. })
        ));
        assert!(matches!(
            parse::<MeetingType>("party"),
            Err(ModelError::UnknownValue {
                field: "MeetingType",
                ..
            })
        ));
    }

    #[test]
    fn other_values_take_their_chinese_labels() {
        assert_eq!(parse::<Priority>("高"), Ok(Priority::High));
        assert_eq!(parse::<Rule>("阅后即碎"), Ok(Rule::Shred));
        assert_eq!(parse::<Class>("机密"), Ok(Class::Confidential));
        assert_eq!(parse::<Category>("用车"), Ok(Category::Transport));
        assert_eq!(parse::<MeetingType>("个别谈话"), Ok(MeetingType::Interview));
    }
}
