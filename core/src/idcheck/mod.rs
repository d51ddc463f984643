//! Identity and pre-employment checks at interview.
//!
//! "Godkänd ID-handling kontrolleras alltid i samband med intervju" — an approved identity
//! document is always checked at interview (Stockholm stad, verksamhetsberättelse §15). This
//! module holds the approved documents, the machine-readable zone (MRZ) of passports and ID
//! cards, Swedish personal identity numbers, the checks each role requires, and the record of a
//! finished check, which by construction holds nothing that identifies the candidate.
//!
//! | module | what it holds |
//! | --- | --- |
//! | [`documents`] | approved identity documents and right-to-work documents, as data with sources |
//! | [`mrz`] | ICAO Doc 9303 TD1/TD2/TD3 parsing and check digits |
//! | [`personnummer`] | Swedish personal identity and coordination numbers |
//! | [`checklist`] | role profiles, the checklist staff work through, and its outcome |
//! | [`record`] | the record of a finished check (enums and dates only) |
//!
//! ```
//! use rekry_core::Date;
//! use rekry_core::idcheck::{CheckRecord, Checklist, CitizenshipGroup, Outcome, Reason, Role, mrz};
//! use rekry_core::idcheck::checklist::{ItemKind, Register};
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! let scanned = "I<SWEAB12345671198112189876<<<\n\
//!                8112185M3101012SWE<<<<<<<<<<<7\n\
//!                SVENSSON<<ANDERS<ERIK<<<<<<<<<";
//! let report = mrz::parse(scanned, today);
//!
//! let mut list = Checklist::new(Role::Nurse, CitizenshipGroup::Swedish, today);
//! list.apply_mrz(&report, None, today);
//! list.record_licence(Register::Socialstyrelsen, true).unwrap();
//! list.pass(ItemKind::References, Reason::ReferencesTaken).unwrap();
//! let record: CheckRecord = list.finish(today);
//! assert_eq!(record.outcome, Outcome::Verified);
//! ```

pub mod checklist;
pub mod documents;
pub mod mrz;
pub mod personnummer;
pub mod record;

pub use checklist::{Checklist, Outcome, Reason, Role};
pub use documents::{CitizenshipGroup, DocumentKind, classify_mrz};
pub use record::CheckRecord;
