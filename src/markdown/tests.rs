//! The conversion table of the README, case by case.

use super::to_whatsapp;

#[track_caller]
fn converts(markdown: &str, whatsapp: &str) {
    assert_eq!(to_whatsapp(markdown), whatsapp, "from {markdown:?}");
}

#[test]
fn emphasis_becomes_whatsapp_emphasis() {
    converts("**bold** and __bold__", "*bold* and *bold*");
    converts("*italic* and _italic_", "_italic_ and _italic_");
    converts("***both***", "*_both_*");
    converts("~~gone~~", "~gone~");
    converts("**bold with *italic* inside**", "*bold with _italic_ inside*");
}

#[test]
fn code_is_kept_and_never_reformatted() {
    converts("run `cargo **test**` now", "run `cargo **test**` now");
    converts("``a ` b``", "`a ` b`");
    converts("```rust\nlet x = **y**;\n# not a heading\n```", "```\nlet x = **y**;\n# not a heading\n```");
    converts("~~~\ncode\n~~~", "```\ncode\n```");
    converts("```\nunclosed", "```\nunclosed\n```");
}

#[test]
fn headings_become_bold_lines() {
    converts("# Title", "*Title*");
    converts("### Sub title ###", "*Sub title*");
    converts("## **Already bold**", "*Already bold*");
    converts("#hashtag", "#hashtag");
}

#[test]
fn links_become_text_and_url() {
    converts("see [the docs](https://example.com/docs)", "see the docs (https://example.com/docs)");
    converts("[https://x.io](https://x.io)", "https://x.io");
    converts("[**bold** link](https://x.io \"title\")", "*bold* link (https://x.io)");
    converts("![logo](https://x.io/logo.png)", "logo (https://x.io/logo.png)");
    converts("<https://x.io/a>", "https://x.io/a");
    converts(
        "[wiki](https://en.wikipedia.org/wiki/Rust_(language))",
        "wiki (https://en.wikipedia.org/wiki/Rust_(language))",
    );
    converts("a [bracket] alone", "a [bracket] alone");
}

#[test]
fn lists_use_whatsapp_list_syntax() {
    converts("* one\n+ two\n- three", "- one\n- two\n- three");
    converts("1. first\n2) second", "1. first\n2. second");
    converts("- **bold** item\n  * nested", "- *bold* item\n  - nested");
    converts("> quoted **text**", "> quoted *text*");
}

#[test]
fn plain_text_and_lone_delimiters_pass_through() {
    converts("snake_case_name stays", "snake_case_name stays");
    converts("2 * 3 * 4 = 24", "2 * 3 * 4 = 24");
    converts("a single *star", "a single *star");
    converts("price: 5 ~ 6 EUR", "price: 5 ~ 6 EUR");
    converts("escaped \\*not italic\\*", "escaped *not italic*");
    converts("---", "---");
    converts("line one  \nline two", "line one\nline two");
    converts("Hello!\r\n**World**\r\n", "Hello!\r\n*World*\r\n");
    converts("", "");
}
