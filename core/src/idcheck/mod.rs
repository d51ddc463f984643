//! Identity and pre-employment checks at interview.
//!
//! "Godkänd ID-handling kontrolleras alltid i samband med intervju" — an approved identity
//! document is always checked at interview (Stockholm stad, verksamhetsberättelse §15). This
//! module holds the approved documents, the machine-readable zone (MRZ) of passports and ID
//! cards, Swedish personal identity numbers, the checks each role requires, and the record of a
//! finished check, which by construction holds nothing that identifies the candidate.

pub mod checklist;
pub mod documents;
pub mod mrz;
pub mod personnummer;
pub mod record;
