//! The team in the dashboard: the roster view and its attendance keys, the
//! reminder before a meeting, the week view, and a recurring duty under
//! done, undo and redo, with another process completing it meanwhile.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::testing::{key, key_mod, now, type_text};
use super::{App, View};
use crate::config::Config;
use crate::i18n::Lang;
use crate::model::attendance::{Mark, Whereabouts, day_of, whereabouts};
use crate::model::recur::Every;
use crate::model::{FixedClock, Item, Kind, Member, ModelError, Role, State, Time};
use crate::store::Store;

fn at(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// An app whose store holds what `setup` made, at the clock `clock`.
fn app_at(lang: Lang, clock: Time, setup: impl FnOnce(&mut State)) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |s| {
            setup(s);
            Ok::<_, ModelError>(())
        })
        .unwrap();
    let app = App::new(
        store,
        snap,
        lang,
        Config::default(),
        Box::new(FixedClock(clock)),
    );
    (dir, app)
}

fn interview(s: &mut State) {
    let mut m = Item::new(Kind::Meeting, "个别谈话：办公室主任", now());
    m.start = Some(at("2026-11-25T14:00:00+08:00"));
    m.place = Some("二楼谈话室".into());
    s.add(m).unwrap();
}

fn team(s: &mut State) {
    for (n, r) in [
        ("王组长", Role::Leader),
        ("张三", Role::Member),
        ("李四", Role::Member),
    ] {
        s.add_member(Member::new(n, r)).unwrap();
    }
}

fn screen(app: &mut App) -> String {
    crate::ui::draw_for_tests(app, 120, 30)
}

#[test]
fn a_reminder_shows_ten_minutes_before_a_meeting_and_not_at_twenty() {
    let (_d, mut early) = app_at(Lang::Zh, at("2026-11-25T13:40:00+08:00"), interview);
    assert!(early.reminder_line().is_none());
    assert!(early.take_alarms().is_empty());
    let head: String = screen(&mut early).lines().take(3).collect();
    assert!(!head.contains("个别谈话"), "{head}");

    let (_d, mut app) = app_at(Lang::Zh, at("2026-11-25T13:50:00+08:00"), interview);
    let line = app.reminder_line().unwrap();
    assert!(
        line.contains("14:00") && line.contains("二楼谈话室"),
        "{line}"
    );
    let head: String = screen(&mut app).lines().take(3).collect();
    assert!(head.contains("个别谈话：办公室主任"), "{head}");
    // The bell rings once, however often the screen is refreshed.
    assert_eq!(app.take_alarms().len(), 1);
    app.refresh();
    assert!(app.take_alarms().is_empty());
    // Put away, it stays away.
    key(&mut app, KeyCode::Char('z'));
    assert!(app.reminder_line().is_none());
    app.refresh();
    assert!(app.reminder_line().is_none());
    assert!(
        !screen(&mut app)
            .lines()
            .take(3)
            .collect::<String>()
            .contains("个别谈话")
    );
}

#[test]
fn the_roster_view_records_each_attendance_state_with_one_key() {
    let (_d, mut app) = app_at(Lang::Zh, now(), team);
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.view, View::Roster);
    let text = screen(&mut app);
    assert!(
        text.contains("人员名单") && text.contains("组长") && text.contains("未登记"),
        "{text}"
    );
    // 王组长 is in.
    key(&mut app, KeyCode::Char('i'));
    // 张三 goes out, back at 11:00.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('o'));
    type_text(&mut app, "县交通局，11:00");
    key(&mut app, KeyCode::Enter);
    // 李四 on leave, nobody approving: an alert in the header.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('l'));
    type_text(&mut app, "后天");
    key(&mut app, KeyCode::Enter);
    let s = &app.snap.state;
    let day = day_of(now(), now());
    assert!(matches!(
        whereabouts(s, "王组长", day, now()),
        Whereabouts::Present(_)
    ));
    match whereabouts(s, "张三", day, now()) {
        Whereabouts::Out(p) => {
            assert_eq!(p.place.as_deref(), Some("县交通局"));
            assert_eq!(p.until, Some(at("2026-11-25T11:00:00+08:00")));
        }
        w => panic!("{w:?}"),
    }
    assert!(
        matches!(whereabouts(s, "李四", day, now()), Whereabouts::Leave(p) if p.mark == Mark::Leave)
    );
    let text = screen(&mut app);
    assert!(
        text.contains("外出：县交通局") && text.contains("李四 请假未经批准"),
        "{text}"
    );
    // The alert heads Today too, besides the header.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('t'));
    let text = screen(&mut app);
    assert_eq!(text.matches("李四 请假未经批准").count(), 2, "{text}");
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    // 张三 back.
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('b'));
    assert!(matches!(
        whereabouts(&app.snap.state, "张三", day, now()),
        Whereabouts::Present(_)
    ));
    // What the dashboard recorded is on disk.
    assert_eq!(app.store.load().unwrap().state.attendance.len(), 4);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Panes);
}

#[test]
fn a_bad_return_time_keeps_the_prompt_with_the_reason_and_records_nothing() {
    let (_d, mut app) = app_at(Lang::En, now(), team);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('o'));
    type_text(&mut app, "county office, whenever");
    key(&mut app, KeyCode::Enter);
    match &app.overlay {
        super::Overlay::Prompt(p) => {
            assert!(p.error.as_deref().is_some_and(|e| e.contains("whenever")))
        }
        o => panic!("{o:?}"),
    }
    assert!(app.snap.state.attendance.is_empty());
}

#[test]
fn the_week_view_lists_seven_days_and_moves_a_week_with_the_brackets() {
    let (_d, mut app) = app_at(Lang::En, now(), |s| {
        interview(s);
        let mut m = Item::new(Kind::Meeting, "下周听取汇报", now());
        m.start = Some(at("2026-12-01T09:30:00+08:00"));
        s.add(m).unwrap();
    });
    key(&mut app, KeyCode::Char('w'));
    assert!(matches!(app.view, View::Week(_)));
    let lines = crate::ui::week_lines_for_tests(&app);
    assert_eq!(lines.iter().filter(|l| !l.starts_with(' ')).count(), 7);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Wed 11-25") && l.contains("today"))
    );
    assert!(lines.iter().any(|l| l.contains("个别谈话：办公室主任")));
    assert!(!lines.iter().any(|l| l.contains("下周听取汇报")));
    key(&mut app, KeyCode::Char(']'));
    let lines = crate::ui::week_lines_for_tests(&app);
    assert!(lines[0].starts_with("Mon 11-30"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("下周听取汇报")));
    key(&mut app, KeyCode::Char('['));
    assert!(crate::ui::week_lines_for_tests(&app)[0].starts_with("Mon 11-23"));
}

fn open_meals(s: &State) -> Vec<&Item> {
    s.items
        .iter()
        .filter(|i| i.title == "工作餐安排" && !i.status.is_closed())
        .collect()
}

#[test]
fn done_undo_redo_and_a_completion_elsewhere_never_leave_two_open_occurrences() {
    let (_d, mut app) = app_at(Lang::Zh, now(), |s| {
        let mut l = Item::new(Kind::Logistics, "工作餐安排", now());
        l.due = Some(at("2026-11-25T11:30:00+08:00"));
        l.every = Some(Every::Day);
        s.add(l).unwrap();
    });
    app.select("L1");
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(open_meals(&app.snap.state).len(), 1);
    assert_eq!(
        open_meals(&app.snap.state)[0].due,
        Some(at("2026-11-26T11:30:00+08:00"))
    );
    key(&mut app, KeyCode::Char('u'));
    let open = open_meals(&app.snap.state);
    assert_eq!((open.len(), open[0].id.as_str()), (1, "L1"));
    // Meanwhile the command line completes it again.
    let other = Store::open(app.store.dir()).unwrap();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| s.mark_done("L1", now()).map(|_| ()))
        .unwrap();
    // The redo finds the day's occurrence there already.
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let disk = app.store.load().unwrap().state;
    assert_eq!(open_meals(&disk).len(), 1, "{:?}", open_meals(&disk));
    assert_eq!(open_meals(&app.snap.state).len(), 1);
}

fn field_text(app: &App) -> String {
    match &app.overlay {
        super::Overlay::Form(f) => f.focused().text(),
        super::Overlay::Prompt(p) => p.input.value().to_string(),
        o => panic!("{o:?}"),
    }
}

#[test]
fn a_meetings_attendees_complete_from_the_roster_with_tab_and_free_text_stays() {
    let (_d, mut app) = app_at(Lang::Zh, now(), team);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "听取汇报");
    for _ in 0..20 {
        if matches!(&app.overlay, super::Overlay::Form(f) if f.focused().key == super::form::FieldKey::With)
        {
            break;
        }
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "王");
    assert!(screen(&mut app).contains("可选：王组长"));
    key(&mut app, KeyCode::Tab);
    assert_eq!(field_text(&app), "王组长");
    type_text(&mut app, "、被巡察单位班子、李");
    key(&mut app, KeyCode::Tab);
    assert_eq!(field_text(&app), "王组长、被巡察单位班子、李四");
    // A whole name: Tab moves on.
    key(&mut app, KeyCode::Tab);
    assert_ne!(field_text(&app), "王组长、被巡察单位班子、李四");
    key(&mut app, KeyCode::Enter);
    let m = app
        .snap
        .state
        .items
        .iter()
        .find(|i| i.title == "听取汇报")
        .unwrap();
    assert_eq!(m.attendees, ["王组长", "被巡察单位班子", "李四"]);
}

#[test]
fn the_borrower_in_the_custody_step_completes_from_the_roster() {
    use crate::model::custody::{Action, Stage, Step, stage};
    let (_d, mut app) = app_at(Lang::Zh, now(), |s| {
        team(s);
        let d = s.add(Item::new(Kind::Document, "会计凭证", now())).unwrap();
        s.custody(&d, Step::new(Action::Receive), now()).unwrap();
    });
    app.select("D1");
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('1')); // lend
    type_text(&mut app, "张");
    assert!(screen(&mut app).contains("可选：张三"));
    key(&mut app, KeyCode::Tab);
    assert_eq!(field_text(&app), "张三");
    key(&mut app, KeyCode::Enter);
    let disk = app.store.load().unwrap().state;
    assert_eq!(stage(disk.get("D1").unwrap()), Stage::Lent("张三"));
}

#[test]
fn editing_a_recurring_duty_asks_this_one_or_all_coming() {
    let (_d, mut app) = app_at(Lang::Zh, now(), |s| {
        let mut l = Item::new(Kind::Logistics, "工作餐安排", now());
        l.due = Some(at("2026-11-25T11:30:00+08:00"));
        l.every = Some(Every::Day);
        s.add(l).unwrap();
    });
    app.select("L1");
    key(&mut app, KeyCode::Char('e'));
    key_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "工作餐安排（加桌）");
    key(&mut app, KeyCode::Enter);
    let text = screen(&mut app);
    assert!(
        text.contains("只改这一次") && text.contains("这一次及以后各次"),
        "{text}"
    );
    assert_eq!(app.snap.state.get("L1").unwrap().title, "工作餐安排");
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(
        app.snap.state.get("L1").unwrap().title,
        "工作餐安排（加桌）"
    );
    key(&mut app, KeyCode::Char('x'));
    let next: Vec<&Item> = app
        .snap
        .state
        .items
        .iter()
        .filter(|i| !i.status.is_closed())
        .collect();
    assert_eq!(next[0].title, "工作餐安排");
    // All coming: the next one takes the change.
    let id = next[0].id.clone();
    app.select(&id);
    key(&mut app, KeyCode::Char('e'));
    key_mod(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "午餐安排");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('x'));
    let open: Vec<&Item> = app
        .snap
        .state
        .items
        .iter()
        .filter(|i| !i.status.is_closed())
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].title, "午餐安排");
}

#[test]
fn undo_takes_back_an_attendance_report_and_leaves_one_made_elsewhere() {
    let (_d, mut app) = app_at(Lang::En, now(), team);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('o'));
    type_text(&mut app, "county office, 11:00");
    key(&mut app, KeyCode::Enter);
    let day = day_of(now(), now());
    assert!(matches!(
        whereabouts(&app.snap.state, "张三", day, now()),
        Whereabouts::Out(_)
    ));
    // Meanwhile a command line reports 李四 in.
    let other = Store::open(app.store.dir()).unwrap();
    let mut snap = other.load().unwrap();
    other
        .transact(&mut snap, now(), |s| {
            s.attend(crate::model::attendance::Presence::new(
                "李四",
                Mark::In,
                now(),
            ))
        })
        .unwrap();
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('u'));
    let on_disk = app.store.load().unwrap().state;
    assert!(
        matches!(
            whereabouts(&on_disk, "张三", day, now()),
            Whereabouts::Unrecorded
        ),
        "{:?}",
        app.status
    );
    assert!(matches!(
        whereabouts(&on_disk, "李四", day, now()),
        Whereabouts::Present(_)
    ));
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let on_disk = app.store.load().unwrap().state;
    assert!(matches!(
        whereabouts(&on_disk, "张三", day, now()),
        Whereabouts::Out(_)
    ));
    assert_eq!(on_disk.attendance.len(), 2);
}
