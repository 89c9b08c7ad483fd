//! Where the person is in the widget: which section, and optionally one item inside it
//! (e.g. a claim id). Pure, so fragment parsing is tested natively; `platform::route` binds it
//! to the URL fragment on the standalone page, or keeps it in memory inside an embed.

/// One of the widget's three tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Eligibility self-check.
    Quiz,
    /// Myth-versus-evidence explorer.
    Myths,
    /// Cost estimator.
    Cost,
}

impl Section {
    /// Every section, in the default order.
    pub const ALL: [Section; 3] = [Section::Quiz, Section::Myths, Section::Cost];

    /// The id used in fragments, attributes and element ids.
    pub fn id(self) -> &'static str {
        match self {
            Section::Quiz => "quiz",
            Section::Myths => "myths",
            Section::Cost => "cost",
        }
    }

    /// The content file its tool reads.
    pub fn feature(self) -> crate::content::Feature {
        use crate::content::Feature;
        match self {
            Section::Quiz => Feature::Quiz,
            Section::Myths => Feature::Myths,
            Section::Cost => Feature::Cost,
        }
    }

    /// Parses a section id (exact, lowercase).
    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// A place in the widget: a section and an optional item within it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The section shown.
    pub section: Section,
    /// An item inside the section (e.g. `myths/<claim-id>`), if any.
    pub item: Option<String>,
}

impl Place {
    /// A place at the top of a section.
    pub fn section(section: Section) -> Self {
        Place {
            section,
            item: None,
        }
    }

    /// Parses a URL fragment such as `#myths/sleep-insomnia`; `None` for anything else, so an
    /// unrelated fragment on the host page is simply ignored.
    pub fn from_fragment(fragment: &str) -> Option<Place> {
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        let (section, rest) = match body.split_once('/') {
            Some((s, r)) => (s, Some(r)),
            None => (body, None),
        };
        let section = Section::from_id(section)?;
        let item = rest.filter(|r| is_item_id(r)).map(str::to_owned);
        Some(Place { section, item })
    }

    /// The fragment for this place, with the leading `#`.
    pub fn to_fragment(&self) -> String {
        match &self.item {
            Some(item) => format!("#{}/{}", self.section.id(), item),
            None => format!("#{}", self.section.id()),
        }
    }
}

/// Item ids are short kebab-case words: anything else in a fragment is ignored rather than
/// trusted (fragments are user-editable).
fn is_item_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip() {
        for s in Section::ALL {
            let p = Place::section(s);
            assert_eq!(Place::from_fragment(&p.to_fragment()), Some(p));
        }
        let deep = Place {
            section: Section::Myths,
            item: Some("sleep-awake".into()),
        };
        assert_eq!(deep.to_fragment(), "#myths/sleep-awake");
        assert_eq!(Place::from_fragment("#myths/sleep-awake"), Some(deep));
    }

    #[test]
    fn unknown_or_hostile_fragments_are_ignored() {
        assert_eq!(Place::from_fragment(""), None);
        assert_eq!(Place::from_fragment("#top"), None);
        assert_eq!(Place::from_fragment("#QUIZ"), None);
        assert_eq!(
            Place::from_fragment("#myths/<script>"),
            Some(Place::section(Section::Myths))
        );
    }
}
