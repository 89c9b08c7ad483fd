//! The widget's one JSON reader: [`parse`] turns text into a [`Json`] tree, and each type reads
//! itself from the tree with [`super::decode::Decode`], beside the type. Content files,
//! stored state and a clinic's price book all go through it, in native tests as in the browser.
//!
//! Numbers keep the text they were written as: a whole-number field reads the digits, the few
//! fractional fields convert it, and a price is judged on what the clinic typed.

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written (valid JSON number syntax).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    /// Members in the order written (lookups are linear: our objects are small).
    Obj(Vec<(String, Json)>),
}

/// Where and why reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the text.
    pub at: usize,
    /// The problem.
    pub msg: &'static str,
}

impl ParseError {
    /// 1-based line and column (in bytes) of the problem, for people reading the text.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        (line, before.len() - line_start + 1)
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid JSON at byte {}: {}", self.at, self.msg)
    }
}

/// Nesting limit: tampered input fails instead of exhausting the stack.
const MAX_DEPTH: u32 = 128;

/// Reads one JSON document (whitespace around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        text,
        pos: 0,
        depth: 0,
    };
    let value = p.value().and_then(|v| {
        p.skip_ws();
        if p.pos == text.len() {
            Ok(v)
        } else {
            Err("trailing characters")
        }
    });
    value.map_err(|msg| ParseError { at: p.pos, msg })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

type Parsed<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Parsed<u8> {
        let b = self.peek().ok_or("unexpected end")?;
        self.pos += 1;
        Ok(b)
    }

    /// Takes the next byte if it is one of `bytes`; an error at it otherwise.
    fn either(&mut self, bytes: [u8; 2], msg: &'static str) -> Parsed<u8> {
        match self.peek() {
            Some(b) if bytes.contains(&b) => {
                self.pos += 1;
                Ok(b)
            }
            Some(_) => Err(msg),
            None => Err("unexpected end"),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Parsed<Json> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err("expected a value")
        }
    }

    fn value(&mut self) -> Parsed<Json> {
        self.skip_ws();
        match self.peek().ok_or("unexpected end")? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(),
            open @ (b'[' | b'{') => {
                if self.depth == MAX_DEPTH {
                    return Err("nested too deeply");
                }
                self.pos += 1;
                self.depth += 1;
                let v = if open == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            _ => Err("expected a value"),
        }
    }

    /// After the opening `[`.
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
            if self.either([b',', b']'], "expected `,` or `]`")? == b']' {
                return Ok(Json::Arr(items));
            }
        }
    }

    /// After the opening `{`.
    fn object(&mut self) -> Parsed<Json> {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err("expected a key"),
                None => return Err("unexpected end"),
            }
            let key = self.string()?;
            self.skip_ws();
            self.either([b':', b':'], "expected `:`")?;
            members.push((key, self.value()?));
            self.skip_ws();
            if self.either([b',', b'}'], "expected `,` or `}`")? == b'}' {
                return Ok(Json::Obj(members));
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.next()? {
                b'"' => {
                    out.push_str(&self.text[start..self.pos - 1]);
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.pos - 1]);
                    out.push(self.escape()?);
                    start = self.pos;
                }
                0..=0x1f => return Err("control character in string"),
                _ => {}
            }
        }
    }

    /// After a backslash.
    fn escape(&mut self) -> Parsed<char> {
        Ok(match self.next()? {
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
                let code = if (0xd800..0xdc00).contains(&first) {
                    // A leading surrogate needs an escaped trailing one.
                    if self.next()? != b'\\' || self.next()? != b'u' {
                        return Err("lone surrogate");
                    }
                    let second = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&second) {
                        return Err("lone surrogate");
                    }
                    0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                } else {
                    first
                };
                char::from_u32(code).ok_or("lone surrogate")?
            }
            _ => return Err("invalid escape"),
        })
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = char::from(self.next()?)
                .to_digit(16)
                .ok_or("invalid escape")?;
            n = n * 16 + digit;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Parsed<Json> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let whole = self.digits();
        let mut ok = whole == 1 || (whole > 1 && !leading_zero);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            ok &= self.digits() > 0;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            ok &= self.digits() > 0;
        }
        if ok {
            Ok(Json::Num(self.text[start..self.pos].to_owned()))
        } else {
            Err("invalid number")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Json {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn s(text: &str) -> Json {
        Json::Str(text.to_owned())
    }

    fn n(text: &str) -> Json {
        Json::Num(text.to_owned())
    }

    #[test]
    fn reads_scalars_and_nesting_in_order() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(ok("[]"), Json::Arr(vec![]));
        assert_eq!(ok("{}"), Json::Obj(vec![]));
        assert_eq!(
            ok(r#" { "b" : [1, {"a": null}, []], "a": "d" } "#),
            Json::Obj(vec![
                (
                    "b".into(),
                    Json::Arr(vec![
                        n("1"),
                        Json::Obj(vec![("a".into(), Json::Null)]),
                        Json::Arr(vec![]),
                    ])
                ),
                ("a".into(), s("d")),
            ])
        );
    }

    #[test]
    fn reads_string_escapes_and_unicode() {
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
    fn numbers_keep_their_text() {
        for text in [
            "0", "42", "-7", "2.5", "-0.125", "1e3", "1E-2", "2.5e+1", "-0",
        ] {
            assert_eq!(ok(text), n(text));
        }
        assert_eq!(ok("[1,2.50]"), Json::Arr(vec![n("1"), n("2.50")]));
    }

    #[test]
    fn malformed_input_is_an_error() {
        for text in [
            "",
            "   ",
            "nul",
            "tru",
            "nullx",
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
            "\"\\u12g4\"",
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
            "NaN",
            "[[[[",
            "}",
            "[\"é",
            "\"\u{1}\"",
        ] {
            assert!(parse(text).is_err(), "{text:?} was read");
        }
    }

    #[test]
    fn deep_nesting_fails_instead_of_overflowing() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().msg, "nested too deeply");
        let fine = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse(&fine).is_ok());
        let over = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert!(parse(&over).is_err());
    }

    #[test]
    fn errors_say_where() {
        let text = "{\n  \"iv\": 5,\n  \"oral\" 6\n}";
        let e = parse(text).unwrap_err();
        assert_eq!((e.at, e.msg), (22, "expected `:`"));
        assert_eq!(e.line_column(text), (3, 10));
        assert_eq!(e.to_string(), "invalid JSON at byte 22: expected `:`");
        let e = parse("{\"iv\": 5,}").unwrap_err();
        assert_eq!(e.line_column("{\"iv\": 5,}"), (1, 10));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::parse;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panic(text in "\\PC{0,64}") {
            let _ = parse(&text);
        }

        #[test]
        fn json_like_text_is_read_or_refused_without_panic(
            text in r#"[\[\]{}",:0-9.eE+\-\\u tfnrl a-d é]{0,48}"#,
        ) {
            if let Err(e) = parse(&text) {
                prop_assert!(e.at <= text.len());
            }
        }
    }
}
