//! `liaison sync retire REPLICA`: a lost laptop's key stops being trusted.
//! The retirement names the last of that replica's operations this one
//! holds; every later one is refused by every replica that takes the
//! retirement in. It is signed by the retiring replica and pushed like a
//! batch; a retirement signed by a replica already retired is ignored.

use super::layout::{self, FORMAT, Retirement};
use super::repo::View;
use super::run::{Ask, key_of, open_clone};
use super::sign::Signer;
use super::{SyncError, take};
use crate::model::Time;
use crate::store::Store;

/// Retires `replica` (a full id, or the start of one that is unique);
/// the id retired and the last of its operations still trusted.
pub fn retire(
    store: &Store,
    replica: &str,
    ask: &mut Ask,
    now: Time,
) -> Result<(String, u64), SyncError> {
    let (git, _lock, mut local) = open_clone(store)?;
    let key = key_of(store, &local, ask)?;
    let signer = Signer::load_or_make(store)?;
    for _ in 0..12 {
        let view = View::fetch(&git, &local.remote)?;
        let mut report = super::Report::default();
        take::take_in(store, &git, &key, &view, &mut local, &mut report, now)?;
        let matches: Vec<&String> = local
            .keys
            .keys()
            .filter(|r| r.starts_with(replica))
            .collect();
        let target = match matches.as_slice() {
            [one] => (*one).clone(),
            _ => return Err(SyncError::UnknownReplica(replica.to_string())),
        };
        if target == local.replica {
            return Err(SyncError::RetireSelf);
        }
        let upto = store
            .foreign_ops()?
            .iter()
            .filter(|o| o.replica == target)
            .map(|o| o.seq)
            .max()
            .unwrap_or(0);
        let mut record = Retirement {
            format: FORMAT,
            replica: target.clone(),
            by: local.replica.clone(),
            upto,
            at: crate::model::rfc3339::format(&now, true)
                .as_str()
                .to_string(),
            sig: String::new(),
        };
        record.sig = signer.sign_record(&record.signed_bytes());
        let json = serde_json::to_vec(&record).expect("serialises");
        let blob = git.write_blob(&super::team_key::seal(&key, &json))?;
        let path = layout::retired_path(&target, &local.replica);
        let commit = git.commit(view.head.as_deref(), &[(path, blob)])?;
        if git.push(&local.remote, &commit)? {
            local.retired.insert(target.clone(), upto);
            local.save(store)?;
            return Ok((target, upto));
        }
    }
    Err(SyncError::Raced)
}
