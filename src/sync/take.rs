//! Taking in what the other replicas pushed: their replica files (public
//! keys trusted on first sight), retirements (honoured when signed by a
//! trusted replica not itself retired), and their batches, every
//! operation's signature checked before the store sees it. A blob once
//! read is not read again.

use super::git::{Entry, Git};
use super::layout::{Batch, ReplicaFile};
use super::local::Local;
use super::repo::{self, View};
use super::run::Report;
use super::trust::check;
use super::{SyncError, sign};
use crate::model::Time;
use crate::store::Store;
use crate::store::crypt::Key;

fn unseen<'a>(local: &Local, entries: impl Iterator<Item = &'a Entry>) -> Vec<&'a Entry> {
    entries.filter(|e| !local.seen.contains(&e.oid)).collect()
}

pub fn take_in(
    store: &Store,
    git: &Git,
    key: &Key,
    view: &View,
    local: &mut Local,
    report: &mut Report,
    now: Time,
) -> Result<(), SyncError> {
    // Replica files first: the keys the batches are checked against.
    let entries = unseen(local, view.under("replicas", ".json"));
    let (good, bad) = repo::sealed::<ReplicaFile>(git, key, &entries)?;
    report.unreadable.extend(bad);
    for (entry, r) in good {
        if entry.path != super::layout::replica_path(&r.replica) || !sign::is_key(&r.key) {
            report.unreadable.push(entry.path);
            continue;
        }
        match local.keys.get(&r.replica) {
            Some(k) if *k != r.key => {
                if !report.key_changed.contains(&r.replica) {
                    report.key_changed.push(r.replica.clone());
                }
                continue;
            }
            Some(_) => {}
            None => {
                local.keys.insert(r.replica.clone(), r.key.clone());
            }
        }
        match r.member {
            Some(m) => local.members.insert(r.replica.clone(), m),
            None => local.members.remove(&r.replica),
        };
        local.seen.insert(entry.oid);
    }
    // Retirements.
    let entries = unseen(local, view.under("retired", ".json"));
    for (entry, r) in repo::retirements(git, key, &entries)? {
        let trusted = local
            .keys
            .get(&r.by)
            .is_some_and(|k| sign::verify_record(&r.signed_bytes(), &r.sig, k));
        if trusted
            && !local.retired.contains_key(&r.by)
            && r.replica != r.by
            && entry.path == super::layout::retired_path(&r.replica, &r.by)
        {
            let upto = local.retired.entry(r.replica.clone()).or_insert(r.upto);
            *upto = (*upto).min(r.upto);
            local.seen.insert(entry.oid);
        }
    }
    // Batches.
    let entries = unseen(local, view.foreign_batches(&local.replica).into_iter());
    if entries.is_empty() {
        return Ok(());
    }
    let (good, bad) = repo::sealed::<Batch>(git, key, &entries)?;
    report.unreadable.extend(bad);
    let mut ops = Vec::new();
    let mut taken = Vec::new();
    for (entry, batch) in good {
        for op in batch.ops {
            match check(local, &op) {
                Ok(()) => ops.push(op),
                Err(why) => {
                    local.refused.push((op.replica.clone(), op.seq));
                    report.refused.push((op.replica, op.seq, why));
                }
            }
        }
        taken.push(entry.oid);
    }
    if !ops.is_empty() {
        let arrivals = store.take_in(ops, now)?;
        report.arrived.ops += arrivals.ops;
        for id in arrivals.items {
            if !report.arrived.items.contains(&id) {
                report.arrived.items.push(id);
            }
        }
        for id in arrivals.conflicts {
            if !report.arrived.conflicts.contains(&id) {
                report.arrived.conflicts.push(id);
            }
        }
    }
    // Recorded only now that the store holds them.
    local.seen.extend(taken);
    local.save(store)?;
    Ok(())
}
