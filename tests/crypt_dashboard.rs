//! The dashboard on encrypted data, in a pseudo-terminal: it asks for the
//! passphrase on the plain terminal, without echo, before taking the screen
//! over; three wrong answers end it with a message and nothing written.

#[path = "support/pty.rs"]
mod pty;

#[path = "support/files.rs"]
mod files_support;
use files_support::files;

use liaison::model::{Item, Kind};
use liaison::store::{KdfParams, Passphrase, Store};
use pty::{Home, Term, WAIT};

const PASS: &str = "联络员 passphrase";
const PROMPT: &str = "Passphrase for";

use pty::now;

/// A home whose data holds one item and is encrypted (cheaply, for tests).
fn encrypted_home() -> Home {
    let home = Home::new();
    let mut store = Store::open(home.data_dir()).unwrap();
    let mut snap = store.load().unwrap();
    store
        .transact(&mut snap, now(), |s| {
            s.add(Item::new(Kind::Logistics, "订房：驻地宾馆", now()))
        })
        .unwrap();
    store
        .encrypt(&Passphrase::new(PASS), KdfParams::TEST_ONLY_CHEAP)
        .unwrap();
    home
}

fn answer(t: &Term, text: &str) {
    t.send(text);
    t.send("\r");
}

#[test]
fn three_wrong_passphrases_end_it_before_the_screen_is_taken_with_nothing_written() {
    let home = encrypted_home();
    let before = files(&home.data_dir());
    let mut t = home.spawn(100, 30, &[]);
    t.wait_for(PROMPT, WAIT);
    assert!(!t.alternate_screen(), "asked on the plain terminal");
    answer(&t, "wrong one");
    t.wait_for("Wrong passphrase, try again.", WAIT);
    for (n, wrong) in [(2, "wrong two"), (3, "联络员 passphrasf")] {
        t.wait_until("the next prompt", WAIT, |s| {
            s.contents().matches(PROMPT).count() == n
        });
        answer(&t, wrong);
    }
    let status = t.wait_exit(WAIT);
    assert!(!status.success(), "exit {status:?}");
    let screen = t.screen();
    assert!(screen.contains("wrong passphrase"), "{screen}");
    assert_eq!(t.count(PROMPT), 3, "{screen}");
    assert!(!screen.contains("wrong one") && !screen.contains("passphrasf"));
    assert!(!t.alternate_screen());
    assert_eq!(files(&home.data_dir()), before);
}

#[test]
fn the_right_passphrase_opens_the_dashboard_and_is_never_shown() {
    let home = encrypted_home();
    let mut t = home.spawn(100, 30, &[]);
    t.wait_for(PROMPT, WAIT);
    answer(&t, PASS);
    t.wait_for("订房：驻地宾馆", WAIT);
    assert!(t.alternate_screen());
    t.send("q");
    assert!(t.wait_exit(WAIT).success(), "{}", t.screen());
    // Back on the plain screen: the prompt is there, what was typed is not.
    assert!(t.find(PROMPT).is_some(), "{}", t.screen());
    assert!(t.find(PASS).is_none() && t.find("联络员").is_none());
    // The backup taken at the start is sealed like everything else.
    for (path, bytes) in files(&home.data_dir()) {
        assert!(
            !bytes.windows(6).any(|w| w == "订房".as_bytes()),
            "{} is readable",
            path.display()
        );
    }
}

#[test]
fn ctrl_c_at_the_prompt_cancels_with_nothing_written() {
    let home = encrypted_home();
    let before = files(&home.data_dir());
    let mut t = home.spawn(100, 30, &[]);
    t.wait_for(PROMPT, WAIT);
    t.send("half typed");
    t.send_bytes(&[0x03]);
    let status = t.wait_exit(WAIT);
    assert!(!status.success());
    t.wait_for("cancelled", WAIT);
    assert_eq!(files(&home.data_dir()), before);
}
