//! Decoding a large snapshot on more than one thread. `layout` writes each
//! item on a line of its own, so runs of item lines decode apart, on a
//! thread each, and the items are put back together in order; the fields
//! around the items decode as one small document. The result is the state
//! the whole file decodes to: anything that does not line up exactly (a
//! line not laid out so, a missing comma, a line that does not decode)
//! leaves the file to the ordinary decoding, which also says what is wrong.

use crate::model::{Item, State};

/// Below this many items the file decodes as one document.
const FEWEST: usize = 2000;
/// At most this many threads.
const THREADS: usize = 4;

/// Where the items' lines are: the span of each object, and where the
/// items' array opens (`[`) and closes (the line `  ]`).
pub(super) struct Walked {
    pub spans: Vec<(usize, usize)>,
    pub open: usize,
    pub close: usize,
}

/// The items' lines of `bytes`, laid out by `layout`: one object a line,
/// indented four spaces, each but the last followed by a comma.
pub(super) fn walk(bytes: &[u8]) -> Option<Walked> {
    const HEAD: &[u8] = b"\n  \"items\": [\n";
    let open = memchr::memmem::find(bytes, HEAD)? + HEAD.len() - 2;
    let mut at = open + 2;
    let mut spans = Vec::with_capacity(bytes.len() / 512);
    let mut comma = false;
    while !bytes[at..].starts_with(b"  ]") {
        if !spans.is_empty() && !comma {
            return None;
        }
        let rest = &bytes[at..];
        let len = memchr::memchr(b'\n', rest)?;
        let line = rest[..len].strip_prefix(b"    ")?;
        let object = line.strip_suffix(b",").unwrap_or(line);
        comma = object.len() < line.len();
        if !(object.starts_with(b"{") && object.ends_with(b"}")) {
            return None;
        }
        spans.push((at + 4, at + 4 + object.len()));
        at += len + 1;
    }
    (!comma).then_some(Walked {
        spans,
        open,
        close: at,
    })
}

/// The state in `text`, decoded on several threads when it is large and
/// laid out by `layout`; none otherwise, or when anything does not decode.
pub(super) fn decode(text: &str) -> Option<State> {
    decode_on(
        text,
        std::thread::available_parallelism().map_or(1, |p| p.get()),
    )
}

/// [`decode`] on at most `threads` threads.
fn decode_on(text: &str, threads: usize) -> Option<State> {
    if threads < 2 || text.len() < FEWEST * 256 {
        return None;
    }
    let walked = walk(text.as_bytes())?;
    let n = walked.spans.len();
    if n < FEWEST {
        return None;
    }
    let mut around = String::with_capacity(walked.open + 1 + text.len() - walked.close);
    around.push_str(&text[..=walked.open]);
    around.push_str(&text[walked.close..]);
    let mut state: State = serde_json::from_str(&around).ok()?;
    if !state.items.is_empty() {
        return None;
    }
    let runs = threads.min(THREADS).min(n / (FEWEST / 2)).max(1);
    let size = n.div_ceil(runs);
    let spans = &walked.spans;
    // Each run into a list made to its size: an item is large, and moving
    // thousands of them as a list grows costs more than it seems.
    let run = |from: usize, into: &mut Vec<Item>| {
        for &(start, end) in &spans[from..n.min(from + size)] {
            into.push(serde_json::from_str(&text[start..end]).ok()?);
        }
        Some(())
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..runs)
            .map(|k| {
                scope.spawn(move || {
                    let mut part = Vec::with_capacity(size);
                    run(k * size, &mut part).map(|()| part)
                })
            })
            .collect();
        let mut items = Vec::with_capacity(n);
        run(0, &mut items)?;
        for other in others {
            items.extend(other.join().ok()??);
        }
        state.items = items;
        Some(())
    })?;
    Some(state)
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
