//! `webhook listen --greeting TEXT`: the seed's greeting message. Each new contact's first
//! message (or WhatsApp's `request_welcome` event) is answered with TEXT, once per contact and
//! profile, remembered in `greeted.toml` ([`crate::greeted`]). The printer offers the senders
//! of every payload to a bounded queue ([`GreetQueue::offer`], never blocking the webhook's 200);
//! one [`Greeter`] takes them in order, claims the contact in the file, then sends through the
//! one send path of `send text` ([`Sender`]: the client's retries, the 24-hour window and every
//! refusal explained). A greeting that certainly was not sent is released, so the contact's
//! next message tries again; one that may have gone out counts as sent and is never repeated.
//! Each greeting is a line on stdout (`time  to  -  greeting  sent (id)`) or, with `--json`,
//! a `{"event":"greeting",...}` object; failures are warnings on stderr as well.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::api::Client;
use crate::commands::send::{Sender, Situation};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::greeted::{GreetedStore, Status};
use crate::output::Output;
use crate::settings::Settings;
use crate::split::TEXT_LIMIT;
use crate::webhook::Event;
use crate::{message, phone};

/// Contacts that may wait for their greeting; beyond, a contact is greeted on a later message.
const QUEUE: usize = 64;

/// `--greeting` must be one message: not blank, at most 4096 characters (exit 3 otherwise).
pub fn check_text(text: &str) -> Result<()> {
    let hint =
        "give the greeting as --greeting \"Welcome! We answer within the hour.\" (1 to 4096 characters)";
    if text.trim().is_empty() {
        return Err(Error::invalid("--greeting is empty; nothing was started").with_hint(hint));
    }
    let characters = text.chars().count();
    if characters > TEXT_LIMIT {
        return Err(Error::invalid(format!(
            "--greeting has {characters} characters, more than the {TEXT_LIMIT} of one WhatsApp message; \
             nothing was started"
        ))
        .with_hint(hint));
    }
    Ok(())
}

/// Whom a webhook event asks to greet: the sender's phone number (digits) of a message from one
/// person; `None` for statuses, group messages and `system` notices; `Err` with the reason for a
/// sender that cannot be written to by number.
pub fn contact_to_greet(event: &Event) -> Option<Result<String, String>> {
    let message = event.as_message()?;
    if message.group_id.is_some() || message.message_type() == "system" {
        return None;
    }
    let Some(phone) = &message.channel_visitor_phone else {
        return Some(Err(format!("{} has no phone number (a username user)", message.from())));
    };
    Some(phone::normalize(phone).map_err(|reason| format!("{phone:?} is not a phone number: it {reason}")))
}

/// The printer's end of the greeting queue.
#[derive(Clone)]
pub struct GreetQueue {
    tx: mpsc::Sender<String>,
}

impl GreetQueue {
    /// Queues the senders of `events` for a greeting without waiting; a full queue is a warning
    /// (that contact is not claimed, so their next message tries again).
    pub fn offer(&self, out: &Output, events: &[Event]) {
        for event in events {
            match contact_to_greet(event) {
                None => {}
                Some(Err(why)) => out.info(&format!("not greeted: {why}")),
                Some(Ok(contact)) => {
                    if let Err(mpsc::error::TrySendError::Full(contact)) = self.tx.try_send(contact) {
                        out.warn(&format!(
                            "{contact} is not greeted now: {QUEUE} greetings are already waiting to be sent; \
                             their next message tries again"
                        ));
                    }
                }
            }
        }
    }
}

/// Sends the greetings, one contact at a time, in arrival order.
pub struct Greeter {
    text: String,
    store: GreetedStore,
    /// Contacts known to be greeted (or claimed): no need to read the file for them again.
    known: HashSet<String>,
    client: Client,
    settings: Settings,
    queue: mpsc::Receiver<String>,
}

impl Greeter {
    /// Resolves the profile's client (exit 4 without a key) and reads its greeted contacts (a
    /// corrupt file exits 1 naming it) before anything listens.
    pub async fn open(ctx: &Context, text: &str) -> Result<(Greeter, GreetQueue)> {
        let (client, settings) = ctx.client().await?;
        let store = GreetedStore::new(&crate::context::data_dir()?, &settings.profile.value);
        let known =
            store.load().map_err(|err| Error::from(err).context("cannot read the greeted contacts"))?;
        ctx.out.debug(
            1,
            &format!(
                "greeting: {} contact(s) of profile '{}' already greeted ({})",
                known.len(),
                settings.profile.value,
                store.path().display()
            ),
        );
        let (tx, queue) = mpsc::channel(QUEUE);
        let greeter = Greeter {
            text: text.to_owned(),
            store,
            known: known.into_keys().collect(),
            client,
            settings,
            queue,
        };
        Ok((greeter, GreetQueue { tx }))
    }

    /// Greets every queued contact until the queue closes (the printer stopped).
    pub async fn run(mut self, ctx: &Context) {
        while let Some(contact) = self.queue.recv().await {
            self.greet(ctx, contact).await;
        }
    }

    async fn greet(&mut self, ctx: &Context, contact: String) {
        if self.known.contains(&contact) {
            ctx.out.debug(1, &format!("{contact} was greeted before; not again"));
            return;
        }
        let out = &ctx.out;
        let store = self.store.clone();
        let who = contact.clone();
        let claimed = tokio::task::spawn_blocking(move || store.claim(&who, now_secs())).await;
        let unrecorded = match claimed {
            Ok(Ok(true)) => None,
            Ok(Ok(false)) => {
                // Another listener of the same profile greeted them meanwhile.
                self.known.insert(contact);
                return;
            }
            Ok(Err(err)) => Some(Error::from(err)),
            Err(err) => Some(Error::failed(format!("internal failure: {err}"))),
        };
        if let Some(err) = unrecorded {
            let outcome = "it could not be recorded, so nothing was sent; their next message tries again";
            self.report_failure(out, &contact, "failed", &err, outcome);
            return;
        }
        self.known.insert(contact.clone());
        let sender =
            Sender { ctx, client: self.client.clone(), settings: self.settings.clone(), to: contact };
        let body = message::text(sender.flavour(), &sender.to, &self.text, false);
        match sender.try_send(&body).await {
            Ok(id) => {
                self.record(out, &sender.to, Status::Sent, id.as_deref()).await;
                emit(out, &sender.to, "sent", id.as_deref(), None);
            }
            Err(err) => {
                let uncertain = err.may_have_acted();
                let situation = Situation { to: &sender.to, ..Situation::default() };
                let explained = sender.explain(err, &situation).await;
                let to = sender.to.clone();
                if uncertain {
                    self.record(out, &to, Status::Uncertain, None).await;
                    self.report_failure(
                        out,
                        &to,
                        "uncertain",
                        &explained,
                        "it may have been sent, so it counts as sent and is not sent again",
                    );
                } else {
                    let store = self.store.clone();
                    let who = to.clone();
                    match tokio::task::spawn_blocking(move || store.release(&who)).await {
                        Ok(Ok(())) => {
                            self.known.remove(&to);
                            self.report_failure(
                                out,
                                &to,
                                "failed",
                                &explained,
                                "it was not sent; their next message tries again",
                            );
                        }
                        _ => self.report_failure(
                            out,
                            &to,
                            "failed",
                            &explained,
                            &format!(
                                "it was not sent, and {} still names them as greeted: remove their line to \
                                 greet them on a later message",
                                self.store.path().display()
                            ),
                        ),
                    }
                }
            }
        }
    }

    /// Writes the outcome of a claimed contact; a failure only warns (the claim already keeps
    /// them from being greeted twice).
    async fn record(&self, out: &Output, contact: &str, status: Status, id: Option<&str>) {
        let store = self.store.clone();
        let (who, id) = (contact.to_owned(), id.map(str::to_owned));
        let written = tokio::task::spawn_blocking(move || store.settle(&who, status, id.as_deref())).await;
        if !matches!(written, Ok(Ok(()))) {
            out.warn(&format!(
                "the greeting of {contact} could not be recorded as {status:?} in {}; it stays pending (greeted)",
                self.store.path().display()
            ));
        }
    }

    /// A warning on stderr and, with `--json`, a greeting event with the error.
    fn report_failure(&self, out: &Output, contact: &str, status: &'static str, err: &Error, outcome: &str) {
        let mut text = format!("greeting {contact}: {}", err.message);
        for cause in &err.causes {
            text.push_str(&format!("; {cause}"));
        }
        text.push_str(&format!("; {outcome}"));
        if let Some(hint) = &err.hint {
            text.push_str(&format!(" (hint: {hint})"));
        }
        out.warn(&text);
        let error = json!({"kind": err.kind, "message": err.message, "code": err.code});
        emit(out, contact, status, None, Some(error));
    }
}

/// `{"event":"greeting",...}` of `webhook listen --json`.
#[derive(Debug, Serialize)]
struct GreetingEvent<'a> {
    event: &'static str,
    /// The contact greeted (digits).
    to: &'a str,
    /// `sent`; `failed` (certainly not sent, tried again on their next message); `uncertain`
    /// (may have been sent: counted as sent).
    status: &'static str,
    message_id: Option<&'a str>,
    /// When, ISO 8601 UTC.
    time: String,
    /// `{"kind","message","code"}` when it was not sent for sure.
    error: Option<Value>,
}

/// Prints one greeting: NDJSON with `--json`; otherwise a line for a sent one only (failures
/// are already warnings on stderr).
fn emit(out: &Output, to: &str, status: &'static str, message_id: Option<&str>, error: Option<Value>) {
    let time = crate::emulator::rfc3339(now_secs().saturating_mul(1000));
    if out.json {
        let event = GreetingEvent { event: "greeting", to, status, message_id, time, error };
        out.write_stdout(&serde_json::to_string(&event).unwrap_or_default());
    } else if status == "sent" {
        out.write_stdout(&format!("{time}  {to}  -  greeting  sent ({})", message_id.unwrap_or("no id")));
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhook::{MediaBase, parse};

    fn events(payload: Value) -> Vec<Event> {
        parse(&payload, &MediaBase::default()).expect("parses")
    }

    #[test]
    fn people_writing_are_greeted_statuses_groups_and_system_notices_are_not() {
        let payload = json!({"contacts": [{"wa_id": "4915112345678"}], "messages": [
            {"from": "4915112345678", "id": "a", "timestamp": "1", "type": "text", "text": {"body": "hi"}},
            {"from": "4915187654321", "id": "b", "timestamp": "1", "type": "request_welcome"},
            {"from": "4915100000000", "id": "c", "timestamp": "1", "type": "system",
             "system": {"body": "changed", "type": "user_changed_number"}},
            {"from": "4915100000001", "group_id": "g1", "id": "d", "timestamp": "1", "type": "text",
             "text": {"body": "in a group"}}
        ], "statuses": [{"id": "s", "status": "sent", "timestamp": "1", "recipient_id": "4915112345678"}]});
        let wanted: Vec<_> = events(payload).iter().filter_map(contact_to_greet).collect();
        assert_eq!(wanted, [Ok("4915112345678".to_owned()), Ok("4915187654321".to_owned())]);
    }

    #[test]
    fn a_sender_known_only_by_user_id_cannot_be_greeted_by_number() {
        let payload = json!({"messages": [
            {"from_user_id": "US.13491208655302741918", "id": "a", "timestamp": "1", "type": "text",
             "text": {"body": "hi"}}
        ]});
        let wanted: Vec<_> = events(payload).iter().filter_map(contact_to_greet).collect();
        assert!(matches!(&wanted[..], [Err(why)] if why.contains("no phone number")), "{wanted:?}");
    }

    #[test]
    fn the_greeting_is_one_message_of_1_to_4096_characters() {
        assert!(check_text("Welcome!").is_ok());
        assert!(check_text(&"é".repeat(4096)).is_ok());
        for bad in [String::new(), " \n".to_owned(), "a".repeat(4097)] {
            let err = check_text(&bad).expect_err("refused");
            assert_eq!(err.kind.exit_code(), 3, "{bad:?}");
        }
    }
}
