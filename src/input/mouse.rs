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
                        let pane = &mut app.panes[p];
                        let offset = ui::scroll_offset(pane.selected, h);
                        let row = offset + (at.y - inner_top) as usize;
                        if row < pane.rows.len() {
                            pane.selected = row;
                        }
                    }
                }
                MouseEventKind::ScrollDown => update(app, Action::Down),
                MouseEventKind::ScrollUp => update(app, Action::Up),
                _ => {}
            }
        }
        View::Today | View::Detail(_) | View::Holders => match m.kind {
            MouseEventKind::ScrollDown => update(app, Action::Down),
            MouseEventKind::ScrollUp => update(app, Action::Up),
            _ => {}
        },
    }
}
