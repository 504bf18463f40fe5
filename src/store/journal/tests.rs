//! The journal file's lines: read back verified, torn, edited, reordered.

use super::*;
use std::collections::BTreeMap;

fn op(seq: u64, prev: &str, change: &str, more: bool) -> Op {
    Op {
        id: format!("r-{seq}"),
        replica: "r".into(),
        seq,
        at: chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap(),
        hlc: String::new(),
        member: None,
        item: Some("L1".into()),
        change: change.into(),
        fields: BTreeMap::new(),
        reverts: None,
        more,
        sig: None,
        prev: prev.into(),
        hash: String::new(),
    }
}

fn chain(n: u64) -> (Vec<u8>, Vec<Op>) {
    let mut bytes = Vec::new();
    let mut ops = Vec::new();
    let mut prev = String::new();
    for seq in 1..=n {
        let mut o = op(
            seq,
            &prev,
            if seq == 1 { "snapshot" } else { "edit" },
            false,
        );
        bytes.extend(encode_line(&mut o, Seal::Plain));
        prev = o.hash.clone();
        ops.push(o);
    }
    (bytes, ops)
}

#[test]
fn lines_read_back_verified() {
    let (bytes, ops) = chain(4);
    let got = parse(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
    assert_eq!(got.ops, ops);
    assert_eq!(got.good_len, bytes.len() as u64);
    assert!(!got.torn);
}

#[test]
fn a_torn_tail_is_ignored_but_an_edited_line_is_an_error() {
    let (bytes, _) = chain(3);
    let cut = &bytes[..bytes.len() - 10];
    let got = parse(cut, Path::new("j"), 1, None, Seal::Plain).unwrap();
    assert_eq!(got.ops.len(), 2);
    assert!(got.torn);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let edited = text.replacen("\"edit\"", "\"done\"", 1);
    let err = parse(edited.as_bytes(), Path::new("j"), 1, None, Seal::Plain).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Tampered {
                line: 2,
                what: Tamper::Altered,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn removed_or_swapped_lines_break_the_chain() {
    let (bytes, _) = chain(4);
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let without: Vec<u8> = [lines[0], lines[1], lines[3]].concat();
    let err = parse(&without, Path::new("j"), 1, None, Seal::Plain).unwrap_err();
    assert!(matches!(
        err,
        StoreError::Tampered {
            line: 3,
            what: Tamper::BrokenLink,
            ..
        }
    ));
    let swapped: Vec<u8> = [lines[0], lines[2], lines[1], lines[3]].concat();
    assert!(parse(&swapped, Path::new("j"), 1, None, Seal::Plain).is_err());
}

#[test]
fn a_change_without_its_last_line_is_not_applied() {
    let mut bytes = Vec::new();
    let mut a = op(1, "", "snapshot", false);
    bytes.extend(encode_line(&mut a, Seal::Plain));
    let mut b = op(2, &a.hash, "add", true);
    bytes.extend(encode_line(&mut b, Seal::Plain));
    let good = a.hash.len();
    let got = parse(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
    assert_eq!(got.ops.len(), 1);
    assert!(got.torn && good > 0);
}

#[test]
fn hmac_matches_a_known_vector() {
    // RFC 4231 test case 2 uses a short key; with a 32-byte key of 0x0b
    // bytes the construction must equal HMAC-SHA256 as commonly computed.
    let key = [0x0bu8; 32];
    let mac = hex(&hmac(&key, &[b"Hi There"]));
    assert_eq!(
        mac,
        "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"
    );
}

#[test]
fn a_line_in_another_shape_is_read_whole_and_verified_as_before() {
    let mut a = op(1, "", "snapshot", false);
    let mut bytes = encode_line(&mut a, Seal::Plain);
    // Line 2 as another writer might put it: an escape in the item's id.
    let mut b = op(2, &a.hash, "edit", false);
    let written = encode_line(&mut b, Seal::Plain);
    let body = String::from_utf8(written[..written.len() - SUFFIX_LEN - 1].to_vec())
        .unwrap()
        .replace(r#""item":"L1""#, r#""item":"\u004c1""#)
        + "}";
    let hash = link(Seal::Plain, &a.hash, body.as_bytes());
    bytes.extend(format!("{},\"hash\":\"{hash}\"}}\n", &body[..body.len() - 1]).into_bytes());
    b.hash = hash.clone();
    let mut c = op(3, &hash, "edit", false);
    bytes.extend(encode_line(&mut c, Seal::Plain));
    let read = read(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
    let shapes: Vec<bool> = read
        .ops
        .iter()
        .map(|e| matches!(e, Entry::Line(_)))
        .collect();
    assert_eq!(shapes, [true, false, true]);
    let got = parse(&bytes, Path::new("j"), 1, None, Seal::Plain).unwrap();
    assert_eq!(got.ops, [a, b, c]);
    // An edit of either shape is caught on its line.
    let text = String::from_utf8(bytes).unwrap();
    for (from, to, line) in [("r-2", "r-7", 2), ("r-3", "r-8", 3)] {
        let edited = text.replacen(from, to, 1);
        let err = parse(edited.as_bytes(), Path::new("j"), 1, None, Seal::Plain).unwrap_err();
        assert!(
            matches!(err, StoreError::Tampered { line: l, what: Tamper::Altered, .. } if l == line),
            "{err:?}"
        );
    }
}
