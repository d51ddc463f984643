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
