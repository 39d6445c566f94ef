//! The `contacts[]` of a payload and which one belongs to which message: by the sender's id
//! (`wa_id` or `user_id`) through a map, else by position, so matching stays linear however many
//! messages and contacts a batch holds.

use std::collections::{HashMap, HashSet};

use super::ParseError;
use super::json::Obj;

/// A `contacts[]` entry: who a message is from and their profile.
#[derive(Debug, Default)]
pub(super) struct Contact {
    /// `wa_id` (a phone number, or a user id for username users).
    pub wa_id: Option<String>,
    /// `user_id`: the business-scoped user id.
    pub user_id: Option<String>,
    /// `profile.name`.
    pub name: Option<String>,
    /// `profile.username` (or `username`).
    pub username: Option<String>,
}

impl Contact {
    /// Reads one `contacts[i]` object.
    pub fn read(contact: &Obj<'_>) -> Result<Self, ParseError> {
        let (name, profile_username) = match contact.opt_obj("profile")? {
            Some(profile) => (profile.opt_str("name")?, profile.opt_str("username")?),
            None => (None, None),
        };
        Ok(Contact {
            wa_id: contact.opt_id("wa_id")?,
            user_id: contact.opt_id("user_id")?,
            name,
            username: profile_username.or(contact.opt_str("username")?),
        })
    }

    fn ids(&self) -> impl Iterator<Item = &String> {
        self.wa_id.iter().chain(self.user_id.iter())
    }
}

/// The contacts of one payload (a slot per `contacts[]` item, `None` where one was unreadable),
/// indexed by id, together with every sender of its messages.
pub(super) struct Contacts {
    slots: Vec<Option<Contact>>,
    by_id: HashMap<String, usize>,
    senders: HashSet<String>,
    messages: usize,
}

impl Contacts {
    /// Indexes `slots` for `messages` messages whose senders are `senders`.
    pub fn new(slots: Vec<Option<Contact>>, senders: HashSet<String>, messages: usize) -> Self {
        let mut by_id = HashMap::with_capacity(slots.len());
        for (index, contact) in slots.iter().enumerate() {
            for id in contact.iter().flat_map(Contact::ids) {
                by_id.entry(id.clone()).or_insert(index);
            }
        }
        Self { slots, by_id, senders, messages }
    }

    /// The contact of the message at `index` sent by `sender`: the one whose `wa_id` or `user_id`
    /// is the sender; else the contact at the same index (when contacts and messages pair up) or
    /// the only contact, unless that one is plainly another sender's.
    pub fn of(&self, index: usize, sender: &str) -> Option<&Contact> {
        if let Some(&exact) = self.by_id.get(sender) {
            return self.slots.get(exact)?.as_ref();
        }
        let candidate = if self.slots.len() == self.messages {
            self.slots.get(index)?.as_ref()?
        } else if self.slots.len() == 1 {
            self.slots.first()?.as_ref()?
        } else {
            return None;
        };
        let someone_else = candidate.ids().any(|id| self.senders.contains(id));
        (!someone_else).then_some(candidate)
    }
}
