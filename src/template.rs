//! Message templates: the model of what `/v1/configs/templates` takes, WhatsApp's review rules
//! checked locally, and template files read with line numbers. Pure: no I/O.
//!
//! Templates stay `serde_json::Value` so fields this module does not know are sent as written.
//! The rules live in `rules` (root fields, component list), `components` (HEADER, BODY,
//! FOOTER), `buttons` and `placeholders` (`{{n}}` variables); `locate` reads files and maps
//! JSON paths back to lines.

pub mod bubble;
mod buttons;
mod components;
mod locate;
mod placeholders;
pub mod plan;
pub mod preview;
mod rules;
#[cfg(test)]
mod tests;

use serde::Serialize;
use serde_json::Value;

pub use locate::{SourceError, locate_line, parse_source};
pub use placeholders::placeholder_numbers;
pub use rules::validate;

/// One broken rule, located by JSON path (and by line in the source file when known).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Categories accepted for new templates.
pub const CATEGORIES: [&str; 3] = ["MARKETING", "UTILITY", "AUTHENTICATION"];

/// Pre-2023 categories still shown on old templates; refused for new ones.
pub const LEGACY_CATEGORIES: [&str; 13] = [
    "ACCOUNT_UPDATE",
    "PAYMENT_UPDATE",
    "PERSONAL_FINANCE_UPDATE",
    "SHIPPING_UPDATE",
    "RESERVATION_UPDATE",
    "ISSUE_RESOLUTION",
    "APPOINTMENT_UPDATE",
    "TRANSPORTATION_UPDATE",
    "TICKET_UPDATE",
    "ALERT_UPDATE",
    "AUTO_REPLY",
    "TRANSACTIONAL",
    "OTP",
];

/// Meta locale codes a template may be written in: the list of the API reference (section 2.1)
/// plus `ka`, `rw_RW` and `ky_KG`, which Meta's supported-languages page also lists.
pub const LANGUAGES: &[&str] = &[
    "af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl", "en",
    "en_GB", "en_US", "et", "fil", "fi", "fr", "ka", "de", "el", "gu", "ha", "he", "hi", "hu", "id", "ga",
    "it", "ja", "kn", "kk", "rw_RW", "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa",
    "pl", "pt_BR", "pt_PT", "pa", "ro", "ru", "sr", "sk", "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv",
    "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu",
];

/// Whether `code` is a Meta template locale code (case-sensitive: `en_US`, not `en-us`).
pub fn is_known_language(code: &str) -> bool {
    LANGUAGES.contains(&code)
}

/// A template category as read from the API; legacy ones are kept, not rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub enum Category {
    Marketing,
    Utility,
    Authentication,
    /// One of [`LEGACY_CATEGORIES`].
    Legacy(String),
}

impl Category {
    /// The category named exactly `name` (upper case), current or legacy.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "MARKETING" => Some(Self::Marketing),
            "UTILITY" => Some(Self::Utility),
            "AUTHENTICATION" => Some(Self::Authentication),
            _ if LEGACY_CATEGORIES.contains(&name) => Some(Self::Legacy(name.to_owned())),
            _ => None,
        }
    }

    /// The wire name, e.g. `UTILITY`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Marketing => "MARKETING",
            Self::Utility => "UTILITY",
            Self::Authentication => "AUTHENTICATION",
            Self::Legacy(name) => name,
        }
    }
}

impl From<Category> for String {
    fn from(category: Category) -> Self {
        category.as_str().to_owned()
    }
}

/// The `format` of a HEADER component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HeaderFormat {
    Text,
    Image,
    Video,
    Document,
    Location,
}

impl HeaderFormat {
    /// The format named exactly `name` (upper case).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "TEXT" => Some(Self::Text),
            "IMAGE" => Some(Self::Image),
            "VIDEO" => Some(Self::Video),
            "DOCUMENT" => Some(Self::Document),
            "LOCATION" => Some(Self::Location),
            _ => None,
        }
    }

    /// The wire name, e.g. `IMAGE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "TEXT",
            Self::Image => "IMAGE",
            Self::Video => "VIDEO",
            Self::Document => "DOCUMENT",
            Self::Location => "LOCATION",
        }
    }
}

/// The `type` of a button inside the BUTTONS component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ButtonType {
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
    Otp,
}

impl ButtonType {
    /// The button type named exactly `name` (upper case).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "QUICK_REPLY" => Some(Self::QuickReply),
            "URL" => Some(Self::Url),
            "PHONE_NUMBER" => Some(Self::PhoneNumber),
            "COPY_CODE" => Some(Self::CopyCode),
            "OTP" => Some(Self::Otp),
            _ => None,
        }
    }

    /// The wire name, e.g. `QUICK_REPLY`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::QuickReply => "QUICK_REPLY",
            Self::Url => "URL",
            Self::PhoneNumber => "PHONE_NUMBER",
            Self::CopyCode => "COPY_CODE",
            Self::Otp => "OTP",
        }
    }
}

/// What the header of a template needs when it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderParameter {
    /// No header, or a text header without variable.
    #[default]
    None,
    /// A text header with `{{1}}`: one `text` parameter.
    Text,
    /// An IMAGE, VIDEO or DOCUMENT header: one media parameter of that format.
    Media(HeaderFormat),
    /// A LOCATION header: one `location` parameter.
    Location,
}

/// The parameters a send of this template must carry, per component.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ExpectedParameters {
    pub header: HeaderParameter,
    /// Distinct body variables (`{{1}}`..`{{n}}`). An AUTHENTICATION body without text has 1
    /// (Meta's fixed text carries the code).
    pub body: usize,
    /// Indices, within the BUTTONS component, of URL buttons whose url ends with `{{1}}`.
    pub url_buttons: Vec<usize>,
    /// Indices of COPY_CODE buttons (each takes a `coupon_code` parameter).
    pub copy_code_buttons: Vec<usize>,
    /// Indices of OTP buttons (each takes the code as a `url` button parameter).
    pub otp_buttons: Vec<usize>,
}

/// The parameters a send of `template` needs. Lenient: reads API listings and unvalidated files
/// alike (type names compared case-insensitively), never fails.
pub fn expected_parameters(template: &Value) -> ExpectedParameters {
    let mut expected = ExpectedParameters::default();
    let upper = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_ascii_uppercase);
    let authentication = upper(template.get("category")).as_deref() == Some("AUTHENTICATION");
    let components = template.get("components").and_then(Value::as_array);
    for component in components.into_iter().flatten() {
        let text = component.get("text").and_then(Value::as_str);
        match upper(component.get("type")).as_deref() {
            Some("HEADER") => {
                let format = upper(component.get("format"));
                expected.header = match format.as_deref().and_then(HeaderFormat::parse) {
                    Some(HeaderFormat::Text) if text.is_some_and(|t| distinct(t) > 0) => {
                        HeaderParameter::Text
                    }
                    Some(HeaderFormat::Location) => HeaderParameter::Location,
                    Some(HeaderFormat::Text) | None => HeaderParameter::None,
                    Some(media) => HeaderParameter::Media(media),
                };
            }
            Some("BODY") => {
                expected.body = match text {
                    Some(text) => distinct(text),
                    None if authentication => 1,
                    None => 0,
                };
            }
            Some("BUTTONS") => {
                let buttons = component.get("buttons").and_then(Value::as_array);
                for (index, button) in buttons.into_iter().flatten().enumerate() {
                    let url = button.get("url").and_then(Value::as_str);
                    match upper(button.get("type")).as_deref().and_then(ButtonType::parse) {
                        Some(ButtonType::Url) if url.is_some_and(|u| distinct(u) > 0) => {
                            expected.url_buttons.push(index);
                        }
                        Some(ButtonType::CopyCode) => expected.copy_code_buttons.push(index),
                        Some(ButtonType::Otp) => expected.otp_buttons.push(index),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    expected
}

fn distinct(text: &str) -> usize {
    let mut numbers = placeholder_numbers(text);
    numbers.sort_unstable();
    numbers.dedup();
    numbers.len()
}

/// One template of a file, validated, with every problem's `line` filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceReport {
    /// Position in the file's array (0 when the file holds a single object).
    pub index: usize,
    pub name: Option<String>,
    pub language: Option<String>,
    /// The template exactly as written (unknown fields kept).
    pub template: Value,
    /// Paths are relative to the template (no `[index].` prefix).
    pub problems: Vec<Problem>,
}

/// Reads a template file (one object or an array of them) and validates every template in it.
pub fn validate_source(source: &str) -> Result<Vec<SourceReport>, SourceError> {
    let (templates, in_array) = locate::parse_templates(source)?;
    let document = locate::Document::scan(source);
    let reports = templates.into_iter().enumerate().map(|(index, template)| {
        let mut problems = validate(&template);
        if let Some(document) = &document {
            let prefix = in_array.then_some(index);
            for problem in &mut problems {
                problem.line = document.line_of(prefix, &problem.path);
            }
        }
        let text = |key: &str| template.get(key).and_then(Value::as_str).map(str::to_owned);
        SourceReport { index, name: text("name"), language: text("language"), problems, template }
    });
    Ok(reports.collect())
}
