//! `liaison custody ID STEP [--person P] [--witness W] [--location L]
//! [--override REASON] [--note TEXT]`: one step of a document's custody.

use clap::Args;
use clap::builder::PossibleValuesParser;

use super::{CliError, Ctx};
use crate::i18n::{self, T, trf};
use crate::model::custody::{Action, Step};

#[derive(Debug, Args)]
pub struct CustodyArgs {
    /// The document's id, e.g. D3.
    pub id: String,
    /// The step to record.
    #[arg(value_name = "STEP", value_parser = PossibleValuesParser::new(Action::ALL.iter().map(|a| a.as_str())))]
    pub action: String,
    /// Who: the borrower (lend), who hands it back (back), who delivers or collects it.
    #[arg(long, value_name = "P")]
    pub person: Option<String>,
    /// Who saw it done (required to shred).
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
    let action: Action = args.action.parse().map_err(|e| ctx.model_err(&e))?;
    let step = Step {
        action,
        person: args.person.clone(),
        witness: args.witness.clone(),
        location: args.location.clone(),
        note: args.note.clone(),
        reason: args.reason.clone(),
    };
    let now = ctx.now();
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
