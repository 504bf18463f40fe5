//! Completion from the roster wherever a person is asked for — the form's
//! attendees, contact and substitute section, and the custody step's
//! borrower, witness, approver and recorder. `Tab` fills in the first name
//! that starts with what is typed (and moves on when nothing does); the
//! names that fit show under the field. Free text is always kept.

use super::form::FieldKey;
use super::{App, Ask, Overlay, Prompt};
use crate::model::State;
use crate::model::custody::Field;

/// What a field completes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pool {
    /// Member names; `list`: several, separated by commas or 、.
    Names { list: bool },
    /// The sections members belong to.
    Sections,
}

pub fn of_form(key: FieldKey) -> Option<Pool> {
    match key {
        FieldKey::With => Some(Pool::Names { list: true }),
        FieldKey::Contact => Some(Pool::Names { list: false }),
        FieldKey::Section => Some(Pool::Sections),
        _ => None,
    }
}

pub fn of_step(field: Field) -> Option<Pool> {
    match field {
        Field::Person | Field::Witness | Field::ApprovedBy | Field::By => {
            Some(Pool::Names { list: false })
        }
        _ => None,
    }
}

/// The text before the name being typed, and that name.
fn split(text: &str, pool: Pool) -> (&str, &str) {
    if let Pool::Names { list: true } = pool
        && let Some(at) = text.rfind([',', '，', '、'])
    {
        let sep = text[at..].chars().next().map(char::len_utf8).unwrap_or(1);
        return (&text[..at + sep], &text[at + sep..]);
    }
    ("", text)
}

/// The roster's entries that start with what is being typed (none when
/// nothing is, or it is a whole entry already), in roster order.
pub fn candidates(state: &State, pool: Pool, text: &str) -> Vec<String> {
    let typed = split(text, pool).1.trim();
    if typed.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<String> = match pool {
        Pool::Names { .. } => state.roster().iter().map(|m| m.name.clone()).collect(),
        Pool::Sections => state
            .roster()
            .iter()
            .filter_map(|m| m.section.clone())
            .collect(),
    };
    let mut seen = std::collections::HashSet::new();
    all.retain(|e| seen.insert(e.clone()));
    if all.iter().any(|e| e == typed) {
        return Vec::new();
    }
    all.into_iter().filter(|e| e.starts_with(typed)).collect()
}

/// `text` with the name being typed completed to the first candidate.
pub fn complete(state: &State, pool: Pool, text: &str) -> Option<String> {
    let first = candidates(state, pool, text).into_iter().next()?;
    Some(format!("{}{first}", split(text, pool).0.trim_end()))
}

/// `Tab` in a form or a custody step box: completes the focused field if
/// the roster has a name for it; false when there is nothing to complete.
pub(super) fn tab(app: &mut App) -> bool {
    let state = &app.snap.state;
    match &mut app.overlay {
        Overlay::Form(form) => {
            let f = form.focused_mut();
            let Some(pool) = of_form(f.key) else {
                return false;
            };
            let super::form::Value::Text(input) = &mut f.value else {
                return false;
            };
            match complete(state, pool, input.value()) {
                Some(done) => {
                    *input = tui_input::Input::new(done);
                    true
                }
                None => false,
            }
        }
        Overlay::Prompt(Prompt {
            ask: Ask::Step { fields, at, .. },
            input,
            ..
        }) => {
            let Some(pool) = of_step(fields[*at]) else {
                return false;
            };
            match complete(state, pool, input.value()) {
                Some(done) => {
                    *input = tui_input::Input::new(done);
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Member, Role};

    fn team() -> State {
        let mut s = State::default();
        for (n, sec) in [
            ("王组长", "综合组"),
            ("张三", "谈话组"),
            ("张四", "谈话组"),
            ("李四", "资料组"),
        ] {
            let mut m = Member::new(n, Role::Member);
            m.section = Some(sec.into());
            s.add_member(m).unwrap();
        }
        s
    }

    #[test]
    fn a_name_completes_from_its_start_and_a_whole_name_is_left_alone() {
        let s = team();
        let names = Pool::Names { list: false };
        assert_eq!(candidates(&s, names, "张"), ["张三", "张四"]);
        assert_eq!(complete(&s, names, "张").as_deref(), Some("张三"));
        assert_eq!(complete(&s, names, "张三"), None);
        assert_eq!(complete(&s, names, "赵"), None);
        assert_eq!(complete(&s, names, ""), None);
    }

    #[test]
    fn a_list_completes_its_last_name_and_sections_complete_once_each() {
        let s = team();
        let list = Pool::Names { list: true };
        assert_eq!(
            complete(&s, list, "王组长、李").as_deref(),
            Some("王组长、李四")
        );
        assert_eq!(
            complete(&s, list, "张三, 王").as_deref(),
            Some("张三,王组长")
        );
        assert_eq!(candidates(&s, Pool::Sections, "谈"), ["谈话组"]);
    }
}
