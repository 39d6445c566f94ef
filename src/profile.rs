//! The business profile customers see, checked locally against Meta's
//! `WhatsAppBusinessProfileUpdateRequest`: about 1-139 characters, address and description 256,
//! email 128 and an address, at most 2 websites of at most 256 characters each and http(s),
//! vertical from `WhatsAppBusinessVertical`. Pure: no I/O.

use serde::Serialize;
use serde_json::{Map, Value, json};

/// Meta's `WhatsAppBusinessVertical`.
pub const VERTICALS: [&str; 21] = [
    "OTHER",
    "AUTO",
    "BEAUTY",
    "APPAREL",
    "EDU",
    "ENTERTAIN",
    "EVENT_PLAN",
    "FINANCE",
    "GROCERY",
    "GOVT",
    "HOTEL",
    "HEALTH",
    "NONPROFIT",
    "PROF_SERVICES",
    "RETAIL",
    "TRAVEL",
    "RESTAURANT",
    "ALCOHOL",
    "ONLINE_GAMBLING",
    "PHYSICAL_GAMBLING",
    "OTC_DRUGS",
];

/// Meta's limits.
pub const ABOUT_MAX: usize = 139;
pub const ADDRESS_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 256;
pub const EMAIL_MAX: usize = 128;
pub const WEBSITES_MAX: usize = 2;
pub const WEBSITE_MAX: usize = 256;

/// The fields to change; `None` is left as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    pub about: Option<String>,
    pub address: Option<String>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub websites: Option<Vec<String>>,
    pub vertical: Option<String>,
}

/// One violated limit: the flag and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub flag: &'static str,
    pub message: String,
}

/// The profile as shown: every field, `null` when unset.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Profile {
    pub about: Option<String>,
    pub address: Option<String>,
    pub description: Option<String>,
    pub email: Option<String>,
    pub websites: Vec<String>,
    pub vertical: Option<String>,
    pub profile_picture_url: Option<String>,
}

impl Profile {
    /// From the API's fields (flat, or under `business_profile`).
    pub fn from_fields(fields: &Map<String, Value>) -> Self {
        let fields = fields.get("business_profile").and_then(Value::as_object).unwrap_or(fields);
        let text =
            |key: &str| fields.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
        Profile {
            about: text("about"),
            address: text("address"),
            description: text("description"),
            email: text("email"),
            websites: fields
                .get("websites")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
            vertical: text("vertical"),
            profile_picture_url: text("profile_picture_url"),
        }
    }
}

impl Update {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == Update::default()
    }

    /// Every violated limit, in flag order.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut length = |flag: &'static str, value: &Option<String>, min: usize, max: usize| {
            if let Some(value) = value {
                let n = value.chars().count();
                if n < min || n > max {
                    let range = if min > 0 { format!("{min} to {max}") } else { format!("at most {max}") };
                    problems
                        .push(Problem { flag, message: format!("has {n} characters; Meta allows {range}") });
                }
            }
        };
        length("--about", &self.about, 1, ABOUT_MAX);
        length("--address", &self.address, 0, ADDRESS_MAX);
        length("--description", &self.description, 0, DESCRIPTION_MAX);
        length("--email", &self.email, 0, EMAIL_MAX);
        if let Some(email) = self.email.as_deref().filter(|e| !e.is_empty() && !valid_email(e)) {
            problems.push(Problem { flag: "--email", message: format!("{email:?} is not an email address") });
        }
        if let Some(sites) = &self.websites {
            if sites.len() > WEBSITES_MAX {
                problems.push(Problem {
                    flag: "--website",
                    message: format!(
                        "given {} times; Meta allows at most {WEBSITES_MAX} websites",
                        sites.len()
                    ),
                });
            }
            for site in sites {
                let n = site.chars().count();
                if n > WEBSITE_MAX {
                    problems.push(Problem {
                        flag: "--website",
                        message: format!(
                            "{site:.40?}… has {n} characters; Meta allows at most {WEBSITE_MAX}"
                        ),
                    });
                } else if !valid_website(site) {
                    problems.push(Problem {
                        flag: "--website",
                        message: format!("{site:?} is not an http(s) URL"),
                    });
                }
            }
        }
        if let Some(vertical) = self.vertical.as_deref().filter(|v| !VERTICALS.contains(v)) {
            problems.push(Problem {
                flag: "--vertical",
                message: format!("{vertical:?} is not one of Meta's categories ({})", VERTICALS.join(", ")),
            });
        }
        problems
    }

    /// The given fields as a JSON object (only those).
    pub fn fields(&self) -> Map<String, Value> {
        let mut map = Map::new();
        let mut put = |key: &str, value: &Option<String>| {
            if let Some(value) = value {
                map.insert(key.into(), json!(value));
            }
        };
        put("about", &self.about);
        put("address", &self.address);
        put("description", &self.description);
        put("email", &self.email);
        if let Some(sites) = &self.websites {
            map.insert("websites".into(), json!(sites));
        }
        if let Some(vertical) = &self.vertical {
            map.insert("vertical".into(), json!(vertical));
        }
        map
    }
}

/// `local@domain.tld`, no spaces, one `@`.
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

fn valid_website(site: &str) -> bool {
    url::Url::parse(site).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())
    }) && !site.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_is_named_by_its_flag() {
        let update = Update {
            about: Some(String::new()),
            address: Some("a".repeat(257)),
            description: Some("d".repeat(257)),
            email: Some("not-an-address".into()),
            websites: Some(vec![
                "ftp://x.example".into(),
                "https://a.example".into(),
                "https://b.example".into(),
            ]),
            vertical: Some("SHOES".into()),
        };
        let flags: Vec<_> = update.problems().iter().map(|p| p.flag).collect();
        assert_eq!(
            flags,
            ["--about", "--address", "--description", "--email", "--website", "--website", "--vertical"]
        );
    }

    #[test]
    fn limits_hold_at_their_edges() {
        let update = Update {
            about: Some("é".repeat(139)),
            email: Some(format!("{}@example.com", "a".repeat(116))),
            websites: Some(vec![format!("https://example.com/{}", "p".repeat(236))]),
            vertical: Some("RETAIL".into()),
            ..Update::default()
        };
        assert_eq!(update.problems(), vec![]);
        assert_eq!(update.fields().len(), 4);
    }

    #[test]
    fn nested_and_flat_profiles_read_the_same() {
        let flat = json!({"about": "hi", "websites": ["https://a.example"]});
        let nested = json!({"business_profile": flat.clone()});
        assert_eq!(
            Profile::from_fields(flat.as_object().expect("object")),
            Profile::from_fields(nested.as_object().expect("object"))
        );
    }
}
