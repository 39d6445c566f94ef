//! Profile names as the user types them: the known ones, the nearest to a mistyped one (edit
//! distance), and the error for a name that is no profile ("did you mean shop?").

use crate::config::Files;
use crate::error::{Error, Kind};

/// Every profile in config.toml or credentials.toml, sorted, once each.
pub fn known(files: &Files) -> Vec<String> {
    let mut names: Vec<String> =
        files.config.profiles.keys().chain(files.credentials.profiles.keys()).cloned().collect();
    names.sort();
    names.dedup();
    names
}

/// The known name closest to `name`, when it is close enough to be a slip (a third of its length).
pub fn nearest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    known
        .iter()
        .map(|candidate| (distance(name, candidate), candidate))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate.as_str())
}

/// "no profile named 'shpo'", the known profiles, and the nearest one or how to create it.
pub fn no_such_profile(kind: Kind, name: &str, known: &[String]) -> Error {
    let mut err = Error::new(kind, format!("no profile named '{name}'"));
    err = if known.is_empty() {
        err.with_cause("there are no profiles yet")
    } else {
        err.with_cause(format!("known profiles: {}", known.join(", ")))
    };
    match nearest(name, known) {
        Some(close) => err.with_hint(format!("did you mean {close}? (`--profile {close}`)")),
        None => err.with_hint(format!(
            "see `whatsapp-ctl profiles list`, or create it with `whatsapp-ctl auth login --profile {name}`"
        )),
    }
}

/// Edit distance over characters: insertions, deletions, substitutions and swaps of two
/// neighbours (optimal string alignment), each counting one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_nearest_profile_is_suggested_and_a_distant_one_is_not() {
        let known = names(&["default", "shop", "support"]);
        assert_eq!(nearest("shpo", &known), Some("shop"));
        assert_eq!(nearest("suport", &known), Some("support"));
        assert_eq!(nearest("defualt", &known), Some("default"));
        assert_eq!(nearest("billing", &known), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("shpo", "shop"), 1);
    }

    #[test]
    fn the_error_lists_the_known_profiles() {
        let err = no_such_profile(Kind::Usage, "shpo", &names(&["default", "shop"]));
        assert_eq!(err.message, "no profile named 'shpo'");
        assert_eq!(err.causes, ["known profiles: default, shop"]);
        assert!(err.hint.as_deref().is_some_and(|h| h.starts_with("did you mean shop?")));
    }
}
