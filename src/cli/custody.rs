//! `liaison custody ID STEP [--person P] [--by P] [--until WHEN]
//! [--approved-by P] [--witness W] [--location L] [--override REASON]
//! [--note TEXT]`: one step of a document's custody, with its people.

use clap::Args;
use clap::builder::PossibleValuesParser;

use super::{CliError, Ctx};
use crate::i18n::{self, C, T, trf};
use crate::model::Class;
use crate::model::custody::{self, Step, StepKind};
use crate::model::when::{Purpose, parse_when};

#[derive(Debug, Args)]
pub struct CustodyArgs {
    /// The document's id, e.g. D3.
    pub id: String,
    /// The step to record.
    #[arg(value_name = "STEP", value_parser = PossibleValuesParser::new(StepKind::ALL.iter().map(|a| a.as_str())))]
    pub action: String,
    /// The other party: who handed it over (receive), the borrower (lend,
    /// required), who brought it back (back; default the borrower), who took
    /// it back at the unit (return).
    #[arg(long, value_name = "P")]
    pub person: Option<String>,
    /// The team member who did it (default: `me` in the config file).
    #[arg(long, value_name = "P")]
    pub by: Option<String>,
    /// When a loan is due back (default: `loan_hours` in the config file, 24).
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Who approved destroying it (required to shred).
    #[arg(long, value_name = "P")]
    pub approved_by: Option<String>,
    /// Who saw it destroyed (required to shred).
    #[arg(long, value_name = "W")]
    pub witness: Option<String>,
    /// Where it is kept (required to archive).
    #[arg(long, value_name = "L")]
    pub location: Option<String>,
    /// Why the closing step differs from the document's rule.
    #[arg(long = "override", value_name = "REASON")]
    pub reason: Option<String>,
    /// A remark for the register.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(ctx: &Ctx, args: &CustodyArgs) -> Result<(), CliError> {
    let action: StepKind = args.action.parse().map_err(|e| ctx.model_err(&e))?;
    let now = ctx.now();
    let until = match (&args.until, action) {
        (Some(text), _) => {
            Some(parse_when(text, now, Purpose::Due).map_err(|e| ctx.model_err(&e))?)
        }
        (None, StepKind::Lend) => Some(custody::due_back(now, ctx.config.loan_hours)),
        (None, _) => None,
    };
    let step = Step {
        action,
        person: args.person.clone(),
        by: args.by.clone().or_else(|| ctx.config.me()),
        witness: args.witness.clone(),
        approved_by: args.approved_by.clone(),
        location: args.location.clone(),
        until,
        note: args.note.clone(),
        reason: args.reason.clone(),
    };
    let id = ctx.change(|s| s.custody(&args.id, step, now).map(|before| before.id))?;
    show!("{id}");
    say!(
        "{}",
        trf(
            ctx.lang,
            T::CustodyRecorded,
            &[&id, &i18n::action(ctx.lang, action)]
        )
    );
    Ok(())
}

#[derive(Debug, Args)]
pub struct ClassArgs {
    /// The document's id, e.g. D3.
    pub id: String,
    /// public, internal, secret or confidential.
    pub class: String,
    /// Why: required to lower the class.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

/// `liaison class ID CLASS [--reason TEXT]`: changes a document's class on
/// the record; lowering it needs a reason.
pub fn class(ctx: &Ctx, args: &ClassArgs) -> Result<(), CliError> {
    let class: Class = args.class.parse().map_err(|e| ctx.model_err(&e))?;
    let now = ctx.now();
    let reason = args.reason.as_deref();
    let (id, from) = ctx.change(|s| {
        s.set_class(&args.id, class, reason, now)
            .map(|before| (before.id, before.class))
    })?;
    show!("{id}");
    let name = |c: Option<Class>| c.map(|c| i18n::class(ctx.lang, c)).unwrap_or_default();
    let said = trf(
        ctx.lang,
        C::ClassChanged,
        &[&name(from), &name(Some(class))],
    );
    say!("{id}: {said}");
    Ok(())
}
