//! The value parsers of every numeric flag, one per kind of number: seconds, a share from 0 to 1,
//! and whole counts. Each checks its range when the command line is parsed, so `nan`, `inf`,
//! `1e308` or a negative value is a usage error (exit 2) naming the accepted range, never a panic.

use std::ops::RangeInclusive;

use clap::builder::{RangedU64ValueParser, TypedValueParser};

/// Seconds from `min` to `max` (finite, so a `Duration` can always hold them).
pub fn seconds(min: f64, max: f64) -> impl TypedValueParser<Value = f64> {
    move |text: &str| -> Result<f64, String> {
        match finite(text) {
            Some(value) if (min..=max).contains(&value) => Ok(value + 0.0),
            _ => Err(format!("give a number of seconds from {min} to {max}")),
        }
    }
}

/// A share from 0 to 1 (a probability).
pub fn fraction() -> impl TypedValueParser<Value = f64> {
    move |text: &str| -> Result<f64, String> {
        match finite(text) {
            Some(value) if (0.0..=1.0).contains(&value) => Ok(value + 0.0),
            _ => Err("give a number from 0 to 1 (e.g. 0.2)".to_owned()),
        }
    }
}

/// A whole number in `range` (ports, retries, milliseconds, page sizes).
pub fn count<T>(range: RangeInclusive<u64>) -> RangedU64ValueParser<T>
where
    T: TryFrom<u64> + Clone + Send + Sync + 'static,
    <T as TryFrom<u64>>::Error: std::error::Error + Send + Sync + 'static,
{
    RangedU64ValueParser::<T>::new().range(range)
}

/// A decimal number that is neither NaN nor infinite (`-0` becomes zero by the callers' `+ 0.0`).
fn finite(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(parser: &impl TypedValueParser<Value = f64>, text: &str) -> Option<f64> {
        let cmd = clap::Command::new("t");
        parser.parse_ref(&cmd, None, std::ffi::OsStr::new(text)).ok()
    }

    #[test]
    fn seconds_accept_their_range_and_nothing_else() {
        let p = seconds(0.1, 3600.0);
        assert_eq!(parse(&p, "30"), Some(30.0));
        assert_eq!(parse(&p, "0.1"), Some(0.1));
        for bad in ["0", "-1", "nan", "NaN", "inf", "-inf", "1e308", "1e-320", "", "x", "3600.5"] {
            assert_eq!(parse(&p, bad), None, "{bad}");
        }
        let zero_ok = seconds(0.0, 10.0);
        assert_eq!(parse(&zero_ok, "-0").map(f64::is_sign_negative), Some(false));
    }

    #[test]
    fn fractions_are_from_zero_to_one() {
        let p = fraction();
        assert_eq!(parse(&p, "0.5"), Some(0.5));
        assert_eq!(parse(&p, "1"), Some(1.0));
        for bad in ["1.01", "-0.1", "nan", "inf"] {
            assert_eq!(parse(&p, bad), None, "{bad}");
        }
    }
}
