//! One verified operation as the journal read it: borrowing its line, or
//! parsed whole.

use std::collections::HashMap;

use super::super::op::{self, Line, Mismatch, Op, Ready};
use crate::model::State;

/// One verified operation of a [`Read`].
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<'a> {
    Line(Line<'a>),
    Op(Op),
}

impl Entry<'_> {
    pub fn seq(&self) -> u64 {
        match self {
            Entry::Line(l) => l.seq,
            Entry::Op(o) => o.seq,
        }
    }

    pub fn hash(&self) -> &str {
        match self {
            Entry::Line(l) => l.hash,
            Entry::Op(o) => &o.hash,
        }
    }

    pub fn prev(&self) -> &str {
        match self {
            Entry::Line(l) => l.prev,
            Entry::Op(o) => &o.prev,
        }
    }

    pub fn change(&self) -> &str {
        match self {
            Entry::Line(l) => l.change,
            Entry::Op(o) => &o.change,
        }
    }

    pub fn item(&self) -> Option<&str> {
        match self {
            Entry::Line(l) => l.item,
            Entry::Op(o) => o.item.as_deref(),
        }
    }

    pub fn hlc(&self) -> &str {
        match self {
            Entry::Line(l) => l.hlc,
            Entry::Op(o) => &o.hlc,
        }
    }

    pub(super) fn more(&self) -> bool {
        match self {
            Entry::Line(l) => l.more,
            Entry::Op(o) => o.more,
        }
    }

    /// Whether it sets any of the fields `names`.
    pub fn sets_any(&self, names: &[&str]) -> bool {
        match self {
            Entry::Line(l) => l.fields.iter().any(|(name, _)| names.contains(name)),
            Entry::Op(o) => o.fields.keys().any(|name| names.contains(&name.as_str())),
        }
    }

    pub fn to_op(&self) -> Op {
        match self {
            Entry::Line(l) => l.to_op(),
            Entry::Op(o) => o.clone(),
        }
    }

    pub fn into_op(self) -> Op {
        match self {
            Entry::Line(l) => l.to_op(),
            Entry::Op(o) => o,
        }
    }

    /// Applies it to `state` (see `op::apply`).
    pub fn apply(
        &self,
        state: &mut State,
        index: &mut Option<HashMap<String, usize>>,
    ) -> Result<(), Mismatch> {
        match self {
            Entry::Line(l) => op::apply_line(state, l, index),
            Entry::Op(o) => op::apply(state, o, index),
        }
    }

    /// What it does, decoded ahead where it can be (see `op::prepare`).
    pub fn prepare(&self) -> Option<Ready> {
        match self {
            Entry::Line(l) => op::prepare(l),
            Entry::Op(_) => None,
        }
    }

    /// [`Entry::apply`], with what [`Entry::prepare`] gave.
    pub fn apply_ready(
        &self,
        state: &mut State,
        ready: Option<Ready>,
        index: &mut Option<HashMap<String, usize>>,
    ) -> Result<(), Mismatch> {
        match (self, ready) {
            (Entry::Line(l), Some(ready)) => op::apply_ready(state, l, ready, index),
            _ => self.apply(state, index),
        }
    }
}
