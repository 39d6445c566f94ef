//! Reading what the user types or pipes: files and standard input, always off the async task
//! (so Ctrl-C ends the process while a read waits) and never more than a [`Limit`]; the API key
//! from standard input or a hidden prompt; and yes/no confirmations, never waiting on a prompt
//! without a terminal (prompts: [`Prompter`]). Every failure to read is exit 3 (invalid input).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::prompter::{self, Prompter};
use crate::error::{Error, Kind, Result};
use crate::fsutil;
use crate::output::Output;
use crate::secret::ApiKey;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// What is read and the most of it that is read; past it, reading stops with an error.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What the input is, in a sentence: "a webhook payload".
    pub what: &'static str,
    /// The most bytes read.
    pub bytes: u64,
    /// What to do when the input is larger.
    pub hint: &'static str,
}

/// An API key (`--token-stdin`): keys are a few dozen characters.
pub const API_KEY: Limit = Limit {
    what: "an API key",
    bytes: 64 * KIB,
    hint: "pipe in only the key, e.g. `printf %s \"$KEY\" | whatsapp-ctl auth login --token-stdin`",
};

/// A template file: a full page of the largest templates is a few MB.
pub const TEMPLATE_FILE: Limit =
    Limit { what: "a template file", bytes: 8 * MIB, hint: "split the templates over several files" };

/// A webhook payload: 360dialog posts far smaller ones (`webhook listen` takes at most 2 MB);
/// a saved batch of tens of thousands of events still fits (the bench parses 20,000 messages).
pub const WEBHOOK_PAYLOAD: Limit = Limit {
    what: "a webhook payload",
    bytes: 32 * MIB,
    hint: "give one payload: the JSON body of one webhook request",
};

/// The text of `send text -`: a margin above the longest text it sends (100 messages of 4096
/// characters of up to 4 bytes each, 1.6 MB).
pub const MESSAGE_TEXT: Limit = Limit {
    what: "a message text",
    bytes: 2 * MIB,
    hint: "send a long text as a document instead: `whatsapp-ctl send media --kind document --link URL`",
};

/// Where input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// FILE, or standard input for `-` and for no file.
    pub fn of(file: Option<&Path>) -> Self {
        match file.filter(|f| f.as_os_str() != "-") {
            Some(path) => Source::File(path.to_path_buf()),
            None => Source::Stdin,
        }
    }

    /// The name shown in messages: the path as given, or "standard input".
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// Reads all of `source`, at most `limit.bytes`, off the async task so that it (and Ctrl-C) is
/// never blocked: standard input on a thread of its own, a file on the blocking pool. On a terminal, says first that it waits for input (`out.info`).
pub async fn read(out: &Output, source: &Source, limit: &Limit) -> Result<Vec<u8>> {
    if *source == Source::Stdin && std::io::stdin().is_terminal() {
        out.info(&waiting_notice(limit));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job = source.clone();
    let max = limit.bytes;
    let work = move || {
        // A closed receiver (Ctrl-C ended the command) drops the result: nothing to do.
        let _ = tx.send(read_blocking(&job, max));
    };
    match source {
        // Standard input may never end: a thread of its own, which exit does not wait for.
        Source::Stdin => std::thread::Builder::new()
            .name("input".to_owned())
            .spawn(work)
            .map(drop)
            .map_err(|err| read_error(source).with_cause(format!("no thread to read it on: {err}")))?,
        // A file ends: the runtime's pool of blocking threads, so 10,000 files are not 10,000
        // new threads.
        Source::File(_) => drop(tokio::task::spawn_blocking(work)),
    }
    let read = rx.await.map_err(|_| read_error(source).with_cause("the thread reading it stopped"))?;
    within_limit(source, limit, read)
}

/// [`read`] as UTF-8 text.
pub async fn read_text(out: &Output, source: &Source, limit: &Limit) -> Result<String> {
    let bytes = read(out, source, limit).await?;
    utf8(source, bytes)
}

/// [`read_text`] of a file on the calling thread, for work already off the async task (a
/// folder of template files read on one blocking thread).
pub fn read_file_text(path: &Path, limit: &Limit) -> Result<String> {
    let source = Source::File(path.to_path_buf());
    let bytes = within_limit(&source, limit, read_blocking(&source, limit.bytes))?;
    utf8(&source, bytes)
}

fn within_limit(source: &Source, limit: &Limit, read: std::io::Result<(Vec<u8>, bool)>) -> Result<Vec<u8>> {
    let (bytes, over) = read.map_err(|err| read_error(source).with_cause(err))?;
    if over {
        return Err(Error::invalid(format!(
            "{} is larger than {}, the most read for {}",
            source.name(),
            size(limit.bytes),
            limit.what
        ))
        .with_hint(limit.hint));
    }
    Ok(bytes)
}

fn utf8(source: &Source, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| {
        Error::invalid(format!("{} is not UTF-8 text", source.name()))
            .with_hint("convert it first, e.g. with `iconv -t UTF-8`")
    })
}

/// The line shown while standard input is a terminal and a read waits on it.
pub fn waiting_notice(limit: &Limit) -> String {
    format!("waiting for {} on standard input: end it with Ctrl-D (Ctrl-C cancels)", limit.what)
}

/// At most `max` bytes, and whether there was more.
fn read_blocking(source: &Source, max: u64) -> std::io::Result<(Vec<u8>, bool)> {
    match source {
        Source::Stdin => fsutil::read_at_most(std::io::stdin().lock(), max),
        Source::File(path) => fsutil::read_at_most(std::fs::File::open(path)?, max),
    }
}

fn read_error(source: &Source) -> Error {
    let hint = match source {
        Source::Stdin => "pipe the input in, or give a file instead of `-`",
        Source::File(_) => "check the path and that the file is readable",
    };
    Error::new(Kind::Invalid, format!("cannot read {}", source.name())).with_hint(hint)
}

/// "64 KiB", "4 MiB".
fn size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// The key from standard input (`--token-stdin`) or a hidden prompt on the terminal.
pub async fn read_api_key(out: &Output, token_stdin: bool, flag_hint: &str) -> Result<ApiKey> {
    if token_stdin {
        let text = read_text(out, &Source::Stdin, &API_KEY).await?;
        return ApiKey::new(&text).ok_or_else(|| {
            Error::usage("standard input held no API key")
                .with_hint("pipe the key in: `printf %s \"$KEY\" | whatsapp-ctl ...`")
        });
    }
    if !prompter::terminal_attached() {
        return Err(Error::usage("the API key is needed, and there is no terminal to ask for it").with_hint(
            format!("pipe it in with --token-stdin, e.g. `printf %s \"$KEY\" | {flag_hint} --token-stdin`"),
        ));
    }
    let _ctrl_c = prompter::catch_ctrl_c();
    let typed = Prompter::new("nothing was stored").secret("360dialog API key (D360-API-KEY, hidden)")?;
    ApiKey::new(&typed).ok_or_else(|| Error::usage("no API key was entered"))
}

/// Asks a yes/no question on a terminal; without one, `--yes` is required (exit 2).
pub fn confirm(question: &str, yes: bool) -> Result<bool> {
    confirm_for(question, yes, "nothing was changed")
}

/// [`confirm`], with what an abort (Escape, Ctrl-C) means: "nothing was sent".
pub fn confirm_for(question: &str, yes: bool, outcome: &'static str) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !prompter::terminal_attached() {
        return Err(Error::usage(format!("{question} needs confirmation, and there is no terminal to ask"))
            .with_hint("add --yes to confirm"));
    }
    let _ctrl_c = prompter::catch_ctrl_c();
    Prompter::new(outcome).confirm(question, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiet() -> Output {
        Output::new(false, true, 0, true)
    }

    fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
        let path = std::env::temp_dir().join(format!("whatsapp-ctl-input-{name}-{}", std::process::id()));
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().build().expect("runtime").block_on(future)
    }

    #[test]
    fn a_file_up_to_the_limit_is_read_whole() {
        let path = scratch("exact", b"12345678");
        let limit = Limit { what: "a test file", bytes: 8, hint: "smaller" };
        let bytes = block_on(read(&quiet(), &Source::File(path.clone()), &limit)).expect("read");
        assert_eq!(bytes, b"12345678");
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_file_past_the_limit_is_refused_naming_the_file_and_the_limit() {
        let path = scratch("over", &[b'x'; 2049]);
        let limit = Limit { what: "a test file", bytes: 2048, hint: "make it smaller" };
        let err = block_on(read(&quiet(), &Source::File(path.clone()), &limit)).expect_err("too large");
        assert_eq!(err.kind, Kind::Invalid);
        assert!(err.message.contains(&path.display().to_string()), "{}", err.message);
        assert!(err.message.contains("larger than 2 KiB, the most read for a test file"), "{}", err.message);
        assert_eq!(err.hint.as_deref(), Some("make it smaller"));
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_missing_file_and_bad_utf8_are_invalid_input() {
        let missing = Source::File(PathBuf::from("/nonexistent/whatsapp-ctl/t.json"));
        let err = block_on(read(&quiet(), &missing, &TEMPLATE_FILE)).expect_err("missing");
        assert_eq!(err.kind, Kind::Invalid);
        assert_eq!(err.message, "cannot read /nonexistent/whatsapp-ctl/t.json");
        assert!(err.causes[0].contains("No such file"), "{:?}", err.causes);
        let path = scratch("latin1", b"caf\xe9");
        let err =
            block_on(read_text(&quiet(), &Source::File(path.clone()), &TEMPLATE_FILE)).expect_err("utf8");
        assert_eq!(err.kind, Kind::Invalid);
        assert!(err.message.ends_with("is not UTF-8 text"), "{}", err.message);
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn dash_and_nothing_mean_standard_input() {
        assert_eq!(Source::of(None), Source::Stdin);
        assert_eq!(Source::of(Some(Path::new("-"))), Source::Stdin);
        assert_eq!(Source::of(Some(Path::new("a.json"))), Source::File("a.json".into()));
        assert_eq!(Source::Stdin.name(), "standard input");
    }

    #[test]
    fn limits_are_shown_in_binary_units() {
        assert_eq!(size(API_KEY.bytes), "64 KiB");
        assert_eq!(size(WEBHOOK_PAYLOAD.bytes), "32 MiB");
        assert_eq!(size(1000), "1000 bytes");
    }
}
