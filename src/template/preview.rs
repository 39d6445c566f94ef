//! What a template looks like once sent: its header, body, footer and buttons with the
//! variables filled from the given values, else from the template's own examples (a variable
//! with neither stays `{{n}}`). Authentication templates get WhatsApp's fixed texts. Pure: no I/O.

use serde::Serialize;
use serde_json::Value;

use super::placeholders::scan;

/// The filled texts of a template (`templates preview --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Filled {
    /// The header text, or `[IMAGE]`, `[VIDEO]`, `[DOCUMENT]`, `[LOCATION]` for a media header.
    pub header: Option<String>,
    pub body: String,
    pub footer: Option<String>,
    pub buttons: Vec<Button>,
}

/// A button as the phone shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    /// The filled URL of a URL button, the number of a phone button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// The values given for the variables.
#[derive(Debug, Clone, Default)]
pub struct Values<'a> {
    /// `--param`, in order: `{{1}}`, `{{2}}`, ... of the body.
    pub body: &'a [String],
    /// `--header-param`: `{{1}}` of a text header.
    pub header: Option<&'a str>,
}

/// Why the values do not fit the template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FillError {
    #[error("{given} --param values given, but the body has {expected} variable{}", if *expected == 1 { "" } else { "s" })]
    TooManyParams { given: usize, expected: usize },
    #[error("--header-param given, but the template has no header variable")]
    NoHeaderVariable,
}

/// Fills the template's texts.
pub fn fill(template: &Value, values: &Values<'_>) -> Result<Filled, FillError> {
    let components: Vec<&Value> =
        template.get("components").and_then(Value::as_array).into_iter().flatten().collect();
    let of_type =
        |kind: &str| components.iter().copied().find(|c| text_at(c, "type").eq_ignore_ascii_case(kind));
    let authentication = text_at(template, "category").eq_ignore_ascii_case("AUTHENTICATION");

    let header = of_type("HEADER").map(|header| {
        let format = text_at(header, "format").to_uppercase();
        if !format.is_empty() && format != "TEXT" {
            return Ok(format!("[{format}]"));
        }
        let text = text_at(header, "text");
        let example = header.pointer("/example/header_text/0").and_then(Value::as_str);
        let count = scan(text).numbers().max().unwrap_or(0);
        if values.header.is_some() && count == 0 {
            return Err(FillError::NoHeaderVariable);
        }
        Ok(substitute(text, |_| values.header.or(example).map(str::to_owned)))
    });
    let header = match header {
        Some(Err(err)) => return Err(err),
        Some(Ok(text)) => Some(text),
        None if values.header.is_some() => return Err(FillError::NoHeaderVariable),
        None => None,
    };

    let body_component = of_type("BODY");
    let mut body_text = body_component.map(|b| text_at(b, "text").to_owned()).unwrap_or_default();
    if authentication && body_text.is_empty() {
        body_text = "*{{1}}* is your verification code.".to_owned();
        if body_component.and_then(|b| b.get("add_security_recommendation")).and_then(Value::as_bool)
            == Some(true)
        {
            body_text.push_str(" For your security, do not share this code.");
        }
    }
    let expected = scan(&body_text).numbers().max().unwrap_or(0) as usize;
    if values.body.len() > expected {
        return Err(FillError::TooManyParams { given: values.body.len(), expected });
    }
    let examples: Vec<String> = body_component
        .and_then(|b| b.pointer("/example/body_text/0"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    let auth_example = authentication.then(|| "123456".to_owned());
    let body = substitute(&body_text, |n| {
        let index = n as usize - 1;
        values
            .body
            .get(index)
            .cloned()
            .or_else(|| examples.get(index).cloned())
            .or_else(|| auth_example.clone())
    });

    let footer = of_type("FOOTER").and_then(|footer| {
        let text = text_at(footer, "text");
        if !text.is_empty() {
            return Some(text.to_owned());
        }
        footer
            .get("code_expiration_minutes")
            .and_then(Value::as_u64)
            .map(|minutes| format!("This code expires in {minutes} minutes."))
    });

    let buttons = of_type("BUTTONS")
        .and_then(|b| b.get("buttons"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(button)
        .collect();
    Ok(Filled { header, body, footer, buttons })
}

fn button(button: &Value) -> Button {
    let kind = text_at(button, "type").to_uppercase();
    let mut text = text_at(button, "text").to_owned();
    if text.is_empty() && kind == "OTP" {
        text = match text_at(button, "otp_type").to_uppercase().as_str() {
            "ONE_TAP" | "ZERO_TAP" => "Autofill".to_owned(),
            _ => "Copy code".to_owned(),
        };
    }
    let target = match kind.as_str() {
        "URL" => {
            let example = button.pointer("/example/0").and_then(Value::as_str);
            Some(substitute(text_at(button, "url"), |_| example.map(str::to_owned)))
        }
        "PHONE_NUMBER" => Some(text_at(button, "phone_number").to_owned()),
        _ => None,
    };
    Button { kind, text, target }
}

/// `text` with each `{{n}}` replaced by `value(n)`, or left as written when that is `None`.
fn substitute(text: &str, value: impl Fn(u32) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for placeholder in scan(text).found {
        out.push_str(&text[from..placeholder.start]);
        match placeholder.number.filter(|n| *n > 0).and_then(&value) {
            Some(filled) => out.push_str(&filled),
            None => out.push_str(placeholder.raw),
        }
        from = placeholder.end;
    }
    out.push_str(&text[from..]);
    out
}

fn text_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order() -> Value {
        json!({"name": "order", "category": "UTILITY", "language": "en_US", "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["#48213"]}},
            {"type": "BODY", "text": "Hi {{1}}, order {{2}} ships *today*.", "example": {"body_text": [["Emilia", "#48213"]]}},
            {"type": "FOOTER", "text": "Reply STOP to opt out"},
            {"type": "BUTTONS", "buttons": [
                {"type": "URL", "text": "Track", "url": "https://shop.example/o/{{1}}", "example": ["48213"]},
                {"type": "QUICK_REPLY", "text": "Cancel"}]}]})
    }

    #[test]
    fn examples_fill_what_no_value_gives() {
        let filled = fill(&order(), &Values::default()).expect("fill");
        assert_eq!(filled.header.as_deref(), Some("Order #48213"));
        assert_eq!(filled.body, "Hi Emilia, order #48213 ships *today*.");
        assert_eq!(filled.footer.as_deref(), Some("Reply STOP to opt out"));
        assert_eq!(filled.buttons[0].target.as_deref(), Some("https://shop.example/o/48213"));
        assert_eq!(filled.buttons[1].kind, "QUICK_REPLY");
    }

    #[test]
    fn given_values_beat_examples_and_too_many_are_refused() {
        let params = vec!["Ada".to_owned()];
        let values = Values { body: &params, header: Some("#7") };
        let filled = fill(&order(), &values).expect("fill");
        assert_eq!(filled.header.as_deref(), Some("Order #7"));
        assert_eq!(filled.body, "Hi Ada, order #48213 ships *today*.");
        let three = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(
            fill(&order(), &Values { body: &three, header: None }),
            Err(FillError::TooManyParams { given: 3, expected: 2 })
        );
    }

    #[test]
    fn no_example_keeps_the_variable_and_authentication_gets_fixed_texts() {
        let bare = json!({"components": [{"type": "BODY", "text": "Code {{1}}"}]});
        assert_eq!(fill(&bare, &Values::default()).expect("fill").body, "Code {{1}}");
        let auth = json!({"category": "AUTHENTICATION", "components": [
            {"type": "BODY", "add_security_recommendation": true},
            {"type": "FOOTER", "code_expiration_minutes": 5},
            {"type": "BUTTONS", "buttons": [{"type": "OTP", "otp_type": "COPY_CODE"}]}]});
        let filled = fill(&auth, &Values::default()).expect("fill");
        assert_eq!(
            filled.body,
            "*123456* is your verification code. For your security, do not share this code."
        );
        assert_eq!(filled.footer.as_deref(), Some("This code expires in 5 minutes."));
        assert_eq!(filled.buttons[0].text, "Copy code");
    }
}
