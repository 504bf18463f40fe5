//! Closed values by their stable name (`meeting`) or by their name in
//! either language (`会议`, `阅后即碎`), so a Chinese user never has to
//! type English: the command line, the form and the field table read them
//! alike.

use std::str::FromStr;

use crate::i18n::{self, Lang};
use crate::model::{Category, Class, MeetingType, ModelError, Priority, Rule, Status};

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

impl Named for Status {
    fn all() -> &'static [Self] {
        Status::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::status(lang, self)
    }
}
