//! Any bytes as an encrypted file: reading the header never panics, never
//! accepts costs outside the cap or below what liaison writes (so a crafted
//! header cannot make us derive a key with 4 GiB of memory), and opening
//! with a key either fails as damage / another key / newer, or succeeds
//! only on what authenticates under that key.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use liaison::store::crypt::{KdfParams, Key, Passphrase, SALT_LEN};
use liaison::store::envelope;

fn key() -> &'static Key {
    static KEY: OnceLock<Key> = OnceLock::new();
    KEY.get_or_init(|| {
        Key::derive(
            &Passphrase::new("fuzz passphrase"),
            [7; SALT_LEN],
            KdfParams::TEST_ONLY_CHEAP,
        )
        .expect("the cheap costs are valid")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("state.json");
    if let Ok(header) = envelope::parse(bytes, path) {
        assert!(header.params.accepted(), "{:?}", header.params);
        assert!(header.params.m_kib <= KdfParams::MAX.m_kib);
    }
    // Also sealed by our key around the fuzzed bytes: opens back to them.
    let mut copy = bytes.to_vec();
    let _ = envelope::open(key(), &mut copy, path);
    let mut sealed = envelope::seal(key(), bytes);
    assert_eq!(envelope::open(key(), &mut sealed, path).ok(), Some(bytes));
});
