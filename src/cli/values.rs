//! Values typed on the command line: a kind, a priority, a rule… by its
//! stable name (`meeting`) or by its name in either language (`会议`,
//! `会务安排`), so a Chinese user never has to type English.

use crate::i18n::{self, Lang};
use crate::model::Kind;

pub use crate::model::field::{Named, parse};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Class, MeetingType, ModelError, Priority, Rule};

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
