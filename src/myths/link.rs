//! Deep links into the explorer: `#myths`, `#myths/<claim-id>`, `#myths/routes` and
//! `#myths/options`.
//! Parsing is pure so the platform router and the tests share one definition.

/// The slug of the routes-compared table; no claim may use it as an id.
pub const ROUTES_SLUG: &str = "routes";

/// The slug of the options comparison; no claim may use it as an id.
pub const OPTIONS_SLUG: &str = "options";

/// The section prefix of every explorer fragment.
pub const SECTION: &str = "myths";

/// Where a fragment points inside the explorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MythsLink<'a> {
    /// The explorer itself.
    Explorer,
    /// One claim, opened (the id is well formed; whether it exists is for the caller to check).
    Claim(&'a str),
    /// The routes-compared table.
    Routes,
    /// The options compared (ketamine and the treatments that are not).
    Options,
}

/// Reads a URL fragment (with or without the leading `#`). `None` when it is not an explorer
/// link or the claim id is malformed, so a hand-typed or hostile fragment is simply ignored.
pub fn parse_fragment(fragment: &str) -> Option<MythsLink<'_>> {
    let path = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = path.strip_prefix(SECTION)?;
    if rest.is_empty() || rest == "/" {
        return Some(MythsLink::Explorer);
    }
    parse_item(rest.strip_prefix('/')?)
}

/// Reads the item of a place inside the explorer (`routes` or a claim id, as
/// `nav::Place::item` holds it). `None` when malformed.
pub fn parse_item(item: &str) -> Option<MythsLink<'_>> {
    if item == ROUTES_SLUG {
        Some(MythsLink::Routes)
    } else if item == OPTIONS_SLUG {
        Some(MythsLink::Options)
    } else if is_claim_id(item) {
        Some(MythsLink::Claim(item))
    } else {
        None
    }
}

/// The fragment (with `#`) that opens a claim.
pub fn claim_fragment(id: &str) -> String {
    format!("#{SECTION}/{id}")
}

/// The fragment (with `#`) of the routes-compared table.
pub fn routes_fragment() -> String {
    format!("#{SECTION}/{ROUTES_SLUG}")
}

/// The fragment (with `#`) of the options comparison.
pub fn options_fragment() -> String {
    format!("#{SECTION}/{OPTIONS_SLUG}")
}

/// True for a well-formed claim id: lower-case ASCII letters and digits in hyphen-separated
/// runs (`keeps-you-awake`), at most 80 characters. Such ids need no escaping in URLs or
/// HTML attributes.
pub fn is_claim_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip_to_links() {
        assert_eq!(
            parse_fragment(&claim_fragment("keeps-you-awake")),
            Some(MythsLink::Claim("keeps-you-awake"))
        );
        assert_eq!(parse_fragment(&routes_fragment()), Some(MythsLink::Routes));
        assert_eq!(
            parse_fragment(&options_fragment()),
            Some(MythsLink::Options)
        );
        assert_eq!(parse_fragment("#myths"), Some(MythsLink::Explorer));
        assert_eq!(parse_fragment("myths/"), Some(MythsLink::Explorer));
    }

    #[test]
    fn place_items_name_claims_or_the_routes_table() {
        assert_eq!(parse_item("routes"), Some(MythsLink::Routes));
        assert_eq!(
            parse_item("keeps-you-awake"),
            Some(MythsLink::Claim("keeps-you-awake"))
        );
        assert_eq!(parse_item("Keeps You"), None);
        assert_eq!(parse_item(""), None);
    }

    #[test]
    fn malformed_or_foreign_fragments_are_ignored() {
        for bad in [
            "",
            "#quiz",
            "#mythsx",
            "#myths/Bad-Id",
            "#myths/a--b",
            "#myths/<script>",
            "#myths/-a",
        ] {
            assert_eq!(parse_fragment(bad), None, "{bad}");
        }
    }
}
