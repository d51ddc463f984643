//! Bilingual texts: every question and checklist item is asked in Swedish and English, in
//! the same words on a kiosk and in a web form.

use core::fmt::{self, Write as _};

/// A language the catalogues are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Lang {
    /// Swedish, the default.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, Swedish first.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The ISO 639-1 code: `"sv"` or `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// The language for an ISO 639-1 code (`"sv"`, `"en"`, any case); `None` otherwise.
    pub fn from_code(code: &str) -> Option<Lang> {
        if code.eq_ignore_ascii_case("sv") {
            Some(Lang::Sv)
        } else if code.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in Swedish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Text {
    /// Swedish.
    pub sv: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// A text from its Swedish and English versions.
    pub const fn new(sv: &'static str, en: &'static str) -> Text {
        Text { sv, en }
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

/// Case-folds one character for matching Swedish and English words against lower-case word
/// lists: the first character of its Unicode lower case, computed without the Unicode case
/// tables (which are larger than everything else the word lists need).
///
/// The result equals `c.to_lowercase().next()` for every character whose lower case starts
/// with a character of Latin-1 (U+0000–U+00FF): ASCII and Latin-1 capitals (`Å` → `å`,
/// `Ä` → `ä`, `Ö` → `ö`, `É` → `é`, `Ü` → `ü`), plus the five capitals outside Latin-1 that
/// lower-case into it (`İ` → `i`, `Ÿ` → `ÿ`, `ẞ` → `ß`, the Kelvin sign → `k`, the Ångström
/// sign → `å`). Any other character is returned unchanged, so it may differ from its Unicode
/// lower case, but never in a way that matters when comparing with lower-case Latin-1 text:
/// it is outside Latin-1 either way. Word lists compared through this fold must therefore be
/// lower-case Latin-1 (the job-ad rules test theirs).
///
/// ```
/// use rekry_core::text::fold_latin1;
/// assert_eq!(fold_latin1('Å'), 'å');
/// assert_eq!(fold_latin1('Q'), 'q');
/// assert_eq!(fold_latin1('\u{212B}'), 'å');
/// assert_eq!(fold_latin1('×'), '×');
/// assert_eq!(fold_latin1('Ж'), 'Ж'); // outside Latin-1: left as it is
/// ```
pub const fn fold_latin1(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => {
            // Latin-1 capitals are 0x20 below their small letters.
            match char::from_u32(c as u32 + 0x20) {
                Some(l) => l,
                None => c,
            }
        }
        '\u{130}' => 'i',
        '\u{178}' => 'ÿ',
        '\u{1E9E}' => 'ß',
        '\u{212A}' => 'k',
        '\u{212B}' => 'å',
        _ => c,
    }
}

/// A string in double quotes with its special characters escaped, for messages that show
/// text a user typed: `Quoted("a\"b")` writes `"a\"b"`, as Rust's `{:?}` would.
///
/// Why not `{:?}`: to decide which characters to escape, `str`'s and `char`'s `Debug` consult
/// Unicode's printable and grapheme-extend tables. Linked only for error messages, they were
/// about 3 KB of the gzipped `.wasm` module (`rekry-wasm`), and would take flash in firmware
/// that formats these messages on a microcontroller. This type needs no table:
///
/// - `\\`, the surrounding quote (`"` here, `'` for [`QuotedChar`]), newline, carriage return,
///   tab and NUL are escaped as Rust escapes them: `\\`, `\"`, `\n`, `\r`, `\t`, `\0`;
/// - every other control character (U+0001–U+001F, U+007F–U+009F), the no-break space
///   (U+00A0) and the soft hyphen (U+00AD) are written as `\u{..}` in lower-case hex without
///   leading zeros (`\u{1b}`, `\u{a0}`), as Rust writes them;
/// - every other character is written as it is.
///
/// So the text equals `{:?}`'s for every string of ASCII and Latin-1 (U+0000–U+00FF) and of
/// ordinary letters, digits and punctuation of any script. The one difference: characters
/// beyond U+00FF that `{:?}` escapes although they are not control characters, such as
/// combining marks (U+0301), zero-width and other invisible format characters (U+200B,
/// U+FEFF), private-use and unassigned code points, are written as they are here.
///
/// ```
/// use rekry_core::text::{Quoted, QuotedChar};
///
/// assert_eq!(format!("{}", Quoted("it's \"x\"\n")), r#""it's \"x\"\n""#);
/// assert_eq!(format!("{}", Quoted("tab\there\u{1b}")), r#""tab\there\u{1b}""#);
/// assert_eq!(format!("{}", QuotedChar('\'')), r"'\''");
/// assert_eq!(format!("{}", QuotedChar('Å')), "'Å'");
/// // The same as `{:?}` for ASCII, Latin-1 and ordinary letters…
/// assert_eq!(Quoted("Åsa Öberg\u{a0}Ж").to_string(), format!("{:?}", "Åsa Öberg\u{a0}Ж"));
/// // …but a combining mark or an invisible character is written as it is.
/// assert_eq!(Quoted("e\u{301}\u{200b}").to_string(), "\"e\u{301}\u{200b}\"");
/// assert_eq!(format!("{:?}", "e\u{301}\u{200b}"), r#""e\u{301}\u{200b}""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quoted<'a>(pub &'a str);

/// A character in single quotes with special characters escaped: `QuotedChar('\'')` writes
/// `'\''`, as Rust's `{:?}` would, with [`Quoted`]'s rules (and the same single, documented
/// difference from `{:?}`), but escaping `'` instead of `"`.
///
/// ```
/// use rekry_core::text::QuotedChar;
///
/// assert_eq!(QuotedChar('"').to_string(), r#"'"'"#);
/// assert_eq!(QuotedChar('\n').to_string(), r"'\n'");
/// assert_eq!(QuotedChar('\u{85}').to_string(), r"'\u{85}'");
/// assert_eq!(QuotedChar('\u{200b}').to_string(), "'\u{200b}'");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuotedChar(pub char);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0, '"')
    }
}

impl fmt::Display for QuotedChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0.encode_utf8(&mut [0; 4]), '\'')
    }
}

/// Writes `text` between `quote`s with [`Quoted`]'s escapes: runs of characters that need
/// none in one `write_str`.
fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str, quote: char) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    f.write_char(quote)?;
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\0' => "\\0",
            '"' if quote == '"' => "\\\"",
            '\'' if quote == '\'' => "\\'",
            // Written as `\u{..}` below.
            '\u{1}'..='\u{1f}' | '\u{7f}'..='\u{a0}' | '\u{ad}' => "",
            _ => continue,
        };
        f.write_str(text.get(run..i).unwrap_or_default())?;
        run = i + c.len_utf8();
        if escape.is_empty() {
            // Below U+0100: one or two hex digits.
            let n = c as usize;
            f.write_str("\\u{")?;
            if n >= 0x10 {
                f.write_char(char::from(HEX[n >> 4 & 0xf]))?;
            }
            f.write_char(char::from(HEX[n & 0xf]))?;
            f.write_char('}')?;
        } else {
            f.write_str(escape)?;
        }
    }
    f.write_str(text.get(run..).unwrap_or_default())?;
    f.write_char(quote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;
    use std::string::{String, ToString};

    #[test]
    fn fold_latin1_agrees_with_unicode_into_latin1() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let unicode = c.to_lowercase().next().unwrap_or(c);
            let folded = fold_latin1(c);
            if u32::from(unicode) <= 0xFF || u32::from(folded) <= 0xFF {
                assert_eq!(folded, unicode, "{c:?}");
            }
        }
    }

    /// Characters whose `{:?}` is what one would expect: ASCII, Latin-1, the Latin Extended
    /// blocks and letters of other scripts (Greek, Cyrillic, Arabic, Hebrew, Devanagari, CJK,
    /// Hangul), symbols and an emoji.
    fn ordinary() -> impl Iterator<Item = char> {
        (0..=0x24F)
            .chain([
                0x3A9, 0x3C9, 0x416, 0x436, 0x5D0, 0x627, 0x905, 0x20AC, 0x2013, 0x201D, 0x2192, 0x4E2D, 0x65E5,
                0xAC00, 0xFFFD, 0x1F600,
            ])
            .filter_map(char::from_u32)
    }

    #[test]
    fn quoted_is_debug_for_ordinary_characters() {
        for c in ordinary() {
            assert_eq!(QuotedChar(c).to_string(), format!("{c:?}"), "U+{:04X}", c as u32);
            for s in [c.to_string(), format!("a{c}"), format!("{c}b{c}\\"), format!("\"{c}'\n")] {
                assert_eq!(Quoted(&s).to_string(), format!("{s:?}"), "{s:?}");
            }
        }
        let all: String = ordinary().collect();
        assert_eq!(Quoted(&all).to_string(), format!("{all:?}"));
        assert_eq!(Quoted("").to_string(), "\"\"");
    }

    #[test]
    fn quoted_escapes() {
        assert_eq!(Quoted("\\ \" ' \n \r \t \0").to_string(), r#""\\ \" ' \n \r \t \0""#);
        assert_eq!(QuotedChar('"').to_string(), "'\"'");
        assert_eq!(QuotedChar('\'').to_string(), r"'\''");
        assert_eq!(
            Quoted("\u{1}\u{f}\u{10}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}\u{ad}").to_string(),
            r#""\u{1}\u{f}\u{10}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}\u{ad}""#
        );
        // As `{:?}` does, `\0` even before a digit.
        assert_eq!(Quoted("\u{0}1").to_string(), r#""\01""#);
        assert_eq!(format!("{:?}", "\u{0}1"), r#""\01""#);
    }

    /// The documented difference: characters beyond Latin-1 that `{:?}` escapes without
    /// being control characters are written as they are.
    #[test]
    fn quoted_writes_invisible_and_combining_characters_as_they_are() {
        for c in ['\u{301}', '\u{200b}', '\u{200d}', '\u{2028}', '\u{feff}', '\u{e000}', '\u{378}', '\u{e0001}'] {
            assert_eq!(QuotedChar(c).to_string(), format!("'{c}'"));
            assert_eq!(Quoted(&format!("x{c}")).to_string(), format!("\"x{c}\""));
            assert_ne!(QuotedChar(c).to_string(), format!("{c:?}"));
        }
        assert_eq!(format!("{:?}", "e\u{301}"), r#""e\u{301}""#);
        assert_eq!(Quoted("e\u{301}").to_string(), "\"e\u{301}\"");
        assert_eq!(format!("{:?}", '\u{200b}'), r"'\u{200b}'");
        assert_eq!(QuotedChar('\u{200b}').to_string(), "'\u{200b}'");
        // And it is the only difference: wherever the two disagree, `{:?}` escaped a
        // character outside Latin-1 that is not a control character, which is written as
        // it is.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let ours = QuotedChar(c).to_string();
            if ours != format!("{c:?}") {
                assert!(u32::from(c) > 0xFF && !c.is_control(), "U+{:04X}", c as u32);
                assert_eq!(ours, format!("'{c}'"));
            }
        }
    }
}
