//! Templates as code end to end against the emulator on loopback (SPEC 7): export round-trips
//! and is byte-stable, every action of the plan table with the channel's state checked after
//! apply, plan never writes, apply needs a terminal or --yes, broken or duplicated files stop
//! everything before any request, and apply under 30 % faults creates each template once.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{EMULATOR_KEY, Emulator, TestEnv};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// Runs a command against `emu` with the emulator's key (retries high enough for fault tests).
fn ctl(env: &TestEnv, emu: &Emulator, args: &[&str]) -> common::Run {
    let mut full = vec!["--base-url", emu.base_url.as_str(), "--retries", "12"];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// A UTILITY template with one body text.
fn template(name: &str, language: &str, text: &str) -> Value {
    json!({"name": name, "language": language, "category": "UTILITY",
           "components": [{"type": "BODY", "text": text}]})
}

/// Writes `templates` as a JSON array into `dir/file`; returns the file's path.
fn write(dir: &Path, file: &str, templates: &[Value]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("dir");
    let path = dir.join(file);
    std::fs::write(&path, serde_json::to_string_pretty(&templates).expect("json")).expect("write");
    path
}

/// Creates templates on the channel through `templates submit`.
fn seed(env: &TestEnv, emu: &Emulator, templates: &[Value]) {
    let names: Vec<&str> = templates.iter().filter_map(|t| t["name"].as_str()).collect();
    let file = write(&env.root.join("seed"), &format!("{}.json", names.join("-")), templates);
    ctl(env, emu, &["templates", "submit", p(&file)]).expect_code(0);
}

/// The channel's templates (all pages).
fn channel(env: &TestEnv, emu: &Emulator) -> Vec<Value> {
    let list = ctl(env, emu, &["templates", "list", "--json"]).expect_code(0).json();
    list.as_array().expect("array").clone()
}

fn find<'a>(templates: &'a [Value], name: &str, language: &str) -> Option<&'a Value> {
    templates.iter().find(|t| t["name"] == name && t["language"] == language)
}

/// Every non-GET request the emulator received.
fn writes(emu: &Emulator) -> Vec<Value> {
    emu.requests().into_iter().filter(|r| r["method"] != "GET").collect()
}

fn change<'a>(plan: &'a Value, name: &str, language: &str) -> &'a Value {
    plan["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["name"] == name && c["language"] == language)
        .unwrap_or_else(|| panic!("no change for {name} ({language}) in {plan}"))
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn export_then_plan_is_all_unchanged_and_export_is_byte_stable() {
    let env = TestEnv::new("plan-export");
    let emu = env.emulator(&[]);
    let mut key_order: Value = serde_json::from_str(
        r#"{"components":[{"text":"Ihre Bestellung ist unterwegs.","type":"BODY"}],"category":"UTILITY","language":"de","name":"order_update"}"#,
    )
    .expect("json");
    key_order["parameter_format"] = json!("POSITIONAL");
    seed(
        &env,
        &emu,
        &[
            template("order_update", "en", "Your order shipped."),
            key_order,
            template("order_update", "fr", "Votre commande est partie."),
            template("promo_wrong", "en", "Use coupon SAVE10 today."),
        ],
    );
    let dir = env.root.join("templates");
    let first = ctl(&env, &emu, &["templates", "export", "--dir", p(&dir), "--json"]).expect_code(0).json();
    assert_eq!(first["files"].as_array().expect("files").len(), 2, "one file per name: {first}");
    let text = std::fs::read_to_string(dir.join("order_update.json")).expect("exported");
    let exported: Value = serde_json::from_str(&text).expect("json");
    let languages: Vec<&str> =
        exported.as_array().expect("array").iter().filter_map(|t| t["language"].as_str()).collect();
    assert_eq!(languages, ["de", "en", "fr"], "languages sorted by code");
    assert!(
        text.ends_with("]\n") && text.contains("\n  {\n    \"name\""),
        "2-space indent, trailing newline"
    );
    assert!(!text.contains("\"status\"") && !text.contains("\"id\""), "only what create takes: {text}");
    assert_eq!(exported[0]["parameter_format"], "POSITIONAL");

    let again = ctl(&env, &emu, &["templates", "export", "--dir", p(&dir), "--json"]).expect_code(0).json();
    assert!(again["files"].as_array().expect("files").iter().all(|f| f["changed"] == false), "{again}");
    let other = env.root.join("elsewhere");
    ctl(&env, &emu, &["templates", "export", "--dir", p(&other)]).expect_code(0);
    for name in ["order_update.json", "promo_wrong.json"] {
        assert_eq!(
            std::fs::read(dir.join(name)).expect("first"),
            std::fs::read(other.join(name)).expect("second"),
            "{name} is byte-stable"
        );
    }

    emu.clear_requests();
    let plan = ctl(&env, &emu, &["templates", "plan", "--json", "--prune", p(&dir)]).expect_code(0).json();
    assert_eq!(
        plan["summary"],
        json!({"create":0,"replace":0,"delete":0,"blocked":0,"unchanged":4}),
        "{plan}"
    );
    assert_eq!(
        change(&plan, "promo_wrong", "en")["remote_status"],
        "rejected",
        "a rejected one is unchanged too"
    );
    ctl(&env, &emu, &["templates", "plan", "--check", "--prune", p(&dir)]).expect_code(0);
    let human = ctl(&env, &emu, &["templates", "plan", p(&dir)]).expect_code(0);
    assert_eq!(human.stdout.trim(), "No changes: the channel matches the files (4 unchanged).");
    assert!(writes(&emu).is_empty(), "plan never writes: {:?}", writes(&emu));
}

/// The channel for the action table: one name per row of SPEC 7's table.
fn seed_table(env: &TestEnv, emu: &Emulator) {
    seed(
        env,
        emu,
        &[
            template("keep", "en", "Your order shipped."),
            template("fix_me", "en", "Use coupon SAVE10 today."),
            template("fix_me", "de", "Nutzen Sie den coupon SAVE10."),
            template("locked", "en", "Your parcel is on its way."),
            template("old", "en", "An old notice."),
            template("kept_name", "en", "Your booking is confirmed."),
            template("kept_name", "de", "Ihre Buchung ist bestätigt."),
        ],
    );
    emu.settings(json!({"review_delay_secs": 3600}));
    seed(env, emu, &[template("waiting", "en", "Your ticket is ready.")]);
    emu.settings(json!({"review_delay_secs": 0}));
    let on_channel = channel(env, emu);
    assert_eq!(find(&on_channel, "fix_me", "en").expect("fix_me")["status"], "rejected");
    assert_eq!(find(&on_channel, "locked", "en").expect("locked")["status"], "approved");
    assert_eq!(find(&on_channel, "waiting", "en").expect("waiting")["status"], "submitted");
}

/// The files for the action table.
fn table_files(env: &TestEnv) -> PathBuf {
    let dir = env.root.join("files");
    write(&dir, "keep.json", &[template("keep", "en", "Your order shipped.")]);
    write(&dir.join("nested"), "new_one.json", &[template("new_one", "en", "Welcome aboard.")]);
    let mut fix = template("fix_me", "en", "Your order {{1}} shipped.");
    fix["components"][0]["example"] = json!({"body_text": [["A1"]]});
    write(&dir, "fix_me.json", &[fix]);
    write(&dir, "locked.json", &[template("locked", "en", "Your parcel is on its way!")]);
    write(&dir, "waiting.json", &[template("waiting", "en", "Your ticket is ready!")]);
    write(&dir, "kept_name.json", &[template("kept_name", "en", "Your booking is confirmed.")]);
    dir
}

#[test]
fn plan_shows_every_action_of_the_table_and_never_writes() {
    let env = TestEnv::new("plan-table");
    let emu = env.emulator(&[]);
    seed_table(&env, &emu);
    let dir = table_files(&env);
    emu.clear_requests();
    let plan = ctl(&env, &emu, &["templates", "plan", "--json", "--prune", p(&dir)]).expect_code(0).json();
    let action = |name: &str, language: &str| change(&plan, name, language)["action"].clone();
    assert_eq!(action("keep", "en"), "unchanged");
    assert_eq!(action("new_one", "en"), "create");
    assert_eq!(action("fix_me", "en"), "replace");
    assert_eq!(action("fix_me", "de"), "delete", "a remote-only language of a replaced name goes with it");
    assert_eq!(action("locked", "en"), "blocked");
    assert_eq!(action("waiting", "en"), "blocked");
    assert_eq!(action("old", "en"), "delete");
    assert_eq!(action("kept_name", "en"), "unchanged");
    assert_eq!(action("kept_name", "de"), "blocked", "deleting it would delete the whole name");
    let locked = change(&plan, "locked", "en");
    assert!(locked["reason"].as_str().expect("reason").contains("submit it under a new name"), "{locked}");
    assert_eq!(locked["diff"][0]["path"], "components[0].text");
    assert_eq!(locked["diff"][0]["local"], "Your parcel is on its way!");
    assert_eq!(locked["diff"][0]["remote"], "Your parcel is on its way.");
    assert_eq!(locked["remote_status"], "approved");
    let waiting = change(&plan, "waiting", "en");
    assert!(waiting["reason"].as_str().expect("reason").contains("templates status --wait"), "{waiting}");
    let fix = change(&plan, "fix_me", "en");
    let paths: Vec<&str> =
        fix["diff"].as_array().expect("diff").iter().filter_map(|d| d["path"].as_str()).collect();
    assert_eq!(paths, ["components[0].example", "components[0].text"], "{fix}");
    assert!(change(&plan, "old", "en")["reason"].as_str().expect("warning").contains("30 days"));
    assert_eq!(plan["summary"], json!({"create":1,"replace":1,"delete":2,"blocked":3,"unchanged":2}));

    let human = ctl(&env, &emu, &["templates", "plan", "--prune", p(&dir)]).expect_code(0);
    let lines: Vec<&str> = human.stdout.lines().collect();
    assert!(lines.contains(&"+ create   new_one (en)"), "{}", human.stdout);
    assert!(lines.iter().any(|l| l.starts_with("~ replace  fix_me (en) [rejected]")), "{}", human.stdout);
    assert!(
        lines.iter().any(|l| l.trim_start().starts_with("components[0].text: \"Use coupon")),
        "{}",
        human.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("- delete   old (en) [approved]: deleting an approved")),
        "{}",
        human.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("! blocked  locked (en) [approved]: cannot be changed in place")),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("keep (en)"), "unchanged ones get no line");
    assert!(!human.stdout.contains('\x1b'), "no colour without a terminal");
    assert_eq!(lines.last(), Some(&"Plan: 1 to create, 1 to replace, 2 to delete, 3 blocked, 2 unchanged."));
    ctl(&env, &emu, &["templates", "plan", "--check", p(&dir)]).expect_code(1);
    assert!(writes(&emu).is_empty(), "plan never writes: {:?}", writes(&emu));
}

#[test]
fn apply_makes_every_action_of_the_table_and_the_channel_shows_it() {
    let env = TestEnv::new("plan-apply");
    let emu = env.emulator(&[]);
    seed_table(&env, &emu);
    let dir = table_files(&env);
    emu.clear_requests();
    let applied =
        ctl(&env, &emu, &["templates", "apply", "--json", "--prune", "--yes", p(&dir)]).expect_code(1).json();
    let result = |name: &str, language: &str| change(&applied, name, language)["result"].clone();
    assert_eq!(result("new_one", "en"), "done", "{applied}");
    assert_eq!(result("fix_me", "en"), "done");
    assert_eq!(result("fix_me", "de"), "done");
    assert_eq!(result("old", "en"), "done");
    assert_eq!(result("locked", "en"), "skipped");
    assert_eq!(result("keep", "en"), "skipped");
    assert_eq!(change(&applied, "new_one", "en")["error"], Value::Null);

    let mut deletes: Vec<String> = writes(&emu)
        .iter()
        .filter(|r| r["method"] == "DELETE")
        .filter_map(|r| r["path"].as_str().map(String::from))
        .collect();
    deletes.sort();
    assert_eq!(deletes, ["/v1/configs/templates/fix_me", "/v1/configs/templates/old"]);
    let posts = writes(&emu).iter().filter(|r| r["method"] == "POST").count();
    assert_eq!(posts, 2, "new_one and fix_me (en) created once each");
    let first_post = writes(&emu).iter().position(|r| r["method"] == "POST").expect("posts");
    let last_delete = writes(&emu).iter().rposition(|r| r["method"] == "DELETE").expect("deletes");
    assert!(last_delete < first_post, "deletes run first");

    let on_channel = channel(&env, &emu);
    let pairs: BTreeSet<(String, String)> = on_channel
        .iter()
        .map(|t| {
            (t["name"].as_str().unwrap_or("").to_owned(), t["language"].as_str().unwrap_or("").to_owned())
        })
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("fix_me", "en"),
        ("keep", "en"),
        ("kept_name", "de"),
        ("kept_name", "en"),
        ("locked", "en"),
        ("new_one", "en"),
        ("waiting", "en"),
    ]
    .iter()
    .map(|(n, l)| (n.to_string(), l.to_string()))
    .collect();
    assert_eq!(pairs, expected);
    let fixed = find(&on_channel, "fix_me", "en").expect("fix_me");
    assert_eq!(fixed["components"][0]["text"], "Your order {{1}} shipped.");
    assert_eq!(fixed["status"], "approved", "the re-created name was reviewed anew");
    assert_eq!(
        find(&on_channel, "locked", "en").expect("locked")["components"][0]["text"],
        "Your parcel is on its way."
    );

    // Round trip: export into an empty folder, and plan of those files shows only unchanged.
    let exported = env.root.join("exported");
    ctl(&env, &emu, &["templates", "export", "--dir", p(&exported)]).expect_code(0);
    let plan =
        ctl(&env, &emu, &["templates", "plan", "--json", "--prune", p(&exported)]).expect_code(0).json();
    assert_eq!(plan["summary"]["unchanged"], 7, "{plan}");

    // The deleted approved name is locked for 30 days: re-creating it fails with Meta's error.
    let again = write(&env.root.join("again"), "old.json", &[template("old", "en", "An old notice.")]);
    let run = ctl(&env, &emu, &["templates", "apply", "--json", "--yes", p(&again)]).expect_code(1);
    let failed = run.json();
    assert_eq!(change(&failed, "old", "en")["result"], "failed");
    let error = change(&failed, "old", "en")["error"].as_str().expect("error").to_owned();
    assert!(error.contains("4 weeks") && error.contains("under a new name"), "{error}");
}

#[test]
fn apply_without_a_terminal_and_without_yes_exits_2_and_changes_nothing() {
    let env = TestEnv::new("plan-noyes");
    let emu = env.emulator(&[]);
    seed(&env, &emu, &[template("old", "en", "An old notice.")]);
    let dir = write(&env.root.join("files"), "new.json", &[template("new_one", "en", "Welcome aboard.")]);
    let before = channel(&env, &emu);
    emu.clear_requests();
    let run = ctl(&env, &emu, &["templates", "apply", "--prune", p(&dir)]).expect_code(2);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert!(run.stdout.contains("+ create   new_one (en)"), "the plan is shown first: {}", run.stdout);
    ctl(&env, &emu, &["templates", "apply", "--json", p(&dir)]).expect_code(2);
    assert!(writes(&emu).is_empty(), "nothing changed: {:?}", writes(&emu));
    assert_eq!(channel(&env, &emu), before);
}

#[test]
fn apply_with_nothing_to_do_exits_0_without_asking() {
    let env = TestEnv::new("plan-nothing");
    let emu = env.emulator(&[]);
    seed(&env, &emu, &[template("keep", "en", "Your order shipped.")]);
    let dir = write(&env.root.join("files"), "keep.json", &[template("keep", "en", "Your order shipped.")]);
    let run = ctl(&env, &emu, &["templates", "apply", p(&dir)]).expect_code(0);
    assert!(run.stdout.contains("No changes"), "{}", run.stdout);
}

#[test]
fn one_invalid_file_stops_everything_before_any_request() {
    let env = TestEnv::new("plan-invalid");
    let emu = env.emulator(&[]);
    let dir = env.root.join("files");
    write(&dir, "good.json", &[template("new_one", "en", "Welcome aboard.")]);
    std::fs::write(dir.join("broken.json"), "[{\"name\": \"broken\",\n  \"language\": }]\n").expect("write");
    for args in [vec!["templates", "plan", p(&dir)], vec!["templates", "apply", "--yes", p(&dir)]] {
        let run = ctl(&env, &emu, &args).expect_code(3);
        assert!(run.stderr.contains("broken.json:2"), "names the file and line: {}", run.stderr);
        assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    }
    let json = ctl(&env, &emu, &["templates", "plan", "--json", p(&dir)]).expect_code(3);
    assert!(json.stdout.is_empty(), "stdout empty on failure");
    let error: Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
    assert_eq!(error["error"]["kind"], "invalid");
    assert!(emu.requests().is_empty(), "no request at all: {:?}", emu.requests());
}

#[test]
fn a_template_to_create_that_breaks_a_rule_exits_3_and_nothing_is_sent() {
    let env = TestEnv::new("plan-rule");
    let emu = env.emulator(&[]);
    let dir = env.root.join("files");
    write(&dir, "good.json", &[template("new_one", "en", "Welcome aboard.")]);
    write(&dir, "bad.json", &[template("bad_one", "en", "{{1}} starts with a variable")]);
    let run = ctl(&env, &emu, &["templates", "apply", "--yes", p(&dir)]).expect_code(3);
    assert!(run.stderr.contains("bad.json"), "{}", run.stderr);
    assert!(writes(&emu).is_empty(), "nothing sent: {:?}", writes(&emu));
}

#[test]
fn the_same_name_and_language_in_two_files_exits_3_naming_both() {
    let env = TestEnv::new("plan-dup");
    let emu = env.emulator(&[]);
    let dir = env.root.join("files");
    let a = write(&dir, "a.json", &[template("twice", "en", "Hello there.")]);
    let b = write(
        &dir.join("more"),
        "b.json",
        &[template("twice", "de", "Hallo."), template("twice", "en", "Hi.")],
    );
    let run = ctl(&env, &emu, &["templates", "plan", p(&dir)]).expect_code(3);
    assert!(run.stderr.contains(p(&a)) && run.stderr.contains(p(&b)), "names both: {}", run.stderr);
    assert!(run.stderr.contains("twice (en)"), "{}", run.stderr);
    ctl(&env, &emu, &["templates", "apply", "--yes", p(&a), p(&b)]).expect_code(3);
    assert!(emu.requests().is_empty(), "no request: {:?}", emu.requests());
}

#[test]
fn apply_of_20_new_templates_twice_under_30_percent_faults_leaves_exactly_those_20() {
    let env = TestEnv::new("plan-faults");
    let emu = env.emulator(&["--fault-rate", "0.3"]);
    let dir = env.root.join("files");
    let names: Vec<String> = (0..20).map(|n| format!("bulk_{n:02}")).collect();
    for name in &names {
        write(&dir, &format!("{name}.json"), &[template(name, "en", "Your order shipped.")]);
    }
    let first = ctl(&env, &emu, &["templates", "apply", "--yes", "--json", p(&dir)]);
    assert!(first.code == 0 || first.code == 1, "{first:#?}");
    ctl(&env, &emu, &["templates", "apply", "--yes", p(&dir)]).expect_code(0);
    ctl(&env, &emu, &["templates", "plan", "--check", p(&dir)]).expect_code(0);
    let faulted = emu.requests().iter().filter(|r| r.get("fault").is_some()).count();
    assert!(faulted > 0, "the emulator injected no fault");
    emu.settings(json!({"fault_rate": 0.0}));
    let got: Vec<String> =
        channel(&env, &emu).iter().filter_map(|t| t["name"].as_str().map(String::from)).collect();
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(sorted, names, "exactly those 20, none twice, none lost");
}

/// `whatsapp-ctl --base-url URL ARGS` in a pseudo-terminal, colour allowed (no NO_COLOR).
fn spawn_in_terminal(env: &TestEnv, emu: &Emulator, args: &[&str]) -> rexpect::session::PtySession {
    let mut full = vec!["--base-url", emu.base_url.as_str()];
    full.extend_from_slice(args);
    let mut cmd = env.cmd(&full);
    cmd.env_remove("NO_COLOR").env(TOKEN.0, TOKEN.1).stdin(std::process::Stdio::inherit());
    rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

#[test]
fn apply_on_a_terminal_shows_the_plan_in_colour_and_asks_first() {
    let env = TestEnv::new("plan-pty");
    let emu = env.emulator(&[]);
    let dir = write(&env.root.join("files"), "new.json", &[template("new_one", "en", "Welcome aboard.")]);
    let apply = |keys: &str| {
        let mut session = spawn_in_terminal(&env, &emu, &["templates", "apply", p(&dir)]);
        session.exp_string("\x1b[32m+ create  \x1b[0m new_one (en)").expect("the plan, coloured");
        common::pty::answer(&mut session, "Apply 1 change(s) to the channel?", keys);
        common::pty::finish(&mut session)
    };
    let (code, screen) = apply("n");
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was changed"), "{screen}");
    assert!(writes(&emu).is_empty(), "declined: nothing sent");
    let (code, screen) = apply("y");
    assert_eq!(code, 0, "{screen}");
    assert!(find(&channel(&env, &emu), "new_one", "en").is_some(), "applied after yes");
}

#[test]
fn folders_are_searched_recursively_for_json_and_folder_links_are_not_followed() {
    let env = TestEnv::new("plan-walk");
    let emu = env.emulator(&[]);
    let dir = env.root.join("files");
    write(&dir.join("a/b"), "deep.json", &[template("deep_one", "en", "Welcome aboard.")]);
    std::fs::write(dir.join("notes.txt"), "not a template").expect("write");
    std::os::unix::fs::symlink(&dir, dir.join("a/loop")).expect("symlink");
    let plan = ctl(&env, &emu, &["templates", "plan", "--json", p(&dir)]).expect_code(0).json();
    assert_eq!(plan["summary"]["create"], 1, "{plan}");
    assert_eq!(change(&plan, "deep_one", "en")["action"], "create");
}

#[test]
fn a_template_without_a_name_stops_everything_before_any_request() {
    let env = TestEnv::new("plan-noname");
    let emu = env.emulator(&[]);
    let mut nameless = template("x", "en", "Welcome aboard.");
    nameless["name"] = json!(5);
    let file = write(&env.root.join("files"), "nameless.json", &[nameless]);
    let run = ctl(&env, &emu, &["templates", "plan", p(&file)]).expect_code(3);
    assert!(
        run.stderr.contains("nameless.json: a template without a text name and language"),
        "{}",
        run.stderr
    );
    assert!(emu.requests().is_empty(), "no request: {:?}", emu.requests());
}
