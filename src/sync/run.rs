//! The steps of `sync init` and `sync`.
//!
//! A sync: fetch the remote's branch; take in the replica files, the
//! retirements and the other replicas' batches not read before (each
//! operation's signature checked against its replica's trusted key); then
//! build one commit on the remote's branch with this replica's new batch
//! (its operations since the last batch pushed, signed) and push it as a
//! fast forward. If another replica pushed meanwhile, all of it is done
//! again on the new branch. What was sent is read back from the repository
//! itself (this replica's last batch), so a kill between the push and the
//! local record neither loses nor repeats a batch.

use super::git::Git;
use super::layout::{self, Batch, FORMAT, ReplicaFile, TEAM_FILE};
use super::local::{Arrived, Local, Sent};
use super::repo::{self, View};
use super::sign::Signer;
use super::trust::Check;
use super::{SyncError, team_key};
use crate::model::Time;
use crate::store::crypt::Key;
use crate::store::{Passphrase, Store};

/// How many times a sync starts over when the repository moved under it.
const ATTEMPTS: usize = 12;

/// How the team passphrase is got: `get(new)` asks for it (`new`: for a
/// new team), up to `tries` times when a wrong one is given.
pub struct Ask<'a> {
    pub get: Box<dyn FnMut(bool) -> Result<Passphrase, SyncError> + 'a>,
    pub tries: usize,
}

/// The team key: the one kept in the session keyring, else from the
/// passphrase.
fn key_for(store: &Store, team: &layout::TeamFile, ask: &mut Ask) -> Result<Key, SyncError> {
    if let Some(key) = team_key::cached(store, team) {
        return Ok(key);
    }
    for attempt in 1..=ask.tries.max(1) {
        let pass = (ask.get)(false)?;
        match team_key::open_team(team, &pass) {
            Err(SyncError::WrongPassphrase) if attempt < ask.tries => continue,
            other => return other,
        }
    }
    Err(SyncError::WrongPassphrase)
}

/// What `sync init` did.
#[derive(Debug)]
pub struct InitReport {
    pub replica: String,
    pub founder: bool,
    pub block: u32,
    /// It was set up already, with this very repository.
    pub again: bool,
}

fn sealed_json(key: &Key, value: &impl serde::Serialize) -> Vec<u8> {
    team_key::seal(key, &serde_json::to_vec(value).expect("serialises"))
}

/// `liaison sync init REMOTE`: joins the team of the repository (or
/// founds it, in an empty one), claims the id block and publishes this
/// replica's public key. Nothing is recorded here before the push holds.
pub fn init(
    store: &Store,
    remote: &str,
    calendar: bool,
    member: Option<&str>,
    ask: &mut Ask,
) -> Result<InitReport, SyncError> {
    let url = super::git::remote_url(remote);
    let (git, _lock) = repo::open(store)?;
    if let Some(mut local) = Local::load(store)?
        && let Some(block) = local.block
    {
        if local.remote != url {
            return Err(SyncError::AlreadySetUp(local.remote));
        }
        if calendar && !local.calendar {
            local.calendar = true;
            local.save(store)?;
        }
        return Ok(InitReport {
            replica: local.replica,
            founder: local.founder,
            block,
            again: true,
        });
    }
    let replica = store.replica_id()?;
    let signer = Signer::load_or_make(store)?;
    let mut made: Option<(layout::TeamFile, Key)> = None;
    for _ in 0..ATTEMPTS {
        let view = View::fetch(&git, &url)?;
        let team = repo::team(&git, &view)?;
        if view.head.is_some() && team.is_none() {
            return Err(SyncError::NotATeam(url));
        }
        let (file, key, new_team) = match (team, made.take()) {
            (Some(t), Some((f, k))) if t == f => (f, k, false),
            (Some(t), _) => {
                let k = key_for(store, &t, ask)?;
                (t, k, false)
            }
            (None, Some((f, k))) => (f, k, true),
            (None, None) => {
                let (f, k) = team_key::new_team(&(ask.get)(true)?);
                (f, k, true)
            }
        };
        let claims = repo::replicas(&git, &key, &view)?;
        let mine = claims.iter().find(|c| c.replica == replica);
        let founder = new_team || mine.is_some_and(|m| m.block == 0);
        if !founder && !store.load()?.state.items.is_empty() {
            return Err(SyncError::HasItems);
        }
        let block = match mine {
            _ if founder => 0,
            Some(m) => m.block,
            None => layout::free_block(&claims),
        };
        let me = ReplicaFile {
            format: FORMAT,
            replica: replica.clone(),
            member: member.map(str::to_string),
            key: signer.public(),
            block,
            earlier: Vec::new(),
        };
        let mut changes = Vec::new();
        if new_team {
            let json = serde_json::to_vec_pretty(&file).expect("serialises");
            changes.push((TEAM_FILE.to_string(), git.write_blob(&json)?));
        }
        if mine != Some(&me) {
            let blob = git.write_blob(&sealed_json(&key, &me))?;
            changes.push((layout::replica_path(&replica), blob));
        }
        if !changes.is_empty() {
            let commit = git.commit(view.head.as_deref(), &changes)?;
            if !git.push(&url, &commit)? {
                made = new_team.then_some((file, key));
                continue;
            }
        }
        store.join_team(block, founder)?;
        let mut local = Local {
            remote: url,
            replica: replica.clone(),
            founder,
            block: Some(block),
            calendar,
            team: file,
            published: true,
            member: member.map(str::to_string),
            ..Local::default()
        };
        local.keys.insert(replica.clone(), signer.public());
        local.save(store)?;
        return Ok(InitReport {
            replica,
            founder,
            block,
            again: false,
        });
    }
    Err(SyncError::Raced)
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct Report {
    pub sent: usize,
    pub arrived: Arrived,
    /// Operations refused: (replica, seq, why).
    pub refused: Vec<(String, u64, Check)>,
    /// Replicas whose published key changed (the first one is kept).
    pub key_changed: Vec<String>,
    /// Files of the repository that could not be opened.
    pub unreadable: Vec<String>,
}

/// `liaison sync`: brings in the others' operations, sends this replica's.
/// `calendar` gives the meetings as iCalendar text when asked.
pub fn sync(
    store: &Store,
    ask: &mut Ask,
    member: Option<&str>,
    now: Time,
    calendar: &dyn Fn(&crate::model::State) -> String,
) -> Result<Report, SyncError> {
    let (git, _lock) = repo::open(store)?;
    let mut local = Local::load(store)?.ok_or(SyncError::NotSetUp)?;
    if local.block.is_none() {
        return Err(SyncError::NotSetUp);
    }
    let signer = Signer::load_or_make(store)?;
    let mut key: Option<Key> = None;
    let mut report = Report::default();
    for _ in 0..ATTEMPTS {
        let view = View::fetch(&git, &local.remote)?;
        match repo::team(&git, &view)? {
            Some(t) if t == local.team => {}
            Some(_) => return Err(SyncError::TeamChanged),
            None => return Err(SyncError::NotATeam(local.remote.clone())),
        }
        let key = match &key {
            Some(k) => k,
            None => key.insert(key_for(store, &local.team, ask)?),
        };
        super::take::take_in(store, &git, key, &view, &mut local, &mut report, now)?;
        // This replica's side.
        let mine = view.batches_of(&local.replica);
        let (last_n, sent_seq) = match mine.last() {
            None => (0, 0),
            Some((n, e)) => match &local.sent {
                Some(s) if s.batch == *n && s.blob == e.oid => (*n, s.seq),
                _ => (*n, repo::last_seq(&git, key, e)?),
            },
        };
        let mut ops = store.own_ops_after(sent_seq)?;
        ops.iter_mut().for_each(|o| signer.sign_op(o));
        let mut changes = Vec::new();
        let mut sent = None;
        if let Some(top) = ops.iter().map(|o| o.seq).max() {
            let batch = Batch {
                format: FORMAT,
                replica: local.replica.clone(),
                ops: std::mem::take(&mut ops),
            };
            let blob = git.write_blob(&sealed_json(key, &batch))?;
            let path = layout::batch_path(&local.replica, last_n + 1);
            changes.push((path, blob.clone()));
            sent = Some((
                Sent {
                    batch: last_n + 1,
                    blob,
                    seq: top,
                },
                batch.ops.len(),
            ));
        }
        let member = member.map(str::to_string);
        let block = local.block.unwrap_or_default();
        // A block used up: the lowest free one is claimed in this push.
        let claim = if used_up(&store.load()?.state, block) {
            let claims = repo::replicas(&git, key, &view)?;
            Some(layout::free_block(&claims))
        } else {
            None
        };
        if !local.published || local.member != member || claim.is_some() {
            let mut earlier = local.earlier.clone();
            if claim.is_some() {
                earlier.push(block);
            }
            let me = ReplicaFile {
                format: FORMAT,
                replica: local.replica.clone(),
                member: member.clone(),
                key: signer.public(),
                block: claim.unwrap_or(block),
                earlier,
            };
            let blob = git.write_blob(&sealed_json(key, &me))?;
            changes.push((layout::replica_path(&local.replica), blob));
        }
        if local.calendar {
            let text = calendar(&store.load()?.state);
            let blob = git.write_blob(text.as_bytes())?;
            if view
                .find(layout::CALENDAR_FILE)
                .is_none_or(|e| e.oid != blob)
            {
                changes.push((layout::CALENDAR_FILE.to_string(), blob));
            }
        }
        if !changes.is_empty() {
            let commit = git.commit(view.head.as_deref(), &changes)?;
            if !git.push(&local.remote, &commit)? {
                local.save(store)?;
                std::thread::sleep(std::time::Duration::from_millis(
                    50 + (now.timestamp_subsec_millis() % 200) as u64,
                ));
                continue;
            }
            if let Some((s, n)) = sent {
                local.sent = Some(s);
                report.sent = n;
            }
            local.published = true;
            local.member = member;
            if let Some(next) = claim {
                store.join_team(next, false)?;
                local.earlier.push(block);
                local.block = Some(next);
            }
        }
        local.last_sync = Some(now);
        if report.arrived.ops > 0 {
            local.last_arrival = Some(now);
            local.arrived = report.arrived.clone();
        }
        local.save(store)?;
        return Ok(report);
    }
    Err(SyncError::Raced)
}

/// Whether some kind's ids of `block` have all been handed out.
fn used_up(state: &crate::model::State, block: u32) -> bool {
    let (_, last) = crate::store::team::ids::range(block);
    let top = |prefix: char| {
        state
            .items
            .iter()
            .filter_map(|i| i.id.strip_prefix(prefix)?.parse::<u32>().ok())
            .filter(|n| *n <= last)
            .max()
            .unwrap_or(0)
    };
    let counters = &state.counters;
    [
        ('L', counters.logistics),
        ('D', counters.document),
        ('M', counters.meeting),
        ('S', counters.substitute),
    ]
    .iter()
    .any(|(p, c)| top(*p).max(*c.min(&last)) >= last)
}

/// The team this data directory syncs with, if set up.
pub fn team_of(store: &Store) -> Result<Option<Local>, SyncError> {
    Local::load(store)
}

/// How many of this replica's operations no pushed batch holds yet.
pub fn pending(store: &Store, local: &Local) -> Result<usize, SyncError> {
    let after = local.sent.as_ref().map_or(0, |s| s.seq);
    Ok(store.own_ops_after(after)?.len())
}

/// The clone, for `retire`.
pub(super) fn open_clone(store: &Store) -> Result<(Git, repo::SyncLock, Local), SyncError> {
    let (git, lock) = repo::open(store)?;
    let local = Local::load(store)?.ok_or(SyncError::NotSetUp)?;
    Ok((git, lock, local))
}

pub(super) fn key_of(store: &Store, local: &Local, ask: &mut Ask) -> Result<Key, SyncError> {
    key_for(store, &local.team, ask)
}

#[cfg(test)]
mod tests {
    use super::used_up;
    use crate::model::State;

    #[test]
    fn a_block_is_used_up_when_a_kind_reached_its_last_number() {
        let mut state = State::default();
        assert!(!used_up(&state, 1));
        state.counters.document = 1998;
        assert!(!used_up(&state, 1));
        state.counters.document = 1999;
        assert!(used_up(&state, 1));
        assert!(!used_up(&State::default(), 0));
    }
}
