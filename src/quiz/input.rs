//! Typed text → a whole number within a question's limits, or a clear error. Parsed once, here,
//! so nothing else ever sees raw text.

use super::model::{Question, QuestionKind, QuizContent};
use super::ui::fill;

/// Why typed text is not an acceptable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number at all.
    NotANumber,
    /// A number with a fraction where only whole numbers make sense.
    NotWhole,
    /// Smaller than the question allows.
    BelowMin(u32),
    /// Larger than the question allows.
    AboveMax(u32),
}

/// Why a question on the current screen blocks going on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// A required question has no answer.
    Missing,
    /// The typed number is not acceptable.
    Number(NumberError),
}

fn is_decimal(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = body.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next().unwrap_or("");
    !(whole.is_empty() && frac.is_empty())
        && whole.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
}

/// Parses what the person typed into a number question.
///
/// Surrounding spaces are ignored. A fraction that is exactly whole (`"42.0"`) is accepted,
/// since that is what the person meant. Never panics, whatever the text.
pub fn validate_number(question: &Question, text: &str) -> Result<u32, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    if !is_decimal(text) {
        return Err(NumberError::NotANumber);
    }
    let negative = text.starts_with('-');
    let body = text.trim_start_matches(['-', '+']);
    let (whole, frac) = body.split_once(['.', ',']).unwrap_or((body, ""));
    if frac.chars().any(|c| c != '0') {
        return Err(NumberError::NotWhole);
    }
    let (min, max) = question
        .number
        .as_ref()
        .map_or((0, u32::MAX), |s| (s.min, s.max));
    let digits = whole.trim_start_matches('0');
    if negative && !digits.is_empty() {
        return Err(NumberError::BelowMin(min));
    }
    // Anything longer than u32's ten digits is certainly above any limit.
    let value = match digits.len() {
        0 => 0,
        1..=10 => digits.parse::<u64>().unwrap_or(u64::MAX),
        _ => u64::MAX,
    };
    if value < u64::from(min) {
        Err(NumberError::BelowMin(min))
    } else if value > u64::from(max) {
        Err(NumberError::AboveMax(max))
    } else {
        u32::try_from(value).map_err(|_| NumberError::AboveMax(max))
    }
}

impl FieldError {
    /// The message for this error on this question, from the content's error texts.
    pub fn message(self, content: &QuizContent, question: &Question) -> String {
        let e = &content.ui.errors;
        let (min, max, unit) = question
            .number
            .as_ref()
            .map(|s| (s.min.to_string(), s.max.to_string(), s.unit.as_str()))
            .unwrap_or_default();
        let template = match self {
            FieldError::Missing => match question.kind {
                QuestionKind::Single => &e.choose_one,
                QuestionKind::Multiple => &e.choose_some,
                QuestionKind::Number => &e.number_missing,
            },
            FieldError::Number(NumberError::Empty) => &e.number_missing,
            FieldError::Number(NumberError::NotANumber) => &e.not_a_number,
            FieldError::Number(NumberError::NotWhole) => &e.whole_number,
            FieldError::Number(NumberError::BelowMin(_)) => &e.below_min,
            FieldError::Number(NumberError::AboveMax(_)) => &e.above_max,
        };
        fill(template, &[("min", &min), ("max", &max), ("unit", unit)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::NumberSpec;

    fn age() -> Question {
        Question {
            id: "age".into(),
            kind: QuestionKind::Number,
            legend: String::new(),
            hint: None,
            choices: vec![],
            number: Some(NumberSpec {
                min: 1,
                max: 120,
                unit: "years".into(),
            }),
            required: true,
            screen: None,
            why: String::new(),
            sources: vec![],
            shown_if: None,
        }
    }

    #[test]
    fn typed_whole_numbers_within_limits_are_accepted() {
        assert_eq!(validate_number(&age(), " 42 "), Ok(42));
        assert_eq!(validate_number(&age(), "+18"), Ok(18));
        assert_eq!(validate_number(&age(), "042"), Ok(42));
        assert_eq!(validate_number(&age(), "42.0"), Ok(42));
        assert_eq!(validate_number(&age(), "1"), Ok(1));
        assert_eq!(validate_number(&age(), "120"), Ok(120));
    }

    #[test]
    fn each_kind_of_bad_text_gets_its_own_error() {
        assert_eq!(validate_number(&age(), "   "), Err(NumberError::Empty));
        assert_eq!(
            validate_number(&age(), "forty"),
            Err(NumberError::NotANumber)
        );
        assert_eq!(validate_number(&age(), "4e2"), Err(NumberError::NotANumber));
        assert_eq!(validate_number(&age(), "."), Err(NumberError::NotANumber));
        assert_eq!(validate_number(&age(), "--3"), Err(NumberError::NotANumber));
        assert_eq!(validate_number(&age(), "17.5"), Err(NumberError::NotWhole));
        assert_eq!(validate_number(&age(), "0"), Err(NumberError::BelowMin(1)));
        assert_eq!(validate_number(&age(), "-5"), Err(NumberError::BelowMin(1)));
        assert_eq!(
            validate_number(&age(), "121"),
            Err(NumberError::AboveMax(120))
        );
        assert_eq!(
            validate_number(&age(), "99999999999999999999999"),
            Err(NumberError::AboveMax(120))
        );
    }
}
