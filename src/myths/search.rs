//! Search that forgives: other forms of a word, words people type that the claims do not use
//! (from the content's `[search]` table, in each language), small words that say nothing, and
//! the closest topic when nothing matches.
//!
//! Pure and small: no stemmer tables, no ranking. A search word matches a claim when it, its
//! shorter form, or a word its synonym entry finds, occurs in the claim's folded text.

use super::fold::{fold, words};
use super::model::{Claim, Topic};
use super::query::search_text;

crate::json_struct! {
impl Decode;
/// The content's search help for one language (`[search]` in `myths.toml`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchHelp {
    /// Small words a search ignores, separated by commas ("can I get hooked" searches
    /// "hooked"; a search of small words only shows every claim, as an empty one does).
    pub ignore: String,
    /// Words people type, and the words the claims use for the same idea.
    pub synonyms: Vec<Synonym>,
}
}

crate::json_struct! {
impl Decode;
/// One idea: what people may type, and what the claims say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synonym {
    /// Stable id, the same in every language.
    pub id: String,
    /// Words and phrases people type, separated by commas. Other forms of each are found too.
    pub words: String,
    /// Words the claims use, separated by commas; a search word above finds any of them.
    pub finds: String,
}
}

impl SearchHelp {
    /// Entries that could never help: a synonym with no words, or a word it finds that no
    /// claim uses (synonym id, word). Content validation reports them.
    pub fn unused_finds(&self, claims: &[Claim]) -> Vec<(String, String)> {
        let texts: Vec<String> = claims.iter().map(search_text).collect();
        let mut out = Vec::new();
        for s in &self.synonyms {
            if list(&s.words).next().is_none() || list(&s.finds).next().is_none() {
                out.push((s.id.clone(), String::new()));
            }
            for f in list(&s.finds).map(|ws| ws.join(" ")) {
                if !texts.iter().any(|t| t.contains(f.as_str())) {
                    out.push((s.id.clone(), f));
                }
            }
        }
        out
    }
}

/// A comma-separated list, folded: each item as its search words.
fn list(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.split(',').filter_map(|item| {
        let folded = fold(item);
        let ws: Vec<String> = words(&folded).map(str::to_owned).collect();
        (!ws.is_empty()).then_some(ws)
    })
}

/// English endings a word may drop, longest first, so that "addiction" and "addictive" also
/// find "addicted", and "treatments" finds "treatment". Only words that keep at least four
/// letters are shortened.
const ENDINGS: [&str; 7] = ["ions", "ion", "ive", "ing", "ed", "es", "s"];

/// The shorter form a word may also match: an English ending dropped, or else a Spanish
/// final vowel of a word of five or more letters ("sueño" also finds "sueños", "dormido"
/// finds "dormida", and "ketamina" finds "ketamine").
pub fn stem(word: &str) -> Option<String> {
    let english = ENDINGS.iter().find_map(|e| {
        word.strip_suffix(e)
            .filter(|rest| rest.chars().count() >= 4)
    });
    if let Some(rest) = english {
        return Some(rest.to_owned());
    }
    let mut chars: Vec<char> = word.chars().collect();
    match chars.last() {
        Some('a' | 'e' | 'o') if chars.len() >= 5 => {
            chars.pop();
            Some(chars.into_iter().collect())
        }
        _ => None,
    }
}

/// Two words are forms of one another: equal, or one's shorter form is the other or its
/// shorter form ("hooked" and "hook", "adictivas" and "adictiva").
fn same_word(a: &str, b: &str) -> bool {
    let (sa, sb) = (stem(a), stem(b));
    a == b || sa.as_deref() == Some(b) || sb.as_deref() == Some(a) || (sa.is_some() && sa == sb)
}

/// One search word (or a phrase from the synonym list), with everything it may match.
#[derive(Clone, Debug, PartialEq)]
struct Needle {
    /// What may occur in a claim's text; any one is enough.
    any_of: Vec<String>,
}

impl Needle {
    fn found_in(&self, hay: &str) -> bool {
        self.any_of.iter().any(|w| hay.contains(w.as_str()))
    }
}

/// A search text read against the search help: every needle must be found in a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Matcher {
    needles: Vec<Needle>,
}

impl Matcher {
    /// Reads a search text.
    pub fn new(text: &str, help: &SearchHelp) -> Matcher {
        let folded = fold(text);
        let all: Vec<&str> = words(&folded).collect();
        let ignored: Vec<Vec<String>> = list(&help.ignore).collect();
        let is_ignored = |w: &str| ignored.iter().any(|i| i.len() == 1 && i[0] == w);
        let kept: Vec<&str> = all.into_iter().filter(|w| !is_ignored(w)).collect();
        // Phrases lose their small words too, as the search did: "no puedo dormir" is
        // matched as "no dormir".
        let entries: Vec<(Vec<Vec<String>>, Vec<String>)> = help
            .synonyms
            .iter()
            .map(|s| {
                let finds = list(&s.finds).map(|ws| ws.join(" ")).collect();
                let phrases = list(&s.words)
                    .map(|p| {
                        let short: Vec<String> =
                            p.iter().filter(|w| !is_ignored(w)).cloned().collect();
                        if short.is_empty() {
                            p
                        } else {
                            short
                        }
                    })
                    .collect();
                (phrases, finds)
            })
            .collect();
        let mut needles = Vec::new();
        let mut i = 0;
        while i < kept.len() {
            // The longest phrase of the synonym list starting here, if any.
            let found = entries
                .iter()
                .flat_map(|(phrases, finds)| phrases.iter().map(move |p| (p, finds)))
                .filter(|(p, _)| {
                    p.len() <= kept.len() - i
                        && p.iter().zip(&kept[i..]).all(|(a, b)| same_word(a, b))
                })
                .max_by_key(|(p, _)| p.len());
            match found {
                Some((phrase, finds)) => {
                    let mut any_of = vec![kept[i..i + phrase.len()].join(" ")];
                    any_of.extend(finds.iter().cloned());
                    needles.push(Needle { any_of });
                    i += phrase.len();
                }
                None => {
                    let w = kept[i];
                    needles.push(Needle {
                        any_of: std::iter::once(w.to_owned()).chain(stem(w)).collect(),
                    });
                    i += 1;
                }
            }
        }
        Matcher { needles }
    }

    /// True when the search has no words: everything matches.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// Whether every search word is found in the claim.
    pub fn matches(&self, claim: &Claim) -> bool {
        self.is_empty() || self.matches_text(&search_text(claim))
    }

    fn matches_text(&self, hay: &str) -> bool {
        self.needles.iter().all(|n| n.found_in(hay))
    }

    /// The topic closest to a search that found nothing, in content order on a tie; `None`
    /// when nothing is close. First, the topic where the search alone finds most claims (when
    /// only the filters hid them); else the topic with the most claims holding a word within a
    /// typing slip of a search word ("insomia", "dependance").
    pub fn closest_topic<'a>(&self, claims: &[Claim], topics: &'a [Topic]) -> Option<&'a Topic> {
        if self.is_empty() {
            return None;
        }
        let texts: Vec<(&Claim, String)> = claims.iter().map(|c| (c, search_text(c))).collect();
        let best = |score: &dyn Fn(&Topic) -> usize| {
            topics
                .iter()
                .map(|t| (score(t), t))
                .filter(|(s, _)| *s > 0)
                .fold(
                    None,
                    |best: Option<(usize, &'a Topic)>, (s, t)| match best {
                        Some((b, _)) if b >= s => best,
                        _ => Some((s, t)),
                    },
                )
                .map(|(_, t)| t)
        };
        let in_topic = |t: &Topic| -> Vec<&str> {
            texts
                .iter()
                .filter(|(c, _)| c.topics.contains(&t.id))
                .map(|(_, h)| h.as_str())
                .collect()
        };
        let found = best(&|t| {
            in_topic(t)
                .into_iter()
                .filter(|h| self.matches_text(h))
                .count()
        });
        found.or_else(|| {
            // Each claim holding a word within a slip of a search word counts for its topics;
            // a topic whose own label is within a slip wins outright: it is what was meant.
            let near = |vocabulary: &[&str]| {
                self.needles
                    .iter()
                    .filter(|n| {
                        n.any_of
                            .iter()
                            .any(|w| vocabulary.iter().any(|v| slip(w, v)))
                    })
                    .count()
            };
            let per_claim: Vec<(&Claim, usize)> = texts
                .iter()
                .map(|(c, h)| {
                    let mut unique: Vec<&str> = words(h).collect();
                    unique.sort_unstable();
                    unique.dedup();
                    (*c, near(&unique))
                })
                .collect();
            best(&|t| {
                let label = fold(&t.label);
                let claims: usize = per_claim
                    .iter()
                    .filter(|(c, _)| c.topics.contains(&t.id))
                    .map(|(_, n)| n)
                    .sum();
                let label: Vec<&str> = words(&label).collect();
                claims + near(&label) * LABEL_WEIGHT
            })
        })
    }
}

/// How much a topic label near the search outweighs claims that hold near words: more than
/// any number of claims.
const LABEL_WEIGHT: usize = 1_000;

/// A typing slip apart: for words of four letters or more, one edit (two from eight letters),
/// or the same first five letters.
fn slip(typed: &str, word: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (typed.chars().collect(), word.chars().collect());
    if a.len() < 4 || b.len() < 4 {
        return false;
    }
    if a.len() >= 5 && b.len() >= 5 && a[..5] == b[..5] {
        return true;
    }
    let allowed = if a.len() >= 8 { 2 } else { 1 };
    a.len().abs_diff(b.len()) <= allowed && edit_distance(&a, &b) <= allowed
}

/// Levenshtein distance, one row at a time.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help() -> SearchHelp {
        SearchHelp {
            ignore: "can, i, get, is, it, es".into(),
            synonyms: vec![Synonym {
                id: "addiction".into(),
                words: "hooked, habit forming, adictiva, adicto".into(),
                finds: "addiction, dependence, adicción".into(),
            }],
        }
    }

    fn finds(text: &str, hay: &str) -> bool {
        Matcher::new(text, &help()).matches_text(&fold(hay))
    }

    #[test]
    fn word_forms_match_each_other() {
        assert!(same_word("hooked", "hook"));
        assert!(same_word("adictivas", "adictiva"));
        assert!(same_word("adicta", "adicto"));
        assert!(!same_word("use", "uses"), "never cut below four letters");
    }

    #[test]
    fn synonyms_and_their_forms_find_the_words_claims_use() {
        assert!(finds("can I get hooked?", "It can lead to dependence."));
        assert!(finds("hooking", "addiction"));
        assert!(finds("Habit-forming", "a risk of addiction"));
        assert!(finds("habit forming drugs", "addiction to drugs"));
        assert!(finds("¿Es ADICTIVA?", "Le va a causar adicción."));
        assert!(finds("adictivas", "adicción"));
        assert!(finds("adicta", "adicción"));
        assert!(!finds("hooked", "sleep"));
    }

    #[test]
    fn small_words_are_ignored() {
        let m = Matcher::new("can I get hooked", &help());
        assert_eq!(m.needles.len(), 1);
        assert!(Matcher::new("is it", &help()).is_empty());
    }

    #[test]
    fn slips_are_one_or_two_edits_or_a_shared_start() {
        assert!(slip("insomia", "insomnia"));
        assert!(slip("hookd", "hooked"));
        assert!(slip("dependance", "dependence"));
        assert!(slip("esketamin", "esketamine"));
        assert!(!slip("cat", "car"));
        assert_eq!(edit_distance(&['a', 'b'], &[]), 2);
    }
}
