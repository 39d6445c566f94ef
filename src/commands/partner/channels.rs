//! `partner channels`: every channel of the partner account (all pages), each with the local
//! profile holding it; `--json` gives the API's channel objects with `"profile"` added.

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::{partner_error, profile_holding, resolved_client};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ChannelsArgs {
    /// Only channels in this status (ready, running, ...)
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ChannelList(Vec<Value>);

/// The text at `pointer`, or `-`.
pub fn text_at(channel: &Value, pointers: &[&str]) -> String {
    pointers
        .iter()
        .find_map(|p| {
            channel
                .pointer(p)
                .and_then(|v| v.as_str().map(str::to_owned).or_else(|| v.as_i64().map(|n| n.to_string())))
        })
        .unwrap_or_else(|| "-".into())
}

impl Report for ChannelList {
    fn human(&self, out: &Output) -> String {
        if self.0.is_empty() {
            return "No channels.".into();
        }
        let rows = self.0.iter().map(|c| {
            vec![
                text_at(c, &["/id"]),
                text_at(c, &["/setup_info/phone_number", "/phone_number"]),
                text_at(c, &["/setup_info/phone_name", "/phone_name"]),
                text_at(c, &["/status"]),
                text_at(c, &["/waba_account/id"]),
                text_at(
                    c,
                    &["/current_quality_rating", "/quality_rating", "/waba_account/current_quality_rating"],
                ),
                text_at(c, &["/current_limit", "/messaging_limit", "/waba_account/current_limit"]),
                text_at(c, &["/profile"]),
            ]
        });
        out.table(&["ID", "PHONE", "NAME", "STATUS", "WABA", "QUALITY", "LIMIT", "PROFILE"], rows)
    }
}

pub async fn run(ctx: &Context, hub_flag: Option<&str>, args: &ChannelsArgs) -> Result<ChannelList> {
    let (client, files) = resolved_client(ctx, hub_flag)?;
    let mut channels = client.list_channels(args.status.as_deref()).await.map_err(partner_error)?;
    for channel in &mut channels {
        let id = channel.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        let profile = profile_holding(&files, &id).map(str::to_owned);
        if let Value::Object(map) = channel {
            map.insert("profile".into(), profile.map_or(Value::Null, Value::String));
        }
    }
    Ok(ChannelList(channels))
}
