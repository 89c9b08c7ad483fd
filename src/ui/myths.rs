//! The myths section. Being built on its engine; see its issue.

use super::WidgetContext;
use yew::prelude::*;

/// The myths section's content.
#[component]
pub fn MythsSection() -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let strings = crate::content::shell::ShellStrings::load(widget.locale).ok();
    let heading = strings.map(|s| s.tab_myths).unwrap_or_default();
    html! { <h2 class="kg-section-title">{ heading }</h2> }
}
