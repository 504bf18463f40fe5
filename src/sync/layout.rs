//! What the team's repository holds, file by file. Nothing in it is plain
//! text but `team.json` (how to derive the team key, and a value that tells
//! a wrong passphrase) and, only when a replica opted in, `meetings.ics`:
//!
//! | path | written by | holds (sealed with the team key) |
//! |---|---|---|
//! | `team.json` | the founder, once | Argon2id costs, salt, check value (plain) |
//! | `replicas/R.json` | replica R | its public key, member name, id block |
//! | `ops/R/000001.bin` … | replica R, one new file per sync | R's new operations, signed |
//! | `retired/R-B.json` | replica B | B's retirement of R, signed by B |
//! | `meetings.ics` | replicas that opted in | the meetings (plain, by choice) |
//!
//! Every replica writes only its own files, and a batch once pushed is
//! never rewritten, so git never merges inside a file. Names are replica
//! ids (random hex) and numbers; commit messages are all `sync`.

use serde::{Deserialize, Serialize};

use crate::store::Op;

pub const TEAM_FILE: &str = "team.json";
pub const CALENDAR_FILE: &str = "meetings.ics";
/// The format of the files below; a newer one is refused by name.
pub const FORMAT: u32 = 1;
/// The largest file read from the repository.
pub const MAX_FILE: u64 = 64 << 20;

pub fn replica_path(replica: &str) -> String {
    format!("replicas/{replica}.json")
}

pub fn batch_path(replica: &str, n: u32) -> String {
    format!("ops/{replica}/{n:06}.bin")
}

pub fn retired_path(replica: &str, by: &str) -> String {
    format!("retired/{replica}-{by}.json")
}

/// Which replica's batch a path is, and its number.
pub fn parse_batch(path: &str) -> Option<(&str, u32)> {
    let rest = path.strip_prefix("ops/")?;
    let (replica, file) = rest.split_once('/')?;
    let n = file.strip_suffix(".bin")?;
    if !is_id(replica) || n.len() != 6 {
        return None;
    }
    Some((replica, n.parse().ok()?))
}

/// A replica id as liaison makes them: hex digits.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `team.json`: how the team key is derived, and a check value (an
/// envelope around nothing, sealed with the key) that tells a wrong
/// passphrase from a right one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamFile {
    pub format: u32,
    pub kdf: String,
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    pub salt: String,
    pub check: String,
}

/// `replicas/R.json`, sealed: who R is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaFile {
    pub format: u32,
    pub replica: String,
    /// The config's `me` on that laptop, if set.
    #[serde(default)]
    pub member: Option<String>,
    /// Its ed25519 public key, hex.
    pub key: String,
    /// The block of ids it makes new items in (0: the founder).
    pub block: u32,
    /// Blocks it used up before (never free again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<u32>,
}

impl ReplicaFile {
    /// Whether this replica holds (or held) `block`.
    pub fn holds(&self, block: u32) -> bool {
        self.block == block || self.earlier.contains(&block)
    }
}

/// The lowest block ≥ 1 that none of `claims` holds.
pub fn free_block(claims: &[ReplicaFile]) -> u32 {
    (1..u32::MAX)
        .find(|b| !claims.iter().any(|c| c.holds(*b)))
        .unwrap_or(u32::MAX)
}

/// `ops/R/N.bin`, sealed: a batch of R's operations.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Batch {
    pub format: u32,
    pub replica: String,
    pub ops: Vec<Op>,
}

/// `retired/R-B.json`, sealed: B no longer trusts R's operations past
/// `upto` (the last of R's that B held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retirement {
    pub format: u32,
    pub replica: String,
    pub by: String,
    pub upto: u64,
    pub at: String,
    /// B's signature over the record without it.
    #[serde(default)]
    pub sig: String,
}

impl Retirement {
    /// The bytes B signs: the record with an empty signature.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut r = self.clone();
        r.sig.clear();
        serde_json::to_vec(&r).expect("a record serialises")
    }
}

/// Hex digits to bytes.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    let t = text.as_bytes();
    if !t.len().is_multiple_of(2) {
        return None;
    }
    let val = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    t.chunks(2)
        .map(|p| Some((val(p[0])? << 4) | val(p[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_paths_read_back_and_others_do_not() {
        assert_eq!(parse_batch(&batch_path("a1b2", 7)), Some(("a1b2", 7)));
        for bad in [
            "ops/a1b2/7.bin",
            "ops/../000001.bin",
            "ops/zz/000001.bin",
            "replicas/a1.json",
            "ops/a1/000001.txt",
        ] {
            assert_eq!(parse_batch(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_free_block_is_the_lowest_no_replica_holds_or_held() {
        let claim = |block, earlier: Vec<u32>| ReplicaFile {
            format: FORMAT,
            replica: "ab".into(),
            member: None,
            key: String::new(),
            block,
            earlier,
        };
        assert_eq!(free_block(&[]), 1);
        assert_eq!(free_block(&[claim(0, vec![]), claim(1, vec![])]), 2);
        assert_eq!(free_block(&[claim(3, vec![1]), claim(2, vec![])]), 4);
    }

    #[test]
    fn hex_reads_back() {
        assert_eq!(unhex("00ff10"), Some(vec![0, 255, 16]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
    }
}
