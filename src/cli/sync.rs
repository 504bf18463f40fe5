//! `liaison sync init REMOTE`, `sync`, `sync status`, `sync retire`,
//! `sync unlock` and `sync lock`: the team's register shared through a git
//! repository (see `crate::sync`).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{CliError, Ctx, keycache, passphrase, tty};
use crate::i18n::{self, G, Lang, sync_error, tr, trf};
use crate::store::Passphrase;
use crate::sync::{self, Ask, SyncError};

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub action: Option<SyncAction>,
    /// Read the team passphrase from the first line of FILE (default: ask
    /// on the terminal).
    #[arg(
        long,
        global = true,
        env = "LIAISON_TEAM_PASSPHRASE_FILE",
        value_name = "FILE"
    )]
    pub team_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SyncAction {
    /// Join the team of a git repository (a bare repository's path, e.g.
    /// on a USB drive, or any URL git understands), or found it in an
    /// empty one (the team passphrase is then asked twice).
    Init {
        /// The repository: a path or a URL.
        remote: String,
        /// Also write the team's meetings as meetings.ics in the repository
        /// on every sync, for calendar programs. It is PLAIN TEXT (titles,
        /// times and places of the meetings): use only if that is allowed.
        #[arg(long)]
        calendar: bool,
    },
    /// Where sync stands: the repository, the last sync, what is not sent yet.
    Status {
        /// As a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Stop trusting a replica (a lost laptop): its operations after the
    /// last one held here are refused from now on, by every replica.
    Retire {
        /// The replica's id (see `liaison sync status`); its start is enough.
        replica: String,
    },
    /// Keep the team key in this login session's kernel keyring for a while.
    Unlock {
        /// How long: 30m, 2h, 1h30m, 90s (at most 24h).
        #[arg(long = "for", value_name = "DURATION", default_value = "30m")]
        duration: String,
    },
    /// Forget the team key kept by `liaison sync unlock`.
    Lock,
}

/// Chinese help of the sync commands (see `help_zh`).
#[rustfmt::skip]
pub const HELP_ZH: &[(&str, &str, &str)] = &[
    ("sync", "", "通过 git 仓库与团队同步登记内容：收取其他成员的改动，发出本机的改动"),
    ("sync", "team_passphrase_file", "从 FILE 的第一行读取团队口令（默认：在终端询问）"),
    ("sync init", "", "加入某个 git 仓库（如优盘上的裸仓库路径，或 git 支持的任何地址）中的团队；仓库为空时建立新团队（团队口令输入两次）"),
    ("sync init", "remote", "团队仓库：路径或地址"),
    ("sync init", "calendar", "每次同步时把团队的会务另写为仓库中的 meetings.ics，供日历程序导入。该文件为明文（会议的标题、时间和地点），仅在允许时使用"),
    ("sync status", "", "同步情况：团队仓库、上次同步、尚未发出的改动"),
    ("sync status", "json", "以 JSON 对象输出"),
    ("sync retire", "", "停用一个副本（如遗失的电脑）：此后所有副本拒收其在本机已有操作之后的操作"),
    ("sync retire", "replica", "副本编号（见 liaison sync status），写出开头几位即可"),
    ("sync unlock", "", "把团队密钥在本次登录会话的内核密钥环中保管一段时间"),
    ("sync unlock", "duration", "保管多久：30m、2h、1h30m、90s（最长 24h）"),
    ("sync lock", "", "清除 liaison sync unlock 保管的团队密钥"),
];

fn err(lang: Lang, e: &SyncError) -> CliError {
    CliError(sync_error(lang, e))
}

/// Asks on the terminal.
fn ask_tty(dir: &Path, prompt: &str, lang: Lang) -> Result<Passphrase, SyncError> {
    crate::store::crypt::no_core_dumps();
    match tty::read_hidden(prompt) {
        Ok(Some(mut line)) => Ok(Passphrase::new(std::mem::take(&mut *line))),
        Ok(None) => Err(SyncError::Said(tr(lang, G::ErrTeamPassCancelled).into())),
        Err(_) if !tty::available() => {
            let _ = dir;
            Err(SyncError::Said(tr(lang, G::ErrTeamPassNoTerminal).into()))
        }
        Err(e) => Err(SyncError::Said(format!("/dev/tty: {e}"))),
    }
}

/// Where the team passphrase comes from: the file (one try), else the
/// terminal (three tries; a new one typed twice).
pub fn asker<'a>(ctx: &'a Ctx, file: Option<&'a Path>) -> Ask<'a> {
    let lang = ctx.lang;
    let dir = ctx.store.dir();
    if let Some(path) = file {
        return Ask {
            get: Box::new(move |new| {
                let pass =
                    passphrase::from_file(path, dir, lang).map_err(|e| SyncError::Said(e.0))?;
                check_new(lang, new, pass)
            }),
            tries: 1,
        };
    }
    let mut asked = 0;
    Ask {
        get: Box::new(move |new| {
            if new {
                let first = ask_tty(dir, tr(lang, G::TeamPassNew), lang)?;
                if first.chars() >= passphrase::MIN_CHARS {
                    let again = ask_tty(dir, tr(lang, G::TeamPassRepeat), lang)?;
                    if again != first {
                        return Err(SyncError::Said(tr(lang, G::ErrTeamPassMismatch).into()));
                    }
                }
                return check_new(lang, true, first);
            }
            if asked > 0 {
                tty::say(tr(lang, G::TeamPassRetry));
            }
            asked += 1;
            ask_tty(dir, tr(lang, G::TeamPassPrompt), lang)
        }),
        tries: passphrase::TRIES,
    }
}

fn check_new(lang: Lang, new: bool, pass: Passphrase) -> Result<Passphrase, SyncError> {
    if new && pass.chars() < passphrase::MIN_CHARS {
        return Err(SyncError::Said(trf(
            lang,
            G::ErrTeamPassShort,
            &[&passphrase::MIN_CHARS],
        )));
    }
    Ok(pass)
}

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<(), CliError> {
    let file = args.team_passphrase_file.as_deref();
    let lang = ctx.lang;
    let member = ctx.config.me.as_deref();
    match &args.action {
        None => {
            let calendar = |s: &crate::model::State| super::ics::calendar(s, lang).text;
            let report = sync::sync(
                &ctx.store,
                &mut asker(ctx, file),
                member,
                ctx.now(),
                &calendar,
            )
            .map_err(|e| err(lang, &e))?;
            say_report(lang, &report);
            Ok(())
        }
        Some(SyncAction::Init { remote, calendar }) => {
            let r = sync::init(&ctx.store, remote, *calendar, member, &mut asker(ctx, file))
                .map_err(|e| err(lang, &e))?;
            let local = sync::team_of(&ctx.store).ok().flatten().unwrap_or_default();
            if r.again {
                show!(
                    "{}",
                    trf(lang, G::AlreadyJoined, &[&local.remote, &r.replica])
                );
            } else if r.founder {
                show!(
                    "{}",
                    trf(
                        lang,
                        G::Founded,
                        &[&local.remote, &r.replica, &local.remote]
                    )
                );
            } else {
                let first = format!("{}", u64::from(r.block) * 1000 + 1);
                show!(
                    "{}",
                    trf(lang, G::Joined, &[&local.remote, &r.replica, &first])
                );
            }
            Ok(())
        }
        Some(SyncAction::Status { json }) => status(ctx, *json),
        Some(SyncAction::Retire { replica }) => {
            let (id, upto) = sync::retire(&ctx.store, replica, &mut asker(ctx, file), ctx.now())
                .map_err(|e| err(lang, &e))?;
            show!("{}", trf(lang, G::Retired, &[&id, &upto]));
            Ok(())
        }
        Some(SyncAction::Unlock { duration }) => {
            let local = sync::team_of(&ctx.store)
                .map_err(|e| err(lang, &e))?
                .ok_or_else(|| err(lang, &SyncError::NotSetUp))?;
            let seconds = keycache::parse_duration(duration)
                .filter(|s| *s <= crate::store::KEY_CACHE_MAX_SECONDS)
                .ok_or_else(|| CliError(trf(lang, i18n::S::ErrKeyDuration, &[duration])))?;
            let mut ask = asker(ctx, file);
            let pass = (ask.get)(false).map_err(|e| err(lang, &e))?;
            let key = sync::team_key::open_team(&local.team, &pass).map_err(|e| err(lang, &e))?;
            ctx.store
                .cache_team_key(&key, seconds)
                .map_err(|e| CliError(trf(lang, i18n::S::ErrKeyring, &[&e])))?;
            show!("{}", trf(lang, G::TeamKeyKept, &[&seconds.div_ceil(60)]));
            Ok(())
        }
        Some(SyncAction::Lock) => {
            let forgot = sync::team_of(&ctx.store)
                .map_err(|e| err(lang, &e))?
                .is_some_and(|l| sync::team_key::forget(&ctx.store, &l.team));
            let said = if forgot {
                G::TeamKeyForgotten
            } else {
                G::TeamKeyNoneKept
            };
            show!("{}", tr(lang, said));
            Ok(())
        }
    }
}

fn say_report(lang: Lang, r: &sync::Report) {
    for (replica, seq, why) in &r.refused {
        say!(
            "liaison: {}",
            trf(
                lang,
                G::Refused,
                &[replica, seq, &i18n::sync_refusal(lang, *why)]
            )
        );
    }
    for replica in &r.key_changed {
        say!("liaison: {}", trf(lang, G::KeyChanged, &[replica]));
    }
    for path in &r.unreadable {
        say!("liaison: {}", trf(lang, G::Unreadable, &[path]));
    }
    show!("{}", trf(lang, G::Synced, &[&r.sent, &r.arrived.ops]));
    let list = |ids: &[String]| ids.join(", ");
    if !r.arrived.items.is_empty() {
        show!("{}", trf(lang, G::SyncedItems, &[&list(&r.arrived.items)]));
    }
    if !r.arrived.conflicts.is_empty() {
        show!(
            "{}",
            trf(lang, G::SyncedConflicts, &[&list(&r.arrived.conflicts)])
        );
    }
}

fn status(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    let lang = ctx.lang;
    let local = sync::team_of(&ctx.store)
        .map_err(|e| err(lang, &e))?
        .ok_or_else(|| err(lang, &SyncError::NotSetUp))?;
    let pending = sync::pending(&ctx.store, &local).map_err(|e| err(lang, &e))?;
    let when = |t: &Option<crate::model::Time>| {
        t.map_or_else(
            || tr(lang, G::StatusNever).to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    if json {
        let replicas: Vec<serde_json::Value> = local
            .keys
            .keys()
            .map(|r| {
                serde_json::json!({
                    "replica": r,
                    "member": local.members.get(r),
                    "retired": local.retired.contains_key(r),
                    "local": *r == local.replica,
                })
            })
            .collect();
        let value = serde_json::json!({
            "remote": local.remote,
            "replica": local.replica,
            "block": local.block,
            "last_sync": local.last_sync.map(|t| t.to_rfc3339()),
            "last_arrival": local.last_arrival.map(|t| t.to_rfc3339()),
            "arrived": local.arrived.ops,
            "pending": pending,
            "calendar": local.calendar,
            "replicas": replicas,
            "refused": local.refused,
        });
        let mut bytes = serde_json::to_vec_pretty(&value).expect("serialises");
        bytes.push(b'\n');
        return super::write_json(ctx, None, bytes);
    }
    show!("{}", trf(lang, G::StatusRemote, &[&local.remote]));
    let block = local.block.map_or("-".to_string(), |b| b.to_string());
    show!("{}", trf(lang, G::StatusReplica, &[&local.replica, &block]));
    show!("{}", trf(lang, G::StatusLast, &[&when(&local.last_sync)]));
    if local.last_arrival.is_some() {
        let n = local.arrived.ops;
        show!(
            "{}",
            trf(lang, G::StatusArrival, &[&when(&local.last_arrival), &n])
        );
    }
    show!("{}", trf(lang, G::StatusPending, &[&pending]));
    for r in local.keys.keys() {
        let mut who = local
            .members
            .get(r)
            .cloned()
            .unwrap_or_else(|| tr(lang, G::StatusNoName).to_string());
        if local.retired.contains_key(r) {
            who = format!("{who} · {}", tr(lang, G::StatusRetired));
        }
        show!("{}", trf(lang, G::StatusMember, &[r, &who]));
    }
    let cal = tr(lang, if local.calendar { G::Yes } else { G::No });
    show!("{}", trf(lang, G::StatusCalendar, &[&cal]));
    Ok(())
}

/// `liaison verify`'s part: other replicas' operations held here whose
/// signature fails are named, and fail the check.
pub fn verify_team(ctx: &Ctx) -> Result<(), CliError> {
    let lang = ctx.lang;
    let bad = sync::check_stored(&ctx.store).map_err(|e| err(lang, &e))?;
    for (replica, seq, why) in &bad {
        say!(
            "liaison: {}",
            trf(
                lang,
                G::VerifyForged,
                &[replica, seq, &i18n::sync_refusal(lang, *why)]
            )
        );
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(CliError(trf(lang, G::VerifyForgedCount, &[&bad.len()])))
    }
}
