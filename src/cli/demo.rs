//! `liaison demo [--items N] [--force]`: a sample inspection, or N synthetic items.

use chrono::{Days, Duration, NaiveTime};
use clap::Args;
use serde::Deserialize;

use super::{CliError, Ctx};
use crate::i18n::{Lang, T, trf};
use crate::model::capture::{self, Marker};
use crate::model::custody::{self, Step, StepKind};
use crate::model::{
    Category, Class, Followup, Item, Kind, MeetingType, Note, Priority, Rule, State, Status, Time,
};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Instead of the sample, make N deterministic synthetic items (for benchmarks).
    #[arg(long, value_name = "N")]
    pub items: Option<usize>,
    /// Replace what is there (the current state is backed up first).
    #[arg(long)]
    pub force: bool,
}

const SAMPLE_ZH: &str = include_str!("../../assets/demo.zh.json");
const SAMPLE_EN: &str = include_str!("../../assets/demo.en.json");

#[derive(Deserialize)]
struct Sample {
    inspection: String,
    inbox: Vec<String>,
    items: Vec<SampleItem>,
}

/// An item of the sample, with times as "DAYS HH:MM" relative to today.
#[derive(Deserialize)]
struct SampleItem {
    kind: Kind,
    title: String,
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    priority: Option<Priority>,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    rule: Option<Rule>,
    #[serde(default)]
    class: Option<Class>,
    #[serde(rename = "type", default)]
    meeting_type: Option<MeetingType>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(rename = "for", default)]
    section: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    custody: Vec<SampleStep>,
}

/// A custody step of the sample, recorded through the model so it is chained.
#[derive(Deserialize)]
struct SampleStep {
    action: StepKind,
    at: String,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    witness: Option<String>,
    #[serde(default)]
    approved_by: Option<String>,
    #[serde(default)]
    location: Option<String>,
    /// When a loan is due back, as "DAYS HH:MM" like `at`.
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// "DAYS HH:MM" → that time, DAYS from today.
fn relative(spec: &str, now: Time) -> Option<Time> {
    let (days, hm) = spec.split_once(' ')?;
    let days: i64 = days.parse().ok()?;
    let time = NaiveTime::parse_from_str(hm, "%H:%M").ok()?;
    let day = now.date_naive().checked_add_signed(Duration::days(days))?;
    crate::model::when::local(day.and_time(time), now)
}

/// `text` with `{wd:N}` (the weekday N days from today) and `{md:N}` (that
/// day's month and day) filled in, so what a title says matches its dates.
fn fill(text: &str, lang: Lang, now: Time) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let Some(close) = tail.find('}') else { break };
        let spec = &tail[1..close];
        let day = |n: &str| {
            n.parse::<i64>()
                .ok()
                .and_then(|n| now.date_naive().checked_add_signed(Duration::days(n)))
        };
        let said = match spec.split_once(':') {
            Some(("wd", n)) => day(n).map(|d| match lang {
                Lang::Zh => crate::i18n::weekday(lang, chrono::Datelike::weekday(&d)).to_string(),
                Lang::En => d.format("%A").to_string(),
            }),
            Some(("md", n)) => day(n).map(|d| match lang {
                Lang::Zh => d.format("%-m月%-d日").to_string(),
                Lang::En => d.format("%-d %b").to_string(),
            }),
            _ => None,
        };
        match said {
            Some(said) => out.push_str(&said),
            None => out.push_str(&tail[..=close]),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The sample inspection in `lang`, with times around `now`. It is the
/// same story at any hour: nothing in it happened after `now` (a meeting's
/// notes are taken during it, so one not held yet has none), and each item
/// was created before the first thing that happened to it.
pub fn sample(lang: Lang, now: Time) -> State {
    let text = if lang == Lang::Zh {
        SAMPLE_ZH
    } else {
        SAMPLE_EN
    };
    let sample: Sample = serde_json::from_str(text).expect("the shipped sample is valid");
    let mut state = State {
        inspection: Some(sample.inspection),
        ..State::default()
    };
    let earlier = now - Duration::hours(2);
    for s in sample.items {
        let mut item = Item::new(s.kind, fill(&s.title, lang, now), earlier);
        let at = |v: &Option<String>| v.as_deref().and_then(|v| relative(v, now));
        item.due = at(&s.due);
        item.start = at(&s.start);
        item.end = at(&s.end);
        item.status = s.status.unwrap_or(Status::Open);
        item.priority = s.priority.unwrap_or(Priority::Normal);
        item.category = s.category.or(item.category);
        item.from = s.from;
        item.rule = s.rule.or(item.rule);
        item.class = s.class.or(item.class);
        item.meeting_type = s.meeting_type.or(item.meeting_type);
        item.place = s.place;
        item.attendees = s.with;
        item.section = s.section;
        item.contact = s.contact;
        let note_time = item.start.unwrap_or(earlier);
        item.notes = s
            .notes
            .into_iter()
            .enumerate()
            .map(|(i, text)| Note {
                at: note_time + Duration::minutes(3 * i as i64 + 2),
                text,
            })
            .filter(|n| n.at <= now)
            .collect();
        let custody_at: Vec<Time> = s
            .custody
            .iter()
            .map(|c| relative(&c.at, now).expect("the shipped sample's times are valid"))
            .collect();
        let held = item.start.filter(|&t| t <= now);
        let first = custody_at
            .iter()
            .copied()
            .chain(item.notes.iter().map(|n| n.at))
            .chain(held)
            .min();
        if let Some(first) = first {
            item.created = item.created.min(first - Duration::hours(1));
        }
        item.updated = item
            .notes
            .iter()
            .map(|n| n.at)
            .fold(item.created, Time::max);
        // As the note box would have made them: `?` lines stay open, and a
        // meeting already held was prepared.
        item.followups = item
            .notes
            .iter()
            .filter_map(|n| match capture::marker(&n.text) {
                (Marker::Question, q) => Some(Followup {
                    at: n.at,
                    text: q.to_string(),
                    done: None,
                }),
                _ => None,
            })
            .collect();
        if item.start.is_some_and(|s| s < now) {
            item.checklist.iter_mut().for_each(|c| c.done = true);
        }
        let id = state.add(item).expect("the shipped sample is valid");
        for (c, at) in s.custody.into_iter().zip(custody_at) {
            let step = Step {
                person: c.person,
                witness: c.witness,
                approved_by: c.approved_by,
                location: c.location,
                until: c.until.as_deref().and_then(|u| relative(u, now)),
                note: c.note,
                ..Step::new(c.action)
            };
            state
                .custody(&id, step, at)
                .expect("the shipped sample's custody follows the rules");
        }
    }
    state.inbox = sample
        .inbox
        .into_iter()
        .map(|text| Note {
            at: earlier,
            text: fill(&text, lang, now),
        })
        .collect();
    state
}

/// `n` synthetic items, the same for the same `n` and day: a quarter of each
/// kind, three notes each, custody steps on documents, 30% done.
pub fn synthetic(n: usize, now: Time) -> State {
    let mut state = State {
        inspection: Some(format!("Synthetic inspection ({n} items)")),
        ..State::default()
    };
    let base = now.with_time(NaiveTime::MIN).single().unwrap_or(now);
    let places = ["三楼大会议室", "驻地二楼谈话室", "驻地会议室", "现场"];
    let units = [
        "财务部",
        "党委办公室",
        "工程管理部",
        "组织人事部",
        "纪委办公室",
    ];
    let sections = ["谈话组", "资料组", "综合组", "调研组"];
    for i in 0..n {
        let kind = Kind::ALL[i % 4];
        let day = (i as i64 % 41) - 20;
        let at =
            base + Duration::days(day) + Duration::minutes(((i * 37) % (10 * 60)) as i64 + 8 * 60);
        let created = base.checked_sub_days(Days::new(30)).unwrap_or(base);
        let mut item = Item::new(
            kind,
            format!("{} #{i} 第{}批 核对资料与底稿", kind.as_str(), i / 4 + 1),
            created,
        );
        item.priority = Priority::ALL[i % 3];
        if i % 10 < 3 {
            item.status = Status::Done;
        } else if i % 10 == 3 {
            item.status = Status::Waiting;
        }
        match kind {
            Kind::Logistics => {
                item.category = Some(Category::ALL[i % Category::ALL.len()]);
                item.due = Some(at);
            }
            Kind::Document => {
                item.from = Some(units[i % units.len()].to_string());
                item.rule = Some(Rule::ALL[i % 3]);
                item.class = Some(Class::ALL[i % 4]);
                item.due = Some(at);
            }
            Kind::Meeting => {
                item.meeting_type = Some(MeetingType::ALL[i % MeetingType::ALL.len()]);
                item.start = Some(at);
                item.end = Some(at + Duration::minutes(60));
                item.place = Some(places[i % places.len()].to_string());
                item.attendees = vec!["组长".into(), "联络员".into(), format!("组员{}", i % 7)];
            }
            Kind::Substitute => {
                item.section = Some(sections[i % sections.len()].to_string());
                item.due = Some(at);
                if item.status == Status::Done {
                    item.handback = Some(format!("已完成第{}批，遗留事项已交回原版块", i / 4 + 1));
                }
            }
        }
        item.notes = (0..3)
            .map(|k| Note {
                at: created + Duration::minutes(k * 5),
                text: format!("记录{k}：问：情况是否属实？答：已核实，见第{i}号凭证。"),
            })
            .collect();
        let done = item.status == Status::Done;
        state.add(item).expect("synthetic items are valid");
        if kind == Kind::Document
            && let Some(item) = state.items.last_mut()
        {
            synthetic_custody(item, i, at, done);
        }
    }
    state
}

/// Received; two in three lent (one of those back); the done ones closed by
/// their rule. Recorded through the model, so the log is chained.
fn synthetic_custody(item: &mut Item, i: usize, at: Time, done: bool) {
    let mut steps = vec![Step::new(StepKind::Receive)];
    if !i.is_multiple_of(3) {
        steps.push(Step::new(StepKind::Lend).person("组员甲"));
    }
    if i % 3 == 2 || (done && i % 3 == 1) {
        steps.push(Step::new(StepKind::Back));
    }
    if done {
        steps.push(match custody::closing_step(item.rule) {
            StepKind::Shred => Step::new(StepKind::Shred)
                .approved_by("组长")
                .witness("副组长"),
            StepKind::Archive => Step::new(StepKind::Archive).location("驻地档案柜"),
            closing => Step::new(closing).person("提供单位经办人"),
        });
    }
    for (k, step) in steps.into_iter().enumerate() {
        let when = at + Duration::minutes(45 * k as i64);
        custody::apply(item, step, when).expect("synthetic custody follows the rules");
    }
}

pub fn run(ctx: &Ctx, args: &DemoArgs) -> Result<(), CliError> {
    let now = ctx.now();
    let fresh = match args.items {
        Some(n) => synthetic(n, now),
        None => sample(ctx.lang, now),
    };
    let count = fresh.items.len();
    let dir = ctx.store.dir().display().to_string();
    let mut snap = ctx.load()?;
    if !snap.state.items.is_empty() && !args.force {
        return Err(CliError(trf(
            ctx.lang,
            T::DemoNotEmpty,
            &[&dir, &snap.state.items.len()],
        )));
    }
    if args.force {
        ctx.store.backup_now(now)?;
    }
    let (force, lang) = (args.force, ctx.lang);
    ctx.change_in(&mut snap, move |state| {
        if !state.items.is_empty() && !force {
            // Someone added items since we looked: keep them.
            return Err(crate::model::ModelError::Refused(trf(
                lang,
                T::DemoNotEmpty,
                &[&dir, &state.items.len()],
            )));
        }
        *state = fresh;
        Ok(())
    })?;
    say!(
        "{}",
        trf(
            ctx.lang,
            T::DemoFilled,
            &[&ctx.store.dir().display(), &count]
        )
    );
    Ok(())
}
