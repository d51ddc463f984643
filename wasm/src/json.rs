//! A small JSON reader and writer, just enough for the binding's inputs and outputs.
//!
//! The binding passes JSON text across the WebAssembly boundary in both directions. Keeping
//! the reader and writer here (rather than pulling in `serde_json`) keeps the `.wasm` small,
//! and every limit is explicit: the reader never recurses deeper than [`MAX_DEPTH`], never
//! panics, and reports the byte offset of the first problem.
//!
//! ```
//! use rekry_wasm::json::{self, Json};
//!
//! let v = json::parse(r#"{"a": [1, true, null, "x\u00e5"]}"#).unwrap();
//! let a = v.get("a").unwrap().as_array().unwrap();
//! assert_eq!(a[0].as_f64(), Some(1.0));
//! assert_eq!(a[3].as_str(), Some("xå"));
//! assert!(json::parse("[1,]").is_err());
//!
//! let mut out = String::new();
//! json::write_str(&mut out, "tab\there \"quoted\"");
//! assert_eq!(out, r#""tab\there \"quoted\"""#);
//! ```

use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting of arrays and objects the reader accepts.
pub const MAX_DEPTH: usize = 32;

/// A parsed JSON value. Object members keep their order (and duplicates, which callers
/// reject where it matters).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (JSON numbers are read as `f64`, as JavaScript reads them).
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, members in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the first, if repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(m) => Some(m),
            _ => None,
        }
    }

    /// `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(_) => "array",
            Json::Obj(_) => "object",
        }
    }
}

/// Why a text is not JSON: a message and the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong.
    pub message: &'static str,
    /// Byte offset in the input.
    pub offset: usize,
}

impl core::fmt::Display for ParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "invalid JSON at byte {}: {}", self.offset, self.message)
    }
}

impl core::error::Error for ParseError {}

/// Parses one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut r = Reader { text, b: text.as_bytes(), i: 0 };
    let v = r.value(0)?;
    r.ws();
    if r.i != r.b.len() {
        return Err(r.err("unexpected characters after the value"));
    }
    Ok(v)
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn err(&self, message: &'static str) -> ParseError {
        ParseError { message, offset: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &'static [u8], v: Json) -> Result<Json, ParseError> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("unknown literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.ws();
        match self.peek() {
            None => Err(self.err("unexpected end of input")),
            Some(b'n') => self.lit(b"null", Json::Null),
            Some(b't') => self.lit(b"true", Json::Bool(true)),
            Some(b'f') => self.lit(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(open @ (b'[' | b'{')) => {
                if depth >= MAX_DEPTH {
                    return Err(self.err("nested too deeply"));
                }
                self.i += 1;
                // Arrays and objects share one loop (one copy of the code in the `.wasm`).
                let obj = open == b'{';
                let close = open + 2; // `]` and `}` follow `[` and `{` by two in ASCII
                let mut items = Vec::new();
                let mut members = Vec::new();
                self.ws();
                if self.peek() == Some(close) {
                    self.i += 1;
                } else {
                    loop {
                        if obj {
                            self.ws();
                            if self.peek() != Some(b'"') {
                                return Err(self.err("expected a string key"));
                            }
                            let key = self.string()?;
                            self.ws();
                            if self.peek() != Some(b':') {
                                return Err(self.err("expected ':'"));
                            }
                            self.i += 1;
                            let v = self.value(depth + 1)?;
                            members.push((key, v));
                        } else {
                            items.push(self.value(depth + 1)?);
                        }
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.i += 1,
                            Some(c) if c == close => {
                                self.i += 1;
                                break;
                            }
                            _ => return Err(self.err(if obj { "expected ',' or '}'" } else { "expected ',' or ']'" })),
                        }
                    }
                }
                Ok(if obj { Json::Obj(members) } else { Json::Arr(items) })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = self.digits();
        if n == 0 || (n > 1 && self.b.get(int_start) == Some(&b'0')) {
            return Err(self.err("malformed number"));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.err("malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("malformed number"));
            }
        }
        match number_value(self.b.get(start..self.i).unwrap_or_default()) {
            Some(v) => Ok(Json::Num(v)),
            None => Err(ParseError { message: "number out of range", offset: start }),
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.err("malformed \\u escape")),
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The run starts and stops at ASCII bytes, so at character boundaries.
            out.push_str(self.text.get(run..self.i).unwrap_or_default());
            match self.peek() {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.peek().ok_or_else(|| self.err("unterminated string"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate must be followed by an escaped low one;
                                // a lone surrogate becomes U+FFFD, as JavaScript's
                                // TextEncoder would make it.
                                if self.b.get(self.i..self.i + 2) == Some(b"\\u") {
                                    let save = self.i;
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                    } else {
                                        self.i = save;
                                        0xFFFD
                                    }
                                } else {
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.err("unknown escape")),
                    }
                }
                Some(_) => return Err(self.err("control character in string")),
            }
        }
    }
}

/// The value of a syntactically valid JSON number, `None` when it is not finite.
///
/// Integers of up to 19 digits (with or without a fraction or exponent that makes them whole,
/// such as `2.5e1`) are exact up to 2⁵³, as in JavaScript; other fractions are close but not
/// always correctly rounded. The binding only ever needs integers and rejects fractions, so
/// this keeps `core`'s float parser (and its tables) out of the `.wasm`.
fn number_value(text: &[u8]) -> Option<f64> {
    let (negative, rest) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut exp10: i64 = 0;
    let mut in_fraction = false;
    let mut i = 0;
    while let Some(&c) = rest.get(i) {
        match c {
            b'0'..=b'9' => {
                let d = u64::from(c - b'0');
                match mantissa.checked_mul(10).and_then(|m| m.checked_add(d)) {
                    Some(m) => {
                        mantissa = m;
                        if in_fraction {
                            exp10 -= 1;
                        }
                    }
                    // Digits beyond u64 only scale the value (integer part) or are dropped
                    // (fraction).
                    None if !in_fraction => exp10 += 1,
                    None => {}
                }
            }
            b'.' => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = rest.get(i) {
        i += 1;
        let sign = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let mut e: i64 = 0;
        while let Some(&c) = rest.get(i) {
            e = e.saturating_mul(10).saturating_add(i64::from(c.wrapping_sub(b'0')));
            i += 1;
        }
        exp10 = exp10.saturating_add(sign * e);
    }
    let mut v = mantissa as f64;
    if v != 0.0 {
        // Multiply or divide by powers of ten one step at a time so that whole results of
        // small exponents stay exact; clamp the exponent so the loop is short.
        let mut e = exp10.clamp(-400, 400);
        while e > 0 {
            v *= 10.0;
            e -= 1;
        }
        while e < 0 {
            v /= 10.0;
            e += 1;
        }
    }
    let v = if negative { -v } else { v };
    v.is_finite().then_some(v)
}

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    // Byte by byte: everything that needs escaping is ASCII, and UTF-8 never uses ASCII bytes
    // inside a multi-byte character, so runs between escapes are whole characters.
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        if esc.is_empty() {
            // Another control character: `\u00XX`, lower-case hex.
            let hex = |d: u8| char::from(b"0123456789abcdef"[usize::from(d & 15)]);
            out.push_str("\\u00");
            out.push(hex(b >> 4));
            out.push(hex(b));
        } else {
            out.push_str(esc);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Appends a number rounded to at most six decimals, trailing zeros removed (`null` for NaN
/// and infinities, which JSON cannot carry).
///
/// Fixed-point arithmetic gives the same text natively and in WebAssembly and keeps core's
/// float formatter out of the `.wasm`. Magnitudes of 10⁹ and more (which the binding never
/// produces) are written as whole numbers, saturating at ±(2⁶³ − 1).
///
/// ```
/// let mut s = String::new();
/// rekry_wasm::json::write_f64(&mut s, -12.3456789);
/// assert_eq!(s, "-12.345679");
/// ```
pub fn write_f64(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    if v.abs() >= 1e9 {
        write_int(out, v as i64);
        return;
    }
    // |v| < 1e9, so |scaled| < 1e15 < 2^53: exact in i64.
    let scaled = round_half_away(v * 1e6);
    if scaled < 0 {
        out.push('-');
    }
    let abs = scaled.unsigned_abs();
    let (int, mut frac) = (abs / 1_000_000, abs % 1_000_000);
    write_digits(out, int, 1);
    if frac != 0 {
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        out.push('.');
        write_digits(out, frac, digits);
    }
}

/// Appends an integer in decimal (what `write!(out, "{v}")` writes, without core's integer
/// formatting and its padding machinery).
///
/// ```
/// let mut s = String::new();
/// rekry_wasm::json::write_int(&mut s, i64::MIN);
/// assert_eq!(s, "-9223372036854775808");
/// ```
pub fn write_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    write_digits(out, v.unsigned_abs(), 1);
}

/// Appends `v` in decimal, zero-padded to at least `width` (at most 20) digits.
fn write_digits(out: &mut String, mut v: u64, width: usize) {
    let mut buf = [0u8; 20];
    let mut start = buf.len();
    for (n, slot) in buf.iter_mut().rev().enumerate() {
        if v == 0 && n >= width.max(1) {
            break;
        }
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
        start -= 1;
    }
    for &b in buf.iter().skip(start) {
        out.push(char::from(b));
    }
}

/// Whether `v` is a whole number (`v.fract() == 0.0`, which needs std; `false` for NaN and
/// the infinities).
///
/// ```
/// use rekry_wasm::json::is_whole;
/// assert!(is_whole(-3.0) && is_whole(1e300) && !is_whole(0.5) && !is_whole(f64::NAN));
/// ```
pub fn is_whole(v: f64) -> bool {
    // From 2^52 on, every f64 is whole; below, truncating through i64 is exact.
    v.is_finite() && (v.abs() >= 4_503_599_627_370_496.0 || v as i64 as f64 == v)
}

/// `v.round() as i64` for |v| < 2^52, without std: halves round away from zero.
fn round_half_away(v: f64) -> i64 {
    let t = v as i64;
    // Below 2^52 the fractional part `v - t` is exact.
    let frac = v - t as f64;
    if frac >= 0.5 {
        t + 1
    } else if frac <= -0.5 {
        t - 1
    } else {
        t
    }
}

/// A JSON object under construction: `{"key":value,…}`.
///
/// ```
/// use rekry_wasm::json::Obj;
/// let mut s = String::new();
/// let mut o = Obj::new(&mut s);
/// o.str("name", "Anna").bool("ok", true).int("n", -3);
/// o.end();
/// assert_eq!(s, r#"{"name":"Anna","ok":true,"n":-3}"#);
/// ```
#[derive(Debug)]
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    /// Starts an object.
    pub fn new(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, first: true }
    }

    /// Writes `"key":` and returns the buffer for the value.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn str(&mut self, key: &str, v: &str) -> &mut Self {
        let out = self.key(key);
        write_str(out, v);
        self
    }

    /// A string member, left out when `v` is empty.
    pub fn str_nonempty(&mut self, key: &str, v: &str) -> &mut Self {
        if !v.is_empty() {
            self.str(key, v);
        }
        self
    }

    /// A boolean member.
    pub fn bool(&mut self, key: &str, v: bool) -> &mut Self {
        self.key(key).push_str(if v { "true" } else { "false" });
        self
    }

    /// An integer member.
    pub fn int(&mut self, key: &str, v: i64) -> &mut Self {
        write_int(self.key(key), v);
        self
    }

    /// A number member (`null` when not finite).
    pub fn num(&mut self, key: &str, v: f64) -> &mut Self {
        let out = self.key(key);
        write_f64(out, v);
        self
    }

    /// A member whose value is already JSON text.
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).push_str(json);
        self
    }

    /// A `null` member.
    pub fn null(&mut self, key: &str) -> &mut Self {
        self.key(key).push_str("null");
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

    #[test]
    fn numbers() {
        for (text, v) in [("0", 0.0), ("-0", -0.0), ("9", 9.0), ("2.5e1", 25.0), ("1E2", 100.0), ("-12", -12.0)] {
            assert_eq!(parse(text).unwrap().as_f64(), Some(v), "{text}");
        }
        assert_eq!(parse("9007199254740993").unwrap().as_f64(), Some(9007199254740992.0));
        assert!((parse("0.1").unwrap().as_f64().unwrap() - 0.1).abs() < 1e-15);
        assert!(parse("1e400").is_err());
        assert_eq!(parse("1e-400").unwrap().as_f64(), Some(0.0));
        let big = parse("123456789012345678901234567890").unwrap().as_f64().unwrap();
        assert!((big / 1.2345678901234568e29 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn round_trips() {
        let v = parse(r#" {"a":-1.5e2,"b":[],"c":{},"d":"\ud83d\ude00\u00e5\n","e":false} "#).unwrap();
        assert_eq!(v.get("a").unwrap().as_f64(), Some(-150.0));
        assert_eq!(v.get("d").unwrap().as_str(), Some("😀å\n"));
        assert_eq!(v.get("e").unwrap().as_bool(), Some(false));
    }

    #[test]
    fn rejects_junk_without_panicking() {
        for bad in [
            "",
            " ",
            "[",
            "]",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "[1 2]",
            "01",
            "-",
            "1.",
            "1e",
            "\"\\x\"",
            "\"\\u12\"",
            "\"abc",
            "nul",
            "tru",
            "1e999",
            "[1,]",
            "{,}",
            "\"\u{1}\"",
            "{\"a\":1,}",
            "--1",
            "+1",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""\ud800x""#).unwrap().as_str(), Some("\u{FFFD}x"));
        assert_eq!(parse(r#""\udc00""#).unwrap().as_str(), Some("\u{FFFD}"));
        assert_eq!(parse(r#""\ud800\u0041""#).unwrap().as_str(), Some("\u{FFFD}A"));
    }

    #[test]
    fn integers_as_core_writes_them() {
        let mut x: i64 = 1;
        for v in [0, 1, -1, 9, 10, 99, 100, i64::MAX, i64::MIN, 1_000_000, -20_261_123] {
            let mut s = String::new();
            write_int(&mut s, v);
            assert_eq!(s, v.to_string());
        }
        for _ in 0..10_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            for v in [x, x >> 20, x >> 40, x >> 55] {
                let mut s = String::new();
                write_int(&mut s, v);
                assert_eq!(s, v.to_string());
            }
        }
        let mut s = String::new();
        write_digits(&mut s, 42, 6);
        assert_eq!(s, "000042");
    }

    #[test]
    fn float_helpers_match_std() {
        let mut values = vec![0.0, -0.0, 0.5, -0.5, 1.5, -2.5, 0.49999999999999994, 2.0f64.powi(52), 1e300];
        values.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, 4503599627370495.5]);
        let mut x = 0.123_456_789_f64;
        for _ in 0..10_000 {
            x = (x * 7919.0 + 0.3).fract() * 2e9 - 1e9;
            values.extend([x, x / 1e6, x.trunc(), x.trunc() + 0.5]);
        }
        for v in values {
            assert_eq!(is_whole(v), v.fract() == 0.0, "{v}");
            if v.abs() < 1e15 {
                assert_eq!(round_half_away(v), v.round() as i64, "{v}");
            }
        }
    }

    #[test]
    fn escapes_every_control_character() {
        for c in (0..0x20).chain([0x22, 0x5C, 0x7F, 0xE5, 0x1F600]).filter_map(char::from_u32) {
            let mut s = String::new();
            write_str(&mut s, &format!("å{c}ö"));
            let esc = match c {
                '"' => "\\\"".to_string(),
                '\\' => "\\\\".to_string(),
                '\n' => "\\n".to_string(),
                '\r' => "\\r".to_string(),
                '\t' => "\\t".to_string(),
                c if (c as u32) < 0x20 => format!("\\u{:04x}", c as u32),
                c => c.to_string(),
            };
            assert_eq!(s, format!("\"å{esc}ö\""));
            assert_eq!(parse(&s).unwrap().as_str(), Some(format!("å{c}ö").as_str()));
        }
    }

    #[test]
    fn writes_escapes() {
        let mut s = String::new();
        write_str(&mut s, "a\u{1}\"\\é");
        assert_eq!(s, "\"a\\u0001\\\"\\\\é\"");
        let mut s = String::new();
        for v in [f64::NAN, 0.1, 40.0, -0.0000004, 1e18, -2.5, 0.000001] {
            write_f64(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "null 0.1 40 0 1000000000000000000 -2.5 0.000001 ");
    }
}
