//! The rules of the BUTTONS component: how many of each type, which category allows which
//! type, the two-group ordering of quick replies, and each button's own fields.

use serde_json::{Map, Value};

use super::placeholders::{self, var};
use super::rules::{Report, check_length, one_string, string};
use super::{ButtonType, Category};
use crate::json_kind::kind;

const TYPES: &str = "use QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP";

/// Checks the BUTTONS component at `path` (`components[i]`).
pub(super) fn check(
    component: &Map<String, Value>,
    path: &str,
    category: Option<&Category>,
    report: &mut Report,
) {
    let list_path = format!("{path}.buttons");
    let buttons = match component.get("buttons") {
        Some(Value::Array(buttons)) if buttons.is_empty() => {
            report.add(list_path, "buttons is empty: add 1 to 10 buttons or remove the BUTTONS component");
            return;
        }
        Some(Value::Array(buttons)) => buttons,
        Some(other) => {
            report.add(list_path, format!("buttons must be an array, not {}", kind(other)));
            return;
        }
        None => {
            let message = "BUTTONS component has no buttons: add \"buttons\": [...] with 1 to 10 buttons";
            report.add(list_path, message);
            return;
        }
    };
    if buttons.len() > 10 {
        let message = format!("{} buttons, the limit is 10: remove {}", buttons.len(), buttons.len() - 10);
        report.add(&list_path, message);
    }
    let mut seen: Vec<(usize, ButtonType)> = Vec::new();
    for (index, button) in buttons.iter().enumerate() {
        let button_path = format!("{list_path}[{index}]");
        let Some(button) = button.as_object() else {
            report.add(button_path, format!("button must be an object with a type, not {}", kind(button)));
            continue;
        };
        let type_path = format!("{button_path}.type");
        let missing = format!("button type is missing: {TYPES}");
        let Some(name) = string(button.get("type"), &type_path, &missing, report) else {
            continue;
        };
        let Some(button_type) = ButtonType::parse(name) else {
            report.add(type_path, format!("unknown button type {name:?}: {TYPES}"));
            continue;
        };
        let earlier = seen.iter().filter(|(_, t)| *t == button_type).count();
        seen.push((index, button_type));
        check_placement(button_type, earlier, category, &button_path, report);
        check_fields(button, button_type, &button_path, report);
    }
    check_grouping(&seen, &list_path, report);
}

/// Per-type limits and the categories each type belongs to.
fn check_placement(
    button_type: ButtonType,
    earlier: usize,
    category: Option<&Category>,
    path: &str,
    report: &mut Report,
) {
    let name = button_type.as_str();
    let limit = match button_type {
        ButtonType::QuickReply => usize::MAX, // only the limit of 10 buttons in all
        ButtonType::Url => 2,
        ButtonType::PhoneNumber | ButtonType::CopyCode | ButtonType::Otp => 1,
    };
    if earlier >= limit {
        let message = format!("too many {name} buttons: a template has at most {limit}, remove this one");
        report.add(path, message);
    }
    let authentication = category == Some(&Category::Authentication);
    match button_type {
        ButtonType::Otp if category.is_some() && !authentication => report
            .add(path, "OTP buttons are allowed only in AUTHENTICATION templates: use another button type"),
        ButtonType::CopyCode if category.is_some_and(|c| *c != Category::Marketing) => {
            report.add(path, "COPY_CODE buttons are allowed only in MARKETING templates");
        }
        ButtonType::Otp => {}
        _ if authentication => report.add(
            path,
            format!("AUTHENTICATION templates take only one OTP button: remove this {name} button"),
        ),
        _ => {}
    }
}

/// Quick replies and the other buttons must form two contiguous groups.
fn check_grouping(seen: &[(usize, ButtonType)], list_path: &str, report: &mut Report) {
    let mut changes = 0;
    for pair in seen.windows(2) {
        let [(_, before), (index, after)] = pair else {
            continue;
        };
        let quick = *after == ButtonType::QuickReply;
        if (*before == ButtonType::QuickReply) == quick {
            continue;
        }
        changes += 1;
        if changes == 2 {
            let group = if quick { "the other quick replies" } else { "the other non-quick-reply buttons" };
            let message = format!(
                "buttons must form two groups, quick replies and the others: move this {} button next to {group}",
                after.as_str()
            );
            report.add(format!("{list_path}[{index}]"), message);
            return;
        }
    }
}

fn check_fields(button: &Map<String, Value>, button_type: ButtonType, path: &str, report: &mut Report) {
    let text_path = format!("{path}.text");
    // COPY_CODE and OTP buttons get a localized default label from Meta.
    let optional = matches!(button_type, ButtonType::CopyCode | ButtonType::Otp);
    let missing = if optional { "" } else { "button text is missing: add a label of 1 to 25 characters" };
    if let Some(text) = string(button.get("text"), &text_path, missing, report) {
        check_length(text, &text_path, "button text", 25, report);
    }
    match button_type {
        ButtonType::QuickReply => {}
        ButtonType::Url => check_url(button, path, report),
        ButtonType::PhoneNumber => {
            let phone_path = format!("{path}.phone_number");
            let missing = "PHONE_NUMBER button needs a phone_number: add one like \"+15550051310\"";
            if let Some(phone) = string(button.get("phone_number"), &phone_path, missing, report) {
                check_length(phone, &phone_path, "phone_number", 20, report);
            }
        }
        ButtonType::CopyCode => {
            let example_path = format!("{path}.example");
            let code = match button.get("example") {
                Some(Value::String(code)) => Some(code.as_str()),
                Some(other) => one_string(other),
                None => {
                    let message = "COPY_CODE button needs an example code: add \"example\": \"SPRING15\"";
                    report.add(example_path, message);
                    return;
                }
            };
            match code {
                Some(code) => check_length(code, &example_path, "example code", 15, report),
                None => report.add(example_path, "example must be a code string, like \"SPRING15\""),
            }
        }
        ButtonType::Otp => check_otp(button, path, report),
    }
}

fn check_url(button: &Map<String, Value>, path: &str, report: &mut Report) {
    let url_path = format!("{path}.url");
    let missing = "URL button needs a url: add \"url\": \"https://...\"";
    let Some(url) = string(button.get("url"), &url_path, missing, report) else {
        return;
    };
    check_length(url, &url_path, "url", 2000, report);
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        report.add(&url_path, "url must start with https:// (or http://)");
    }
    let scan = placeholders::scan(url);
    let count = scan.found.len();
    let end = format!("like https://shop.example/orders/{}", var(1));
    if scan.unclosed || scan.found.iter().any(|p| p.number.is_none_or(|n| n == 0)) {
        let message =
            format!("url has a malformed variable: the only variable allowed is {} at the very end", var(1));
        report.add(&url_path, message);
    } else if count > 1 {
        report.add(
            &url_path,
            format!("url has {count} variables, the limit is 1: keep one at the very end, {end}"),
        );
    } else if scan.found.first().is_some_and(|p| p.number != Some(1) || p.end != url.len()) {
        report.add(&url_path, format!("the url variable must be {} at the very end, {end}", var(1)));
    }
    let example_path = format!("{path}.example");
    match button.get("example") {
        None if count > 0 => {
            let message = "url has a variable but no example: add \"example\": [\"<url suffix>\"]";
            report.add(example_path, message);
        }
        Some(_) if count == 0 => {
            let message =
                format!("url has no variable but example is set: remove it or end the url with {}", var(1));
            report.add(example_path, message);
        }
        Some(example) if one_string(example).is_none() => {
            report.add(example_path, "example must be an array with one string, like [\"1234\"]");
        }
        _ => {}
    }
}

fn check_otp(button: &Map<String, Value>, path: &str, report: &mut Report) {
    let otp_path = format!("{path}.otp_type");
    let kinds = "use COPY_CODE, ONE_TAP or ZERO_TAP";
    let missing = format!("OTP button needs otp_type: {kinds}");
    let Some(otp_type) = string(button.get("otp_type"), &otp_path, &missing, report) else {
        return;
    };
    match otp_type {
        "COPY_CODE" => {}
        "ONE_TAP" | "ZERO_TAP" => {
            if button.get("supported_apps").is_none() && button.get("package_name").is_none() {
                let message = format!(
                    "{otp_type} buttons need the Android app: add \"supported_apps\": [{{\"package_name\": \"...\", \"signature_hash\": \"...\"}}]"
                );
                report.add(path, message);
            }
        }
        other => report.add(otp_path, format!("unknown otp_type {other:?}: {kinds}")),
    }
}
