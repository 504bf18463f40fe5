//! Reading a journal line the quick way: an operation in the very shape
//! this program writes it (compact, its keys in order, no escapes outside
//! the field values) is cut into borrowed pieces, its field values kept as
//! their JSON text, instead of being built into an [`Op`] whose values are
//! `serde_json::Value` trees. At 10,000 operations after a snapshot,
//! parsing the lines into `Op`s and dropping them again cost about as much
//! as all the rest of opening the dashboard.
//!
//! A line is taken only when `Op`'s own parsing would take it and give the
//! same operation: every string of the envelope is plain (no backslash, no
//! control character), the number is plain digits, the time parses, the
//! field names are in order without repeats, and each field value is
//! checked as `serde_json::Value` parsing checks it (numbers in range, whole
//! escapes, not nested deeper than the parser allows) without building it.
//! Anything else — another shape, a value that fails — gives `None`, and
//! the line is parsed as an `Op` as before, so its refusal is the same.

use std::collections::BTreeMap;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Field, Op};
use crate::model::{Time, rfc3339};

/// An operation read from its line, borrowing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    pub id: &'a str,
    pub replica: &'a str,
    pub seq: u64,
    pub at: Time,
    pub hlc: &'a str,
    pub member: Option<&'a str>,
    pub item: Option<&'a str>,
    pub change: &'a str,
    /// By name, in order, each name once.
    pub fields: Vec<(&'a str, Raw<'a>)>,
    pub reverts: Option<&'a str>,
    pub more: bool,
    pub sig: Option<&'a str>,
    pub prev: &'a str,
    pub hash: &'a str,
}

/// A field's change with its values as JSON text (checked to parse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raw<'a> {
    /// Old and new value.
    Set(&'a str, &'a str),
    /// The appended entries: a JSON array.
    Push(&'a str),
}

impl Line<'_> {
    /// The field named `name`, if the operation sets it.
    pub fn field(&self, name: &str) -> Option<Raw<'_>> {
        self.fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, f)| *f)
    }

    /// The same operation as `Op` parsing gives it.
    pub fn to_op(&self) -> Op {
        let value = |text: &str| -> Value {
            serde_json::from_str(text).expect("checked when the line was read")
        };
        let fields: BTreeMap<String, Field> = self
            .fields
            .iter()
            .map(|(k, f)| {
                let f = match f {
                    Raw::Set(old, new) => Field::Set(value(old), value(new)),
                    Raw::Push(list) => Field::Push(
                        serde_json::from_str(list).expect("checked when the line was read"),
                    ),
                };
                (k.to_string(), f)
            })
            .collect();
        Op {
            id: self.id.into(),
            replica: self.replica.into(),
            seq: self.seq,
            at: self.at,
            hlc: self.hlc.into(),
            member: self.member.map(Into::into),
            item: self.item.map(Into::into),
            change: self.change.into(),
            fields,
            reverts: self.reverts.map(Into::into),
            more: self.more,
            sig: self.sig.map(Into::into),
            prev: self.prev.into(),
            hash: self.hash.into(),
        }
    }
}

/// `text` (one line, without its newline) read the quick way, or `None`
/// when it is not in the shape this program writes (see the module).
pub fn scan(text: &str) -> Option<Line<'_>> {
    let mut c = Cursor { text, at: 0 };
    c.lit(b"{\"id\":")?;
    let id = c.string()?;
    c.lit(b",\"replica\":")?;
    let replica = c.string()?;
    c.lit(b",\"seq\":")?;
    let seq = c.number()?;
    c.lit(b",\"at\":")?;
    let at = rfc3339::parse(c.string()?).ok()?;
    let hlc = c.optional(b",\"hlc\":")?.unwrap_or("");
    let member = c.optional(b",\"member\":")?;
    let item = c.optional(b",\"item\":")?;
    c.lit(b",\"change\":")?;
    let change = c.string()?;
    c.lit(b",\"fields\":{")?;
    let mut fields: Vec<(&str, Raw)> = Vec::with_capacity(2);
    if c.lit(b"}").is_none() {
        loop {
            let name = c.string()?;
            if fields.last().is_some_and(|(last, _)| *last >= name) {
                return None;
            }
            let raw = if c.lit(b":{\"set\":[").is_some() {
                let old = c.value()?;
                c.lit(b",")?;
                let new = c.value()?;
                c.lit(b"]}")?;
                Raw::Set(old, new)
            } else {
                c.lit(b":{\"push\":")?;
                let list = c.value()?;
                c.lit(b"}")?;
                if !list.starts_with('[') {
                    return None;
                }
                Raw::Push(list)
            };
            fields.push((name, raw));
            if c.lit(b"}").is_some() {
                break;
            }
            c.lit(b",")?;
        }
    }
    let reverts = c.optional(b",\"reverts\":")?;
    let more = c.lit(b",\"more\":true").is_some();
    let sig = c.optional(b",\"sig\":")?;
    c.lit(b",\"prev\":")?;
    let prev = c.string()?;
    c.lit(b",\"hash\":")?;
    let hash = c.string()?;
    c.lit(b"}")?;
    (c.at == text.len()).then_some(Line {
        id,
        replica,
        seq,
        at,
        hlc,
        member,
        item,
        change,
        fields,
        reverts,
        more,
        sig,
        prev,
        hash,
    })
}

/// How deep a field value may nest and still be checked on its own: the
/// parser allows 128 levels in all, and a value sits 4 deep in its line.
const DEPTH: usize = 100;

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.at..]
    }

    /// `what` next, stepped over. Its length known when compiled, the
    /// comparison is a few loads rather than a call to `memcmp` (about
    /// twenty a line: 8% of reading a journal).
    fn lit<const N: usize>(&mut self, what: &[u8; N]) -> Option<()> {
        (self.rest().get(..N)? == what).then(|| self.at += N)
    }

    /// `key` and a string after it when the line has it there; `None`
    /// inside when it does not, and `None` outside when it is not plain.
    fn optional<const N: usize>(&mut self, key: &[u8; N]) -> Option<Option<&'a str>> {
        match self.lit(key) {
            Some(()) => self.string().map(Some),
            None => Some(None),
        }
    }

    /// A string with neither a backslash nor a control character in it:
    /// its text is then its bytes.
    fn string(&mut self) -> Option<&'a str> {
        self.lit(b"\"")?;
        let rest = self.rest();
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        // (Without an early exit, so that the check runs wide.)
        let control = rest[..end].iter().fold(false, |c, &b| c | (b < 0x20));
        if rest[end] != b'"' || control {
            return None;
        }
        let s = &self.text[self.at..self.at + end];
        self.at += end + 1;
        Some(s)
    }

    /// Plain digits, without a leading zero, that fit.
    fn number(&mut self) -> Option<u64> {
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
    fn value(&mut self) -> Option<&'a str> {
        let start = self.at;
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
        (deepest <= DEPTH && serde_json::from_str::<Checked>(text).is_ok()).then_some(text)
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
mod tests;
