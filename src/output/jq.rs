//! `--jq EXPR`: a JSON document filtered with jq syntax through the jaq crates (jaq-core,
//! jaq-std, jaq-json). Strings come out raw, everything else as compact JSON, one result per
//! line. Pure: no I/O; the renderer prints what this returns.

use jaq_core::load::{Arena, File, Loader, lex, parse};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;

/// Checks `expr` without running it: the message says what is wrong and where.
pub fn check(expr: &str) -> Result<(), String> {
    let arena = Arena::default();
    compile(&arena, expr).map(|_| ())
}

/// Runs `expr` over the JSON text `input`: one line per result, strings unquoted.
pub fn run(expr: &str, input: &[u8]) -> Result<Vec<String>, String> {
    let arena = Arena::default();
    let filter = compile(&arena, expr)?;
    let value = jaq_json::read::parse_single(input).map_err(|err| format!("the input is not JSON: {err}"))?;
    let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
    let mut lines = Vec::new();
    for result in filter.id.run((ctx, value)).map(unwrap_valr) {
        let value = result.map_err(|err| err.to_string())?;
        lines.push(match &value {
            Val::TStr(bytes) | Val::BStr(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            other => other.to_string(),
        });
    }
    Ok(lines)
}

type Filter = jaq_core::compile::Filter<jaq_core::Native<data::JustLut<Val>>>;

fn compile<'a>(arena: &'a Arena, expr: &'a str) -> Result<Filter, String> {
    let defs = jaq_core::defs().chain(jaq_std::defs()).chain(jaq_json::defs());
    let funs = jaq_core::funs().chain(jaq_std::funs()).chain(jaq_json::funs());
    let at = |rest: &str| expr.len().saturating_sub(rest.len()) + 1;
    let modules = Loader::new(defs).load(arena, File { code: expr, path: () }).map_err(|errors| {
        let Some((_, error)) = errors.into_iter().next() else { return "cannot parse it".to_owned() };
        match error {
            jaq_core::load::Error::Lex(errors) => describe_lex(errors.first(), at),
            jaq_core::load::Error::Parse(errors) => describe_parse(errors.first(), at),
            jaq_core::load::Error::Io(errors) => {
                errors.first().map_or_else(|| "cannot load a module".into(), |(_, why)| why.clone())
            }
        }
    })?;
    Compiler::default().with_funs(funs).compile(modules).map_err(|errors| {
        let first = errors.into_iter().next().and_then(|(_, errs)| errs.into_iter().next());
        match first {
            Some((name, undefined)) => format!("undefined {} `{name}`", undefined.as_str()),
            None => "cannot compile it".to_owned(),
        }
    })
}

fn describe_lex(error: Option<&lex::Error<&str>>, at: impl Fn(&str) -> usize) -> String {
    match error {
        Some((expect, rest)) => format!("expected {} at character {}", expect.as_str(), at(rest)),
        None => "cannot read it".to_owned(),
    }
}

fn describe_parse(error: Option<&parse::Error<&str>>, at: impl Fn(&str) -> usize) -> String {
    match error {
        Some((expect, "")) => format!("expected {} at the end", expect.as_str()),
        Some((expect, rest)) => {
            let found: String = rest.chars().take(12).collect();
            format!("expected {} at character {} (found `{found}`)", expect.as_str(), at(rest))
        }
        None => "cannot parse it".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_raw_other_values_as_json_one_per_line() {
        let input = br#"{"items":[{"name":"a","n":1},{"name":"b","n":2}]}"#;
        assert_eq!(run(".items[].name", input), Ok(vec!["a".into(), "b".into()]));
        assert_eq!(run("[.items[].n] | add", input), Ok(vec!["3".into()]));
        assert_eq!(run(".items[0]", input), Ok(vec![r#"{"name":"a","n":1}"#.into()]));
        assert_eq!(run("map_values(length) | keys", input), Ok(vec![r#"["items"]"#.into()]));
    }

    #[test]
    fn bad_expressions_are_described() {
        assert!(check(".items[] | select(.n > 1)").is_ok());
        let parse = check(".items[").expect_err("unclosed");
        assert!(parse.starts_with("expected"), "{parse}");
        let undefined = check("nosuchfilter").expect_err("undefined");
        assert!(undefined.contains("nosuchfilter"), "{undefined}");
        assert!(run(".a.b", b"[1]").is_err());
    }
}
