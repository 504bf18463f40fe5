//! Team sync through the real binary and real git, in temporary
//! directories: three replicas and one bare repository (as on a USB
//! drive), offline changes on all three, syncs in every order; no plain
//! text in the repository; a forged operation refused; a retired replica's
//! later operations refused; kill -9 during sync; a wrong team passphrase.

#[path = "support/bin.rs"]
mod bin;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const TEAM_PASS: &str = "驻地优盘 team passphrase";

struct Team {
    root: tempfile::TempDir,
    repo: PathBuf,
    pass: PathBuf,
}

fn team() -> Team {
    let root = tempfile::tempdir().unwrap();
    let repo = root.path().join("usb").join("team.git");
    fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "--quiet", "--bare"]);
    let pass = root.path().join("team.pass");
    fs::write(&pass, format!("{TEAM_PASS}\n")).unwrap();
    fs::set_permissions(&pass, fs::Permissions::from_mode(0o600)).unwrap();
    Team { root, repo, pass }
}

fn git(repo: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

impl Team {
    fn dir(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn cmd(&self, data: &Path, args: &[&str]) -> Command {
        let mut cmd = bin::liaison(data, bin::NOW);
        cmd.args(args)
            .env("LIAISON_TEST_CHEAP_KDF", "1")
            .env("LIAISON_TEAM_PASSPHRASE_FILE", &self.pass);
        cmd
    }

    fn run(&self, data: &Path, args: &[&str]) -> Output {
        self.cmd(data, args).output().unwrap()
    }

    /// Runs and asserts success; stdout.
    fn ok(&self, data: &Path, args: &[&str]) -> String {
        let out = self.run(data, args);
        assert!(
            out.status.success(),
            "{args:?} on {}: {}",
            data.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn join(&self, data: &Path) {
        let repo = self.repo.to_str().unwrap();
        self.ok(data, &["sync", "init", repo]);
        self.ok(data, &["sync"]);
    }

    /// Every object of the bare repository, as `cat-file --batch` gives it.
    fn objects(&self) -> String {
        let out = git(&self.repo, &["cat-file", "--batch-all-objects", "--batch"]);
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// `list --json` without the replica-local fields, items by id.
fn state(t: &Team, data: &Path) -> String {
    let out = t.ok(data, &["list", "--json", "--all", "--include-confidential"]);
    let mut items: Vec<Value> = serde_json::from_str(&out).unwrap();
    items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    serde_json::to_string(&items).unwrap()
}

/// Three replicas that have joined, A (the founder) holding D1 and D2.
fn three(t: &Team) -> [PathBuf; 3] {
    let [a, b, c] = ["a", "b", "c"].map(|n| t.dir(n));
    t.ok(
        &a,
        &[
            "add",
            "document",
            "近三年财务收支明细账",
            "--from",
            "财务部",
            "--rule",
            "return",
            "--class",
            "secret",
        ],
    );
    t.ok(
        &a,
        &[
            "add",
            "document",
            "信访举报件复印件",
            "--from",
            "纪委办公室",
            "--rule",
            "shred",
            "--class",
            "confidential",
        ],
    );
    t.ok(&a, &["custody", "D1", "receive"]);
    t.ok(&a, &["custody", "D2", "receive"]);
    for d in [&a, &b, &c] {
        t.join(d);
    }
    [a, b, c]
}

/// A day offline on all three: adds, edits of one field, notes on one
/// item, and custody steps on D2 that cannot both hold.
fn offline_day(t: &Team, [a, b, c]: &[PathBuf; 3]) {
    t.ok(a, &["custody", "D1", "lend", "--person", "张三"]);
    t.ok(a, &["priority", "D1", "high"]);
    t.ok(a, &["note", "组长：先核对凭证", "--to", "D1"]);
    t.ok(b, &["note", "副组长：该账册需重点核查", "--to", "D1"]);
    t.ok(
        b,
        &[
            "add",
            "meeting",
            "听取汇报",
            "--start",
            "2030-01-02 09:30",
            "--place",
            "三楼会议室",
        ],
    );
    t.ok(b, &["priority", "D1", "low"]);
    t.ok(c, &["add", "logistics", "订车：周四8:30"]);
    t.ok(
        a,
        &[
            "custody",
            "D2",
            "shred",
            "--witness",
            "李四",
            "--approved-by",
            "组长",
        ],
    );
    t.ok(b, &["custody", "D2", "lend", "--person", "赵六"]);
}

#[test]
fn three_replicas_converge_whatever_order_they_sync_in() {
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let t = team();
        let dirs = three(&t);
        offline_day(&t, &dirs);
        for round in 0..2 {
            for i in order {
                let out = t.ok(&dirs[i], &["sync"]);
                assert!(out.contains("Synced"), "round {round}: {out}");
            }
        }
        let states: Vec<String> = dirs.iter().map(|d| state(&t, d)).collect();
        assert_eq!(states[0], states[1], "order {order:?}");
        assert_eq!(states[1], states[2], "order {order:?}");
        let s = &states[0];
        for kept in [
            "副组长：该账册需重点核查",
            "组长：先核对凭证",
            "听取汇报",
            "订车：周四8:30",
            "张三",
            "赵六",
        ] {
            assert!(s.contains(kept), "order {order:?} lost {kept}");
        }
        let items: Vec<Value> = serde_json::from_str(s).unwrap();
        let d2 = items.iter().find(|i| i["id"] == "D2").unwrap().to_string();
        assert!(
            d2.to_lowercase().contains("conflict"),
            "no conflict on D2: {d2}"
        );
        let d1 = items.iter().find(|i| i["id"] == "D1").unwrap().to_string();
        assert!(
            !d1.to_lowercase().contains("conflict"),
            "D1 has no conflict: {d1}"
        );
    }
}

#[test]
fn the_bare_repository_holds_no_plain_text() {
    let t = team();
    let dirs = three(&t);
    offline_day(&t, &dirs);
    for d in &dirs {
        t.ok(d, &["sync"]);
    }
    let objects = t.objects();
    assert!(objects.contains("argon2id"), "the team file is there");
    for secret in [
        "近三年财务收支明细账",
        "副组长",
        "张三",
        "赵六",
        "听取汇报",
        "三楼会议室",
        "财务部",
    ] {
        assert!(
            !objects.contains(secret),
            "{secret} is readable in the repository"
        );
    }
    // Commits name nobody and say nothing.
    let log = String::from_utf8(git(&t.repo, &["log", "--format=%an %ae %s", "main"])).unwrap();
    assert!(
        log.lines().all(|l| l == "liaison liaison@localhost sync"),
        "{log}"
    );
}

#[test]
fn the_calendar_is_written_only_when_asked_for() {
    let t = team();
    let a = t.dir("a");
    let repo = t.repo.to_str().unwrap();
    t.ok(
        &a,
        &[
            "add",
            "meeting",
            "听取汇报",
            "--start",
            "2030-01-02 09:30",
            "--place",
            "三楼会议室",
        ],
    );
    t.ok(&a, &["sync", "init", repo]);
    t.ok(&a, &["sync"]);
    assert!(!t.objects().contains("BEGIN:VCALENDAR"));
    t.ok(&a, &["sync", "init", repo, "--calendar"]);
    t.ok(&a, &["sync"]);
    let ics = String::from_utf8(git(&t.repo, &["show", "main:meetings.ics"])).unwrap();
    assert!(
        ics.contains("BEGIN:VCALENDAR") && ics.contains("听取汇报"),
        "{ics}"
    );
}

#[test]
fn a_wrong_team_passphrase_is_one_line_and_changes_nothing() {
    let t = team();
    let [a, b, _] = three(&t);
    let wrong = t.dir("wrong.pass");
    fs::write(&wrong, "not the team passphrase\n").unwrap();
    fs::set_permissions(&wrong, fs::Permissions::from_mode(0o600)).unwrap();
    t.ok(&a, &["add", "logistics", "订房"]);
    let head = git(&t.repo, &["rev-parse", "main"]);
    let out = t
        .cmd(&a, &["sync"])
        .env("LIAISON_TEAM_PASSPHRASE_FILE", &wrong)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("wrong team passphrase"), "{err}");
    assert_eq!(
        git(&t.repo, &["rev-parse", "main"]),
        head,
        "the repository is untouched"
    );
    // A new data directory does not join with it either.
    let d = t.dir("d");
    let out = t
        .cmd(&d, &["sync", "init", t.repo.to_str().unwrap()])
        .env("LIAISON_TEAM_PASSPHRASE_FILE", &wrong)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(git(&t.repo, &["rev-parse", "main"]), head);
    // A passphrase file others can read is refused.
    fs::set_permissions(&t.pass, fs::Permissions::from_mode(0o644)).unwrap();
    assert!(!t.run(&b, &["sync"]).status.success());
}

#[test]
fn a_data_directory_with_items_cannot_join_a_founded_team() {
    let t = team();
    let [_, _, _] = three(&t);
    let d = t.dir("d");
    t.ok(&d, &["add", "logistics", "订房"]);
    let out = t.run(&d, &["sync", "init", t.repo.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holds items"), "{err}");
}

/// Writes `bytes` as a new file `path` on the repository's branch, as a
/// member with write access to the drive could.
fn plant(repo: &Path, path: &str, bytes: &[u8]) {
    let index = repo.join("plant-index");
    let run = |args: &[&str], input: Option<&[u8]>| -> String {
        use std::io::Write;
        let mut child = Command::new("git")
            .arg("--git-dir")
            .arg(repo)
            .args(args)
            .env("GIT_INDEX_FILE", &index)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "x")
            .env("GIT_AUTHOR_EMAIL", "x@x")
            .env("GIT_COMMITTER_NAME", "x")
            .env("GIT_COMMITTER_EMAIL", "x@x")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.unwrap_or(b""))
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let blob = run(&["hash-object", "-w", "--stdin"], Some(bytes));
    run(&["read-tree", "main"], None);
    run(
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("100644,{blob},{path}"),
        ],
        None,
    );
    let tree = run(&["write-tree"], None);
    let commit = run(&["commit-tree", &tree, "-p", "main", "-m", "sync"], None);
    run(&["update-ref", "refs/heads/main", &commit], None);
}

/// The team key, derived as a member would from the team passphrase.
fn team_key(t: &Team) -> liaison::store::crypt::Key {
    let json = git(&t.repo, &["show", "main:team.json"]);
    let file: liaison::sync::layout::TeamFile = serde_json::from_slice(&json).unwrap();
    liaison::sync::team_key::open_team(&file, &liaison::store::Passphrase::new(TEAM_PASS)).unwrap()
}

fn replica_of(t: &Team, data: &Path) -> String {
    let out = t.ok(data, &["sync", "status", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v["replica"].as_str().unwrap().to_string()
}

#[test]
fn an_operation_forged_in_another_replicas_name_is_refused_and_named() {
    let t = team();
    let [a, b, c] = three(&t);
    let key = team_key(&t);
    // C's laptop writes an operation claiming to be A's: A's own last
    // operation, its title changed, A's signature kept.
    let a_id = replica_of(&t, &a);
    let c_id = replica_of(&t, &c);
    let files = String::from_utf8(git(&t.repo, &["ls-tree", "-r", "--name-only", "main"])).unwrap();
    let mut a_ops = Vec::new();
    for path in files
        .lines()
        .filter(|p| p.starts_with(&format!("ops/{a_id}/")))
    {
        let sealed = git(&t.repo, &["show", &format!("main:{path}")]);
        let plain = liaison::sync::team_key::open(&key, sealed, "x").unwrap();
        let batch: liaison::sync::layout::Batch = serde_json::from_slice(&plain).unwrap();
        a_ops.extend(batch.ops);
    }
    let mut batch = liaison::sync::layout::Batch {
        format: 1,
        replica: String::new(),
        ops: Vec::new(),
    };
    let mut op = a_ops.last().cloned().unwrap();
    op.change = "edit".into();
    op.fields.clear();
    op.seq = 9_999;
    op.id = format!("{a_id}-9999");
    op.item = Some("D1".into());
    op.fields.insert(
        "title".into(),
        liaison::store::op::Field::Set(Value::Null, Value::String("被篡改的标题".into())),
    );
    batch.ops = vec![op];
    batch.replica = c_id.clone();
    let bytes = liaison::sync::team_key::seal(&key, &serde_json::to_vec(&batch).unwrap());
    plant(&t.repo, &format!("ops/{c_id}/000999.bin"), &bytes);
    let out = t.run(&b, &["sync"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&a_id) && err.contains("9999") && err.contains("forged"),
        "{err}"
    );
    assert!(!state(&t, &b).contains("被篡改的标题"));
    t.ok(&b, &["verify"]);
}

#[test]
fn a_retired_replicas_later_operations_are_refused() {
    let t = team();
    let [a, b, c] = three(&t);
    let c_id = replica_of(&t, &c);
    t.ok(&c, &["add", "logistics", "停用前的安排"]);
    t.ok(&c, &["sync"]);
    t.ok(&b, &["sync"]);
    let out = t.ok(&b, &["sync", "retire", &c_id[..6]]);
    assert!(out.contains(&c_id), "{out}");
    // The lost laptop goes on writing.
    t.ok(&c, &["add", "logistics", "停用后的伪造安排"]);
    t.ok(&c, &["sync"]);
    let out = t.run(&a, &["sync"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&c_id) && err.contains("retired"), "{err}");
    let s = state(&t, &a);
    assert!(
        s.contains("停用前的安排") && !s.contains("停用后的伪造安排"),
        "{s}"
    );
    let status = t.ok(&a, &["sync", "status"]);
    assert!(status.contains("retired"), "{status}");
}

#[test]
fn kill_9_during_sync_loses_nothing_and_the_next_sync_completes() {
    let t = team();
    let [a, _, c] = three(&t);
    // A fixed sequence of delays (a linear congruential generator): the
    // kills land at different points of a sync, the same on every run.
    let mut seed: u64 = 12_345;
    for k in 0..20 {
        t.ok(&c, &["add", "logistics", &format!("杀进程测试{k}")]);
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let delay = std::time::Duration::from_millis((seed >> 33) % 120);
        let mut child = t.cmd(&c, &["sync"]).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
    }
    let out = t.ok(&c, &["sync"]);
    assert!(out.contains("Synced"), "{out}");
    t.ok(&c, &["verify"]);
    t.ok(&a, &["sync"]);
    let s = state(&t, &a);
    for k in 0..20 {
        assert!(s.contains(&format!("杀进程测试{k}")), "change {k} was lost");
    }
    assert_eq!(state(&t, &a), state(&t, &c));
    git(&t.repo, &["fsck", "--no-progress"]);
}

#[test]
fn a_replica_file_swapped_for_another_key_is_not_trusted() {
    let t = team();
    let [a, b, c] = three(&t);
    let key = team_key(&t);
    let a_id = replica_of(&t, &a);
    // C's laptop puts its own public key in A's replica file, to sign
    // operations in A's name with it.
    let c_id = replica_of(&t, &c);
    let sealed = git(&t.repo, &["show", &format!("main:replicas/{c_id}.json")]);
    let plain = liaison::sync::team_key::open(&key, sealed, "x").unwrap();
    let mut file: liaison::sync::layout::ReplicaFile = serde_json::from_slice(&plain).unwrap();
    file.replica = a_id.clone();
    let bytes = liaison::sync::team_key::seal(&key, &serde_json::to_vec(&file).unwrap());
    plant(&t.repo, &format!("replicas/{a_id}.json"), &bytes);
    let out = t.run(&b, &["sync"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&a_id) && err.contains("another key"), "{err}");
    // A's own operations still arrive, checked with its first key.
    t.ok(&a, &["add", "logistics", "订车"]);
    t.ok(&a, &["sync"]);
    t.ok(&b, &["sync"]);
    assert!(state(&t, &b).contains("订车"));
}

#[test]
fn locks_left_by_a_killed_git_or_a_pulled_drive_do_not_stop_the_next_sync() {
    let t = team();
    let [a, b, _] = three(&t);
    // In the local clone: what a git killed mid-fetch leaves.
    let clone = a.join("sync").join("repo");
    fs::write(clone.join("refs/remotes/origin/main.lock"), "").unwrap();
    fs::write(clone.join("packed-refs.lock"), "").unwrap();
    // On the drive: a lock on the branch, pulled out mid-push long ago.
    let lock = t.repo.join("refs/heads/main.lock");
    fs::write(&lock, "").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(old)
        .unwrap();
    t.ok(&a, &["add", "logistics", "订车"]);
    t.ok(&a, &["sync"]);
    t.ok(&b, &["sync"]);
    assert!(state(&t, &b).contains("订车"));
}
