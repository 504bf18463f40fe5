//! Any bytes as state.json: `decode` refuses them or returns a state that
//! saves and loads back the same; it never panics.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use liaison::store::{decode, encode};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(state) = decode(bytes, Path::new("state.json")) {
        let again = decode(&encode(&state), Path::new("state.json"))
            .expect("what was read saves in a form that reads back");
        assert_eq!(again, state);
    }
});
