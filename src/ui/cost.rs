//! The cost section. Being built on its engine; see its issue.

use super::WidgetContext;
use yew::prelude::*;

/// The cost section's content.
#[component]
pub fn CostSection() -> Html {
    let widget = use_context::<WidgetContext>().expect("inside App");
    let strings = crate::content::shell::ShellStrings::load(widget.locale).ok();
    let heading = strings.map(|s| s.tab_cost).unwrap_or_default();
    html! { <h2 class="kg-section-title">{ heading }</h2> }
}
