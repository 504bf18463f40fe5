//! How `state.json` is laid out: the top two levels one entry per line, and
//! each item, note or counter set below them compact on its own line.
//!
//! Against `serde_json`'s pretty printer this writes a quarter fewer bytes
//! (no indentation inside items), so loads and saves are quicker, while the
//! file still reads and diffs by hand one item per line.

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// Containers nested this deep or less get one entry per line.
const OPEN_DEPTH: usize = 2;
const INDENT: &[u8] = b"  ";

/// Writes `state` to `out` laid out by [`Lines`], one item a line (the
/// plaintext of a sealed snapshot too), with a final newline.
pub fn write(out: &mut impl Write, state: &crate::model::State) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Lines::default());
    serde::Serialize::serialize(state, &mut ser)?;
    out.write_all(b"\n")
}

/// Where the items are in a snapshot laid out by [`Lines`].
pub struct Items {
    /// Where the first item's line starts.
    pub start: usize,
    /// Where the line closing the item list (`  ]`) starts.
    pub end: usize,
    /// Each item's object (its line without the indent and the comma):
    /// where it starts and how long it is, in order.
    pub spans: Vec<(usize, usize)>,
}

/// The items of `bytes` as [`Lines`] lays them out: the list opening and
/// closing on lines of its own, every line between one indented object.
/// None for anything else. (A JSON string holds no raw line break, so the
/// lines are the items.)
pub fn items(bytes: &[u8]) -> Option<Items> {
    const HEAD: &[u8] = b"\n  \"items\": [\n";
    let start = memchr::memmem::find(bytes, HEAD)? + HEAD.len();
    let mut spans = Vec::new();
    let mut at = start;
    while !bytes[at..].starts_with(b"  ]") {
        let len = memchr::memchr(b'\n', &bytes[at..])?;
        let object = bytes[at..at + len].strip_prefix(b"    ")?;
        let object = object.strip_suffix(b",").unwrap_or(object);
        if !object.starts_with(b"{") || !object.ends_with(b"}") {
            return None;
        }
        spans.push((at + 4, object.len()));
        at += len + 1;
    }
    Some(Items {
        start,
        end: at,
        spans,
    })
}

#[derive(Default)]
pub struct Lines {
    /// How many containers are open.
    depth: usize,
    /// Whether the innermost open container has an entry yet.
    has_value: bool,
}

impl Lines {
    fn open(&self) -> bool {
        self.depth <= OPEN_DEPTH
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        (0..depth).try_for_each(|_| w.write_all(INDENT))
    }

    fn begin<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let was_open = self.open();
        self.depth -= 1;
        if was_open && self.has_value {
            self.newline(w, self.depth)?;
        }
        w.write_all(bracket)
    }

    fn entry<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.open() {
            self.newline(w, self.depth)?;
        }
        Ok(())
    }
}

impl Formatter for Lines {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.open() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lay_out(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Lines::default());
        serde::Serialize::serialize(v, &mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_item_per_line_compact_inside() {
        // (Keys come out sorted from a `Value`.)
        let v = json!({
            "version": 1,
            "counters": {"logistics": 2},
            "items": [
                {"id": "L1", "notes": [{"at": "t", "text": "a"}], "tags": []},
                {"id": "L2"}
            ],
            "inbox": []
        });
        assert_eq!(
            lay_out(&v),
            "{\n  \"counters\": {\n    \"logistics\": 2\n  },\n  \"inbox\": [],\n  \"items\": [\n    \
             {\"id\":\"L1\",\"notes\":[{\"at\":\"t\",\"text\":\"a\"}],\"tags\":[]},\n    \
             {\"id\":\"L2\"}\n  ],\n  \"version\": 1\n}"
        );
        let text = lay_out(&v);
        let laid = items(text.as_bytes()).expect("laid out");
        let objects: Vec<&str> = laid.spans.iter().map(|&(s, n)| &text[s..s + n]).collect();
        assert_eq!(
            objects,
            [
                "{\"id\":\"L1\",\"notes\":[{\"at\":\"t\",\"text\":\"a\"}],\"tags\":[]}",
                "{\"id\":\"L2\"}"
            ]
        );
        assert!(text[laid.end..].starts_with("  ],"));
        assert_eq!(&text[laid.start - 11..laid.start], "\"items\": [\n");
        // Not laid out so: pretty, or an item over two lines.
        assert!(items(serde_json::to_string_pretty(&v).unwrap().as_bytes()).is_none());
        let cut = text.replacen(",\"tags\"", ",\n\"tags\"", 1);
        assert!(items(cut.as_bytes()).is_none());
    }

    #[test]
    fn reads_back_as_the_same_value() {
        let v = json!({"a": [[1, [2, {"b": []}]], {}], "c": {"d": {"e": [null]}}, "f": "x\ny"});
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&lay_out(&v)).unwrap(),
            v
        );
    }
}
