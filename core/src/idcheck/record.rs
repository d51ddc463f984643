//! The record of a finished check.
//!
//! A [`CheckRecord`] is what the kiosk keeps after an ID check. By its type it cannot hold a
//! document number, MRZ text, personnummer, name or image: every field is an enum from the
//! catalogue, a [`Date`] or a fixed-capacity list of such. There is no string field, so
//! nothing personal can be smuggled in. A criminal-record extract is sighted, not kept: the
//! record notes only its type, its issue date and the day it was shown (DESIGN.md, "ID
//! verification"; GDPR art. 5(1)(c) data minimisation).
//!
//! With the `serde` feature the record encodes with postcard and JSON. Enums encode as their
//! kebab-case ids in JSON and as variant indices in postcard; variants are only ever appended.
//!
//! ```
//! use rekry_core::Date;
//! use rekry_core::idcheck::checklist::{Checklist, ItemKind, ItemState, Outcome, Role};
//! use rekry_core::idcheck::documents::CitizenshipGroup;
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! let list = Checklist::new(Role::Nurse, CitizenshipGroup::EuEeaSwiss, today);
//! let record = list.finish(today);
//! assert_eq!(record.outcome, Outcome::Incomplete);
//! assert_eq!(record.item(ItemKind::RightToWork).map(|i| i.state), Some(ItemState::NotApplicable));
//! assert!(record.document.is_none());
//! ```

use heapless::Vec;

use crate::date::Date;
use crate::idcheck::checklist::{ExtractKind, Item, ItemKind, MAX_ITEMS, Outcome, Role};
use crate::idcheck::documents::DocumentKind;

/// A note that a criminal-record extract was shown. The extract itself is handed back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtractSighting {
    /// The type of extract.
    pub kind: ExtractKind,
    /// The extract's issue date.
    pub issued_on: Date,
    /// The day it was shown to staff.
    pub shown_on: Date,
}

/// The record of a finished check: role, document kind, items with states and reasons,
/// outcome, date, and the extract sighting. Nothing in it identifies the candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CheckRecord {
    /// The role checked for.
    pub role: Role,
    /// The kind of identity document shown, if any.
    pub document: Option<DocumentKind>,
    /// Every item with its requirement, state and reason.
    pub items: Vec<Item, MAX_ITEMS>,
    /// The outcome when the check was finished.
    pub outcome: Outcome,
    /// The day the check was finished.
    pub checked_on: Date,
    /// The criminal-record extract shown, if any.
    pub extract: Option<ExtractSighting>,
}

impl CheckRecord {
    /// The item of this kind, if the record has it.
    pub fn item(&self, kind: ItemKind) -> Option<&Item> {
        self.items.iter().find(|i| i.kind == kind)
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    extern crate std;
    use super::*;
    use crate::idcheck::checklist::{ItemState, Reason, Requirement};

    #[test]
    fn json_round_trip() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut items = Vec::new();
        items
            .push(Item {
                kind: ItemKind::Identity,
                requirement: Requirement::Required,
                state: ItemState::Passed,
                reason: Reason::DocumentApproved,
            })
            .unwrap();
        let record = CheckRecord {
            role: Role::HvbStaffChildren,
            document: Some(DocumentKind::SwedishPassport),
            items,
            outcome: Outcome::Incomplete,
            checked_on: today,
            extract: Some(ExtractSighting {
                kind: ExtractKind::HvbChildren,
                issued_on: today.add_months(-2),
                shown_on: today,
            }),
        };
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.contains("\"hvb-staff-children\""), "{json}");
        let back: CheckRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }
}
