//! Reading typed values from a [`Json`] tree. Each type implements [`Decode`] beside itself,
//! mostly through [`json_struct!`](crate::json_struct) (a struct's fields listed once, with
//! their defaults) or [`named`] (an enum written as its id).
//!
//! Errors are short strings that say where: a path such as `questions[3].legend`, then `: ` and
//! the problem. A member a struct does not have is refused, so a misspelt key in content fails
//! the native content tests instead of being ignored.

use std::cell::Cell;
use std::collections::BTreeMap;

pub use super::json::Json;

/// Builds a value from a parsed [`Json`] tree.
pub trait Decode: Sized {
    /// The value, or an error such as `.field[2]: expected a string`.
    fn decode(v: &Json) -> Result<Self, String>;
}

/// The value a field is left at when its struct fails to read: the struct is dropped with the
/// error, so the value is never seen. Any `Default` type has one; an enum without a default
/// takes its first variant ([`json_named!`](crate::json_named)).
pub trait Placeholder {
    /// A value of the type, any value.
    fn placeholder() -> Self;
}

impl<T: Default> Placeholder for T {
    fn placeholder() -> Self {
        T::default()
    }
}

/// Parses `text` and decodes it as `T`.
pub fn from_str<T: Decode>(text: &str) -> Result<T, String> {
    let v = super::json::parse(text).map_err(|e| e.to_string())?;
    T::decode(&v).map_err(|e| {
        // A top-level path starts with a separator that reads badly on its own.
        e.trim_start_matches(['.', ':', ' ']).to_owned()
    })
}

/// `: expected <what>`.
pub fn expected(what: &str) -> String {
    let mut e = String::from(": expected ");
    e.push_str(what);
    e
}

/// Prefixes an error's path with a member's name.
pub fn in_field(name: &str, e: String) -> String {
    let mut out = String::from(".");
    out.push_str(name);
    out.push_str(&e);
    out
}

fn in_item(index: usize, e: String) -> String {
    let mut out = String::from("[");
    out.push_str(&index.to_string());
    out.push(']');
    out.push_str(&e);
    out
}

impl Decode for String {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(expected("a string")),
        }
    }
}

impl Decode for bool {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(expected("true or false")),
        }
    }
}

/// A whole number that is not negative, from the digits as written.
fn whole(v: &Json, max: u64) -> Result<u64, String> {
    let Json::Num(text) = v else {
        return Err(expected("a whole number"));
    };
    let mut n: u64 = 0;
    for b in text.bytes() {
        let digit = match b {
            b'0'..=b'9' => u64::from(b - b'0'),
            _ => return Err(expected("a whole number")),
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(digit))
            .filter(|&n| n <= max)
            .ok_or_else(|| expected("a smaller number"))?;
    }
    Ok(n)
}

impl Decode for u8 {
    fn decode(v: &Json) -> Result<Self, String> {
        whole(v, u8::MAX.into()).map(|n| n as u8)
    }
}

impl Decode for u32 {
    fn decode(v: &Json) -> Result<Self, String> {
        whole(v, u32::MAX.into()).map(|n| n as u32)
    }
}

impl Decode for u64 {
    fn decode(v: &Json) -> Result<Self, String> {
        whole(v, u64::MAX)
    }
}

/// Exact for the numbers content holds (up to 15 significant digits, exponents within ±22:
/// both factors are exact floats, so the one rounding is correct); close for the others.
impl Decode for f64 {
    fn decode(v: &Json) -> Result<Self, String> {
        let Json::Num(text) = v else {
            return Err(expected("a number"));
        };
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut significand = 0.0;
        for b in whole
            .bytes()
            .chain(fraction.bytes())
            .filter(u8::is_ascii_digit)
        {
            significand = significand * 10.0 + f64::from(b - b'0');
        }
        let exponent = exponent.trim_start_matches('+').parse::<i32>().unwrap_or(0);
        let exponent = exponent.saturating_sub(fraction.len() as i32);
        let scale = 10f64.powi(exponent.abs());
        let value = if exponent < 0 {
            significand / scale
        } else {
            significand * scale
        };
        if !value.is_finite() {
            return Err(expected("a smaller number"));
        }
        Ok(if text.starts_with('-') { -value } else { value })
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Null => Ok(None),
            _ => T::decode(v).map(Some),
        }
    }
}

impl<T: Decode> Decode for Box<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        T::decode(v).map(Box::new)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        let Json::Arr(items) = v else {
            return Err(expected("a list"));
        };
        // A loop, not `collect` into a `Result`: that costs more wasm per item type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::decode(item).map_err(|e| in_item(i, e))?);
        }
        Ok(out)
    }
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    fn decode(v: &Json) -> Result<Self, String> {
        let mut map = BTreeMap::new();
        for (key, value) in members(v)? {
            map.insert(key.clone(), T::decode(value).map_err(|e| in_field(key, e))?);
        }
        Ok(map)
    }
}

/// The members of an object; an error for anything else.
pub fn members(v: &Json) -> Result<&[(String, Json)], String> {
    match v {
        Json::Obj(members) => Ok(members),
        _ => Err(expected("a table")),
    }
}

/// An enum written as its id (`"mostly-true"`): `all` lists every variant, `id` names each.
pub fn named<T: Copy>(v: &Json, all: &[T], id: fn(T) -> &'static str) -> Result<T, String> {
    let Json::Str(s) = v else {
        return Err(expected("a name"));
    };
    all.iter().copied().find(|&x| id(x) == s).ok_or_else(|| {
        let mut e = String::from(": unknown name `");
        e.push_str(s);
        e.push('`');
        e
    })
}

/// The members of an object read by name. Each member read is marked; [`Fields::done`]
/// refuses the object if any member was not read (unknown, or repeated).
pub struct Fields<'a> {
    members: &'a [(String, Json)],
    /// Bit `i` set: member `i` was read (members past the 64th count as unread).
    read: Cell<u64>,
}

impl<'a> Fields<'a> {
    /// The object's members; an error for anything but an object.
    pub fn of(v: &'a Json) -> Result<Self, String> {
        Ok(Fields {
            members: members(v)?,
            read: Cell::new(0),
        })
    }

    /// The member called `name`, if present.
    pub fn get(&self, name: &str) -> Option<&'a Json> {
        let i = self.members.iter().position(|(key, _)| key == name)?;
        self.read
            .set(self.read.get() | 1u64.checked_shl(i as u32).unwrap_or(0));
        Some(&self.members[i].1)
    }

    /// A required member.
    pub fn req<T: Decode>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::decode(v).map_err(|e| in_field(name, e)),
            None => Err(missing(name)),
        }
    }

    /// A member that is `default` when absent.
    pub fn or<T: Decode>(&self, name: &str, default: T) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::decode(v).map_err(|e| in_field(name, e)),
            None => Ok(default),
        }
    }

    /// A field of a struct: its member's value, or, once reading fails, a placeholder, and
    /// the first error kept in `err`. A struct's fields are all read this way, with one check
    /// at the end: a `?` per field would make each early return drop every field read so far
    /// (wasm quadratic in their number), and an out-of-line call per field keeps each read
    /// small.
    #[inline(never)]
    pub fn fill<T: Decode + Placeholder>(&self, name: &str, err: &mut Option<String>) -> T {
        if err.is_none() {
            match self.req(name) {
                Ok(v) => return v,
                Err(e) => *err = Some(e),
            }
        }
        T::placeholder()
    }

    /// [`Fields::fill`] for a field that is `default` when its member is absent.
    pub fn fill_or<T: Decode + Placeholder>(
        &self,
        name: &str,
        default: T,
        err: &mut Option<String>,
    ) -> T {
        if err.is_none() {
            match self.or(name, default) {
                Ok(v) => return v,
                Err(e) => *err = Some(e),
            }
        }
        T::placeholder()
    }

    /// Whether every member was read; otherwise, unless `err` holds an error already, the
    /// first member not read becomes the error.
    pub fn done(&self, err: &mut Option<String>) -> bool {
        if err.is_some() {
            return false;
        }
        let read = self.read.get();
        let Some((key, _)) = (self.members.iter().enumerate())
            .find(|(i, _)| read & 1u64.checked_shl(*i as u32).unwrap_or(0) == 0)
            .map(|(_, m)| m)
        else {
            return true;
        };
        let mut e = String::from(": unknown or repeated member `");
        e.push_str(key);
        e.push('`');
        *err = Some(e);
        false
    }

    /// [`Fields::done`] as a result, for hand-written readers.
    pub fn finish(&self) -> Result<(), String> {
        let mut err = None;
        match self.done(&mut err) {
            true => Ok(()),
            false => Err(err.unwrap_or_default()),
        }
    }
}

fn missing(name: &str) -> String {
    let mut e = String::from(": missing field `");
    e.push_str(name);
    e.push('`');
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::json_struct! {
        impl Decode;
        #[derive(Debug, PartialEq)]
        struct Item {
            name: String,
            count: u32 = 1,
            note: Option<String> = None,
            tags: Vec<String> = Vec::new(),
        }
    }

    #[test]
    fn a_struct_reads_its_members_and_defaults() {
        assert_eq!(
            from_str::<Item>(r#"{"name": "a", "count": 3, "note": "n", "tags": ["x"]}"#),
            Ok(Item {
                name: "a".into(),
                count: 3,
                note: Some("n".into()),
                tags: vec!["x".into()],
            })
        );
        let bare = Item {
            name: "b".into(),
            count: 1,
            note: None,
            tags: vec![],
        };
        assert_eq!(from_str::<Item>(r#"{"name": "b"}"#).as_ref(), Ok(&bare));
        assert_eq!(from_str::<Item>(r#"{"note": null, "name": "b"}"#), Ok(bare));
    }

    #[test]
    fn errors_name_the_path() {
        let e = from_str::<Vec<Item>>(r#"[{"name": "a"}, {"nom": "b"}]"#).unwrap_err();
        assert_eq!(e, "[1]: missing field `name`");
        let e = from_str::<Vec<Item>>(r#"[{"name": 3}]"#).unwrap_err();
        assert_eq!(e, "[0].name: expected a string");
        let e = from_str::<Item>(r#"{"name": "a", "tags": ["x", 2]}"#).unwrap_err();
        assert_eq!(e, "tags[1]: expected a string");
        let e = from_str::<Item>("[]").unwrap_err();
        assert_eq!(e, "expected a table");
        let e = from_str::<Item>(r#"{"name": "a""#).unwrap_err();
        assert_eq!(e, "invalid JSON at byte 12: unexpected end");
    }

    #[test]
    fn a_member_the_struct_does_not_have_is_refused() {
        let e = from_str::<Item>(r#"{"name": "a", "colour": "red"}"#).unwrap_err();
        assert_eq!(e, "unknown or repeated member `colour`");
        let e = from_str::<Item>(r#"{"name": "a", "name": "b"}"#).unwrap_err();
        assert_eq!(e, "unknown or repeated member `name`");
        // The first problem is the one reported.
        let e = from_str::<Item>(r#"{"name": "a", "colour": "red", "count": -1}"#).unwrap_err();
        assert_eq!(e, "count: expected a whole number");
    }

    #[test]
    fn whole_numbers_are_checked_against_their_type() {
        assert_eq!(from_str::<u32>("4294967295"), Ok(u32::MAX));
        assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(from_str::<u8>("255"), Ok(255));
        for (text, problem) in [
            ("4294967296", "expected a smaller number"),
            ("1.0", "expected a whole number"),
            ("-1", "expected a whole number"),
            ("1e3", "expected a whole number"),
            ("\"3\"", "expected a whole number"),
        ] {
            assert_eq!(from_str::<u32>(text).unwrap_err(), problem, "{text}");
        }
        assert!(from_str::<u8>("256").is_err());
        assert!(from_str::<u64>("18446744073709551616").is_err());
    }

    #[test]
    fn fractional_numbers_read_as_written() {
        for (text, value) in [
            ("3", 3.0),
            ("8.4", 8.4),
            ("0.1", 0.1),
            ("70", 70.0),
            ("-2.5", -2.5),
            ("1.5e3", 1500.0),
            ("25E-1", 2.5),
            ("0.30000000000000004", 0.30000000000000004),
            ("123456.789", 123456.789),
        ] {
            assert_eq!(from_str::<f64>(text), Ok(value), "{text}");
        }
        assert!(from_str::<f64>("1e999").is_err());
        assert!(from_str::<f64>("\"1\"").is_err());
    }

    #[test]
    fn maps_lists_and_options_read_their_items() {
        let map = from_str::<BTreeMap<String, u32>>(r#"{"b": 2, "a": 1}"#).unwrap();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [("a".into(), 1), ("b".into(), 2)]
        );
        assert_eq!(from_str::<Option<String>>("null"), Ok(None));
        assert_eq!(from_str::<Box<bool>>("true"), Ok(Box::new(true)));
        assert_eq!(
            from_str::<BTreeMap<String, u32>>(r#"{"a": "x"}"#).unwrap_err(),
            "a: expected a whole number"
        );
    }

    #[test]
    fn an_enum_reads_its_ids_only() {
        #[derive(Clone, Copy, Debug, PartialEq)]
        enum Size {
            Small,
            Large,
        }
        let id = |s: Size| match s {
            Size::Small => "small",
            Size::Large => "large",
        };
        let all = [Size::Small, Size::Large];
        let read = |text: &str| named(&super::super::json::parse(text).unwrap(), &all, id);
        assert_eq!(read(r#""large""#), Ok(Size::Large));
        assert_eq!(read(r#""Large""#), Err(": unknown name `Large`".into()));
        assert_eq!(read("1"), Err(": expected a name".into()));
    }
}
