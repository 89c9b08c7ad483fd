//! Browser storage for the person's own answers and plan, so nothing typed is lost on reload.
//!
//! Every key starts with [`PREFIX`]; every value is an envelope carrying a schema version, so a
//! stored value from another version, or one edited by hand, is dropped with a notice rather than
//! trusted. Session storage is the default; local storage only when the person opts in
//! ("remember on this device"); nothing at all when the embed says `persist="none"`.

use crate::content::decode::{self, Decode};
use crate::content::encode::{self, Encode};
use crate::content::Envelope;
use web_sys::Storage;

/// Prefix of every key the widget writes.
pub const PREFIX: &str = "kg:";

/// Where to keep state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persist {
    /// Until the tab closes (default).
    Session,
    /// On this device until cleared (opt-in).
    Local,
    /// Nowhere (embed `persist="none"`).
    None,
}

/// A storage scope: one widget instance (several embeds on a page keep separate state).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    instance: String,
    allowed: bool,
}

/// What reading stored state found.
#[derive(Debug, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored.
    Empty,
    /// A valid value of the current schema.
    Restored(T),
    /// Something unreadable or from another schema was found and erased.
    Discarded,
}

const REMEMBER: &str = "remember";

fn session() -> Option<Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

fn local() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

impl Scope {
    /// A scope for one widget instance; `allowed = false` stores nothing (`persist="none"`).
    pub fn new(instance: &str, allowed: bool) -> Self {
        Scope {
            instance: instance.to_owned(),
            allowed,
        }
    }

    /// The instance this scope stores for.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    fn key(&self, name: &str) -> String {
        format!("{PREFIX}{}:{name}", self.instance)
    }

    /// Whether the person chose "remember on this device" for this instance.
    pub fn remembers(&self) -> bool {
        self.allowed
            && local()
                .and_then(|s| s.get_item(&self.key(REMEMBER)).ok().flatten())
                .is_some()
    }

    /// Where values go now.
    pub fn persist(&self) -> Persist {
        match (self.allowed, self.remembers()) {
            (false, _) => Persist::None,
            (true, true) => Persist::Local,
            (true, false) => Persist::Session,
        }
    }

    /// Turns "remember on this device" on (moving stored values to local storage) or off
    /// (moving them back to session storage).
    pub fn set_remember(&self, on: bool) {
        let (Some(from), Some(to)) = (if on {
            (session(), local())
        } else {
            (local(), session())
        }) else {
            return;
        };
        if !self.allowed {
            return;
        }
        let own = self.key("");
        let flag = self.key(REMEMBER);
        for key in keys(&from)
            .into_iter()
            .filter(|k| k.starts_with(&own) && *k != flag)
        {
            if let Ok(Some(value)) = from.get_item(&key) {
                let _ = to.set_item(&key, &value);
            }
            let _ = from.remove_item(&key);
        }
        match (on, local()) {
            (true, Some(l)) => {
                let _ = l.set_item(&flag, "1");
            }
            (false, Some(l)) => {
                let _ = l.remove_item(&flag);
            }
            _ => {}
        }
    }

    /// Reads a value stored under `name` with schema version `version`.
    pub fn load<T: Decode>(&self, name: &str, version: u32) -> Loaded<T> {
        let Some(store) = self.store() else {
            return Loaded::Empty;
        };
        let key = self.key(name);
        let Ok(Some(text)) = store.get_item(&key) else {
            return Loaded::Empty;
        };
        match decode::from_str::<Envelope<T>>(&text) {
            Ok(env) if env.v == version => Loaded::Restored(env.data),
            _ => {
                let _ = store.remove_item(&key);
                Loaded::Discarded
            }
        }
    }

    /// Something is stored under `name` (readable or not).
    pub fn has(&self, name: &str) -> bool {
        self.store()
            .is_some_and(|s| matches!(s.get_item(&self.key(name)), Ok(Some(_))))
    }

    /// Stores `value` under `name` with schema version `version` (quietly does nothing when
    /// storage is unavailable or full: the widget still works, it just forgets on reload).
    pub fn save<T: Encode>(&self, name: &str, version: u32, value: &T) {
        let Some(store) = self.store() else { return };
        let text = encode::to_string(&Envelope {
            v: version,
            data: value,
        });
        let _ = store.set_item(&self.key(name), &text);
    }

    /// Removes one stored value from both storages.
    pub fn remove(&self, name: &str) {
        for store in [session(), local()].into_iter().flatten() {
            let _ = store.remove_item(&self.key(name));
        }
    }

    fn store(&self) -> Option<Storage> {
        match self.persist() {
            Persist::Session => session(),
            Persist::Local => local(),
            Persist::None => None,
        }
    }
}

fn keys(store: &Storage) -> Vec<String> {
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect()
}

/// Erases every trace the widget left, in both storages, for every instance.
pub fn clear_everything() {
    for store in [session(), local()].into_iter().flatten() {
        for key in keys(&store).into_iter().filter(|k| k.starts_with(PREFIX)) {
            let _ = store.remove_item(&key);
        }
    }
}
