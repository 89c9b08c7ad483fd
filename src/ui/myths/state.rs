//! The explorer's state: the query (stored, so a reload keeps it), which cards are open, and
//! where focus should go after the next render. Plain data; the engine interprets the query.

pub use crate::myths::query::Stored;
use crate::myths::{Query, Verdict};
use std::rc::Rc;
use yew::Reducible;

/// Storage key of the explorer's state (inside the instance's scope).
pub const STORE_NAME: &str = "myths";
/// Schema version of [`Stored`]; bump it when its shape changes, so old values are dropped.
pub const STORE_VERSION: u32 = 1;

/// Where focus goes after the next render.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    /// A claim's heading.
    Claim(String),
    /// The routes table's heading.
    Routes,
    /// The link that opens the routes table (after coming back from it).
    RoutesLink,
    /// The options comparison's heading.
    Options,
    /// The link that opens the options comparison (after coming back from it).
    OptionsLink,
    /// The search box (after clearing, whose button disappears).
    Search,
}

/// Everything the explorer remembers between renders.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExplorerState {
    /// Search text and filters.
    pub query: Query,
    /// Ids of the claims whose evidence is shown.
    pub open: Vec<String>,
    /// Pending focus move, if any.
    pub focus: Option<Focus>,
    /// Bumped with every focus request, so asking twice for the same target moves focus twice.
    pub focus_seq: u32,
    /// A stored query was unreadable and removed: say so until the person acts.
    pub discarded: bool,
    /// The filter chips are shown on a narrow screen (they are folded away there, so the
    /// results sit right under the search box).
    pub filters_open: bool,
    /// Bumped with every keystroke in the search box: the results are then kept under it.
    pub typed: u32,
}

impl ExplorerState {
    /// State restored from storage.
    pub fn restored(stored: Stored) -> Self {
        ExplorerState {
            query: stored.query,
            ..Self::default()
        }
    }

    /// Fresh state after an unreadable stored value was removed.
    pub fn discarded() -> Self {
        ExplorerState {
            discarded: true,
            ..Self::default()
        }
    }

    /// Whether a claim's evidence is shown.
    pub fn is_open(&self, id: &str) -> bool {
        self.open.iter().any(|o| o == id)
    }

    fn focus(&mut self, focus: Focus) {
        self.focus = Some(focus);
        self.focus_seq = self.focus_seq.wrapping_add(1);
    }
}

/// What the person (or a link) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed in the search box.
    SetText(String),
    /// Pressed a topic chip.
    ToggleTopic(String),
    /// Pressed a verdict chip.
    ToggleVerdict(Verdict),
    /// Pressed "Clear filters".
    Clear,
    /// Pressed "Filters" (narrow screens): show or fold the chips.
    ToggleFilters,
    /// Took the suggested topic after a search found nothing: that topic's claims, no search.
    ShowTopic(String),
    /// Opened or closed a claim's evidence.
    Toggle(String),
    /// A link named this claim: open it and move focus to it, clearing the query first when
    /// it would hide the claim.
    Reveal {
        /// The claim id.
        id: String,
        /// Whether the current query hides the claim.
        clear: bool,
    },
    /// Move focus after the next render.
    Focus(Focus),
}

impl Reducible for ExplorerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetText(text) => {
                next.query.text = text;
                next.discarded = false;
                next.typed = next.typed.wrapping_add(1);
            }
            Action::ToggleTopic(id) => {
                next.query.toggle_topic(&id);
                next.discarded = false;
            }
            Action::ToggleVerdict(v) => {
                next.query.toggle_verdict(v);
                next.discarded = false;
            }
            Action::Clear => {
                next.query.clear();
                next.discarded = false;
                next.focus(Focus::Search);
            }
            Action::ToggleFilters => next.filters_open = !next.filters_open,
            Action::ShowTopic(id) => {
                next.query.clear();
                next.query.toggle_topic(&id);
                next.discarded = false;
                next.focus(Focus::Search);
            }
            Action::Toggle(id) => {
                if let Some(pos) = next.open.iter().position(|o| *o == id) {
                    next.open.remove(pos);
                } else {
                    next.open.push(id);
                }
            }
            Action::Reveal { id, clear } => {
                if clear {
                    next.query.clear();
                }
                if !next.is_open(&id) {
                    next.open.push(id.clone());
                }
                next.focus(Focus::Claim(id));
            }
            Action::Focus(focus) => next.focus(focus),
        }
        Rc::new(next)
    }
}
