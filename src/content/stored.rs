//! The wrapper every value in browser storage is written in: `{"v":<version>,"data":<value>}`.
//! The version says which shape `data` has; a reader expecting another version drops the value
//! with a notice instead of misreading it.

use super::decode::{Decode, Fields, Json};
use super::encode::{Encode, Obj};

/// A stored value and its schema version.
#[derive(Debug, PartialEq)]
pub struct Envelope<T> {
    /// The value's schema version.
    pub v: u32,
    /// The value.
    pub data: T,
}

impl<T: Encode> Encode for Envelope<T> {
    fn encode(&self, out: &mut String) {
        Obj::start(out)
            .field("v", &self.v)
            .field("data", &self.data)
            .end();
    }
}

impl<T: Decode> Decode for Envelope<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        let f = Fields::of(v)?;
        let envelope = Envelope {
            v: f.req("v")?,
            data: f.req("data")?,
        };
        f.finish()?;
        Ok(envelope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{decode::from_str, encode::to_string};

    #[test]
    fn a_stored_value_is_written_and_read_in_its_envelope() {
        let text = to_string(&Envelope {
            v: 1,
            data: "es".to_owned(),
        });
        assert_eq!(text, r#"{"v":1,"data":"es"}"#);
        assert_eq!(
            from_str::<Envelope<String>>(&text),
            Ok(Envelope {
                v: 1,
                data: "es".to_owned()
            })
        );
    }

    #[test]
    fn an_envelope_without_its_version_or_value_is_refused() {
        for text in [
            r#"{"data":"es"}"#,
            r#"{"v":1}"#,
            r#"{"v":-1,"data":"es"}"#,
            r#"{"v":1,"data":"es","x":0}"#,
            r#"[1,"es"]"#,
            "",
        ] {
            assert!(from_str::<Envelope<String>>(text).is_err(), "{text}");
        }
    }
}
