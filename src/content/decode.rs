//! A small JSON reader for content files in the browser: [`parse`] builds a [`Json`] tree and
//! [`Decode`] turns it into the typed models.
//!
//! serde_json's derived deserialisers for the ~45 content types cost about 18 KB more
//! brotli-compressed wasm than this. Native builds still load content with serde
//! (`deny_unknown_fields` guards the files there), and tests check that both paths give equal
//! values for every shipped file.
//!
//! Errors are short strings: a path such as `.questions[3].legend` then `: ` and the problem.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::quiz::id_map::IdMap;

/// A parsed JSON value. Numbers keep serde_json's three kinds so integer fields reject
/// fractions exactly as serde does.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A non-negative integer.
    Uint(u64),
    /// A negative integer.
    Int(i64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in file order (lookups are linear: content objects are small).
    Obj(Vec<(String, Json)>),
}

/// Nesting limit, as serde_json's (its 128th opening bracket fails): deep input fails
/// instead of overflowing the stack.
const MAX_DEPTH: u32 = 127;

/// Parses one JSON document (surrounding whitespace allowed, nothing else).
pub fn parse(text: &str) -> Result<Json, String> {
    parse_at(text).map_err(|e| {
        let mut out = String::from("invalid JSON at byte ");
        out.push_str(&e.pos.to_string());
        out.push_str(": ");
        out.push_str(e.msg);
        out
    })
}

/// Where and why [`parse_at`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset where reading stopped.
    pub pos: usize,
    /// The problem.
    pub msg: &'static str,
    /// 1-based line of the error as serde_json reports it.
    pub line: usize,
    /// Column as serde_json reports it: bytes (not characters) from the start of the line
    /// up to and including the offending byte, 0 when the error is at a line's very start
    /// (e.g. end of input after a newline).
    pub column: usize,
}

/// [`parse`], with a failure's position.
pub fn parse_at(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let result = p.value().and_then(|v| {
        p.skip_ws();
        if p.pos == p.bytes.len() {
            Ok(v)
        } else {
            Err("trailing characters")
        }
    });
    result.map_err(|msg| {
        // These are found by looking at a byte without taking it; serde_json reports them
        // one byte on, as if taken (every other error here is after the byte was taken or
        // at the end of input, where both agree).
        let peeked = matches!(
            msg,
            "expected a value" | "expected a key" | "trailing characters" | "invalid number"
        );
        let at = if peeked && p.pos < p.bytes.len() {
            p.pos + 1
        } else {
            p.pos
        };
        let before = &p.bytes[..at.min(p.bytes.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        ParseError {
            pos: p.pos,
            msg,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: before.len() - line_start,
        }
    })
}

impl Json {
    /// The tree as serde_json's `Value` holds it: in every object a repeated key keeps only
    /// its last value (and keys come out sorted, as in its `BTreeMap`). Stored quiz state was
    /// read through a `Value`, so this keeps accepting exactly what that accepted.
    pub fn dedup(self) -> Json {
        match self {
            Json::Arr(items) => Json::Arr(items.into_iter().map(Json::dedup).collect()),
            Json::Obj(members) => {
                // A sorted `Vec` rather than a `BTreeMap`: the same result, less wasm.
                let mut out: Vec<(String, Json)> = Vec::with_capacity(members.len());
                for (k, v) in members {
                    let v = v.dedup();
                    match out.binary_search_by(|(x, _)| x.as_str().cmp(&k)) {
                        Ok(i) => out[i].1 = v,
                        Err(i) => out.insert(i, (k, v)),
                    }
                }
                Json::Obj(out)
            }
            other => other,
        }
    }
}

/// Parses `text` and decodes it as `T`.
pub fn from_str<T: Decode>(text: &str) -> Result<T, String> {
    T::decode(&parse(text)?).map_err(|e| {
        // A top-level path starts with a separator that reads badly on its own.
        e.trim_start_matches(['.', ':', ' ']).to_owned()
    })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Parsed<u8> {
        let b = self.peek().ok_or("unexpected end")?;
        self.pos += 1;
        Ok(b)
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Json) -> Parsed<Json> {
        for &b in word {
            if self.next()? != b {
                return Err("invalid literal");
            }
        }
        Ok(value)
    }

    fn value(&mut self) -> Parsed<Json> {
        self.skip_ws();
        match self.peek().ok_or("unexpected end")? {
            b'n' => self.expect_word(b"null", Json::Null),
            b't' => self.expect_word(b"true", Json::Bool(true)),
            b'f' => self.expect_word(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err("expected a value"),
        }
    }

    fn nested(&mut self, body: fn(&mut Self) -> Parsed<Json>) -> Parsed<Json> {
        self.pos += 1; // the opening bracket (taken first: serde_json reports the error after it)
        if self.depth >= MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.depth += 1;
        let v = body(self);
        self.depth -= 1;
        v
    }

    fn array(&mut self) -> Parsed<Json> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b']' => return Ok(Json::Arr(items)),
                _ => return Err("expected `,` or `]`"),
            }
        }
    }

    fn object(&mut self) -> Parsed<Json> {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err("expected a key");
            }
            let key = self.string()?;
            self.skip_ws();
            if self.next()? != b':' {
                return Err("expected `:`");
            }
            members.push((key, self.value()?));
            self.skip_ws();
            match self.next()? {
                b',' => {}
                b'}' => return Ok(Json::Obj(members)),
                _ => return Err("expected `,` or `}`"),
            }
        }
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.next()? {
                b'"' => {
                    out.push_str(self.slice(start, self.pos - 1)?);
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.slice(start, self.pos - 1)?);
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                0..=0x1f => return Err("control character in string"),
                _ => {}
            }
        }
    }

    /// Always on char boundaries (next to ASCII bytes); checked anyway so it cannot panic.
    fn slice(&self, from: usize, to: usize) -> Parsed<&str> {
        self.text.get(from..to).ok_or("invalid UTF-8")
    }

    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let c = match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xd800..=0xdbff => {
                        // A leading surrogate must be followed by an escaped trailing one.
                        if self.next()? != b'\\' || self.next()? != b'u' {
                            return Err("lone surrogate");
                        }
                        let second = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&second) {
                            return Err("lone surrogate");
                        }
                        0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err("lone surrogate"),
                    _ => first,
                };
                char::from_u32(code).ok_or("invalid escape")?
            }
            _ => return Err("invalid escape"),
        };
        out.push(c);
        Ok(())
    }

    /// Four hex digits. All four are taken before any is checked, as serde_json does, so a
    /// bad escape is reported at the same place.
    fn hex4(&mut self) -> Parsed<u32> {
        let mut n = 0;
        let mut valid = true;
        for _ in 0..4 {
            let digit = match self.next()? {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'a'..=b'f' => b - b'a' + 10,
                b @ b'A'..=b'F' => b - b'A' + 10,
                _ => {
                    valid = false;
                    0
                }
            };
            n = n * 16 + u32::from(digit);
        }
        if valid {
            Ok(n)
        } else {
            Err("invalid escape")
        }
    }

    fn digit(&self) -> Option<u64> {
        match self.peek() {
            Some(b @ b'0'..=b'9') => Some(u64::from(b - b'0')),
            _ => None,
        }
    }

    /// Numbers exactly as serde_json reads them (without its `float_roundtrip` feature):
    /// integers stay integers, and floats are `significand × 10^exponent` computed the same
    /// way, so both loaders give bit-identical values.
    fn number(&mut self) -> Parsed<Json> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut significand: u64 = match self.digit() {
            Some(0) => {
                self.pos += 1;
                if self.digit().is_some() {
                    return Err("invalid number");
                }
                0
            }
            Some(d) => {
                self.pos += 1;
                d
            }
            None => return Err("invalid number"),
        };
        // Digits beyond u64 are dropped and counted as powers of ten, as serde_json does.
        let mut exponent: i32 = 0;
        let mut is_float = false;
        while let Some(d) = self.digit() {
            self.pos += 1;
            match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
                Some(s) if exponent == 0 => significand = s,
                _ => {
                    exponent = exponent.saturating_add(1);
                    is_float = true;
                }
            }
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            is_float = true;
            let mut any = false;
            let mut full = false;
            while let Some(d) = self.digit() {
                self.pos += 1;
                any = true;
                match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
                    Some(s) if !full => {
                        significand = s;
                        exponent = exponent.saturating_sub(1);
                    }
                    _ => full = true,
                }
            }
            if !any {
                return Err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            is_float = true;
            let positive = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    false
                }
                Some(b'+') => {
                    self.pos += 1;
                    true
                }
                _ => true,
            };
            let mut exp: i32 = match self.digit() {
                Some(d) => d as i32,
                None => return Err("invalid number"),
            };
            self.pos += 1;
            let mut overflow = false;
            while let Some(d) = self.digit() {
                self.pos += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(d as i32)) {
                    Some(e) if !overflow => exp = e,
                    _ => overflow = true,
                }
            }
            if overflow {
                if significand != 0 && positive {
                    return Err("number out of range");
                }
                return Ok(Json::Float(if negative { -0.0 } else { 0.0 }));
            }
            exponent = if positive {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        if !is_float {
            if !negative {
                return Ok(Json::Uint(significand));
            }
            let neg = (significand as i64).wrapping_neg();
            // -0 and values below i64::MIN become floats, as in serde_json.
            return Ok(if neg >= 0 {
                Json::Float(-(significand as f64))
            } else {
                Json::Int(neg)
            });
        }
        let f = f64_from_parts(significand, exponent)?;
        Ok(Json::Float(if negative { -f } else { f }))
    }
}

/// serde_json's `f64_from_parts`, with its table of powers of ten computed instead.
fn f64_from_parts(significand: u64, mut exponent: i32) -> Parsed<f64> {
    let mut f = significand as f64;
    loop {
        let k = exponent.unsigned_abs();
        if k <= 308 {
            let pow = pow10(k);
            if exponent >= 0 {
                f *= pow;
                if f.is_infinite() {
                    return Err("number out of range");
                }
            } else {
                f /= pow;
            }
            return Ok(f);
        }
        if f == 0.0 {
            return Ok(f);
        }
        if exponent >= 0 {
            return Err("number out of range");
        }
        f /= 1e308;
        exponent += 308;
    }
}

/// 10^k correctly rounded, for k ≤ 308: the entries of serde_json's table, computed instead
/// of stored (its 2.5 KB table is larger than this).
fn pow10(k: u32) -> f64 {
    if k <= 22 {
        // Every step is exact: 10^22 < 2^53 · 2^22.
        let mut p = 1.0;
        for _ in 0..k {
            p *= 10.0;
        }
        return p;
    }
    // 10^k = 5^k · 2^k: compute 5^k exactly, round it to 53 bits, then scale by 2^k.
    let mut limbs = [0u32; 24]; // 5^308 < 2^716 < 2^(24·32)
    limbs[0] = 1;
    for _ in 0..k {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let x = u64::from(*limb) * 5 + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
    }
    let bit = |i: u32| (limbs[(i / 32) as usize] >> (i % 32)) & 1 == 1;
    let mut len = 24 * 32;
    while len > 0 && !bit(len - 1) {
        len -= 1;
    }
    // len > 53 here since 5^23 > 2^53.
    let low = len - 53;
    let mut mantissa = 0u64;
    for i in (low..len).rev() {
        mantissa = mantissa << 1 | u64::from(bit(i));
    }
    let half = bit(low - 1);
    let sticky = (0..low - 1).any(bit);
    let mut shift = low + k;
    if half && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            shift += 1;
        }
    }
    // 2^shift as a float (shift ≤ 1023 for k ≤ 308); both factors exact, so is the product.
    let scale = f64::from_bits(u64::from(shift + 1023) << 52);
    mantissa as f64 * scale
}

/// Builds a value from a parsed [`Json`] tree.
pub trait Decode: Sized {
    /// The value, or an error such as `.field[2]: expected a string`.
    fn decode(v: &Json) -> Result<Self, String>;
}

fn expected(what: &str) -> String {
    let mut e = String::from(": expected ");
    e.push_str(what);
    e
}

/// Prefixes an error's path with a field name.
fn in_field(name: &str, e: String) -> String {
    let mut out = String::with_capacity(name.len() + 1 + e.len());
    out.push('.');
    out.push_str(name);
    out.push_str(&e);
    out
}

/// Prefixes an error's path with an array index.
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

impl Decode for u32 {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Uint(n) => u32::try_from(*n).map_err(|_| expected("a smaller number")),
            _ => Err(expected("a whole number")),
        }
    }
}

impl Decode for u64 {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Uint(n) => Ok(*n),
            _ => Err(expected("a whole number")),
        }
    }
}

impl Decode for u8 {
    fn decode(v: &Json) -> Result<Self, String> {
        match v {
            Json::Uint(n) => u8::try_from(*n).map_err(|_| expected("a smaller number")),
            _ => Err(expected("a whole number")),
        }
    }
}

impl Decode for f64 {
    fn decode(v: &Json) -> Result<Self, String> {
        match *v {
            Json::Uint(n) => Ok(n as f64),
            Json::Int(n) => Ok(n as f64),
            Json::Float(f) => Ok(f),
            _ => Err(expected("a number")),
        }
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
        match v {
            Json::Arr(items) => {
                // A loop, not `collect` into a `Result`: that costs more wasm per item type.
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(T::decode(item).map_err(|e| in_item(i, e))?);
                }
                Ok(out)
            }
            _ => Err(expected("a list")),
        }
    }
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    fn decode(v: &Json) -> Result<Self, String> {
        let mut map = BTreeMap::new();
        // A repeated key keeps its last value, as with serde.
        for (key, value) in Fields::of(v)?.members.iter() {
            map.insert(key.clone(), T::decode(value).map_err(|e| in_field(key, e))?);
        }
        Ok(map)
    }
}

/// Read as a `BTreeMap` is: a repeated key keeps its last value.
impl<T: Decode> Decode for IdMap<T> {
    fn decode(v: &Json) -> Result<Self, String> {
        let mut map = IdMap::new();
        for (key, value) in Fields::of(v)?.members.iter() {
            map.insert(key.clone(), T::decode(value).map_err(|e| in_field(key, e))?);
        }
        Ok(map)
    }
}

/// The members of a JSON object, read by name. Unknown members are ignored (native tests
/// reject them in the shipped files).
pub struct Fields<'a> {
    members: Cow<'a, [(String, Json)]>,
    /// Read from a list (see [`Fields::checked`]): a missing `Option` member is an error.
    list: bool,
}

impl<'a> Fields<'a> {
    /// The object's members; an error for anything but an object.
    pub fn of(v: &'a Json) -> Result<Self, String> {
        match v {
            Json::Obj(members) => Ok(Fields {
                members: Cow::Borrowed(members),
                list: false,
            }),
            _ => Err(expected("a table")),
        }
    }

    /// The members of a struct that serde derives, with `deny_unknown_fields` (`deny =
    /// true`) or without: like serde, a repeated known key is refused, and with `deny` so is
    /// any key not in `names`. Also like serde_json, a list is read as the fields in
    /// declaration order (`names`); missing trailing ones are then treated as absent.
    pub fn checked(v: &'a Json, names: &[&str], deny: bool) -> Result<Self, String> {
        if let Json::Arr(items) = v {
            if items.len() > names.len() {
                return Err(": trailing characters".to_owned());
            }
            let members = names
                .iter()
                .map(|n| (*n).to_owned())
                .zip(items.iter().cloned());
            return Ok(Fields {
                members: Cow::Owned(members.collect()),
                list: true,
            });
        }
        let f = Fields::of(v)?;
        for (i, (key, _)) in f.members.iter().enumerate() {
            let known = names.contains(&key.as_str());
            let problem = if !known && deny {
                ": unknown field `"
            } else if known && f.members[..i].iter().any(|(k, _)| k == key) {
                ": duplicate field `"
            } else {
                continue;
            };
            let mut e = String::from(problem);
            e.push_str(key);
            e.push('`');
            return Err(e);
        }
        Ok(f)
    }

    /// The member called `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v)
    }

    /// A required member.
    pub fn req<T: Decode>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::decode(v).map_err(|e| in_field(name, e)),
            None => {
                let mut e = String::from(": missing field `");
                e.push_str(name);
                e.push('`');
                Err(e)
            }
        }
    }

    /// A required member, or `T::default()` once `err` holds an error (the first one, kept
    /// there). Big structs read every member so and check `err` once: a `?` per member makes
    /// each early return drop every member read so far, wasm quadratic in their number.
    pub fn req_or_note<T: Decode + Default>(&self, name: &str, err: &mut Option<String>) -> T {
        if err.is_none() {
            match self.req(name) {
                Ok(v) => return v,
                Err(e) => *err = Some(e),
            }
        }
        T::default()
    }

    /// An optional member: absent or `null` is `None` (absent from a list is an error, as
    /// serde's).
    pub fn opt<T: Decode>(&self, name: &str) -> Result<Option<T>, String> {
        if self.list {
            return self.req(name);
        }
        self.or(name, None)
    }

    /// A member that falls back to `T::default()` when absent (serde's `#[serde(default)]`).
    pub fn or_default<T: Decode + Default>(&self, name: &str) -> Result<T, String> {
        self.or(name, T::default())
    }

    /// A member that falls back to `default` when absent (`#[serde(default = "…")]`).
    pub fn or<T: Decode>(&self, name: &str, default: T) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::decode(v).map_err(|e| in_field(name, e)),
            None => Ok(default),
        }
    }
}

/// A unit enum variant written as its serde name (or, as serde_json also reads it, as an
/// object whose only member is that name with `null`).
pub fn unit<T: Copy>(v: &Json, variants: &[(&str, T)]) -> Result<T, String> {
    let s = match v {
        Json::Str(s) => s,
        Json::Obj(m) => match m.as_slice() {
            [(s, Json::Null)] => s,
            _ => return Err(expected("a name")),
        },
        _ => return Err(expected("a name")),
    };
    match variants.iter().find(|(name, _)| name == s) {
        Some((_, variant)) => Ok(*variant),
        None => {
            let mut e = String::from(": unknown variant `");
            e.push_str(s);
            e.push('`');
            Err(e)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(text: &str) -> Json {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn s(text: &str) -> Json {
        Json::Str(text.to_owned())
    }

    /// Whether our tree and serde_json's agree, numbers bit for bit.
    fn same(a: &Json, b: &serde_json::Value) -> bool {
        use serde_json::Value as V;
        match (a, b) {
            (Json::Null, V::Null) => true,
            (Json::Bool(x), V::Bool(y)) => x == y,
            (Json::Uint(x), V::Number(n)) => n.as_u64() == Some(*x),
            (Json::Int(x), V::Number(n)) => n.is_i64() && n.as_i64() == Some(*x),
            (Json::Float(x), V::Number(n)) => {
                n.is_f64() && n.as_f64().map(f64::to_bits) == Some(x.to_bits())
            }
            (Json::Str(x), V::String(y)) => x == y,
            (Json::Arr(x), V::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            (Json::Obj(x), V::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => false,
        }
    }

    #[test]
    fn parses_scalars_and_nesting() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(ok("[]"), Json::Arr(vec![]));
        assert_eq!(ok("{}"), Json::Obj(vec![]));
        assert_eq!(
            ok(r#" { "a" : [1, {"b": null}, []], "c": "d" } "#),
            Json::Obj(vec![
                (
                    "a".into(),
                    Json::Arr(vec![
                        Json::Uint(1),
                        Json::Obj(vec![("b".into(), Json::Null)]),
                        Json::Arr(vec![]),
                    ])
                ),
                ("c".into(), s("d")),
            ])
        );
    }

    #[test]
    fn parses_string_escapes_and_unicode() {
        assert_eq!(
            ok(r#""a\"b\\c\/d\b\f\n\r\t""#),
            s("a\"b\\c/d\u{8}\u{c}\n\r\t")
        );
        assert_eq!(ok(r#""\u00e9\u00C9""#), s("éÉ"));
        assert_eq!(ok(r#""\ud83d\ude00""#), s("😀"));
        assert_eq!(ok("\"Español — 😀\""), s("Español — 😀"));
        assert_eq!(ok(r#""\u0000""#), s("\0"));
    }

    #[test]
    fn parses_numbers_as_serde_json_does() {
        assert_eq!(ok("0"), Json::Uint(0));
        assert_eq!(ok("42"), Json::Uint(42));
        assert_eq!(ok("-7"), Json::Int(-7));
        assert_eq!(ok("18446744073709551615"), Json::Uint(u64::MAX));
        assert_eq!(ok("-9223372036854775808"), Json::Int(i64::MIN));
        assert_eq!(ok("2.5"), Json::Float(2.5));
        assert_eq!(ok("-0.125"), Json::Float(-0.125));
        assert_eq!(ok("1e3"), Json::Float(1000.0));
        assert_eq!(ok("1E-2"), Json::Float(0.01));
        assert_eq!(ok("2.5e+1"), Json::Float(25.0));
        assert!(matches!(ok("-0"), Json::Float(f) if f == 0.0 && f.is_sign_negative()));
        for text in [
            "0.1",
            "12.34",
            "1e23",
            "1.7976931348623157e308",
            "5e-324",
            "1e-400",
            "123456789012345678901234567890",
            "0.30000000000000004",
            "-9223372036854775809",
            "1e99999999999",
        ] {
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert!(same(a, b), "{text}: {a:?} vs {b:?}"),
                (Err(_), Err(_)) => {}
                _ => panic!("{text}: {ours:?} vs {theirs:?}"),
            }
        }
    }

    #[test]
    fn powers_of_ten_equal_serde_jsons() {
        for k in 0..=308 {
            let theirs: f64 = serde_json::from_str(&format!("1e{k}")).expect("in range");
            assert_eq!(pow10(k).to_bits(), theirs.to_bits(), "1e{k}");
        }
    }

    #[test]
    fn malformed_input_is_an_error() {
        for text in [
            "",
            "   ",
            "nul",
            "tru",
            "[1, 2",
            "[1 2]",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{a: 1}",
            "{\"a\": 1} x",
            "\"abc",
            "\"bad \\x escape\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "\"tab\there\"",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "1e400",
            "NaN",
            "[[[[[[[[[[",
            "}",
        ] {
            assert!(parse(text).is_err(), "{text:?} parsed");
        }
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("deep"));
        // serde_json's limit and error position, to the bracket.
        for text in [
            "[".repeat(129),
            format!("{}1{}", "[".repeat(127), "]".repeat(127)),
            format!("{}1{}", "[".repeat(128), "]".repeat(128)),
            format!("{{\"a\":{}", "[".repeat(130)),
        ] {
            let ours = parse_at(&text).err().map(|e| (e.line, e.column));
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours, theirs.err().map(|e| (e.line(), e.column())));
        }
        let ok_depth = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok_depth).is_ok());
    }

    #[test]
    fn decode_errors_name_the_path() {
        #[derive(Debug)]
        struct Item {
            #[allow(dead_code)]
            name: String,
        }
        impl Decode for Item {
            fn decode(v: &Json) -> Result<Self, String> {
                Ok(Item {
                    name: Fields::of(v)?.req("name")?,
                })
            }
        }
        let e = from_str::<Vec<Item>>(r#"[{"name": "a"}, {"nom": "b"}]"#).unwrap_err();
        assert_eq!(e, "[1]: missing field `name`");
        let e = from_str::<Vec<Item>>(r#"[{"name": 3}]"#).unwrap_err();
        assert_eq!(e, "[0].name: expected a string");
        assert!(from_str::<u32>("4294967296").is_err());
        assert!(from_str::<u32>("1.0").is_err());
        assert!(from_str::<u32>("-1").is_err());
        assert_eq!(from_str::<f64>("3"), Ok(3.0));
        assert_eq!(from_str::<Option<String>>("null"), Ok(None));
        let map = from_str::<BTreeMap<String, u32>>(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(map.get("a"), Some(&2));
    }

    proptest! {
        #[test]
        fn random_text_never_panics(text in "\\PC{0,64}") {
            let _ = parse(&text);
        }

        #[test]
        fn json_like_text_never_panics(text in r#"[\[\]{}",:0-9.eE+\-\\u tfnrl a-d]{0,48}"#) {
            let _ = parse(&text);
        }

        #[test]
        fn errors_are_where_serde_json_puts_them(
            text in r#"[\[\]{}",:0-9a-fnrtsuleE.+\- \n\\é]{0,24}"#,
        ) {
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (parse_at(&text), theirs) {
                (Ok(_), Ok(_)) => {}
                (Err(o), Err(e)) => prop_assert_eq!((o.line, o.column), (e.line(), e.column())),
                (o, e) => prop_assert!(false, "{text:?}: {o:?} vs {e:?}"),
            }
        }

        #[test]
        fn numbers_match_serde_json(
            text in r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?"
        ) {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{} {:?} {:?}", text, a, b),
                (Err(_), Err(_)) => {}
                _ => prop_assert!(false, "{} {:?} {:?}", text, ours, theirs),
            }
        }

        #[test]
        fn serialised_values_read_back(value in any::<Vec<(String, f64, i64, bool)>>()) {
            let text = serde_json::to_string(&value).unwrap_or_default();
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let ours = parse(&text);
            prop_assert!(ours.is_ok_and(|a| same(&a, &theirs)), "{}", text);
        }
    }
}
