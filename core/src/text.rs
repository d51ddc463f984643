//! Bilingual texts: every question and checklist item is asked in Swedish and English, in
//! the same words on a kiosk and in a web form.

use core::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
