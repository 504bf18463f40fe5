//! Colours and marks, with `NO_COLOR` and ASCII fallbacks.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::Status;

/// How things look on this terminal.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    /// How the config (with `NO_COLOR` read at load) says to draw.
    pub fn of(config: &crate::config::Config) -> Theme {
        Theme {
            color: config.color,
            ascii: config.ascii_borders,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn overdue(&self) -> Style {
        if self.color {
            self.fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn due_today(&self) -> Style {
        if self.color {
            self.fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn closed(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn error(&self) -> Style {
        if self.color {
            self.fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    pub fn status_mark(&self, s: Status) -> &'static str {
        match (s, self.ascii) {
            (Status::Open, _) => " ",
            (Status::InProgress, false) => "▸",
            (Status::InProgress, true) => ">",
            (Status::Waiting, false) => "…",
            (Status::Waiting, true) => "~",
            (Status::Done, false) => "✓",
            (Status::Done, true) => "x",
            (Status::Cancelled, false) => "✗",
            (Status::Cancelled, true) => "/",
        }
    }

    /// The mark on high-priority items.
    pub fn priority_mark(&self) -> &'static str {
        "!"
    }

    /// The mark on meetings that clash with another.
    pub fn conflict_mark(&self) -> &'static str {
        if self.ascii { "!" } else { "⚠" }
    }

    /// The mark on secret and confidential documents.
    pub fn sensitive_mark(&self) -> &'static str {
        if self.ascii { "#" } else { "■" }
    }
}
