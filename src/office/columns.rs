//! What an imported column means and how its values read: headers in either
//! language with the synonyms the units use, and values in either language
//! (`秘密` / `secret`, `阅后即碎` / `shred`).

use crate::i18n::{self, Lang};
use crate::model::field::{FIELDS, FieldKey, Value};
use crate::model::{Category, Class, Kind, MeetingType, Priority, Rule};

/// A field an imported column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    From,
    Class,
    Rule,
    Due,
    Note,
    Contact,
    Priority,
    /// `类别`: a logistics category or a meeting's type, by the kind.
    Sort,
    Category,
    Type,
    Place,
    Start,
    End,
    With,
    Section,
    /// Another field of the table, found by its name or its label in
    /// either language (a text, names or a time).
    Other(FieldKey),
}

/// Header words, compared without case, spaces or a trailing `*`.
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Title,
        &[
            "title",
            "name",
            "document",
            "task",
            "资料名称",
            "名称",
            "材料名称",
            "文件名称",
            "资料名称及编号",
            "资料",
            "事项",
            "任务",
            "标题",
            "会议名称",
            "内容",
        ],
    ),
    (
        Field::From,
        &[
            "from",
            "source",
            "sourceunit",
            "unit",
            "提供单位",
            "来源",
            "部门",
            "提供部门",
            "来源单位",
            "责任部门",
        ],
    ),
    (Field::Class, &["class", "classification", "密级"]),
    (
        Field::Rule,
        &[
            "rule",
            "afterreading",
            "disposal",
            "处置方式",
            "阅后",
            "阅后处置",
            "处置",
        ],
    ),
    (
        Field::Due,
        &[
            "due",
            "deadline",
            "duedate",
            "要求时间",
            "期限",
            "截止时间",
            "要求提供时间",
            "提供时间",
        ],
    ),
    (
        Field::Note,
        &["note", "notes", "remark", "remarks", "备注", "说明"],
    ),
    (Field::Contact, &["contact", "联系人", "经办人"]),
    (Field::Priority, &["priority", "优先级"]),
    (Field::Sort, &["类别", "类型"]),
    (Field::Category, &["category"]),
    (Field::Type, &["type", "会议类型"]),
    (
        Field::Place,
        &["place", "where", "location", "地点", "会场"],
    ),
    (
        Field::Start,
        &["start", "begins", "开始", "开始时间", "时间"],
    ),
    (Field::End, &["end", "ends", "结束", "结束时间"]),
    (
        Field::With,
        &[
            "with",
            "attendees",
            "参加人员",
            "参会人员",
            "出席人员",
            "人员",
        ],
    ),
    (
        Field::Section,
        &["for", "section", "版块", "工作组", "组别"],
    ),
];

fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any (`序号`, `份数` and the like name none):
/// the units' words first, then any form field's name or label in either
/// language whose value is text, names or a time (a closed value is read
/// only where the units' words for it are known).
pub fn field(header: &str) -> Option<Field> {
    let h = normal(header);
    HEADERS
        .iter()
        .find(|(_, words)| words.iter().any(|w| normal(w) == h))
        .map(|(f, _)| *f)
        .or_else(|| {
            FIELDS
                .iter()
                .filter(|f| !f.form.is_empty())
                .filter(|f| matches!(f.value, Value::Text | Value::Names | Value::Time(_)))
                .find(|f| {
                    [
                        normal(f.name),
                        normal((f.label)(Lang::En)),
                        normal((f.label)(Lang::Zh)),
                    ]
                    .contains(&h)
                })
                .map(
                    |f| match HEADERS.iter().find(|(c, _)| c.key() == Some(f.key)) {
                        Some((column, _)) => *column,
                        None => Field::Other(f.key),
                    },
                )
        })
}

impl Field {
    /// The item field a column fills, in the field table; none for notes
    /// (added as notes) and `类别` (a category or a type by the kind).
    pub fn key(self) -> Option<FieldKey> {
        use Field::*;
        Some(match self {
            Title => FieldKey::Title,
            From => FieldKey::From,
            Class => FieldKey::Class,
            Rule => FieldKey::Rule,
            Due => FieldKey::Due,
            Contact => FieldKey::Contact,
            Priority => FieldKey::Priority,
            Category => FieldKey::Category,
            Type => FieldKey::Type,
            Place => FieldKey::Place,
            Start => FieldKey::Start,
            End => FieldKey::End,
            With => FieldKey::With,
            Section => FieldKey::Section,
            Other(key) => key,
            Note | Sort => return None,
        })
    }
}

/// The field `f` stands for in an item of `kind`, or none if it has no
/// place there (the field table says which kinds have which field).
pub fn for_kind(f: Field, kind: Kind) -> Option<Field> {
    use Field::*;
    let f = match (f, kind) {
        (Sort, Kind::Logistics) => Category,
        (Sort, Kind::Meeting) => Type,
        (Sort, _) => return None,
        (f, _) => f,
    };
    let fits = match f.key() {
        Some(key) => key.field().kinds.contains(&kind),
        None => f == Note,
    };
    fits.then_some(f)
}

/// `text` as a value of a closed set: its wire name or its name in either
/// language (or one of `extra`'s words).
fn choose<V: Copy>(
    text: &str,
    all: &[V],
    wire: impl Fn(V) -> &'static str,
    names: &[&dyn Fn(Lang, V) -> &'static str],
    extra: &[(&str, V)],
) -> Option<V> {
    let t = normal(text);
    all.iter()
        .copied()
        .find(|v| {
            normal(wire(*v)) == t
                || names
                    .iter()
                    .any(|n| [Lang::En, Lang::Zh].iter().any(|l| normal(n(*l, *v)) == t))
        })
        .or_else(|| extra.iter().find(|(w, _)| normal(w) == t).map(|(_, v)| *v))
}

pub fn class(text: &str) -> Option<Class> {
    choose(
        text,
        Class::ALL,
        Class::as_str,
        &[&i18n::class],
        &[("非密", Class::Internal)],
    )
}

pub fn rule(text: &str) -> Option<Rule> {
    let extra = [
        ("退还", Rule::Return),
        ("归还", Rule::Return),
        ("阅后归还", Rule::Return),
        ("销毁", Rule::Shred),
        ("阅后销毁", Rule::Shred),
        ("归档", Rule::Archive),
        ("存档", Rule::Archive),
        ("阅后归档", Rule::Archive),
    ];
    choose(
        text,
        Rule::ALL,
        Rule::as_str,
        &[&i18n::rule, &i18n::rule_short],
        &extra,
    )
}

pub fn priority(text: &str) -> Option<Priority> {
    let extra = [("紧急", Priority::High), ("一般", Priority::Normal)];
    choose(
        text,
        Priority::ALL,
        Priority::as_str,
        &[&i18n::priority],
        &extra,
    )
}

pub fn category(text: &str) -> Option<Category> {
    choose(
        text,
        Category::ALL,
        Category::as_str,
        &[&i18n::category],
        &[],
    )
}

pub fn meeting_type(text: &str) -> Option<MeetingType> {
    choose(
        text,
        MeetingType::ALL,
        MeetingType::as_str,
        &[&i18n::meeting_type, &i18n::meeting_short],
        &[],
    )
}

/// The allowed values of a closed field, in `lang`, for a refusal.
pub fn allowed(f: Field, lang: Lang) -> String {
    let names: Vec<&str> = match f {
        Field::Class => Class::ALL.iter().map(|v| i18n::class(lang, *v)).collect(),
        Field::Rule => Rule::ALL.iter().map(|v| i18n::rule(lang, *v)).collect(),
        Field::Priority => Priority::ALL
            .iter()
            .map(|v| i18n::priority(lang, *v))
            .collect(),
        Field::Category => Category::ALL
            .iter()
            .map(|v| i18n::category(lang, *v))
            .collect(),
        Field::Type => MeetingType::ALL
            .iter()
            .map(|v| i18n::meeting_type(lang, *v))
            .collect(),
        _ => Vec::new(),
    };
    i18n::join(lang, &names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_either_language_with_the_units_synonyms() {
        for h in ["资料名称", "名称", "材料名称", "Title", " title* "] {
            assert_eq!(field(h), Some(Field::Title), "{h}");
        }
        for h in ["提供单位", "来源", "部门", "Source unit"] {
            assert_eq!(field(h), Some(Field::From), "{h}");
        }
        assert_eq!(field("处置方式"), Some(Field::Rule));
        assert_eq!(field("阅后"), Some(Field::Rule));
        assert_eq!(field("要求时间"), Some(Field::Due));
        assert_eq!(field("期限"), Some(Field::Due));
        assert_eq!(field("备注"), Some(Field::Note));
        assert_eq!(field("序号"), None);
        assert_eq!(field("份数"), None);
    }

    #[test]
    fn values_read_in_either_language() {
        assert_eq!(class("秘密"), Some(Class::Secret));
        assert_eq!(class("Secret"), Some(Class::Secret));
        assert_eq!(class("机密"), Some(Class::Confidential));
        assert_eq!(rule("阅后即碎"), Some(Rule::Shred));
        assert_eq!(rule("shred"), Some(Rule::Shred));
        assert_eq!(rule("shred after reading"), Some(Rule::Shred));
        assert_eq!(rule("阅后即存"), Some(Rule::Archive));
        assert_eq!(rule("退还"), Some(Rule::Return));
        assert_eq!(meeting_type("个别谈话"), Some(MeetingType::Interview));
        assert_eq!(
            category("交通出行").or(category("transport")),
            Some(Category::Transport)
        );
        assert_eq!(class("绝密"), None);
    }

    #[test]
    fn a_sort_column_is_a_category_or_a_type_by_kind() {
        assert_eq!(
            for_kind(Field::Sort, Kind::Logistics),
            Some(Field::Category)
        );
        assert_eq!(for_kind(Field::Sort, Kind::Meeting), Some(Field::Type));
        assert_eq!(for_kind(Field::Sort, Kind::Document), None);
        assert_eq!(for_kind(Field::Class, Kind::Meeting), None);
    }

    #[test]
    fn a_header_may_be_a_fields_label_in_either_language() {
        assert_eq!(field("截止"), Some(Field::Due));
        assert_eq!(field("补位版块"), Some(Field::Section));
        assert_eq!(field("For section"), Some(Field::Section));
        assert_eq!(field("From unit"), Some(Field::From));
        // A closed value's label is not enough: its words are the units'.
        assert_eq!(field("状态"), None);
        assert_eq!(field("份数"), None);
    }
}
