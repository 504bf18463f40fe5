//! `export --format json`: the whole state as one document.

use super::{CliError, Ctx, write_json};
use crate::i18n::{self, T, trf};

/// `export --format json`: the whole state, the texts of secret and
/// confidential documents left out unless `include_confidential`; a
/// top-level `withheld` object then says how many, by id.
pub fn json(ctx: &Ctx, out: Option<&std::path::Path>, include: bool) -> Result<(), CliError> {
    // Loaded (and its custody chains checked) before anything is withheld.
    let (mut snap, problems) = ctx.load_checked()?;
    let withheld = if include {
        Vec::new()
    } else {
        crate::report::withhold::withhold_all(&mut snap.state)
    };
    let mut bytes = crate::store::encode(&snap.state);
    let mut head = serde_json::Map::new();
    if !problems.is_empty() {
        let said: Vec<String> = problems
            .iter()
            .map(|p| i18n::chain_problem(ctx.lang, p))
            .collect();
        head.insert("custody_warnings".into(), said.into());
    }
    if !withheld.is_empty() {
        let counts: serde_json::Map<String, serde_json::Value> = withheld
            .iter()
            .map(|(id, n)| (id.clone(), (*n).into()))
            .collect();
        head.insert("withheld".into(), counts.into());
        let total: usize = withheld.iter().map(|(_, n)| n).sum();
        say!("liaison: {}", trf(ctx.lang, T::Withheld, &[&total]));
    }
    if !head.is_empty() {
        // The state is an object with fields: these go first in it.
        let mut first =
            serde_json::to_vec(&head).map_err(|e| super::ctx::json_failed(ctx.lang, e))?;
        first.pop();
        first.push(b',');
        debug_assert_eq!(bytes.first(), Some(&b'{'));
        bytes.splice(..1, first);
    }
    write_json(ctx, out, bytes)
}
