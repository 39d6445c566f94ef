//! One human line per webhook event, shared by `webhook parse` and `webhook listen`:
//! `time  from  name  type  text` for messages, `time  recipient  -  status  status: errors` for
//! delivery statuses, `-  -  -  error  code title: details` for standalone errors and
//! `-  -  -  invalid  reason` for an item of the payload that could not be read.

use crate::webhook::{ErrorDetail, Event, MessageEvent};

/// The line of one event.
pub fn line(event: &Event) -> String {
    let columns: [String; 5] = match event {
        Event::Message(message) => [
            time(message.timestamp()),
            message.from().to_owned(),
            message.display_name().unwrap_or_else(|| "-".to_owned()),
            message.message_type().to_owned(),
            content(message),
        ],
        Event::Status(status) => {
            let errors = if status.errors.is_empty() {
                String::new()
            } else {
                format!(": {}", errors(&status.errors))
            };
            let recipient = status.recipient_id.as_ref().or(status.recipient_user_id.as_ref());
            [
                time(&status.timestamp),
                recipient.map_or_else(|| "-".to_owned(), Clone::clone),
                "-".to_owned(),
                "status".to_owned(),
                format!("{}{errors}", status.status),
            ]
        }
        Event::Error(error) => {
            ["-".to_owned(), "-".to_owned(), "-".to_owned(), "error".to_owned(), errors(&error.errors)]
        }
        Event::Invalid(invalid) => {
            ["-".to_owned(), "-".to_owned(), "-".to_owned(), "invalid".to_owned(), one_line(&invalid.reason)]
        }
    };
    columns.join("  ")
}

/// The text of a message; else its errors (a message WhatsApp could not read), else `-`.
fn content(message: &MessageEvent) -> String {
    let shown = shown(message);
    match &message.message.media_path {
        Some(path) => format!("{shown} (saved to {})", one_line(path)),
        None => shown,
    }
}

/// The text, errors or media status of a message.
fn shown(message: &MessageEvent) -> String {
    match (message.text(), &message.message.errors) {
        (Some(text), _) => one_line(text),
        (None, Some(list)) => errors(list),
        (None, None) => message.message.media_status.clone().unwrap_or_else(|| "-".to_owned()),
    }
}

/// `131047 Re-engagement message (details); ...`.
fn errors(errors: &[ErrorDetail]) -> String {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| {
            let title = e.title.as_deref().or(e.message.as_deref()).unwrap_or("error");
            let code = e.code.as_ref().map_or_else(|| "-".to_owned(), ToString::to_string);
            match &e.details {
                Some(details) => format!("{code} {title} ({})", one_line(details)),
                None => format!("{code} {title}"),
            }
        })
        .collect();
    parts.join("; ")
}

/// Unix seconds as RFC 3339 UTC; anything else as sent.
fn time(timestamp: &str) -> String {
    match timestamp.trim().parse::<u64>() {
        Ok(secs) => crate::emulator::rfc3339(secs.saturating_mul(1000)),
        Err(_) => timestamp.to_owned(),
    }
}

/// Line breaks and tabs become spaces, so one event stays one line.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhook::{MediaBase, parse};

    fn lines_of(payload: &str) -> Vec<String> {
        let value = serde_json::from_str(payload).expect("JSON");
        parse(&value, &MediaBase::default()).expect("parses").iter().map(line).collect()
    }

    #[test]
    fn a_message_line_has_time_sender_name_type_and_text() {
        let lines = lines_of(include_str!("../../../tests/fixtures/webhooks/cloud_text.json"));
        assert_eq!(
            lines,
            [
                "2024-06-10T14:40:00Z  4915112345678  Kerry Fisher  text  Hello, I have a question about my order"
            ]
        );
    }

    #[test]
    fn a_document_line_shows_the_file_form() {
        let lines = lines_of(include_str!("../../../tests/fixtures/webhooks/onpremise_document.json"));
        assert!(lines[0].ends_with("  document  Invoice March"), "{lines:?}");
    }

    #[test]
    fn a_downloaded_media_line_ends_with_where_it_was_saved() {
        let value = serde_json::from_str(include_str!("../../../tests/fixtures/webhooks/cloud_image.json"))
            .expect("JSON");
        let mut events = parse(&value, &MediaBase::default()).expect("parses");
        let Event::Message(message) = &mut events[0] else { panic!("a message: {events:?}") };
        message.message.media_path = Some("inbox/1479537139650973.jpg".to_owned());
        assert!(
            line(&events[0])
                .ends_with("  image  Broken screen on arrival (saved to inbox/1479537139650973.jpg)"),
            "{}",
            line(&events[0])
        );
    }

    #[test]
    fn a_failed_status_line_names_the_error() {
        let lines =
            lines_of(include_str!("../../../tests/fixtures/webhooks/cloud_status_failed_131047.json"));
        assert!(
            lines[0].contains("  4915112345678  -  status  failed: 131047 Re-engagement message ("),
            "{lines:?}"
        );
    }

    #[test]
    fn a_message_without_text_shows_its_errors_and_invalid_items_their_reason() {
        let lines =
            lines_of(include_str!("../../../tests/fixtures/webhooks/cloud_interactive_without_body.json"));
        assert!(
            lines[0].ends_with(
                "  interactive  131051 Message type unknown (Message type is currently not supported.)"
            ),
            "{lines:?}"
        );
        let lines = lines_of(include_str!("../../../tests/fixtures/webhooks/malformed_missing_from.json"));
        assert_eq!(lines, ["-  -  -  invalid  messages[0].from is missing"]);
        let lines = lines_of(r#"{"statuses": [{"id": "s", "status": "sent", "timestamp": "x"}]}"#);
        assert_eq!(lines, ["x  -  -  status  sent"]);
    }

    #[test]
    fn text_with_line_breaks_stays_on_one_line() {
        assert_eq!(one_line("a\nb\r\n\tc"), "a b c");
        assert_eq!(time("not-a-number"), "not-a-number");
    }
}
