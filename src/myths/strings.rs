//! The explorer's UI strings (`[ui]` in `content/<locale>/myths.toml`): every label, heading
//! and template, so a translation changes words without touching code.

crate::json_struct! {
impl Decode;
/// Every label, heading and message template of the explorer.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MythsText {
    /// Explorer heading.
    pub heading: String,
    /// One-line introduction under the heading.
    pub intro: String,
    /// Visible label of the search box.
    pub search_label: String,
    /// Placeholder of the search box.
    pub search_placeholder: String,
    /// Name of the topic filter group.
    pub topics_group: String,
    /// Name of the verdict filter group.
    pub verdicts_group: String,
    /// Chip count template, e.g. "{label} ({count})".
    pub chip_template: String,
    /// Button that clears search and filters.
    pub clear_filters: String,
    /// Results count when no claim matches.
    pub results_none: String,
    /// Results count for exactly one claim.
    pub results_one: String,
    /// Results count template for several claims: "{count} claims shown".
    pub results_many: String,
    /// Empty-state heading.
    pub empty_title: String,
    /// Empty-state body, suggesting clearing filters.
    pub empty_body: String,
    /// Disclosure button: closed.
    pub show_evidence: String,
    /// Disclosure button: open.
    pub hide_evidence: String,
    /// Label before the verdict (for screen readers and print).
    pub verdict_label: String,
    /// Heading: evidence strength.
    pub strength_heading: String,
    /// Heading: key numbers.
    pub numbers_heading: String,
    /// Heading: sources.
    pub sources_heading: String,
    /// Heading: related claims.
    pub related_heading: String,
    /// Heading: where sources disagree.
    pub disagreement_heading: String,
    /// Label of a link to a source's public address.
    pub source_link: String,
    /// Label of the copyable link to a claim.
    pub claim_link: String,
    /// Text alternative of a compare chart:
    /// "{label}: {a_label} {a_value}, {b_label} {b_value}."
    pub chart_alt_compare: String,
    /// Text alternative of a before-after chart:
    /// "{label}: from {a_value} ({a_label}) to {b_value} ({b_label})."
    pub chart_alt_before_after: String,
    /// Text alternative of a share chart: "{label}: {a_value} ({a_label})."
    pub chart_alt_share: String,
    /// Decimal separator for chart values ("." in English, "," in Spanish).
    pub decimal_separator: String,
    /// Link from the explorer (and the cost estimator) to the routes table.
    pub routes_link: String,
    /// Link to the options compared (ketamine and the treatments that are not).
    pub options_link: String,
    /// Heading of the routes section.
    pub routes_heading: String,
    /// Caption of the routes table.
    pub routes_caption: String,
    /// Column headers: route, onset, wear-off, sessions, bioavailability, supervision, price.
    pub routes_headers: Vec<String>,
    /// Heading of the routes table's sources.
    pub routes_sources_heading: String,
    /// After a route's name, on a clinic's page that lists the treatments it offers.
    pub routes_offered: String,
    /// Link back from the routes table to the claims.
    pub back_to_claims: String,
    /// Notice when a stored search could not be restored and was removed.
    pub restore_discarded: String,
    /// The button that shows the filters on a narrow screen.
    pub filters_button: String,
    /// The same with filters on: "Filters ({count} on)".
    pub filters_active: String,
    /// When nothing matches: "The closest topic to your search is “{topic}”."
    pub suggest_text: String,
    /// The button that shows that topic's claims: "Show claims about “{topic}”".
    pub suggest_button: String,
    /// Above a table wider than the screen: scroll it sideways.
    pub scroll_hint: String,
}
}
