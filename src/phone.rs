//! Recipient phone numbers as people paste them (`+49 151 2345-6789`, `0049 151 …`,
//! `(49) 151 …`) turned into the form WhatsApp wants: 8 to 15 digits, country code first, no `+`.
//! Pure: no I/O.

/// Why a pasted phone number is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("is empty")]
    Empty,
    #[error("contains {found:?} at position {position}, which is not a digit")]
    NotADigit { found: char, position: usize },
    #[error("has a '+' that is not at the start")]
    MisplacedPlus,
    #[error(
        "starts with a single 0, a national number: WhatsApp needs the country code first (e.g. +49 151 …)"
    )]
    NationalNumber,
    #[error("has {digits} digits; a number with its country code has 8 to 15")]
    Length { digits: usize },
}

/// Characters dropped wherever they appear: whitespace (also non-breaking), dashes, dots and
/// parentheses.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The digits WhatsApp addresses: strips one leading `+` (or a leading `00`), spaces, dashes,
/// dots and parentheses, then requires 8 to 15 digits that do not start with 0.
pub fn normalize(raw: &str) -> Result<String, PhoneError> {
    let mut digits = String::with_capacity(raw.len());
    let mut seen_plus = false;
    for (position, c) in raw.chars().enumerate() {
        match c {
            c if is_separator(c) => {}
            '+' if digits.is_empty() && !seen_plus => seen_plus = true,
            '+' => return Err(PhoneError::MisplacedPlus),
            '0'..='9' => digits.push(c),
            found => return Err(PhoneError::NotADigit { found, position: position + 1 }),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let digits = match digits.strip_prefix("00") {
        Some(rest) => rest.to_owned(),
        None if digits.starts_with('0') => return Err(PhoneError::NationalNumber),
        None => digits,
    };
    if !(8..=15).contains(&digits.len()) {
        return Err(PhoneError::Length { digits: digits.len() });
    }
    if digits.starts_with('0') {
        return Err(PhoneError::NationalNumber);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_forms_become_plain_digits() {
        for (raw, want) in [
            ("+49 151 2345-6789", "4915123456789"),
            ("0049 151 23456789", "4915123456789"),
            ("(49) 151.2345.6789", "4915123456789"),
            ("+(49) 151 2345 6789", "4915123456789"),
            ("+0049 151 23456789", "4915123456789"),
            ("4915123456789", "4915123456789"),
            ("  +1 (555) 010-2030 ", "15550102030"),
            ("+44\u{a0}7700\u{2013}900123", "447700900123"),
            ("12345678", "12345678"),
            ("123456789012345", "123456789012345"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn unusable_numbers_say_why() {
        assert_eq!(normalize(""), Err(PhoneError::Empty));
        assert_eq!(normalize(" - () "), Err(PhoneError::Empty));
        assert_eq!(normalize("+49 151 abc"), Err(PhoneError::NotADigit { found: 'a', position: 9 }));
        assert_eq!(normalize("49+151234567"), Err(PhoneError::MisplacedPlus));
        assert_eq!(normalize("++49151234567"), Err(PhoneError::MisplacedPlus));
        assert_eq!(normalize("0151 23456789"), Err(PhoneError::NationalNumber));
        assert_eq!(normalize("1234567"), Err(PhoneError::Length { digits: 7 }));
        assert_eq!(normalize("0049 1234"), Err(PhoneError::Length { digits: 6 }));
        assert_eq!(normalize("1234567890123456"), Err(PhoneError::Length { digits: 16 }));
        assert_eq!(normalize("000 49 151 2345678"), Err(PhoneError::NationalNumber));
    }

    #[test]
    fn reasons_read_well() {
        assert_eq!(
            normalize("+49 151 2345 678x").expect_err("invalid").to_string(),
            "contains 'x' at position 17, which is not a digit"
        );
        assert_eq!(
            normalize("1234").expect_err("invalid").to_string(),
            "has 4 digits; a number with its country code has 8 to 15"
        );
    }
}
