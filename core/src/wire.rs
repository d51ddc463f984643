//! Versioned wire formats: compact binary (postcard) and JSON, both without allocation.
//!
//! Every encoding starts with the format version and the kind of value, so a reader can tell
//! a response from a tally and refuse data written by a newer Rekry instead of misreading it.
//! Decoding never panics: garbage, truncated input, trailing bytes, an unknown kind or a
//! future version each return a [`WireError`].
//!
//! | format | layout |
//! | --- | --- |
//! | postcard | varint version, kind byte, postcard body |
//! | JSON | `{"version":1,"kind":"response","body":{…}}` |
//!
//! ```
//! # #[cfg(all(feature = "postcard", feature = "json"))] {
//! use rekry_core::survey::{Answer, CatalogueId, Response, Value};
//! use rekry_core::wire;
//!
//! let mut r = Response::new(CatalogueId::JobFair);
//! r.push(Answer::new("recommend", Value::Score(9)).unwrap()).unwrap();
//!
//! let mut buf = [0u8; 256];
//! let bytes = wire::postcard::encode(&r, &mut buf).unwrap();
//! assert_eq!(wire::postcard::decode::<Response>(bytes).unwrap(), r);
//!
//! let mut buf = [0u8; 256];
//! let len = wire::json::encode(&r, &mut buf).unwrap();
//! assert!(buf[..len].starts_with(br#"{"version":1,"kind":"response","body":"#));
//! assert_eq!(wire::json::decode::<Response>(&buf[..len]).unwrap(), r);
//! assert!(wire::json::decode::<Response>(br#"{"version":2,"kind":"response","body":{}}"#).is_err());
//! # }
//! ```

use core::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::idcheck::record::CheckRecord;
use crate::nps::NpsTally;
use crate::survey::{Response, SurveyTally};

/// The current format version. Readers accept exactly this version; older versions will be
/// read by upgrade code when a version 2 exists.
pub const FORMAT_VERSION: u16 = 1;

/// The kinds of value that travel on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    /// A survey [`Response`].
    Response = 1,
    /// An [`NpsTally`].
    NpsTally = 2,
    /// A [`SurveyTally`].
    SurveyTally = 3,
    /// A finished ID check's [`CheckRecord`].
    CheckRecord = 4,
}

impl Kind {
    /// The name used in JSON, such as `"response"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Response => "response",
            Kind::NpsTally => "nps-tally",
            Kind::SurveyTally => "survey-tally",
            Kind::CheckRecord => "check-record",
        }
    }

    /// The kind with tag byte `b`.
    pub fn from_byte(b: u8) -> Option<Kind> {
        [Kind::Response, Kind::NpsTally, Kind::SurveyTally, Kind::CheckRecord].into_iter().find(|k| *k as u8 == b)
    }

    /// The kind with JSON name `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        [Kind::Response, Kind::NpsTally, Kind::SurveyTally, Kind::CheckRecord].into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A type that can be sent on the wire.
pub trait WireType: Serialize + DeserializeOwned {
    /// Its kind tag.
    const KIND: Kind;

    /// Checks invariants the type system cannot express after decoding.
    fn check(&self) -> Result<(), WireError> {
        Ok(())
    }
}

impl WireType for Response {
    const KIND: Kind = Kind::Response;
}

impl WireType for NpsTally {
    const KIND: Kind = Kind::NpsTally;
}

impl WireType for CheckRecord {
    const KIND: Kind = Kind::CheckRecord;
}

impl WireType for SurveyTally {
    const KIND: Kind = Kind::SurveyTally;
    fn check(&self) -> Result<(), WireError> {
        if self.has_catalogue_shape() { Ok(()) } else { Err(WireError::Invalid) }
    }
}

/// Why a value could not be encoded or decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireError {
    /// The output buffer is too small.
    BufferTooSmall,
    /// The input ends too early.
    Truncated,
    /// The input is not a valid encoding.
    Malformed,
    /// Bytes follow the encoded value.
    TrailingData,
    /// Written by another format version (usually a newer Rekry).
    UnsupportedVersion {
        /// The version found.
        found: u16,
    },
    /// The input holds another kind of value.
    WrongKind {
        /// The kind asked for.
        expected: Kind,
        /// The kind found, `None` if unknown.
        found: Option<Kind>,
    },
    /// The input decodes but breaks an invariant (for example a tally whose shape does not
    /// match its catalogue).
    Invalid,
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::BufferTooSmall => f.write_str("output buffer too small"),
            WireError::Truncated => f.write_str("input ends too early (truncated?)"),
            WireError::Malformed => f.write_str("input is not a valid Rekry encoding"),
            WireError::TrailingData => f.write_str("unexpected data after the encoded value"),
            WireError::UnsupportedVersion { found } => {
                write!(f, "format version {found} is not supported (this build reads version {FORMAT_VERSION})")
            }
            WireError::WrongKind { expected, found: Some(found) } => {
                write!(f, "expected a {expected}, found a {found}")
            }
            WireError::WrongKind { expected, found: None } => write!(f, "expected a {expected}, found an unknown kind"),
            WireError::Invalid => f.write_str("decoded value is inconsistent"),
        }
    }
}

impl core::error::Error for WireError {}

/// The compact binary format.
#[cfg(feature = "postcard")]
pub mod postcard {
    use super::{FORMAT_VERSION, Kind, WireError, WireType};

    fn map(e: ::postcard::Error) -> WireError {
        match e {
            ::postcard::Error::SerializeBufferFull => WireError::BufferTooSmall,
            ::postcard::Error::DeserializeUnexpectedEnd => WireError::Truncated,
            _ => WireError::Malformed,
        }
    }

    /// Encodes `value` into `buf`, returning the used part.
    pub fn encode<'b, T: WireType>(value: &T, buf: &'b mut [u8]) -> Result<&'b mut [u8], WireError> {
        ::postcard::to_slice(&(FORMAT_VERSION, T::KIND as u8, value), buf).map_err(map)
    }

    /// Decodes a `T` from exactly `bytes`.
    pub fn decode<T: WireType>(bytes: &[u8]) -> Result<T, WireError> {
        let (value, rest) = decode_prefix::<T>(bytes)?;
        if rest.is_empty() { Ok(value) } else { Err(WireError::TrailingData) }
    }

    /// Decodes a `T` from the start of `bytes`, returning it and the bytes after it (for
    /// streams of records).
    pub fn decode_prefix<T: WireType>(bytes: &[u8]) -> Result<(T, &[u8]), WireError> {
        let (version, rest) = ::postcard::take_from_bytes::<u16>(bytes).map_err(map)?;
        if version != FORMAT_VERSION {
            return Err(WireError::UnsupportedVersion { found: version });
        }
        let (kind, rest) = ::postcard::take_from_bytes::<u8>(rest).map_err(map)?;
        if kind != T::KIND as u8 {
            return Err(WireError::WrongKind { expected: T::KIND, found: Kind::from_byte(kind) });
        }
        let (value, rest) = ::postcard::take_from_bytes::<T>(rest).map_err(map)?;
        value.check()?;
        Ok((value, rest))
    }
}

/// The JSON format (serde-json-core: no allocation).
#[cfg(feature = "json")]
pub mod json {
    use serde::{Deserialize, Serialize};

    use super::{FORMAT_VERSION, Kind, WireError, WireType};

    #[derive(Serialize)]
    struct EnvelopeOut<'a, T> {
        version: u16,
        kind: &'a str,
        body: &'a T,
    }

    #[derive(Deserialize)]
    struct Header<'a> {
        version: u16,
        #[serde(borrow)]
        kind: &'a str,
    }

    #[derive(Deserialize)]
    struct EnvelopeIn<T> {
        body: T,
    }

    fn map(e: serde_json_core::de::Error) -> WireError {
        match e {
            serde_json_core::de::Error::EofWhileParsingList
            | serde_json_core::de::Error::EofWhileParsingObject
            | serde_json_core::de::Error::EofWhileParsingString
            | serde_json_core::de::Error::EofWhileParsingNumber
            | serde_json_core::de::Error::EofWhileParsingValue => WireError::Truncated,
            serde_json_core::de::Error::TrailingCharacters => WireError::TrailingData,
            _ => WireError::Malformed,
        }
    }

    /// Encodes `value` as JSON into `buf`, returning the number of bytes written.
    pub fn encode<T: WireType>(value: &T, buf: &mut [u8]) -> Result<usize, WireError> {
        let envelope = EnvelopeOut { version: FORMAT_VERSION, kind: T::KIND.as_str(), body: value };
        serde_json_core::to_slice(&envelope, buf).map_err(|_| WireError::BufferTooSmall)
    }

    /// Decodes a `T` from a JSON document (surrounding whitespace allowed).
    pub fn decode<T: WireType>(bytes: &[u8]) -> Result<T, WireError> {
        // The header is read first so that a future version is reported as such rather than
        // as a body that fails to parse.
        let (header, _) = serde_json_core::from_slice::<Header<'_>>(bytes).map_err(map)?;
        if header.version != FORMAT_VERSION {
            return Err(WireError::UnsupportedVersion { found: header.version });
        }
        if header.kind != T::KIND.as_str() {
            return Err(WireError::WrongKind { expected: T::KIND, found: Kind::from_name(header.kind) });
        }
        // from_slice itself rejects anything but whitespace after the document.
        let (envelope, _) = serde_json_core::from_slice::<EnvelopeIn<T>>(bytes).map_err(map)?;
        envelope.body.check()?;
        Ok(envelope.body)
    }
}
