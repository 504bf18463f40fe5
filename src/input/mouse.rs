//! Mouse: a click focuses a pane and selects a row; the wheel scrolls.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::app::{Action, App, Overlay, View, update};
use crate::ui;

pub fn handle(app: &mut App, m: MouseEvent) {
    if app.privacy || !matches!(app.overlay, Overlay::None) {
        return;
    }
    let area = Rect::new(0, 0, app.area.0, app.area.1);
    let at = Position::new(m.column, m.row);
    let a = ui::areas(app, area);
    match app.view {
        View::Panes => {
            let Some(&(p, r)) = a.panes.iter().find(|(_, r)| r.contains(at)) else {
                return;
            };
            app.focus = p;
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    let inner_top = r.y + 1;
                    if at.y >= inner_top && at.y < r.bottom().saturating_sub(1) {
                        let h = r.height.saturating_sub(2) as usize;
                        let lines = ui::entries(app, p);
                        let pane = &mut app.panes[p];
                        let shown = lines
                            .iter()
                            .position(|e| *e == ui::Entry::Row(pane.selected))
                            .unwrap_or(0);
                        let offset = ui::scroll_offset(shown, h);
                        if let Some(ui::Entry::Row(row)) =
                            lines.get(offset + (at.y - inner_top) as usize)
                        {
                            pane.selected = *row;
                        }
                    }
                }
                MouseEventKind::ScrollDown => update(app, Action::Down),
                MouseEventKind::ScrollUp => update(app, Action::Up),
                _ => {}
            }
        }
        View::Today
        | View::Detail(_)
        | View::Holders
        | View::Clearance
        | View::Inbox
        | View::Roster
        | View::Week => match m.kind {
            MouseEventKind::ScrollDown => update(app, Action::Down),
            MouseEventKind::ScrollUp => update(app, Action::Up),
            _ => {}
        },
    }
}
