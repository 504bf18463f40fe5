//! The team roster (名单): who is on the inspection team, in what role and
//! section. A member is known by name; the name is what custody steps,
//! attendance and meeting attendees record.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Item, Kind, State};
use crate::choice;

choice!(
    /// A member's role on the team (组长、副组长、联络员、组员).
    Role { Leader = "leader", Deputy = "deputy", Liaison = "liaison", Member = "member" }
);

/// One member of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub role: Role,
    /// The section (谈话组、资料组、综合组 …), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Member {
    pub fn new(name: impl Into<String>, role: Role) -> Member {
        Member {
            name: name.into(),
            role,
            section: None,
            phone: None,
            note: None,
        }
    }
}

/// The fields an edit changes: `None` leaves one as it is, `Some("")`
/// clears an optional one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberEdit {
    pub role: Option<Role>,
    pub section: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
}

impl MemberEdit {
    pub fn is_empty(&self) -> bool {
        *self == MemberEdit::default()
    }
}

/// Why a change to the roster or to attendance was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TeamError {
    #[error("the name is empty")]
    EmptyName,
    #[error("{0} is on the roster already")]
    Duplicate(String),
    #[error("{0} is not on the roster")]
    NoSuchMember(String),
    #[error("{name} still holds {}", ids.join(", "))]
    Holds { name: String, ids: Vec<String> },
    #[error("nothing to change")]
    NothingToChange,
    #[error("the return time is before the time recorded")]
    UntilBeforeNow,
    #[error("a recurring item needs a due or start time")]
    EveryNeedsTime,
    #[error("{0} recurs: this one or all coming?")]
    WhichOccurrences(String),
}

/// `None` for empty text, else the trimmed text.
fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The documents (and copies) lent to `name` now, in register order.
pub fn held_by<'a>(state: &'a State, name: &str) -> Vec<&'a Item> {
    state
        .items
        .iter()
        .filter(|i| i.kind == Kind::Document)
        .filter(|i| super::custody::holder(i).is_some_and(|h| h.trim() == name))
        .collect()
}

impl State {
    /// The member called `name` (trimmed), if on the roster.
    pub fn member(&self, name: &str) -> Option<&Member> {
        let name = name.trim();
        self.members.iter().find(|m| m.name == name)
    }

    fn member_at(&self, name: &str) -> Result<usize, TeamError> {
        let name = name.trim();
        self.members
            .iter()
            .position(|m| m.name == name)
            .ok_or_else(|| TeamError::NoSuchMember(name.to_string()))
    }

    /// Puts a member on the roster; a name already there is refused.
    pub fn add_member(&mut self, mut m: Member) -> Result<(), TeamError> {
        m.name = m.name.trim().to_string();
        if m.name.is_empty() {
            return Err(TeamError::EmptyName);
        }
        if self.member(&m.name).is_some() {
            return Err(TeamError::Duplicate(m.name));
        }
        m.section = text(m.section);
        m.phone = text(m.phone);
        m.note = text(m.note);
        self.members.push(m);
        Ok(())
    }

    /// Changes the fields `edit` gives; returns the member as it was.
    pub fn edit_member(&mut self, name: &str, edit: MemberEdit) -> Result<Member, TeamError> {
        let at = self.member_at(name)?;
        if edit.is_empty() {
            return Err(TeamError::NothingToChange);
        }
        let before = self.members[at].clone();
        let m = &mut self.members[at];
        if let Some(r) = edit.role {
            m.role = r;
        }
        if edit.section.is_some() {
            m.section = text(edit.section);
        }
        if edit.phone.is_some() {
            m.phone = text(edit.phone);
        }
        if edit.note.is_some() {
            m.note = text(edit.note);
        }
        Ok(before)
    }

    /// Takes a member off the roster (the journal keeps them). Refused
    /// while they hold a document, naming each one.
    pub fn remove_member(&mut self, name: &str) -> Result<Member, TeamError> {
        let at = self.member_at(name)?;
        let held: Vec<String> = held_by(self, &self.members[at].name)
            .iter()
            .map(|i| i.id.clone())
            .collect();
        if !held.is_empty() {
            return Err(TeamError::Holds {
                name: self.members[at].name.clone(),
                ids: held,
            });
        }
        Ok(self.members.remove(at))
    }

    /// The names on the roster, leader first, in roster order within a role.
    pub fn roster(&self) -> Vec<&Member> {
        let mut out: Vec<&Member> = self.members.iter().collect();
        out.sort_by_key(|m| m.role);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::custody::{Step, StepKind};
    use crate::model::{Item, Time};

    fn now() -> Time {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap()
    }

    #[test]
    fn a_name_is_on_the_roster_once_and_never_empty() {
        let mut s = State::default();
        s.add_member(Member::new(" 张三 ", Role::Member)).unwrap();
        assert_eq!(s.members[0].name, "张三");
        assert_eq!(
            s.add_member(Member::new("张三", Role::Leader)),
            Err(TeamError::Duplicate("张三".into()))
        );
        assert_eq!(
            s.add_member(Member::new("  ", Role::Member)),
            Err(TeamError::EmptyName)
        );
        assert_eq!(s.members.len(), 1);
    }

    #[test]
    fn an_edit_changes_only_what_it_gives_and_empty_text_clears() {
        let mut s = State::default();
        let mut m = Member::new("李四", Role::Member);
        m.section = Some("资料组".into());
        m.phone = Some("139".into());
        s.add_member(m).unwrap();
        let edit = MemberEdit {
            role: Some(Role::Deputy),
            phone: Some(String::new()),
            ..MemberEdit::default()
        };
        s.edit_member("李四", edit).unwrap();
        let m = s.member("李四").unwrap();
        assert_eq!(
            (m.role, m.section.as_deref(), m.phone.as_deref()),
            (Role::Deputy, Some("资料组"), None)
        );
        assert_eq!(
            s.edit_member("李四", MemberEdit::default()),
            Err(TeamError::NothingToChange)
        );
        assert!(matches!(
            s.edit_member("王五", MemberEdit::default()),
            Err(TeamError::NoSuchMember(_))
        ));
    }

    #[test]
    fn a_member_holding_a_document_cannot_be_removed() {
        let mut s = State::default();
        s.add_member(Member::new("张三", Role::Member)).unwrap();
        let d = s.add(Item::new(Kind::Document, "会计凭证", now())).unwrap();
        s.custody(&d, Step::new(StepKind::Receive), now()).unwrap();
        s.custody(&d, Step::new(StepKind::Lend).person("张三"), now())
            .unwrap();
        assert_eq!(
            s.remove_member("张三"),
            Err(TeamError::Holds {
                name: "张三".into(),
                ids: vec![d.clone()]
            })
        );
        s.custody(&d, Step::new(StepKind::Back), now()).unwrap();
        assert_eq!(s.remove_member("张三").unwrap().name, "张三");
        assert!(s.members.is_empty());
    }

    #[test]
    fn the_roster_lists_the_leader_first() {
        let mut s = State::default();
        s.add_member(Member::new("张三", Role::Member)).unwrap();
        s.add_member(Member::new("王组长", Role::Leader)).unwrap();
        s.add_member(Member::new("刘联络", Role::Liaison)).unwrap();
        let names: Vec<&str> = s.roster().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["王组长", "刘联络", "张三"]);
    }
}
