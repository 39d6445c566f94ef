//! What a send of a stored template must carry, read by the emulator itself (not with the
//! client's template rules, so a wrong count on either side makes the send tests fail): the header
//! needs 1 parameter when its text has a `{{n}}` or it is an IMAGE / VIDEO / DOCUMENT / LOCATION
//! header; the body one per distinct `{{n}}` (an AUTHENTICATION body without text: 1, the code);
//! a URL button whose URL has a `{{n}}`, a COPY_CODE and an OTP button exactly 1; a QUICK_REPLY
//! button 0 or 1 (its payload); any other button 0.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// Parameter counts a stored template needs; buttons as (min, max) by position.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Needed {
    /// Header parameters (0 or 1).
    pub header: usize,
    /// Body parameters.
    pub body: usize,
    /// Allowed range of parameters by button position; positions not listed take none.
    pub buttons: BTreeMap<usize, (usize, usize)>,
}

/// Reads what a send of `template` (the stored creation body) must carry.
pub fn needed(template: &Map<String, Value>) -> Needed {
    let mut needed = Needed::default();
    let authentication = field(template, "category").eq_ignore_ascii_case("AUTHENTICATION");
    let components = template.get("components").and_then(Value::as_array);
    for component in components.into_iter().flatten().filter_map(Value::as_object) {
        let text = component.get("text").and_then(Value::as_str);
        let kind = field(component, "type").to_ascii_uppercase();
        match kind.as_str() {
            "HEADER" => needed.header = header(&field(component, "format"), text),
            "BODY" => {
                needed.body = match text {
                    Some(text) => variables(text),
                    None => usize::from(authentication),
                };
            }
            "BUTTONS" => {
                let buttons = component.get("buttons").and_then(Value::as_array);
                for (index, button) in buttons.into_iter().flatten().enumerate() {
                    if let Some(range) = button.as_object().and_then(button_range) {
                        needed.buttons.insert(index, range);
                    }
                }
            }
            _ => {}
        }
    }
    needed
}

fn header(format: &str, text: Option<&str>) -> usize {
    match format.to_ascii_uppercase().as_str() {
        "IMAGE" | "VIDEO" | "DOCUMENT" | "LOCATION" => 1,
        "TEXT" | "" => usize::from(text.is_some_and(|t| variables(t) > 0)),
        _ => 0,
    }
}

fn button_range(button: &Map<String, Value>) -> Option<(usize, usize)> {
    match field(button, "type").to_ascii_uppercase().as_str() {
        "QUICK_REPLY" => Some((0, 1)),
        "COPY_CODE" | "OTP" => Some((1, 1)),
        "URL" => {
            let url = button.get("url").and_then(Value::as_str).unwrap_or_default();
            (variables(url) > 0).then_some((1, 1))
        }
        _ => None,
    }
}

/// The number of distinct `{{n}}` in `text` (n: digits only, not 0).
pub fn variables(text: &str) -> usize {
    let mut seen = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        rest = rest[start + 2..].trim_start_matches('{');
        let digits: &str = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
        if !digits.is_empty()
            && rest[digits.len()..].starts_with("}}")
            && let Ok(n) = digits.parse::<u64>()
            && n > 0
        {
            seen.insert(n);
        }
    }
    seen.len()
}

fn field(object: &Map<String, Value>, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn of(template: Value) -> Needed {
        needed(template.as_object().expect("object"))
    }

    #[test]
    fn variables_counts_distinct_well_formed_placeholders() {
        assert_eq!(variables("Hi {{1}}, {{2}} or {{1}}?"), 2);
        assert_eq!(variables("{{ 1 }} {{x}} {{0}} {{3"), 0);
        assert_eq!(variables("{{{1}}}"), 1);
        assert_eq!(variables("{{12}}{{2}}"), 2);
        assert_eq!(variables(""), 0);
    }

    #[test]
    fn header_body_and_buttons_of_a_full_template() {
        let needed = of(json!({
            "name": "order_update", "category": "UTILITY",
            "components": [
                {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"},
                {"type": "BODY", "text": "Hi {{1}}, order {{2}} ships {{3}}. Thanks {{1}}"},
                {"type": "FOOTER", "text": "Not {{1}} a variable that counts"},
                {"type": "BUTTONS", "buttons": [
                    {"type": "URL", "text": "Track", "url": "https://example.com/t/{{1}}"},
                    {"type": "URL", "text": "Home", "url": "https://example.com/"},
                    {"type": "QUICK_REPLY", "text": "Stop"},
                    {"type": "COPY_CODE", "example": "SAVE20"},
                    {"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+15550001111"}
                ]}
            ]
        }));
        assert_eq!(needed.header, 1);
        assert_eq!(needed.body, 3);
        assert_eq!(needed.buttons, BTreeMap::from([(0, (1, 1)), (2, (0, 1)), (3, (1, 1))]));
    }

    #[test]
    fn media_and_location_headers_take_one_parameter_plain_text_none() {
        for format in ["IMAGE", "video", "DOCUMENT", "LOCATION"] {
            let needed = of(json!({"components": [{"type": "HEADER", "format": format}]}));
            assert_eq!(needed.header, 1, "{format}");
        }
        let plain = of(json!({"components": [{"type": "header", "format": "TEXT", "text": "Hello"}]}));
        assert_eq!(plain.header, 0);
    }

    #[test]
    fn authentication_body_without_text_takes_the_code() {
        let needed = of(json!({
            "category": "authentication",
            "components": [{"type": "BODY"}, {"type": "BUTTONS", "buttons": [{"type": "OTP"}]}]
        }));
        assert_eq!(needed.body, 1);
        assert_eq!(needed.buttons, BTreeMap::from([(0, (1, 1))]));
        let marketing = of(json!({"category": "MARKETING", "components": [{"type": "BODY"}]}));
        assert_eq!(marketing.body, 0);
    }

    #[test]
    fn a_template_without_components_needs_nothing() {
        assert_eq!(of(json!({"name": "x"})), Needed::default());
        assert_eq!(of(json!({"components": "not an array"})), Needed::default());
    }
}
