//! Keeps the current [`Place`] in one of two homes: the URL fragment on the standalone page (so
//! reload and the back button work), or memory inside an embed (the host's URL is never touched).

use crate::nav::Place;
use gloo::events::EventListener;
use yew::Callback;

/// Where navigation state lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteMode {
    /// The standalone page owns the URL: mirror the place in `location.hash`.
    Fragment,
    /// Embedded on someone else's page: keep it in memory only.
    Memory,
}

impl RouteMode {
    /// The place the URL names right now, if this mode reads the URL.
    pub fn initial(self) -> Option<Place> {
        match self {
            RouteMode::Fragment => {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                Place::from_fragment(&hash)
            }
            RouteMode::Memory => None,
        }
    }

    /// Records a new place (a history entry on the standalone page; nothing in an embed).
    pub fn push(self, place: &Place) {
        if self == RouteMode::Fragment {
            let fragment = place.to_fragment();
            let location = gloo::utils::window().location();
            if location.hash().unwrap_or_default() != fragment {
                // Setting the hash adds a history entry, which is what Back should undo.
                let _ = location.set_hash(&fragment);
            }
        }
    }

    /// Calls `on_change` when the URL's place changes (back/forward, edited fragment). The
    /// listener lives as long as the returned guard.
    pub fn watch(self, on_change: Callback<Place>) -> Option<EventListener> {
        match self {
            RouteMode::Fragment => Some(EventListener::new(
                &gloo::utils::window(),
                "hashchange",
                move |_| {
                    if let Some(place) = RouteMode::Fragment.initial() {
                        on_change.emit(place);
                    }
                },
            )),
            RouteMode::Memory => None,
        }
    }
}
