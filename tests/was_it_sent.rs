//! "Was it sent?" decided by how the connection failed (a typed kind, not an error's text), end
//! to end against small loopback servers: a send whose connection broke after the request went
//! out is never resent and may or may not have been delivered; one that never connected is
//! retried and was not sent; a template create that broke is looked up before it is tried again,
//! and the later "already exists" (the listing lagged behind) counts as submitted.

mod common;
mod hostile;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{EMULATOR_KEY, Run, TestEnv, dead_port};
use hostile::{Hostile, Reply};

const PHONE: &str = "4915123456789";

fn ctl(env: &TestEnv, base_url: &str, args: &[&str]) -> Run {
    env.run(&[&["--base-url", base_url][..], args].concat(), &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)])
}

#[test]
fn a_send_whose_connection_broke_after_the_request_is_not_resent() {
    let env = TestEnv::new("sent-broken");
    let server = Hostile::start(|_| Reply::HangUp);
    let run = ctl(&env, &server.base_url, &["--retries", "3", "send", "text", "--to", PHONE, "once"]);
    let run = run.expect_code(5);
    assert!(
        run.stderr.contains("the message may or may not have been delivered, so it was not sent again"),
        "{run:#?}"
    );
    assert!(run.stderr.contains("the connection broke"), "{run:#?}");
    let received = server.received();
    let sends = received.iter().filter(|r| r.method == "POST" && r.path() == "/messages").count();
    assert_eq!(sends, 1, "sent once, never again: {received:#?}");
}

#[test]
fn a_send_that_never_connected_is_retried_and_was_not_sent() {
    let env = TestEnv::new("sent-refused");
    let base_url = format!("http://127.0.0.1:{}", dead_port());
    let run = ctl(&env, &base_url, &["--retries", "2", "send", "text", "--to", PHONE, "once"]).expect_code(5);
    assert!(run.stderr.contains("the message was not sent"), "{run:#?}");
    assert!(run.stderr.contains("(3 attempts): connection failed"), "retried: {run:#?}");
    assert!(!run.stderr.contains("may or may not"), "{run:#?}");
}

/// Meta's answer to a second create of a name and language: code 100, subcode 2388024.
const ALREADY_EXISTS: &str = r#"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2388024,"error_user_title":"Content in This Language Already Exists","error_user_msg":"There is already en_US content for the template \"lagging\". Delete it or create a new template and try again."}}"#;

#[test]
fn a_create_that_broke_is_looked_up_and_its_later_already_exists_counts_as_submitted() {
    let env = TestEnv::new("sent-create");
    let creates = Arc::new(AtomicUsize::new(0));
    let seen = creates.clone();
    // The first create lands but its connection breaks; the listing lags and does not show it;
    // the second create is answered "already exists".
    let server = Hostile::start(move |request| match (request.method.as_str(), request.path()) {
        ("POST", "/v1/configs/templates") if seen.fetch_add(1, Ordering::SeqCst) == 0 => Reply::HangUp,
        ("POST", "/v1/configs/templates") => Reply::json(400, ALREADY_EXISTS),
        ("GET", "/v1/configs/templates") => Reply::json(200, &hostile::page(0, 0, 0)),
        _ => Reply::json(404, r#"{"error":{"message":"not here","code":100}}"#),
    });
    let submit = [
        "--json",
        "templates",
        "submit",
        "--name",
        "lagging",
        "--category",
        "UTILITY",
        "--language",
        "en_US",
        "--body",
        "Hello there.",
    ];
    let rows = ctl(&env, &server.base_url, &submit).expect_code(0).json();
    assert_eq!(rows[0]["ok"], true, "reported as submitted: {rows}");
    assert_eq!(rows[0]["status"], "pending", "{rows}");
    let received = server.received();
    let order: Vec<&str> = received.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(creates.load(Ordering::SeqCst), 2, "created twice at most: {order:?}");
    assert_eq!(&order[..3], ["POST", "GET", "POST"], "looked up between the creates: {order:?}");
}
