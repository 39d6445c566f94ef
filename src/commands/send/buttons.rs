//! `send buttons --text T --button LABEL...`: 1-3 buttons with titles up to 20 characters go
//! as interactive reply buttons; more (or a longer title, or a text over 1024 characters) go as
//! one text with a numbered list, with a warning (the seed's behaviour).

use clap::Args;

use super::refusal::Situation;
use super::sender::Sender;
use super::{Fallback, Recipient, SendReport};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::message::{self, ButtonsPlan};

#[derive(Debug, Args)]
pub struct ButtonsArgs {
    #[command(flatten)]
    pub recipient: Recipient,
    /// The message shown above the buttons
    #[arg(long, value_name = "T")]
    pub text: String,
    /// A button label, repeated per button (1-3 labels of up to 20 characters become reply
    /// buttons; more become a numbered list)
    #[arg(long = "button", value_name = "LABEL", required = true)]
    pub buttons: Vec<String>,
}

pub async fn run(ctx: &Context, args: &ButtonsArgs) -> Result<SendReport> {
    let plan = message::plan_buttons(&args.text, &args.buttons).map_err(|err| {
        Error::invalid(format!("cannot send these buttons: {err}; nothing was sent"))
            .with_hint("give a non-empty --text and one --button per distinct, non-empty label")
    })?;
    let sender = Sender::open(ctx, &args.recipient).await?;
    let (body, kind, fallback) = match plan {
        ButtonsPlan::Interactive => {
            (message::buttons(sender.flavour(), &sender.to, &args.text, &args.buttons), "interactive", None)
        }
        ButtonsPlan::NumberedList { reason } => {
            ctx.out.warn(&format!(
                "sending the buttons as a numbered list in the text: {reason} (replies arrive as text, \
                 e.g. \"2\", not as button replies)"
            ));
            let text = message::numbered_list(&args.text, &args.buttons);
            (message::text(sender.flavour(), &sender.to, &text, false), "text", Some(Fallback::NumberedList))
        }
    };
    let situation = Situation { to: &sender.to, ..Situation::default() };
    let id = sender.send(&body, &situation).await?;
    Ok(SendReport::new(&sender.to, kind, fallback, vec![id]))
}
