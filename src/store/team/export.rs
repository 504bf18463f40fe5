//! This replica's own part of the team's history: its operations since it
//! joined, copied from the journal into its chain under `team/` (re-linked
//! with the team's hash, which every replica can check), before any
//! compaction could fold them away; and joining itself.

use serde_json::Value;

use super::super::journal;
use super::super::lock::Lock;
use super::super::op::{Field, Op};
use super::super::{IoAction, Store, StoreError, backup};
use super::TeamError;
use super::files::{Membership, team_hash};
use crate::model::State;

/// The `base` operation: the whole state a founder started the team with.
fn base(replica: &str, seq: u64, at: crate::model::Time, state: &State) -> Op {
    let mut fields = std::collections::BTreeMap::new();
    if let Ok(Value::Object(m)) = serde_json::to_value(state) {
        for (k, v) in m {
            if k != "version" {
                fields.insert(k, Field::Set(Value::Null, v));
            }
        }
    }
    let mut o = Op {
        id: format!("{replica}-{seq}"),
        replica: replica.to_string(),
        seq,
        at,
        hlc: String::new(),
        member: None,
        item: None,
        change: "base".into(),
        fields,
        reverts: None,
        more: false,
        sig: None,
        prev: String::new(),
        hash: String::new(),
    };
    o.hash = team_hash(&o);
    o
}

impl Store {
    /// The journal's operations (and those of kept journals when the
    /// journal no longer reaches back to `after`) with `seq > after`.
    fn journal_ops_after(&self, after: u64) -> Result<Vec<Op>, StoreError> {
        let key = self.seal_key()?;
        let jp = self.journal_path();
        let mut ops = match super::super::fsutil::read_with_meta(&jp)
            .map_err(StoreError::io(IoAction::Read, &jp))?
        {
            Some((bytes, _)) => journal::parse(&bytes, &jp, 1, None, key.seal())?.ops,
            None => Vec::new(),
        };
        if ops.first().is_some_and(|o| o.seq > after + 1) {
            for (path, bytes) in backup::archived_journals(self) {
                let Ok(plain) = self.unseal_owned(bytes, &path) else {
                    continue;
                };
                if let Ok(p) = journal::parse(&plain, &path, 1, None, key.seal()) {
                    ops.extend(p.ops);
                }
            }
            ops.sort_by_key(|o| o.seq);
            ops.dedup_by_key(|o| o.seq);
        }
        ops.retain(|o| o.seq > after);
        Ok(ops)
    }

    /// Brings this replica's chain up to its journal; returns the chain.
    pub(super) fn export_own(&self, me: &str, m: &Membership) -> Result<Vec<Op>, StoreError> {
        let mut own = self.read_chain(me)?;
        let (mut seq, mut prev) = own
            .last()
            .map_or((m.start, String::new()), |o| (o.seq, o.hash.clone()));
        let mut grew = false;
        for o in self.journal_ops_after(seq)? {
            if o.seq != seq + 1 {
                break;
            }
            let mut e = o;
            if e.change == "snapshot" {
                // A mark says nothing to other replicas but keeps the
                // numbers without gaps.
                e.fields.clear();
            }
            e.sig = None;
            e.prev = prev;
            e.hash = team_hash(&e);
            prev = e.hash.clone();
            seq = e.seq;
            own.push(e);
            grew = true;
        }
        if grew {
            self.write_chain(me, &own)?;
        }
        Ok(own)
    }

    /// Called before a compaction folds the journal away: a replica in a
    /// team copies its operations into its chain first.
    pub(in crate::store) fn keep_team_ops(&self, replica: &str) -> Result<(), StoreError> {
        if replica.is_empty() {
            return Ok(());
        }
        // Encryption being turned on or off: the journal is still in the
        // other form, and its operations were copied before the switch.
        let jp = self.journal_path();
        let mut first = [0u8; 64];
        let n = std::fs::File::open(&jp)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut first))
            .unwrap_or(0);
        let first = &first[..n];
        let open = matches!(self.codec, super::super::secure::Codec::Open(_));
        if !first.is_empty() && journal::is_sealed_line(first) != open {
            return Ok(());
        }
        if let Some(m) = self.membership()? {
            self.export_own(replica, &m)?;
        }
        Ok(())
    }

    /// Joins a team: records the block of ids this replica makes new items
    /// in (see `ids`). The founder's state so far becomes its `base`
    /// operation. Refused when the data dir holds items and `founder` is
    /// false. Joined already: the new block replaces the old (a block used
    /// up), the rest stays.
    pub fn join_team(&self, block: u32, founder: bool) -> Result<(), StoreError> {
        let lock = self.lock()?;
        let mut snap = self.read(&lock)?;
        if let Some(mut m) = self.membership()? {
            m.block = block;
            return self.write_membership(&m);
        }
        if !founder && !snap.state.items.is_empty() {
            return Err(TeamError::NotEmpty {
                items: snap.state.items.len(),
            }
            .into());
        }
        self.ensure_replica(&lock, &mut snap)?;
        let me = snap.chain.replica.clone();
        let start = snap.chain.seq;
        let at = self
            .journal_ops_after(start.saturating_sub(1))?
            .last()
            .map(|o| o.at)
            .unwrap_or_else(|| {
                chrono::DateTime::from_timestamp(0, 0)
                    .unwrap_or_default()
                    .fixed_offset()
            });
        let own = if founder {
            vec![base(&me, start, at, &snap.state)]
        } else {
            Vec::new()
        };
        self.write_chain(&me, &own)?;
        self.write_membership(&Membership {
            block,
            founder,
            start,
            high: Default::default(),
        })
    }

    /// Puts `state` (a backup) in place as operations on `current`.
    pub(in crate::store) fn restore_in_team(
        &self,
        mut current: super::super::Snapshot,
        state: State,
        now: crate::model::Time,
    ) -> Result<super::super::Snapshot, StoreError> {
        let done = self.transact(&mut current, now, |s| {
            let version = s.version;
            *s = state;
            s.version = version;
            Ok::<_, std::convert::Infallible>(())
        });
        match done {
            Ok(()) => Ok(current),
            Err(super::super::TxError::Store(e)) => Err(e),
            Err(super::super::TxError::Refused(never)) => match never {},
        }
    }

    /// Gives a data directory that has never been written its replica id.
    fn ensure_replica(
        &self,
        lock: &Lock,
        snap: &mut super::super::Snapshot,
    ) -> Result<(), StoreError> {
        if snap.chain.replica.is_empty() {
            let mut chain = snap.chain.clone();
            let epoch = chrono::DateTime::from_timestamp(0, 0)
                .unwrap_or_default()
                .fixed_offset();
            self.compact(lock, &snap.state, &mut chain, epoch)?;
            *snap = self.read(lock)?;
        }
        Ok(())
    }
}
