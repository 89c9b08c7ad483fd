//! The writing half of [`super::decode`]: JSON text for the values the widget stores in
//! browser storage, byte for byte what `serde_json::to_string` writes for the same value, so
//! state stored by earlier builds keeps loading and state written now reads with serde too.
//! Native tests compare both on generated values.

use std::collections::BTreeMap;

use crate::quiz::id_map::IdMap;

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
    /// Escapes as serde_json does: `"` and `\`, the short forms for five control characters,
    /// `\u00xx` (lowercase hex) for the other controls; everything else as is.
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

macro_rules! unsigned {
    ($($t:ty)*) => {$(
        impl Encode for $t {
            fn encode(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
unsigned!(u8 u16 u32 u64);

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
            obj.key(key);
            value.encode(obj.out);
        }
        obj.end();
    }
}

/// Written as a `BTreeMap` is: an object, keys in order.
impl<T: Encode> Encode for IdMap<T> {
    fn encode(&self, out: &mut String) {
        let mut obj = Obj::start(out);
        for (key, value) in self.iter() {
            obj.key(key);
            value.encode(obj.out);
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

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        key.encode(self.out);
        self.out.push(':');
    }

    /// Adds a member.
    pub fn field<T: Encode + ?Sized>(mut self, name: &str, value: &T) -> Self {
        self.key(name);
        value.encode(self.out);
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Encodes a struct as an object of the named fields, in serde's (declaration) order.
#[macro_export]
#[doc(hidden)]
macro_rules! encode_struct {
    ($($ty:ty { $($field:ident),* $(,)? })*) => {$(
        impl $crate::content::encode::Encode for $ty {
            fn encode(&self, out: &mut String) {
                $crate::content::encode::Obj::start(out)
                    $(.field(stringify!($field), &self.$field))*
                    .end();
            }
        }
    )*};
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_like_serde_json() {
        let samples = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\u{0}\u{1}\u{7}\u{8}\t\n\u{b}\u{c}\r\u{1b}\u{1f} \u{7f}",
            "Español — 😀 \u{2028}\u{2029}",
        ];
        for s in samples {
            assert_eq!(to_string(s), serde_json::to_string(s).unwrap_or_default());
        }
    }

    #[test]
    fn containers_match_serde_json() {
        let map: BTreeMap<String, Vec<Option<u32>>> = [
            ("b".to_owned(), vec![Some(1), None]),
            ("a".to_owned(), vec![]),
            ("é\n".to_owned(), vec![Some(u32::MAX)]),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            to_string(&map),
            serde_json::to_string(&map).unwrap_or_default()
        );
        let empty: BTreeMap<String, bool> = BTreeMap::new();
        assert_eq!(to_string(&empty), "{}");
        assert_eq!(to_string(&u64::MAX), u64::MAX.to_string());
    }

    proptest! {
        #[test]
        fn any_string_encodes_as_serde_json_does(s in any::<String>()) {
            prop_assert_eq!(to_string(&s), serde_json::to_string(&s).unwrap_or_default());
        }

        #[test]
        fn any_map_encodes_as_serde_json_does(
            m in proptest::collection::btree_map(any::<String>(), any::<(bool, u64)>(), 0..5),
        ) {
            let m: BTreeMap<String, Vec<Option<u64>>> = m
                .into_iter()
                .map(|(k, (b, n))| (k, if b { vec![Some(n), None] } else { vec![] }))
                .collect();
            prop_assert_eq!(to_string(&m), serde_json::to_string(&m).unwrap_or_default());
        }
    }
}
