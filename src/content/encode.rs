//! Writing values as compact JSON, for what the widget keeps in browser storage. Each stored
//! type implements [`Encode`] beside itself (mostly through
//! [`json_struct!`](crate::json_struct)); [`super::decode`] reads the text back.

use std::collections::BTreeMap;

/// Writes a value as compact JSON.
pub trait Encode {
    /// Appends the value's JSON text to `out`.
    fn encode(&self, out: &mut String);
}

/// The value's JSON text.
pub fn to_string<T: Encode + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.encode(&mut out);
    out
}

impl Encode for str {
    /// `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00xx`; the rest as is.
    fn encode(&self, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push('"');
        let mut start = 0;
        for (i, b) in self.bytes().enumerate() {
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `i` is an ASCII byte, so both slices end on char boundaries.
            out.push_str(&self[start..i]);
            start = i + 1;
            if short.is_empty() {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                out.push_str(short);
            }
        }
        out.push_str(&self[start..]);
        out.push('"');
    }
}

impl Encode for String {
    fn encode(&self, out: &mut String) {
        self.as_str().encode(out);
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole_numbers {
    ($($t:ty)*) => {$(
        impl Encode for $t {
            fn encode(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
whole_numbers!(u8 u16 u32 u64);

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut String) {
        match self {
            Some(v) => v.encode(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.encode(out);
        }
        out.push(']');
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut String) {
        self.as_slice().encode(out);
    }
}

impl<T: Encode> Encode for BTreeMap<String, T> {
    fn encode(&self, out: &mut String) {
        let mut obj = Obj::start(out);
        for (key, value) in self {
            obj = obj.field(key, value);
        }
        obj.end();
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut String) {
        (**self).encode(out);
    }
}

/// Writes a JSON object member by member, with the commas between.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    /// Opens an object.
    pub fn start(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// Adds a member.
    pub fn field<T: Encode + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        name.encode(self.out);
        self.out.push(':');
        value.encode(self.out);
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::decode::from_str;

    #[test]
    fn strings_escape_quotes_backslashes_and_controls_only() {
        assert_eq!(to_string("plain"), r#""plain""#);
        assert_eq!(to_string("a \"b\" \\ /"), r#""a \"b\" \\ /""#);
        assert_eq!(
            to_string("\u{0}\u{7}\u{8}\t\n\u{c}\r\u{1f}\u{7f}"),
            "\"\\u0000\\u0007\\b\\t\\n\\f\\r\\u001f\u{7f}\""
        );
        assert_eq!(to_string("Español — 😀"), "\"Español — 😀\"");
    }

    #[test]
    fn containers_are_written_compactly_in_order() {
        let map: BTreeMap<String, Vec<Option<u32>>> = [
            ("b".to_owned(), vec![Some(1), None]),
            ("a".to_owned(), vec![]),
        ]
        .into_iter()
        .collect();
        assert_eq!(to_string(&map), r#"{"a":[],"b":[1,null]}"#);
        assert_eq!(to_string(&BTreeMap::<String, bool>::new()), "{}");
        assert_eq!(to_string(&u64::MAX), "18446744073709551615");
    }

    #[test]
    fn what_is_written_reads_back() {
        for s in [
            "",
            "line\nbreak",
            "\u{1}\u{1f}\"\\",
            "Español — 😀 \u{2028}",
        ] {
            assert_eq!(from_str::<String>(&to_string(s)).as_deref(), Ok(s));
        }
    }
}
