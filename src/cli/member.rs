//! `liaison member add|list|edit|remove`: the team roster.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::values::{Named, parse};
use super::{CliError, Ctx};
use crate::i18n::{self, Lang, M, tr, trf};
use crate::model::attendance::{self, Whereabouts};
use crate::model::roster::{MemberEdit, held_by};
use crate::model::{Member, Role, State, Time};
use crate::text::{fit, one_line, width};

impl Named for Role {
    fn all() -> &'static [Self] {
        Role::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::team::role(lang, self)
    }
}

#[derive(Debug, Args)]
pub struct MemberArgs {
    #[command(subcommand)]
    pub action: MemberAction,
}

#[derive(Debug, Subcommand)]
pub enum MemberAction {
    /// Put a member on the roster.
    Add {
        /// The member's name.
        name: String,
        /// leader, deputy, liaison or member (组长、副组长、联络员、组员).
        #[arg(long, value_name = "ROLE", default_value = "member")]
        role: String,
        /// The section (谈话组、资料组 …).
        #[arg(long, value_name = "S")]
        section: Option<String>,
        #[arg(long, value_name = "PHONE")]
        phone: Option<String>,
        #[arg(long, value_name = "NOTE")]
        note: Option<String>,
    },
    /// List the roster with today's whereabouts and what each holds.
    List {
        /// As a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Change a member's role, section, phone or note (`""` clears one).
    Edit {
        name: String,
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        #[arg(long, value_name = "S")]
        section: Option<String>,
        #[arg(long, value_name = "PHONE")]
        phone: Option<String>,
        #[arg(long, value_name = "NOTE")]
        note: Option<String>,
    },
    /// Take a member off the roster (refused while they hold a document).
    Remove { name: String },
}

impl MemberAction {
    pub fn reads_only(&self) -> bool {
        matches!(self, MemberAction::List { .. })
    }
}

pub fn run(ctx: &Ctx, args: &MemberArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    match &args.action {
        MemberAction::Add {
            name,
            role,
            section,
            phone,
            note,
        } => {
            let role: Role = parse(role).map_err(|e| ctx.model_err(&e))?;
            let m = Member {
                name: name.clone(),
                role,
                section: section.clone(),
                phone: phone.clone(),
                note: note.clone(),
            };
            let name = ctx.change(|s| {
                let name = m.name.trim().to_string();
                s.add_member(m)?;
                Ok(name)
            })?;
            say!(
                "{}",
                trf(
                    lang,
                    M::MemberAdded,
                    &[&name, &i18n::team::role(lang, role)]
                )
            );
            Ok(())
        }
        MemberAction::Edit {
            name,
            role,
            section,
            phone,
            note,
        } => {
            let edit = MemberEdit {
                role: role
                    .as_deref()
                    .map(parse)
                    .transpose()
                    .map_err(|e| ctx.model_err(&e))?,
                section: section.clone(),
                phone: phone.clone(),
                note: note.clone(),
            };
            ctx.change(|s| Ok(s.edit_member(name, edit)?))?;
            say!("{}", trf(lang, M::MemberChanged, &[&name.trim()]));
            Ok(())
        }
        MemberAction::Remove { name } => {
            let gone = ctx.change(|s| Ok(s.remove_member(name)?))?;
            say!("{}", trf(lang, M::MemberRemoved, &[&gone.name]));
            Ok(())
        }
        MemberAction::List { json } => {
            let snap = ctx.load()?;
            let now = ctx.now();
            if *json {
                let list: Vec<Value> = snap
                    .state
                    .roster()
                    .into_iter()
                    .map(|m| member_json(&snap.state, m, now))
                    .collect();
                let bytes = serde_json::to_vec_pretty(&list)
                    .map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
                return super::write_json(ctx, None, bytes);
            }
            if snap.state.members.is_empty() {
                say!("{}", tr(lang, M::NoMembers));
                return Ok(());
            }
            for line in roster_lines(&snap.state, now, lang) {
                show!("{line}");
            }
            Ok(())
        }
    }
}

/// One member as `member list --json` gives it.
pub fn member_json(state: &State, m: &Member, now: Time) -> Value {
    let today = attendance::day_of(now, now);
    let w = attendance::whereabouts(state, &m.name, today, now);
    let holds: Vec<&str> = held_by(state, &m.name)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    json!({
        "name": m.name,
        "role": m.role.as_str(),
        "section": m.section,
        "phone": m.phone,
        "note": m.note,
        "today": presence_json(&w),
        "holds": holds,
    })
}

/// Where a member is, as JSON: the state and the record behind it.
pub fn presence_json(w: &Whereabouts) -> Value {
    let p = w.record();
    json!({
        "state": w.as_str(),
        "at": p.map(|p| p.at.to_rfc3339()),
        "where": p.and_then(|p| p.place.clone()),
        "until": p.and_then(|p| p.until).map(|t| t.to_rfc3339()),
        "reason": p.and_then(|p| p.reason.clone()),
        "approved_by": p.and_then(|p| p.approved_by.clone()),
    })
}

/// The roster as aligned lines: name, role, section, phone, today, holds.
pub fn roster_lines(state: &State, now: Time, lang: Lang) -> Vec<String> {
    let today = attendance::day_of(now, now);
    let rows: Vec<[String; 5]> = state
        .roster()
        .into_iter()
        .map(|m| {
            let w = attendance::whereabouts(state, &m.name, today, now);
            let held: Vec<&str> = held_by(state, &m.name)
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            [
                one_line(&m.name).into_owned(),
                i18n::team::role(lang, m.role).to_string(),
                one_line(m.section.as_deref().unwrap_or("-")).into_owned(),
                i18n::team::whereabouts(lang, &w, now),
                if held.is_empty() {
                    String::new()
                } else {
                    trf(lang, M::Holds, &[&held.join(" ")])
                },
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|r| {
            let mut line = String::new();
            for c in 0..4 {
                line.push_str(&fit(&r[c], widths[c]));
                line.push_str("  ");
            }
            line.push_str(&r[4]);
            line.trim_end().to_string()
        })
        .collect()
}
