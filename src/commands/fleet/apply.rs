//! Fleet `templates apply`: plans every profile's channel first (concurrently, writing nothing),
//! shows every plan, asks once for the whole fleet (`--yes` without a terminal: exit 2, nothing
//! changed on any channel), then applies each profile's plan. A profile whose plan failed is
//! reported and left alone; it never stops the others.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{Entry, FleetReport, entry, profile_context};
use crate::commands::input;
use crate::commands::templates::apply::{self, ApplyArgs, Prepared};
use crate::commands::templates::files::Checked;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Report;

pub async fn run(ctx: &Context, args: &ApplyArgs, rows: Vec<Checked>, profiles: Vec<String>) -> Result<u8> {
    let rows = Arc::new(rows);
    let global = ctx.global.clone();
    let prune = args.prune;
    let planned = crate::fleet::fan_out(
        profiles.clone(),
        ctx.global.concurrency,
        |name| {
            let (global, rows) = (global.clone(), Arc::clone(&rows));
            async move {
                let (pctx, _) = profile_context(global, &name);
                apply::prepare(&pctx, rows.to_vec(), prune).await
            }
        },
        |_| Err(Error::failed("internal failure")),
    )
    .await;

    let acting: usize = planned.iter().filter_map(|(_, p)| p.as_ref().ok()).map(Prepared::acting).sum();
    let shown = acting > 0 && !ctx.out.json;
    if shown {
        let sections: Vec<String> = planned
            .iter()
            .map(|(name, p)| match p {
                Ok(prepared) => format!("== profile {name}\n{}", prepared.render(&ctx.out)),
                Err(err) => format!("== profile {name}\nerror: {} (this profile is skipped)", err.message),
            })
            .collect();
        ctx.out.write_stdout(&sections.join("\n\n"));
    }
    if acting > 0 {
        let channels = planned.iter().filter(|(_, p)| p.as_ref().is_ok_and(|p| p.acting() > 0)).count();
        let question = format!("Apply {acting} change(s) to {channels} channel(s)?");
        if !input::confirm(&question, args.yes)? {
            return Err(Error::failed("nothing was changed on any channel"));
        }
    }

    let pending: Arc<Mutex<HashMap<String, Result<Prepared>>>> =
        Arc::new(Mutex::new(planned.into_iter().collect()));
    let applied = crate::fleet::fan_out(
        profiles,
        ctx.global.concurrency,
        |name| {
            let taken = pending.lock().ok().and_then(|mut map| map.remove(&name));
            let global = global.clone();
            async move {
                let (pctx, human_out) = profile_context(global, &name);
                let outcome = match taken {
                    Some(Ok(prepared)) => {
                        let report = apply::execute(&pctx, prepared, shown).await;
                        let code = report.failure().map_or(0, |kind| kind.exit_code());
                        Ok((code, serde_json::to_value(&report).ok(), report.human(&human_out)))
                    }
                    Some(Err(err)) => Err(err),
                    None => Err(Error::failed("internal failure: the profile's plan was lost")),
                };
                entry(name, outcome)
            }
        },
        |name| entry(name.to_owned(), Err(Error::failed("internal failure"))),
    )
    .await;
    let profiles: Vec<Entry> = applied.into_iter().map(|(_, e)| e).collect();
    Ok(ctx.out.emit(&FleetReport { profiles }))
}
