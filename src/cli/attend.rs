//! `liaison attend NAME in|out|back|leave …` and `liaison attendance`:
//! attendance, leave and going out (考勤、请销假、外出报备).

use clap::Args;
use serde_json::Value;

use super::values::{Named, parse};
use super::{CliError, Ctx};
use crate::i18n::{self, Lang, M, T, tr, trf};
use crate::model::attendance::{self, Mark, Presence};
use crate::model::when::{Purpose, parse_when};

impl Named for Mark {
    fn all() -> &'static [Self] {
        Mark::ALL
    }
    fn label(self, lang: Lang) -> &'static str {
        i18n::team::mark(lang, self)
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Mark::In => &["签到", "在岗"],
            Mark::Out => &["外出报备"],
            Mark::Back => &["销假", "回来"],
            Mark::Leave => &["请假"],
        }
    }
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    /// The member's name, as on the roster.
    pub name: String,
    /// in, out, back or leave (到岗、外出、返回、请假).
    #[arg(value_name = "STATE")]
    pub mark: String,
    /// Out: expected back; leave: until (YYYY-MM-DD [HH:MM] or a phrase such as +2h).
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Out: where to.
    #[arg(long = "where", value_name = "PLACE")]
    pub place: Option<String>,
    /// Why (a leave's reason, an errand).
    #[arg(long, value_name = "R")]
    pub reason: Option<String>,
    /// Who approved the leave.
    #[arg(long, value_name = "NAME")]
    pub approved_by: Option<String>,
}

#[derive(Debug, Args)]
pub struct AttendanceArgs {
    /// The day (default today): YYYY-MM-DD or a phrase.
    #[arg(long, value_name = "DAY")]
    pub date: Option<String>,
    /// As a JSON array.
    #[arg(long)]
    pub json: bool,
}

pub fn attend(ctx: &Ctx, args: &AttendArgs) -> Result<(), CliError> {
    let now = ctx.now();
    let mark: Mark = parse(&args.mark).map_err(|e| ctx.model_err(&e))?;
    let mut p = Presence::new(args.name.clone(), mark, now);
    p.until = args
        .until
        .as_deref()
        .map(|u| parse_when(u, now, Purpose::Due))
        .transpose()
        .map_err(|e| ctx.model_err(&e))?;
    p.place = args.place.clone();
    p.reason = args.reason.clone();
    p.approved_by = args.approved_by.clone();
    let name = p.name.trim().to_string();
    ctx.change(|s| s.attend(p))?;
    let snap = ctx.load()?;
    let w = attendance::whereabouts(&snap.state, &name, attendance::day_of(now, now), now);
    say!(
        "{}",
        trf(
            ctx.lang,
            M::Recorded,
            &[&name, &i18n::team::whereabouts(ctx.lang, &w, now)]
        )
    );
    Ok(())
}

pub fn attendance(ctx: &Ctx, args: &AttendanceArgs) -> Result<(), CliError> {
    let now = ctx.now();
    let day = match &args.date {
        Some(d) => attendance::day_of(
            parse_when(d, now, Purpose::Start).map_err(|e| ctx.model_err(&e))?,
            now,
        ),
        None => attendance::day_of(now, now),
    };
    let snap = ctx.load()?;
    let sheet = attendance::sheet(&snap.state, day, now);
    if args.json {
        let list: Vec<Value> = sheet
            .iter()
            .map(|(m, w)| {
                let mut v = super::member::presence_json(w);
                if let Value::Object(o) = &mut v {
                    o.insert("name".into(), m.name.clone().into());
                    o.insert("role".into(), m.role.as_str().into());
                    o.insert("section".into(), m.section.clone().into());
                }
                v
            })
            .collect();
        let bytes =
            serde_json::to_vec_pretty(&list).map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        return super::write_json(ctx, None, bytes);
    }
    if sheet.is_empty() {
        say!("{}", tr(ctx.lang, M::NoMembers));
        return Ok(());
    }
    show!(
        "{}",
        trf(ctx.lang, M::AttendanceOf, &[&day.format("%Y-%m-%d")])
    );
    let names: Vec<String> = sheet
        .iter()
        .map(|(m, _)| crate::text::one_line(&m.name).into_owned())
        .collect();
    let w = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(0);
    for ((_, where_), name) in sheet.iter().zip(&names) {
        show!(
            "  {}  {}",
            crate::text::fit(name, w),
            i18n::team::whereabouts(ctx.lang, where_, now)
        );
    }
    if day == attendance::day_of(now, now) {
        for a in attendance::alerts(&snap.state, now) {
            say!(
                "liaison: {}: {}",
                tr(ctx.lang, T::Warning),
                i18n::team::alert(ctx.lang, &a, now)
            );
        }
    }
    Ok(())
}
