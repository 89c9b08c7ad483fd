//! Text folding for search: lower case without accents, so "Ketamína", "KETAMINA" and
//! "ketamina" are the same word. Written by hand (no Unicode tables) because the wasm bundle
//! should stay small and the content is in Latin-script languages (English now, Spanish next).

/// Folds text for matching: lower-cases it, strips accents from Latin letters (Latin-1
/// Supplement and Latin Extended-A, e.g. `á`→`a`, `ñ`→`n`, `ü`→`u`, `ł`→`l`), expands the
/// ligatures `ß`, `æ`, `œ`, and drops combining accent marks (U+0300–U+036F) so text typed in
/// decomposed form folds the same way. Other characters are lower-cased and kept.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Marks are checked after lower-casing too: 'İ' lower-cases to 'i' plus a combining dot.
        for lower in c.to_lowercase() {
            if is_combining_mark(lower) {
                continue;
            }
            match base_letter(lower) {
                Some(base) => out.push_str(base),
                None => out.push(lower),
            }
        }
    }
    out
}

/// Splits folded text into search words: runs of letters and digits. Punctuation, spaces and
/// hyphens separate words, so "side-effects" is two words.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The unaccented form of a lower-case Latin letter, when it has one.
fn base_letter(c: char) -> Option<&'static str> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_latin_accents() {
        assert_eq!(fold("KETAMÍNA"), "ketamina");
        assert_eq!(
            fold("Año Über Ça Œuvre Straße Łódź"),
            "ano uber ca oeuvre strasse lodz"
        );
        assert_eq!(fold("Kwaśny Dvořák"), "kwasny dvorak");
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed_ones() {
        assert_eq!(fold("ketami\u{0301}na"), fold("ketamína"));
    }

    #[test]
    fn words_split_on_punctuation_and_hyphens() {
        let folded = fold("Side-effects, 8% (REM)!");
        assert_eq!(
            words(&folded).collect::<Vec<_>>(),
            ["side", "effects", "8", "rem"]
        );
    }
}
