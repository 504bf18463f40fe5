//! The refusals of the file-system primitives, one by one.

use super::*;
use std::os::unix::fs::symlink;

fn refusal_of(e: io::Error) -> Hostile {
    Hostile::from_io(&e)
        .cloned()
        .unwrap_or_else(|| panic!("{e}"))
}

#[test]
fn a_link_is_refused_by_every_primitive_and_its_target_untouched() {
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    fs::write(&victim, b"keep").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
    let link = d.path().join("link");
    symlink(&victim, &link).unwrap();
    assert!(matches!(
        refusal_of(open_private(&link).unwrap_err()),
        Hostile::Symlink(_)
    ));
    assert!(matches!(
        refusal_of(tighten(&link, 0o600).unwrap_err()),
        Hostile::Symlink(_)
    ));
    assert!(matches!(
        refusal_of(read(&link, None).unwrap_err()),
        Hostile::Symlink(_)
    ));
    assert!(matches!(
        refusal_of(write_atomic(&link, b"x").unwrap_err()),
        Hostile::Symlink(_)
    ));
    let dlink = d.path().join("dlink");
    symlink(d.path(), &dlink).unwrap();
    assert!(matches!(
        refusal_of(ensure_private_dir(&dlink).unwrap_err()),
        Hostile::Symlink(_)
    ));
    assert!(!is_own_dir(&dlink));
    assert_eq!(fs::read(&victim).unwrap(), b"keep");
    assert_eq!(fs::metadata(&victim).unwrap().mode() & 0o777, 0o644);
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("state.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    assert!(matches!(
        refusal_of(read(&fifo, None).unwrap_err()),
        Hostile::NotRegular {
            what: FileKind::Fifo,
            ..
        }
    ));
    assert!(matches!(
        refusal_of(open_private(&fifo).unwrap_err()),
        Hostile::NotRegular {
            what: FileKind::Fifo,
            ..
        }
    ));
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("state.json");
    fs::write(&f, vec![b' '; 100]).unwrap();
    assert_eq!(read(&f, Some(100)).unwrap().len(), 100);
    assert!(matches!(
        refusal_of(read(&f, Some(99)).unwrap_err()),
        Hostile::TooLarge {
            size: 100,
            limit: 99,
            ..
        }
    ));
}

#[test]
fn loose_permissions_are_tightened_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("state.json");
    fs::write(&f, b"{}").unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o666)).unwrap();
    assert!(secure_if_exists(&f).unwrap().is_some());
    assert_eq!(fs::metadata(&f).unwrap().mode() & 0o777, 0o600);
    assert!(secure_if_exists(&f).unwrap().is_none());
    assert!(
        secure_if_exists(&d.path().join("absent"))
            .unwrap()
            .is_none()
    );
}
