//! Template messages: the parameters given on the command line checked against what the
//! template needs ([`crate::template::expected_parameters`]; a mismatch is Meta's error 132000,
//! the most common failure in the field), then turned into `components`. The language goes as
//! `{"policy":"deterministic","code":L}`; on-premise adds the template's `namespace`.

use serde_json::{Value, json};

use super::envelope;
use crate::api::Flavour;
use crate::template::{ExpectedParameters, HeaderFormat, HeaderParameter};

/// The template to send: name, language and (on-premise) namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRef<'a> {
    pub name: &'a str,
    pub language: &'a str,
    pub namespace: Option<&'a str>,
}

/// The parameters given: `--header-param`, `--param` (body, in order), `--button-param` (in
/// button order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateParams {
    pub header: Option<String>,
    pub body: Vec<String>,
    pub buttons: Vec<String>,
}

/// A button that takes one parameter, in the order `--button-param` fills them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonSlot {
    /// A URL button whose URL ends with `{{1}}`: the suffix.
    Url(usize),
    /// A COPY_CODE button: the code.
    CopyCode(usize),
    /// An OTP button of an authentication template: the code.
    Otp(usize),
}

impl ButtonSlot {
    /// The button's index within the template's BUTTONS component.
    pub fn index(self) -> usize {
        match self {
            ButtonSlot::Url(i) | ButtonSlot::CopyCode(i) | ButtonSlot::Otp(i) => i,
        }
    }

    fn describe(self) -> String {
        match self {
            ButtonSlot::Url(i) => format!("URL button {i}"),
            ButtonSlot::CopyCode(i) => format!("copy-code button {i}"),
            ButtonSlot::Otp(i) => format!("OTP button {i}"),
        }
    }
}

/// The buttons that take a parameter, by index.
pub fn button_slots(expected: &ExpectedParameters) -> Vec<ButtonSlot> {
    let mut slots: Vec<ButtonSlot> = expected
        .url_buttons
        .iter()
        .map(|i| ButtonSlot::Url(*i))
        .chain(expected.copy_code_buttons.iter().map(|i| ButtonSlot::CopyCode(*i)))
        .chain(expected.otp_buttons.iter().map(|i| ButtonSlot::Otp(*i)))
        .collect();
    slots.sort_by_key(|s| s.index());
    slots
}

/// The counts given do not fit the template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the template takes {expected}; given {given}")]
pub struct CountMismatch {
    /// E.g. `1 header parameter (image), 2 body parameters, 1 button parameter (URL button 0)`.
    pub expected: String,
    /// E.g. `0 header, 1 body, 0 button parameters`.
    pub given: String,
}

/// A parameter value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    #[error("--header-param {0:?} is not a location: write LATITUDE,LONGITUDE[,NAME[,ADDRESS]]")]
    Location(String),
}

/// Compares the given counts with what the template needs.
pub fn check_counts(expected: &ExpectedParameters, params: &TemplateParams) -> Result<(), CountMismatch> {
    let header_needed = usize::from(expected.header != HeaderParameter::None);
    let slots = button_slots(expected);
    let header_given = usize::from(params.header.is_some());
    if header_given == header_needed
        && params.body.len() == expected.body
        && params.buttons.len() == slots.len()
    {
        return Ok(());
    }
    let header = match expected.header {
        HeaderParameter::None => "no header parameter".to_owned(),
        HeaderParameter::Text => "1 header parameter (text)".to_owned(),
        HeaderParameter::Media(format) => format!("1 header parameter ({})", format.as_str().to_lowercase()),
        HeaderParameter::Location => "1 header parameter (location)".to_owned(),
    };
    let body = plural(expected.body, "body parameter");
    let buttons = match slots.len() {
        0 => "no button parameter".to_owned(),
        n => {
            let which: Vec<String> = slots.iter().map(|s| s.describe()).collect();
            format!("{} ({})", plural(n, "button parameter"), which.join(", "))
        }
    };
    Err(CountMismatch {
        expected: format!("{header}, {body} and {buttons}"),
        given: format!(
            "{header_given} header, {} body and {} button parameter{}",
            params.body.len(),
            params.buttons.len(),
            if params.buttons.len() == 1 { "" } else { "s" }
        ),
    })
}

fn plural(n: usize, what: &str) -> String {
    match n {
        0 => format!("no {what}"),
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// The template message body; call [`check_counts`] first (extra values are ignored here).
pub fn build(
    flavour: Flavour,
    to: &str,
    template: &TemplateRef<'_>,
    expected: &ExpectedParameters,
    params: &TemplateParams,
) -> Result<Value, ParamError> {
    let mut components = Vec::new();
    if let Some(value) = &params.header
        && expected.header != HeaderParameter::None
    {
        let parameter = header_parameter(expected.header, value)?;
        components.push(json!({"type": "header", "parameters": [parameter]}));
    }
    if !params.body.is_empty() {
        let parameters: Vec<Value> = params.body.iter().map(|v| json!({"type": "text", "text": v})).collect();
        components.push(json!({"type": "body", "parameters": parameters}));
    }
    for (slot, value) in button_slots(expected).into_iter().zip(&params.buttons) {
        let index = slot.index().to_string();
        components.push(match slot {
            ButtonSlot::Url(_) | ButtonSlot::Otp(_) => json!({
                "type": "button", "sub_type": "url", "index": index,
                "parameters": [{"type": "text", "text": value}],
            }),
            ButtonSlot::CopyCode(_) => json!({
                "type": "button", "sub_type": "copy_code", "index": index,
                "parameters": [{"type": "coupon_code", "coupon_code": value}],
            }),
        });
    }
    let mut object = serde_json::Map::new();
    object.insert("name".into(), json!(template.name));
    object.insert("language".into(), json!({"policy": "deterministic", "code": template.language}));
    if flavour == Flavour::OnPremise
        && let Some(namespace) = template.namespace
    {
        object.insert("namespace".into(), json!(namespace));
    }
    if !components.is_empty() {
        object.insert("components".into(), Value::Array(components));
    }
    Ok(envelope(flavour, to, "template", Value::Object(object)))
}

/// The one header parameter: text, media (a link when it looks like one, else a media id) or a
/// location.
fn header_parameter(kind: HeaderParameter, value: &str) -> Result<Value, ParamError> {
    Ok(match kind {
        HeaderParameter::None | HeaderParameter::Text => json!({"type": "text", "text": value}),
        HeaderParameter::Media(format) => {
            let kind = match format {
                HeaderFormat::Video => "video",
                HeaderFormat::Document => "document",
                _ => "image",
            };
            let is_link = value.starts_with("https://") || value.starts_with("http://");
            let media = if is_link { json!({"link": value}) } else { json!({"id": value}) };
            json!({"type": kind, kind: media})
        }
        HeaderParameter::Location => location(value)?,
    })
}

/// `LATITUDE,LONGITUDE[,NAME[,ADDRESS]]` (the address may contain commas).
fn location(value: &str) -> Result<Value, ParamError> {
    let fields: Vec<&str> = value.splitn(4, ',').map(str::trim).collect();
    let number = |s: &&str| s.parse::<f64>().ok().filter(|n| n.is_finite());
    let (Some(lat), Some(lon)) = (fields.first().and_then(number), fields.get(1).and_then(number)) else {
        return Err(ParamError::Location(value.to_owned()));
    };
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(ParamError::Location(value.to_owned()));
    }
    let mut location = serde_json::Map::new();
    location.insert("latitude".into(), json!(fields[0]));
    location.insert("longitude".into(), json!(fields[1]));
    if let Some(name) = fields.get(2).filter(|n| !n.is_empty()) {
        location.insert("name".into(), json!(name));
    }
    if let Some(address) = fields.get(3).filter(|a| !a.is_empty()) {
        location.insert("address".into(), json!(address));
    }
    Ok(json!({"type": "location", "location": location}))
}
