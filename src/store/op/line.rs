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

use serde_json::Value;

use super::{Field, Op};
use crate::model::{Time, rfc3339};
use crate::store::cursor::Cursor;

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
    let mut c = Cursor::new(text);
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
    c.done().then_some(Line {
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

#[cfg(test)]
mod tests;
