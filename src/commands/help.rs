//! The examples shown at the end of the main commands' help (and man pages), kept in one place
//! with a test that every example parses with today's flags.

/// `templates submit`.
pub const SUBMIT: &str = "\
Examples:
  whatsapp-ctl templates submit templates/order_update.json templates/login_code.json
  whatsapp-ctl templates submit --dry-run templates/*.json
  whatsapp-ctl templates submit --name welcome --category UTILITY --language en_US --body 'Hi {{1}}!' --example Ana";

/// `send text`.
pub const SEND_TEXT: &str = "\
Examples:
  whatsapp-ctl send text --to 4915123456789 'Your order has shipped'
  whatsapp-ctl send text --to 4915123456789 --markdown '**Sale** ends _today_'
  whatsapp-ctl send text --to 4915123456789 -- '-20% on everything'
  fortune | whatsapp-ctl send text --to 4915123456789 -";

/// `channel check`.
pub const CHANNEL_CHECK: &str = "\
Examples:
  whatsapp-ctl channel check
  whatsapp-ctl channel check --webhook-url https://hooks.example.com/whatsapp --strict
  whatsapp-ctl --profile shop --json channel check";

/// `setup`.
pub const SETUP: &str = "\
Examples:
  whatsapp-ctl setup
  printf %s \"$KEY\" | whatsapp-ctl setup --token-stdin --webhook-url https://hooks.example.com/whatsapp --no-test --yes
  whatsapp-ctl --emulator setup --no-webhook --test-text hello --test-recipient 4915123456789";

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Splits a shell line into words: single quotes, double quotes and backslash escapes.
    fn words(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut word: Option<String> = None;
        let mut quote = None;
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), c) => word.get_or_insert_default().push(c),
                (None, '\'' | '"') => {
                    quote = Some(c);
                    word.get_or_insert_default();
                }
                (None, ' ') => out.extend(word.take()),
                (None, c) => word.get_or_insert_default().push(c),
            }
        }
        out.extend(word);
        out
    }

    #[test]
    fn every_example_parses_with_the_current_flags() {
        for text in [super::SUBMIT, super::SEND_TEXT, super::CHANNEL_CHECK, super::SETUP] {
            for line in text.lines().skip(1) {
                let command = line.rsplit(" | ").next().unwrap_or(line);
                let args = words(command.trim());
                assert_eq!(args[0], "whatsapp-ctl", "{line}");
                let parsed = crate::cli::Cli::command().try_get_matches_from(&args);
                assert!(parsed.is_ok(), "{line}: {:?}", parsed.err().map(|e| e.to_string()));
            }
        }
    }
}
