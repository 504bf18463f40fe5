//! `liaison list --week`: the days of this week with their meetings.

use std::io::Write;

use super::CliError;
use super::Ctx;
use super::list::{Row, line, write_json};
use crate::i18n::tr;
use crate::model::{State, Time, meeting};
use crate::sanitize::visible;

/// `list --week`: the days of this week with their meetings, as the
/// dashboard's week view shows them.
pub(super) fn week(
    ctx: &Ctx,
    state: &State,
    json: bool,
    withheld: &[usize],
    now: Time,
) -> Result<(), CliError> {
    let lang = ctx.lang;
    let today = crate::model::attendance::day_of(now, now);
    let days = crate::model::week::week(state, today, now);
    let clashes = meeting::all_conflicts(state);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let fail = |e: std::io::Error| super::ctx::stdout_failed(ctx.lang, &e);
    let rows = |d: &crate::model::week::Day| -> Vec<Row> {
        d.meetings
            .iter()
            .map(|&i| Row::new(&state.items, i, &clashes, withheld, None, None))
            .collect()
    };
    if json {
        let json_err = |e: serde_json::Error| super::ctx::json_failed(ctx.lang, e);
        out.write_all(b"[").map_err(fail)?;
        for (n, d) in days.iter().enumerate() {
            if n > 0 {
                out.write_all(b",").map_err(fail)?;
            }
            write!(
                out,
                "{{\"date\":\"{}\",\"today\":{},\"meetings\":",
                d.date.format("%Y-%m-%d"),
                d.date == today
            )
            .map_err(fail)?;
            write_json(&mut out, rows(d)).map_err(json_err)?;
            out.write_all(b"}").map_err(fail)?;
        }
        writeln!(out, "]").map_err(fail)?;
        return out.flush().map_err(fail);
    }
    for d in &days {
        let mut head = crate::i18n::team::day_heading(lang, d.date);
        if d.date == today {
            head.push_str(&format!(" [{}]", tr(lang, crate::i18n::M::TodayMark)));
        }
        writeln!(out, "{head}").map_err(fail)?;
        if d.meetings.is_empty() {
            writeln!(out, "  {}", tr(lang, crate::i18n::M::WeekEmpty)).map_err(fail)?;
        }
        for (&i, row) in d.meetings.iter().zip(rows(d)) {
            let line = line(ctx, &state.items[i], &row, now);
            writeln!(out, "  {}", visible(&line)).map_err(fail)?;
        }
    }
    out.flush().map_err(fail)
}
