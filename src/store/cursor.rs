//! Reading JSON the program wrote itself, the quick way: a cursor over one
//! compact line that steps over what it expects next and gives `None` for
//! anything else, so the caller can leave the line to `serde_json`, whose
//! refusal then names what is wrong. Shared by the journal's lines (see
//! `op::line`) and the snapshot's items (see `scan`).
//!
//! Every string it takes is plain: no backslash and no control character,
//! so its text is its bytes and `serde_json` would read the same.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::model::{Time, rfc3339};

/// How deep a field value may nest and still be checked on its own: the
/// parser allows 128 levels in all, and a value sits 4 deep in its line.
const DEPTH: usize = 100;

pub(super) struct Cursor<'a> {
    text: &'a str,
    at: usize,
    /// Whether the text holds a control character anywhere: checked once
    /// for the whole line rather than string by string (most strings are
    /// a few bytes, and checking each was a tenth of reading an item).
    control: bool,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            at: 0,
            control: has_control(text.as_bytes()),
        }
    }

    /// Whether the whole text was read.
    pub(super) fn done(&self) -> bool {
        self.at == self.text.len()
    }

    fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.at..]
    }

    /// `what` next, stepped over. Its length known when compiled, the
    /// comparison is a few loads rather than a call to `memcmp` (about
    /// twenty a line: 8% of reading a journal).
    pub(super) fn lit<const N: usize>(&mut self, what: &[u8; N]) -> Option<()> {
        (self.rest().get(..N)? == what).then(|| self.at += N)
    }

    /// `key` and what `read` reads after it when the line has it there;
    /// `None` inside when it does not, and `None` outside when what
    /// follows it is not read.
    pub(super) fn field<const N: usize, T>(
        &mut self,
        key: &[u8; N],
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.lit(key) {
            Some(()) => read(self).map(Some),
            None => Some(None),
        }
    }

    /// [`Cursor::field`] for a plain string.
    pub(super) fn optional<const N: usize>(&mut self, key: &[u8; N]) -> Option<Option<&'a str>> {
        self.field(key, Cursor::string)
    }

    /// A string with neither a backslash nor a control character in it:
    /// its text is then its bytes.
    pub(super) fn string(&mut self) -> Option<&'a str> {
        self.lit(b"\"")?;
        let rest = self.rest();
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] != b'"' || (self.control && has_control(&rest[..end])) {
            return None;
        }
        let s = &self.text[self.at..self.at + end];
        self.at += end + 1;
        Some(s)
    }

    /// A plain string, owned.
    pub(super) fn owned(&mut self) -> Option<String> {
        self.string().map(str::to_string)
    }

    /// `null`, or what `read` reads.
    pub(super) fn or_null<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.lit(b"null") {
            Some(()) => Some(None),
            None => read(self).map(Some),
        }
    }

    /// A time, read as `rfc3339`'s serde code reads one.
    pub(super) fn time(&mut self) -> Option<Time> {
        rfc3339::parse(self.string()?).ok()
    }

    /// A plain string decoded as `T` decodes its name: the same serde
    /// code, so the same names are taken.
    pub(super) fn name<T: Deserialize<'a>>(&mut self) -> Option<T> {
        let text = self.string()?;
        let de = BorrowedStrDeserializer::<serde::de::value::Error>::new(text);
        T::deserialize(de).ok()
    }

    pub(super) fn boolean(&mut self) -> Option<bool> {
        if self.lit(b"true").is_some() {
            Some(true)
        } else {
            self.lit(b"false").map(|()| false)
        }
    }

    /// A list of what `read` reads, `[` to `]`, comma-separated.
    pub(super) fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.lit(b"[")?;
        let mut out = Vec::new();
        if self.lit(b"]").is_some() {
            return Some(out);
        }
        loop {
            out.push(read(self)?);
            if self.lit(b"]").is_some() {
                return Some(out);
            }
            self.lit(b",")?;
        }
    }

    /// Plain digits, without a leading zero, that fit.
    pub(super) fn number(&mut self) -> Option<u64> {
        let rest = self.rest();
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || (len > 1 && rest[0] == b'0') {
            return None;
        }
        let n = self.text[self.at..self.at + len].parse().ok()?;
        self.at += len;
        Some(n)
    }

    /// The text of one JSON value, up to the `,`, `]` or `}` after it,
    /// checked as `serde_json::Value` parsing checks it.
    pub(super) fn value(&mut self) -> Option<&'a str> {
        let start = self.at;
        // Most values are plain (see `Cursor::plain`): read and checked in
        // one pass, they end where the scan below would end them.
        if self.plain(0).is_some() && matches!(self.rest().first(), Some(b',' | b']' | b'}')) {
            return Some(&self.text[start..self.at]);
        }
        self.at = start;
        let bytes = self.text.as_bytes();
        let (mut depth, mut deepest) = (0usize, 0usize);
        loop {
            match *bytes.get(self.at)? {
                b'"' => loop {
                    self.at += 1;
                    self.at += memchr::memchr2(b'"', b'\\', &bytes[self.at..])?;
                    if bytes[self.at] == b'"' {
                        self.at += 1;
                        break;
                    }
                    self.at += 1;
                },
                b'[' | b'{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                    self.at += 1;
                }
                b']' | b'}' | b',' if depth == 0 => break,
                b']' | b'}' => {
                    depth -= 1;
                    self.at += 1;
                }
                _ => self.at += 1,
            }
        }
        let text = &self.text[start..self.at];
        // (Not plain: that was tried above.)
        let checked = serde_json::from_str::<Checked>(text).is_ok();
        (deepest <= DEPTH && checked).then_some(text)
    }
}

/// Whether `bytes` hold a byte below 0x20, 32 at a time without an early
/// exit within them, so that the check runs wide.
fn has_control(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(32);
    let wide = chunks
        .by_ref()
        .any(|c| c.iter().fold(false, |a, &b| a | (b < 0x20)));
    wide || chunks.remainder().iter().any(|&b| b < 0x20)
}

impl Cursor<'_> {
    /// One JSON value of the plainest kind — plain strings, integers of up
    /// to 18 digits, `true`, `false`, `null`, and lists and objects of
    /// them, with no blank anywhere — which `serde_json::Value` parsing
    /// always takes: checked without a parser (most of a journal's values
    /// are such). Inside `depth` lists or objects, fewer than the scan of
    /// [`Cursor::value`] allows.
    fn plain(&mut self, depth: usize) -> Option<()> {
        if depth >= DEPTH {
            return None;
        }
        match *self.rest().first()? {
            b'"' => self.string().map(drop),
            b'[' => self.list(|c| c.plain(depth + 1)).map(drop),
            b'{' => {
                self.at += 1;
                if self.lit(b"}").is_some() {
                    return Some(());
                }
                loop {
                    self.string()?;
                    self.lit(b":")?;
                    self.plain(depth + 1)?;
                    if self.lit(b"}").is_some() {
                        return Some(());
                    }
                    self.lit(b",")?;
                }
            }
            b't' => self.lit(b"true"),
            b'f' => self.lit(b"false"),
            b'n' => self.lit(b"null"),
            _ => {
                let _ = self.lit(b"-");
                let start = self.at;
                self.number()?;
                (self.at - start <= 18).then_some(())
            }
        }
    }
}

/// A JSON value parsed as `serde_json::Value` parses one (the same calls
/// into the parser, so the same numbers, strings and escapes are refused),
/// keeping nothing.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        d.deserialize_any(Checked)
    }
}

/// A key of an object, read as `Value` reads one (as a string).
struct Key;

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        d.deserialize_str(Key)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Key, E> {
        Ok(Key)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = Checked;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_none<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Checked, D::Error> {
        Checked::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_key::<Key>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
}

#[cfg(test)]
pub(super) mod tests;
