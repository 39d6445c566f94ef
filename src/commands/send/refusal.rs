//! Every refusal of a send, explained in one place: what WhatsApp's code means for this
//! message and what to do next (the API's own text stays as the first cause, its code in the
//! error). Throttles were already retried by the client; after a 5xx or a broken or timed-out
//! connection nothing is resent, because the message may have gone out.

use crate::api;
use crate::error::Error;

/// What the failing send was about.
#[derive(Debug, Clone, Default)]
pub struct Situation<'a> {
    /// The recipient's digits.
    pub to: &'a str,
    /// Template name and language, for template sends.
    pub template: Option<(&'a str, &'a str)>,
    /// A ready-to-run `send template` command for the 24-hour window case.
    pub template_command: Option<&'a str>,
}

/// The kinds of refusal with their own explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 131047 / on-premise 470: outside the 24-hour customer-service window.
    Window,
    /// 132000 / 2000: parameter count does not match the template.
    ParamCount,
    /// 132001 / 2001: no such template in that language, or not approved.
    TemplateMissing,
    /// 131026 / on-premise 1013: the recipient cannot receive it.
    Undeliverable,
    /// 131056: too many messages to the same recipient.
    PairRate,
    /// 130429 / on-premise 1015 and the other throttles: throughput limit.
    Throughput,
    /// 368: account blocked for policy violations.
    PolicyBlock,
    /// A 5xx, a timeout or a broken connection: the API may have acted.
    Ambiguous,
    /// No connection was made (even after the retries): the message certainly was not sent.
    Unsent,
    /// Anything else: the API's own words.
    Other,
}

/// Sorts a send failure into a [`Refusal`].
pub fn classify(err: &api::Error) -> Refusal {
    match err {
        api::Error::Api(api_err) => match api_err.code {
            Some(131047 | 470) => Refusal::Window,
            Some(132000 | 2000) => Refusal::ParamCount,
            Some(132001 | 2001) => Refusal::TemplateMissing,
            Some(131026 | 1013) => Refusal::Undeliverable,
            Some(131056) => Refusal::PairRate,
            Some(368) => Refusal::PolicyBlock,
            Some(130429 | 1015) => Refusal::Throughput,
            _ if api_err.is_throttle() => Refusal::Throughput,
            _ if api_err.status >= 500 => Refusal::Ambiguous,
            _ => Refusal::Other,
        },
        // A refused connection never reached the API (the client retried it); anything else may have.
        api::Error::Network { kind, .. } if kind.may_have_reached_server() => Refusal::Ambiguous,
        // An answer that is not a send answer (no message id, too large): the request arrived.
        api::Error::Decode { .. } | api::Error::TooLarge { .. } => Refusal::Ambiguous,
        api::Error::Network { .. } => Refusal::Unsent,
        _ => Refusal::Other,
    }
}

/// Whether this is the 24-hour window refusal (whose hint needs a template command).
pub fn is_window(err: &api::Error) -> bool {
    classify(err) == Refusal::Window
}

/// The user-facing error for a failed send.
pub fn explain(err: api::Error, situation: &Situation<'_>) -> Error {
    let refusal = classify(&err);
    let to = situation.to;
    let base = Error::from(err);
    let (message, hint) = match refusal {
        Refusal::Window => (
            format!(
                "WhatsApp did not deliver the message: {to} has not written to this number in the last 24 hours"
            ),
            format!(
                "outside the 24-hour customer-service window only approved templates can be sent; send one instead: `{}`",
                situation
                    .template_command
                    .unwrap_or("whatsapp-ctl send template --to <phone> --name <template> --language <code>")
            ),
        ),
        Refusal::ParamCount => {
            let show = match situation.template {
                Some((name, language)) => {
                    format!("`whatsapp-ctl templates show {name} --language {language}`")
                }
                None => "`whatsapp-ctl templates show NAME --language L`".to_owned(),
            };
            (
                "the parameters do not match the template's variables".to_owned(),
                format!(
                    "{show} lists them: pass one --param per body variable ({{{{1}}}}, {{{{2}}}}, …) in order, \
                     --header-param for a header variable or media, --button-param per URL button with a variable"
                ),
            )
        }
        Refusal::TemplateMissing => match situation.template {
            Some((name, language)) => (
                format!("there is no approved template '{name}' in language {language}"),
                format!(
                    "`whatsapp-ctl templates status {name} --language {language}` shows its review; \
                     `whatsapp-ctl templates list --status approved` lists what can be sent"
                ),
            ),
            None => (
                "no such template in that language, or it is not approved".to_owned(),
                "`whatsapp-ctl templates list --status approved` lists what can be sent".to_owned(),
            ),
        },
        Refusal::Undeliverable => (
            format!(
                "WhatsApp could not deliver the message to {to}: the number may not be on WhatsApp, use an \
                 outdated app, or not have accepted WhatsApp's current terms"
            ),
            format!(
                "check that {to} uses WhatsApp with an up-to-date app, or send to another test recipient"
            ),
        ),
        Refusal::PairRate => (
            format!("too many messages to {to} in a short time (WhatsApp's per-recipient limit)"),
            format!("wait about 6 seconds before sending to {to} again"),
        ),
        Refusal::Throughput => (
            "the channel's message rate limit was hit, even after retrying".to_owned(),
            "send more slowly and try again in a moment; --retries N lets whatsapp-ctl wait and retry longer"
                .to_owned(),
        ),
        Refusal::PolicyBlock => (
            "the account is temporarily blocked from sending because of policy violations".to_owned(),
            "see the account's policy notices in WhatsApp Manager or the 360dialog hub; sending works again \
             when the block ends"
                .to_owned(),
        ),
        Refusal::Ambiguous => (
            format!(
                "sending to {to} failed after the request reached the API: the message may or may not have been \
                 delivered, so it was not sent again"
            ),
            format!(
                "check {to}'s phone (or the webhook's status events) before sending again, to avoid a duplicate"
            ),
        ),
        Refusal::Unsent => {
            return base.context(format!(
                "sending to {to} failed before the request reached the API: the message was not sent"
            ));
        }
        Refusal::Other => return base.context(format!("sending to {to} failed")),
    };
    base.context(message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;
    use crate::error::Kind;

    fn api(status: u16, code: Option<i64>) -> api::Error {
        api::Error::Api(ApiError { status, code, subcode: None, message: "m".into(), details: vec![] })
    }

    fn network(kind: api::NetworkKind) -> api::Error {
        api::Error::Network { url: "u".into(), attempts: 1, kind, cause: "c".into() }
    }

    #[test]
    fn codes_of_both_flavours_map_to_one_refusal() {
        let table = [
            (api(400, Some(131047)), Refusal::Window),
            (api(400, Some(470)), Refusal::Window),
            (api(400, Some(132000)), Refusal::ParamCount),
            (api(400, Some(2000)), Refusal::ParamCount),
            (api(404, Some(132001)), Refusal::TemplateMissing),
            (api(404, Some(2001)), Refusal::TemplateMissing),
            (api(400, Some(131026)), Refusal::Undeliverable),
            (api(400, Some(131056)), Refusal::PairRate),
            (api(400, Some(130429)), Refusal::Throughput),
            (api(400, Some(1015)), Refusal::Throughput),
            (api(429, None), Refusal::Throughput),
            (api(403, Some(368)), Refusal::PolicyBlock),
            (api(500, None), Refusal::Ambiguous),
            (api(502, None), Refusal::Ambiguous),
            (network(api::NetworkKind::TimedOut), Refusal::Ambiguous),
            (network(api::NetworkKind::Broken), Refusal::Ambiguous),
            (network(api::NetworkKind::NotConnected), Refusal::Unsent),
            (api(400, Some(131009)), Refusal::Other),
        ];
        for (err, want) in table {
            assert_eq!(classify(&err), want, "{err}");
        }
    }

    #[test]
    fn every_explained_refusal_keeps_the_api_text_and_code_and_gives_a_hint() {
        let situation = Situation {
            to: "4915123456789",
            template: Some(("order_update", "en_US")),
            ..Default::default()
        };
        for code in [131047, 132000, 132001, 131026, 131056, 130429, 368] {
            let err = explain(api(400, Some(code)), &situation);
            assert_eq!(err.code, Some(code));
            assert_eq!(err.kind, Kind::Failed);
            assert!(err.hint.is_some(), "{code}");
            assert!(err.causes[0].contains("the API refused the request"), "{code}: {:?}", err.causes);
        }
    }

    #[test]
    fn the_window_hint_carries_the_template_command() {
        let situation = Situation {
            to: "4915123456789",
            template: None,
            template_command: Some(
                "whatsapp-ctl send template --to 4915123456789 --name hello --language en",
            ),
        };
        let err = explain(api(400, Some(131047)), &situation);
        assert!(err.message.contains("has not written to this number in the last 24 hours"));
        assert!(err.hint.as_deref().is_some_and(|h| {
            h.ends_with("`whatsapp-ctl send template --to 4915123456789 --name hello --language en`")
        }));
    }

    #[test]
    fn ambiguous_failures_say_the_message_may_have_gone_out() {
        let situation = Situation { to: "4915123456789", ..Default::default() };
        let err = explain(api(500, None), &situation);
        assert!(err.message.contains("may or may not have been delivered"));
        assert_eq!(err.kind, Kind::Failed);
        let err = explain(network(api::NetworkKind::TimedOut), &situation);
        assert_eq!(err.kind, Kind::Network);
        assert!(err.message.contains("may or may not have been delivered"));
        let other = explain(api(400, Some(131009)), &situation);
        assert_eq!(other.message, "sending to 4915123456789 failed");
    }
}
