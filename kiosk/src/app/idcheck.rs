//! The ID-verification controller: role → citizenship group → document (typed or scanned
//! MRZ, or a chosen document kind and its dates) → checklist → outcome → save → cleared.
//!
//! Every judgement is core's ([`Checklist`]); this module only feeds it what staff enter.
//! The typed MRZ or dates live in memory only while staff type, are never stored, and are
//! wiped when the check is saved or cancelled.

use rekry_core::Date;
use rekry_core::Lang;
use rekry_core::idcheck::checklist::{Checklist, ItemKind, ItemState, MrzCheck, Reason, Role};
use rekry_core::idcheck::documents::{CitizenshipGroup, DocumentKind};
use rekry_core::idcheck::mrz;
use rekry_core::idcheck::record::CheckRecord;

/// Where the check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Choose the role.
    Role,
    /// Choose the citizenship group.
    Group,
    /// Type or scan the MRZ, or choose a document kind.
    Document,
    /// Mark each item.
    Checklist,
    /// See the outcome and save.
    Outcome,
    /// Saved; the screen is cleared.
    Saved,
}

/// What the keyboard types into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The machine-readable zone.
    Mrz,
    /// The expiry date of a chosen document.
    Expiry(DocumentKind),
    /// The issue date of a chosen document whose approval depends on it.
    Issue(DocumentKind, Date),
}

/// The longest text the keyboard accepts (a TD3 MRZ is 2×44 plus a line break).
pub const MAX_ENTRY: usize = 100;

/// The state of one ID check.
#[derive(Debug, Clone)]
pub struct IdCheckFlow {
    /// Current step.
    pub step: Step,
    /// The role, once chosen.
    pub role: Option<Role>,
    /// The group, once chosen.
    pub group: Option<CitizenshipGroup>,
    /// The checklist, from the group step on.
    pub checklist: Option<Checklist>,
    /// What the keyboard types into.
    pub entry: Entry,
    /// What was typed; wiped on save and cancel.
    pub text: String,
    /// Feedback on the typed text.
    pub feedback: String,
    /// Whether the feedback is an error.
    pub error: bool,
}

impl Default for IdCheckFlow {
    fn default() -> Self {
        IdCheckFlow {
            step: Step::Role,
            role: None,
            group: None,
            checklist: None,
            entry: Entry::Mrz,
            text: String::new(),
            feedback: String::new(),
            error: false,
        }
    }
}

fn t(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    rekry_core::Text::new(sv, en).get(lang)
}

/// The reason given when staff mark an item passed or failed by hand.
pub fn manual_reason(kind: ItemKind, passed: bool) -> Reason {
    match (kind, passed) {
        (ItemKind::Identity, true) => Reason::DocumentApproved,
        (ItemKind::Identity, false) => Reason::DocumentNotApproved,
        (ItemKind::CriminalRecord, true) => Reason::ExtractValid,
        (ItemKind::CriminalRecord, false) => Reason::NotShown,
        (ItemKind::Licence, true) => Reason::InRegister,
        (ItemKind::Licence, false) => Reason::NotInRegister,
        (ItemKind::Diploma, true) => Reason::DiplomaVerified,
        (ItemKind::Diploma, false) => Reason::DiplomaNotVerified,
        (ItemKind::RightToWork, true) => Reason::RightToWorkShown,
        (ItemKind::RightToWork, false) => Reason::NoRightToWork,
        (ItemKind::References, true) => Reason::ReferencesTaken,
        (ItemKind::References, false) => Reason::ReferencesNegative,
        (ItemKind::SwedishLanguage, true) => Reason::InformationGiven,
        (ItemKind::SwedishLanguage, false) => Reason::NotShown,
    }
}

impl IdCheckFlow {
    /// Everything forgotten: the next check starts from scratch.
    pub fn clear(&mut self) {
        // Overwrite the typed text before dropping it.
        let len = self.text.len();
        self.text.clear();
        self.text.extend(std::iter::repeat_n(' ', len));
        *self = IdCheckFlow::default();
    }

    /// The entry prompt for the current entry.
    pub fn prompt(&self, lang: Lang) -> String {
        match self.entry {
            Entry::Mrz => t(
                lang,
                "Skanna eller skriv av MRZ-raderna (nedtill på id-sidan), eller välj handlingstyp till vänster.",
                "Scan or type the MRZ lines (at the bottom of the ID page), or choose the document type on the left.",
            )
            .into(),
            Entry::Expiry(kind) => format!(
                "{}: {}",
                kind.name().get(lang),
                t(lang, "skriv giltighetstiden (ÅÅÅÅMMDD)", "type the expiry date (YYYYMMDD)")
            ),
            Entry::Issue(kind, _) => format!(
                "{}: {}",
                kind.name().get(lang),
                t(lang, "skriv utfärdandedatum (ÅÅÅÅMMDD)", "type the issue date (YYYYMMDD)")
            ),
        }
    }

    /// Chooses the role.
    pub fn choose_role(&mut self, role: Role) {
        self.role = Some(role);
        self.step = Step::Group;
    }

    /// Chooses the group and opens the checklist.
    pub fn choose_group(&mut self, group: CitizenshipGroup, today: Date) {
        if let Some(role) = self.role {
            self.group = Some(group);
            self.checklist = Some(Checklist::new(role, group, today));
            self.entry = Entry::Mrz;
            self.step = Step::Document;
        }
    }

    /// Chooses a document kind to enter by hand (its dates follow on the keyboard).
    pub fn choose_document(&mut self, kind: DocumentKind) {
        self.wipe_text();
        self.entry = Entry::Expiry(kind);
        self.feedback.clear();
        self.error = false;
    }

    fn wipe_text(&mut self) {
        let len = self.text.len();
        self.text.clear();
        self.text.extend(std::iter::repeat_n(' ', len));
        self.text.clear();
    }

    /// A key from the on-screen keyboard or a scanner. Control characters other than a line
    /// break are ignored; what is typed is kept as typed, so core can report lower case or
    /// OCR confusions instead of having them guessed away.
    pub fn key(&mut self, text: &str) {
        for c in text.chars() {
            if self.text.chars().count() >= MAX_ENTRY {
                break;
            }
            match c {
                '\r' | '\n' => {
                    if !self.text.is_empty() && !self.text.ends_with('\n') {
                        self.text.push('\n');
                    }
                }
                c if c.is_control() => {}
                c => self.text.push(c),
            }
        }
        self.error = false;
        self.feedback.clear();
    }

    /// Erases the last character.
    pub fn erase(&mut self) {
        self.text.pop();
    }

    /// Clears what was typed.
    pub fn clear_text(&mut self) {
        self.wipe_text();
        self.feedback.clear();
        self.error = false;
    }

    /// Uses what was typed: parses the MRZ (or date) and applies it to the checklist.
    pub fn done(&mut self, today: Date, lang: Lang) {
        let Some(list) = self.checklist.as_mut() else { return };
        match self.entry {
            Entry::Mrz => {
                let report = mrz::parse(&self.text, today);
                let item = list.apply_mrz(&report, None, today);
                if item.state == ItemState::Pending {
                    // Unreadable: say why, keep the text for staff to fix.
                    let mut msg = String::from(item.reason.text().get(lang));
                    for issue in report.issues.iter().take(3) {
                        msg.push_str(" · ");
                        if issue.line > 0 {
                            msg.push_str(&format!("{} {}: ", t(lang, "rad", "line"), issue.line));
                        }
                        msg.push_str(issue.kind.text().get(lang));
                    }
                    self.feedback = msg;
                    self.error = true;
                } else {
                    self.wipe_text();
                    self.feedback.clear();
                    self.error = false;
                    self.step = Step::Checklist;
                }
            }
            Entry::Expiry(kind) => match parse_date(&self.text) {
                Some(expiry) if kind.info().issued_from.is_some() => {
                    self.wipe_text();
                    self.entry = Entry::Issue(kind, expiry);
                }
                Some(expiry) => {
                    self.record_document(kind, None, expiry, today);
                }
                None => self.bad_date(lang),
            },
            Entry::Issue(kind, expiry) => match parse_date(&self.text) {
                Some(issued) => self.record_document(kind, Some(issued), expiry, today),
                None => self.bad_date(lang),
            },
        }
    }

    fn bad_date(&mut self, lang: Lang) {
        self.feedback =
            t(lang, "Skriv datumet som ÅÅÅÅMMDD, t.ex. 20300131.", "Type the date as YYYYMMDD, e.g. 20300131.").into();
        self.error = true;
    }

    fn record_document(&mut self, kind: DocumentKind, issued: Option<Date>, expiry: Date, today: Date) {
        if let Some(list) = self.checklist.as_mut() {
            let evidence = rekry_core::idcheck::checklist::DocumentEvidence {
                kind,
                issue_date: issued,
                expiry_date: expiry,
                mrz: MrzCheck::NotRead,
            };
            list.record_identity_document(&evidence, today);
        }
        self.wipe_text();
        self.entry = Entry::Mrz;
        self.feedback.clear();
        self.error = false;
        self.step = Step::Checklist;
    }

    /// Staff mark an item. Returns core's refusal as a message, if any.
    pub fn mark(&mut self, kind: ItemKind, state: &str, lang: Lang) -> Option<String> {
        let list = self.checklist.as_mut()?;
        let result = match state {
            "passed" => list.pass(kind, manual_reason(kind, true)),
            "failed" => list.fail(kind, manual_reason(kind, false)),
            _ => list.not_applicable(kind, Reason::NotRequiredByEmployer),
        };
        result.err().map(|e| match e {
            rekry_core::idcheck::checklist::ChecklistError::Required => t(
                lang,
                "Ett obligatoriskt krav kan inte markeras som ej tillämpligt.",
                "A required check cannot be marked not applicable.",
            )
            .into(),
            rekry_core::idcheck::checklist::ChecklistError::NotApplicable => {
                t(lang, "Den här kontrollen gäller inte för kandidaten.", "This check does not apply to the candidate.")
                    .into()
            }
            other => other.to_string(),
        })
    }

    /// Goes to the outcome.
    pub fn to_outcome(&mut self) {
        if self.checklist.is_some() {
            self.step = Step::Outcome;
        }
    }

    /// One step back.
    pub fn back(&mut self) {
        self.step = match self.step {
            Step::Role | Step::Group => Step::Role,
            Step::Document => Step::Group,
            Step::Checklist => Step::Document,
            Step::Outcome => Step::Checklist,
            Step::Saved => Step::Saved,
        };
        if self.step == Step::Document {
            self.entry = Entry::Mrz;
        }
    }

    /// The record to save: core's, and nothing else.
    pub fn record(&self, today: Date) -> Option<CheckRecord> {
        self.checklist.as_ref().map(|l| l.finish(today))
    }
}

/// `YYYYMMDD` or `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y = digits[0..4].parse().ok()?;
    let m = digits[4..6].parse().ok()?;
    let d = digits[6..8].parse().ok()?;
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_document_flow_clears_text() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut f = IdCheckFlow::default();
        f.choose_role(Role::Administrator);
        f.choose_group(CitizenshipGroup::Swedish, today);
        f.choose_document(DocumentKind::SwedishDrivingLicence);
        f.key("20300131");
        f.done(today, Lang::En);
        assert_eq!(f.step, Step::Checklist);
        assert!(f.text.is_empty());
        let list = f.checklist.as_ref().unwrap();
        assert_eq!(list.item(ItemKind::Identity).unwrap().state, ItemState::Passed);
    }

    #[test]
    fn bad_mrz_stays_with_feedback() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut f = IdCheckFlow::default();
        f.choose_role(Role::Administrator);
        f.choose_group(CitizenshipGroup::Swedish, today);
        f.key("P<SWEGARBAGE");
        f.done(today, Lang::En);
        assert_eq!(f.step, Step::Document);
        assert!(f.error);
        assert!(!f.feedback.is_empty());
    }
}
