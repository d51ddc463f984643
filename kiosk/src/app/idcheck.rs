//! The ID-verification controller: role → citizenship group → document (typed or scanned
//! MRZ, or a chosen document kind and its dates) → checklist → outcome → save → cleared.
//!
//! Every judgement is core's ([`Checklist`]); this module only feeds it what staff enter.
//! The typed MRZ or dates live in memory only while staff type, are never stored, and are
//! wiped when the check is saved or cancelled.

use rekry_core::Date;
use rekry_core::Lang;
use rekry_core::idcheck::checklist::{
    Checklist, ChecklistError, EXTRACT_TYPES, ExtractKind, ItemKind, ItemState, MrzCheck, Reason, Requirement,
    RightToWorkEvidence, Role,
};
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
    /// The printed issue date of a document read from its MRZ, whose approval depends on it
    /// (the MRZ has no issue date). The MRZ waits in memory until then.
    MrzIssue,
}

/// A sheet over the checklist, where staff give the evidence or reason for one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// Which reason, when marking `kind` as `state` by hand.
    Reasons(ItemKind, ItemState),
    /// Which kind of criminal-record extract was shown.
    ExtractKind,
    /// The extract's issue date.
    ExtractDate(ExtractKind),
    /// Which document shows the right to work (or an exemption).
    WorkDocument,
    /// The right-to-work document's expiry date.
    WorkExpiry(DocumentKind),
    /// Whether it states the right to work in Sweden.
    WorkPermitted(DocumentKind, Date),
    /// Whether the employer's copy is in the personnel file.
    WorkCopy(DocumentKind, Date, bool),
}

/// One choice on a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetChoice {
    /// Stable id sent back by the UI.
    pub id: String,
    /// What the button says.
    pub label: String,
    /// A second line, or empty.
    pub detail: String,
}

/// What an item's buttons do; computed from core's rules for the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemActions {
    /// The label of the first button (record evidence, or pass).
    pub act: &'static str,
    /// Whether the first button can be used.
    pub can_act: bool,
    /// Whether the item can be failed.
    pub can_fail: bool,
    /// Whether the item can be marked not applicable.
    pub can_waive: bool,
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
    /// A scanned MRZ waiting for its document's issue date; wiped like `text`.
    pub mrz: String,
    /// The open sheet, if any.
    pub sheet: Option<Sheet>,
    /// What was typed on the sheet's keypad (a date).
    pub sheet_text: String,
    /// Feedback on the sheet, or a refusal from core.
    pub sheet_feedback: String,
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
            mrz: String::new(),
            sheet: None,
            sheet_text: String::new(),
            sheet_feedback: String::new(),
        }
    }
}

fn t(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    rekry_core::Text::new(sv, en).get(lang)
}

/// Overwrites a string's bytes before emptying it, so what was typed does not linger.
fn wipe(text: &mut String) {
    let len = text.len();
    text.clear();
    text.extend(std::iter::repeat_n(' ', len));
    text.clear();
}

/// What the item's buttons can do: the evidence items record evidence instead of a bare
/// "passed", and the reasons come from core ([`ItemKind::manual_reasons`]).
pub fn actions(kind: ItemKind, requirement: Requirement, fixed: bool, lang: Lang) -> ItemActions {
    let act = match kind {
        ItemKind::Identity => t(lang, "Byt handling", "Change document"),
        ItemKind::CriminalRecord => t(lang, "Registrera utdrag", "Record extract"),
        ItemKind::Licence => t(lang, "Finns i registret", "Found in register"),
        ItemKind::RightToWork => t(lang, "Registrera tillstånd", "Record permit"),
        _ => t(lang, "Godkänd", "Passed"),
    };
    let evidence =
        matches!(kind, ItemKind::Identity | ItemKind::CriminalRecord | ItemKind::Licence | ItemKind::RightToWork);
    ItemActions {
        act,
        can_act: !fixed && (evidence || !kind.manual_reasons(ItemState::Passed).is_empty()),
        can_fail: !fixed && !failure_choices(kind).is_empty(),
        can_waive: !fixed
            && requirement != Requirement::Required
            && !kind.manual_reasons(ItemState::NotApplicable).is_empty(),
    }
}

/// How an item can fail: a register look-up that found nothing, or core's manual reasons.
fn failure_choices(kind: ItemKind) -> Vec<Failure> {
    let mut v = Vec::new();
    if kind == ItemKind::Licence {
        v.push(Failure::NotInRegister);
    }
    v.extend(kind.manual_reasons(ItemState::Failed).iter().map(|&r| Failure::Reason(r)));
    v
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    NotInRegister,
    Reason(Reason),
}

impl Failure {
    fn id(self) -> String {
        match self {
            Failure::NotInRegister => "not-in-register".into(),
            Failure::Reason(r) => r.code().to_string(),
        }
    }
}

fn refusal(e: ChecklistError, lang: Lang) -> String {
    e.text().get(lang).into()
}

/// Records a look-up in the register the role's licence item names.
fn record_register(list: &mut Checklist, found: bool) -> Result<(), ChecklistError> {
    match list.spec(ItemKind::Licence).and_then(|s| s.register) {
        Some(register) => list.record_licence(register, found).map(|_| ()),
        None => Err(ChecklistError::WrongEvidence),
    }
}

impl IdCheckFlow {
    /// Everything forgotten: the next check starts from scratch.
    pub fn clear(&mut self) {
        wipe(&mut self.text);
        wipe(&mut self.mrz);
        wipe(&mut self.sheet_text);
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
            Entry::MrzIssue => format!(
                "{} {}",
                t(
                    lang,
                    "MRZ lästes. Den här handlingen godkänns efter utfärdandedatum, som inte finns i MRZ:",
                    "MRZ read. This document is approved by its issue date, which the MRZ does not hold:"
                ),
                t(lang, "skriv det tryckta utfärdandedatumet (ÅÅÅÅMMDD).", "type the printed issue date (YYYYMMDD).")
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
        wipe(&mut self.text);
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
                if item.reason == Reason::IssueDateMissing {
                    // Keep the MRZ (in memory only) until staff type the printed issue date.
                    self.mrz = std::mem::take(&mut self.text);
                    self.entry = Entry::MrzIssue;
                    self.feedback.clear();
                    self.error = false;
                } else if item.state == ItemState::Pending {
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
            Entry::MrzIssue => match parse_date(&self.text) {
                Some(issued) => {
                    let report = mrz::parse(&self.mrz, today);
                    list.apply_mrz(&report, Some(issued), today);
                    wipe(&mut self.mrz);
                    self.wipe_text();
                    self.entry = Entry::Mrz;
                    self.feedback.clear();
                    self.error = false;
                    self.step = Step::Checklist;
                }
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

    /// Staff press one of an item's buttons: `"act"` (record evidence or pass), `"failed"` or
    /// `"not-applicable"`. One possible reason is applied at once; several, or evidence to
    /// give, open a sheet. Returns core's refusal as a message, if any.
    pub fn press(&mut self, kind: ItemKind, button: &str, lang: Lang) -> Option<String> {
        let list = self.checklist.as_mut()?;
        self.sheet_feedback.clear();
        wipe(&mut self.sheet_text);
        let result = match button {
            "act" => match kind {
                ItemKind::Identity => {
                    self.step = Step::Document;
                    self.entry = Entry::Mrz;
                    Ok(())
                }
                ItemKind::CriminalRecord => {
                    self.sheet = Some(Sheet::ExtractKind);
                    Ok(())
                }
                ItemKind::Licence => record_register(list, true),
                ItemKind::RightToWork => {
                    self.sheet = Some(Sheet::WorkDocument);
                    Ok(())
                }
                _ => self.choose_or_sheet(kind, ItemState::Passed),
            },
            "failed" => {
                let choices = failure_choices(kind);
                match choices.as_slice() {
                    [only] => self.fail_with(kind, *only),
                    [] => Err(ChecklistError::ReasonNeedsEvidence),
                    _ => {
                        self.sheet = Some(Sheet::Reasons(kind, ItemState::Failed));
                        Ok(())
                    }
                }
            }
            _ => self.choose_or_sheet(kind, ItemState::NotApplicable),
        };
        result.err().map(|e| refusal(e, lang))
    }

    fn choose_or_sheet(&mut self, kind: ItemKind, state: ItemState) -> Result<(), ChecklistError> {
        match kind.manual_reasons(state) {
            [only] => self.apply_reason(kind, state, *only),
            [] => Err(ChecklistError::ReasonNeedsEvidence),
            _ => {
                self.sheet = Some(Sheet::Reasons(kind, state));
                Ok(())
            }
        }
    }

    fn apply_reason(&mut self, kind: ItemKind, state: ItemState, reason: Reason) -> Result<(), ChecklistError> {
        let list = self.checklist.as_mut().ok_or(ChecklistError::NoSuchItem)?;
        match state {
            ItemState::Passed => list.pass(kind, reason),
            ItemState::Failed => list.fail(kind, reason),
            ItemState::NotApplicable => list.not_applicable(kind, reason),
            ItemState::Pending => list.reset(kind),
        }
    }

    fn fail_with(&mut self, kind: ItemKind, failure: Failure) -> Result<(), ChecklistError> {
        let list = self.checklist.as_mut().ok_or(ChecklistError::NoSuchItem)?;
        match failure {
            Failure::NotInRegister => record_register(list, false),
            Failure::Reason(r) => list.fail(kind, r),
        }
    }

    /// The open sheet's title and the question it asks.
    pub fn sheet_title(&self, lang: Lang) -> (String, String) {
        let Some(sheet) = self.sheet else { return (String::new(), String::new()) };
        let item = |k: ItemKind| k.name().get(lang).to_string();
        match sheet {
            Sheet::Reasons(kind, ItemState::Failed) => (item(kind), t(lang, "Varför underkänd?", "Why failed?").into()),
            Sheet::Reasons(kind, ItemState::NotApplicable) => {
                (item(kind), t(lang, "Varför ej tillämplig?", "Why not applicable?").into())
            }
            Sheet::Reasons(kind, _) => (item(kind), t(lang, "Varför godkänd?", "Why passed?").into()),
            Sheet::ExtractKind => (
                item(ItemKind::CriminalRecord),
                t(
                    lang,
                    "Vilken typ av utdrag visades? (Typen står överst på utdraget.)",
                    "Which kind of extract was shown? (The kind is printed at the top of the extract.)",
                )
                .into(),
            ),
            Sheet::ExtractDate(kind) => (
                format!("{} · {}", item(ItemKind::CriminalRecord), kind.info().name.get(lang)),
                t(lang, "Skriv utdragets datum (ÅÅÅÅMMDD).", "Type the extract's date (YYYYMMDD).").into(),
            ),
            Sheet::WorkDocument => {
                (item(ItemKind::RightToWork), t(lang, "Vilken handling visades?", "Which document was shown?").into())
            }
            Sheet::WorkExpiry(doc) => (
                format!("{} · {}", item(ItemKind::RightToWork), doc.name().get(lang)),
                t(lang, "Skriv giltighetstiden (ÅÅÅÅMMDD).", "Type the expiry date (YYYYMMDD).").into(),
            ),
            Sheet::WorkPermitted(doc, _) => (
                format!("{} · {}", item(ItemKind::RightToWork), doc.name().get(lang)),
                t(
                    lang,
                    "Står det på handlingen att personen får arbeta i Sverige?",
                    "Does the document say the person may work in Sweden?",
                )
                .into(),
            ),
            Sheet::WorkCopy(doc, _, _) => (
                format!("{} · {}", item(ItemKind::RightToWork), doc.name().get(lang)),
                t(
                    lang,
                    "Finns arbetsgivarens kopia i personalakten? (Kiosken sparar ingen kopia.)",
                    "Is the employer's copy in the personnel file? (The kiosk keeps no copy.)",
                )
                .into(),
            ),
        }
    }

    /// Whether the open sheet asks for a date on its keypad.
    pub fn sheet_wants_date(&self) -> bool {
        matches!(self.sheet, Some(Sheet::ExtractDate(_) | Sheet::WorkExpiry(_)))
    }

    /// The open sheet's choices (empty for a date).
    pub fn sheet_choices(&self, lang: Lang) -> Vec<SheetChoice> {
        let choice = |id: String, label: &str, detail: String| SheetChoice { id, label: label.into(), detail };
        let yes_no = || {
            vec![
                choice("yes".into(), t(lang, "Ja", "Yes"), String::new()),
                choice("no".into(), t(lang, "Nej", "No"), String::new()),
            ]
        };
        let Some(sheet) = self.sheet else { return Vec::new() };
        let list = self.checklist.as_ref();
        match sheet {
            Sheet::Reasons(kind, ItemState::Failed) => failure_choices(kind)
                .into_iter()
                .map(|f| match f {
                    Failure::NotInRegister => {
                        let register = list.and_then(|l| l.spec(kind)).and_then(|s| s.register);
                        choice(
                            f.id(),
                            Reason::NotInRegister.text().get(lang),
                            register.map(|r| r.info().name.get(lang).to_string()).unwrap_or_default(),
                        )
                    }
                    Failure::Reason(r) => choice(f.id(), r.text().get(lang), String::new()),
                })
                .collect(),
            Sheet::Reasons(kind, state) => kind
                .manual_reasons(state)
                .iter()
                .map(|r| choice(r.code().to_string(), r.text().get(lang), String::new()))
                .collect(),
            Sheet::ExtractKind => {
                // The kind the role needs first; the others are there because candidates do
                // bring the wrong one, and core fails it as such.
                let wanted = list.and_then(|l| l.spec(ItemKind::CriminalRecord)).and_then(|s| s.extract);
                let mut kinds: Vec<ExtractKind> = wanted.into_iter().collect();
                kinds.extend(EXTRACT_TYPES.iter().map(|e| e.kind).filter(|k| Some(*k) != wanted));
                kinds
                    .into_iter()
                    .map(|k| {
                        let info = k.info();
                        let detail = if Some(k) == wanted {
                            format!(
                                "{} · {}",
                                t(lang, "rätt typ för rollen", "the right kind for the role"),
                                max_age(info.max_age_months, lang)
                            )
                        } else {
                            t(lang, "annan typ", "another kind").to_string()
                        };
                        choice(k.id().into(), info.name.get(lang), detail)
                    })
                    .collect()
            }
            Sheet::WorkDocument => {
                let mut v: Vec<SheetChoice> = DocumentKind::ALL
                    .iter()
                    .filter(|d| d.shows_right_to_work())
                    .map(|d| choice(d.id().into(), d.name().get(lang), String::new()))
                    .collect();
                v.push(choice(
                    DocumentKind::OtherPassport.id().into(),
                    t(lang, "Bara pass, utan uppehållstillstånd", "A passport only, without a residence permit"),
                    String::new(),
                ));
                v.push(choice(
                    Reason::ExemptFromWorkPermit.code().to_string(),
                    Reason::ExemptFromWorkPermit.text().get(lang),
                    t(lang, "anteckna grunden i ärendet", "note the grounds in the case file").into(),
                ));
                v
            }
            Sheet::WorkPermitted(..) | Sheet::WorkCopy(..) => yes_no(),
            Sheet::ExtractDate(_) | Sheet::WorkExpiry(_) => Vec::new(),
        }
    }

    /// A choice on the sheet; core's refusal, if any, goes to `sheet_feedback`.
    pub fn sheet_choose(&mut self, id: &str, today: Date, lang: Lang) {
        let Some(sheet) = self.sheet else { return };
        self.sheet_feedback.clear();
        let result = match sheet {
            Sheet::Reasons(kind, ItemState::Failed) => match failure_choices(kind).into_iter().find(|f| f.id() == id) {
                Some(f) => self.fail_with(kind, f).map(|()| self.sheet = None),
                None => return,
            },
            Sheet::Reasons(kind, state) => {
                match kind.manual_reasons(state).iter().find(|r| r.code().to_string() == id) {
                    Some(&r) => self.apply_reason(kind, state, r).map(|()| self.sheet = None),
                    None => return,
                }
            }
            Sheet::ExtractKind => match EXTRACT_TYPES.iter().find(|e| e.kind.id() == id) {
                Some(e) => {
                    self.sheet = Some(Sheet::ExtractDate(e.kind));
                    Ok(())
                }
                None => return,
            },
            Sheet::WorkDocument => {
                if id == Reason::ExemptFromWorkPermit.code().to_string() {
                    self.apply_reason(ItemKind::RightToWork, ItemState::Passed, Reason::ExemptFromWorkPermit)
                        .map(|()| self.sheet = None)
                } else {
                    match DocumentKind::from_id(id) {
                        Some(doc) => {
                            self.sheet = Some(Sheet::WorkExpiry(doc));
                            Ok(())
                        }
                        None => return,
                    }
                }
            }
            Sheet::WorkPermitted(doc, expiry) => {
                self.sheet = Some(Sheet::WorkCopy(doc, expiry, id == "yes"));
                Ok(())
            }
            Sheet::WorkCopy(doc, expiry, permitted) => {
                let evidence = RightToWorkEvidence {
                    document: doc,
                    expiry_date: expiry,
                    work_permitted: permitted,
                    copy_in_personnel_file: id == "yes",
                };
                match self.checklist.as_mut() {
                    Some(list) => list.record_right_to_work(&evidence, today).map(|_| self.sheet = None),
                    None => Err(ChecklistError::NoSuchItem),
                }
            }
            Sheet::ExtractDate(_) | Sheet::WorkExpiry(_) => return,
        };
        self.refused(result, lang);
    }

    /// Core's refusal, if any, shown on the sheet, which stays open.
    fn refused(&mut self, result: Result<(), ChecklistError>, lang: Lang) {
        if let Err(e) = result {
            self.sheet_feedback = refusal(e, lang);
        }
    }

    /// A key on the sheet's keypad: digits and `-` only.
    pub fn sheet_key(&mut self, text: &str) {
        for c in text.chars() {
            if (c.is_ascii_digit() || c == '-') && self.sheet_text.len() < 10 {
                self.sheet_text.push(c);
            }
        }
        self.sheet_feedback.clear();
    }

    /// Erases the last character on the sheet's keypad.
    pub fn sheet_erase(&mut self) {
        self.sheet_text.pop();
    }

    /// Uses the date typed on the sheet; a bad date or core's refusal goes to `sheet_feedback`.
    pub fn sheet_done(&mut self, today: Date, lang: Lang) {
        let Some(sheet) = self.sheet else { return };
        let Some(date) = parse_date(&self.sheet_text) else {
            self.sheet_feedback =
                t(lang, "Skriv datumet som ÅÅÅÅMMDD, t.ex. 20260315.", "Type the date as YYYYMMDD, e.g. 20260315.")
                    .into();
            return;
        };
        wipe(&mut self.sheet_text);
        match sheet {
            Sheet::ExtractDate(kind) => {
                let result = match self.checklist.as_mut() {
                    Some(list) => list.record_extract(kind, date, today).map(|_| self.sheet = None),
                    None => Err(ChecklistError::NoSuchItem),
                };
                self.refused(result, lang);
            }
            Sheet::WorkExpiry(doc) => self.sheet = Some(Sheet::WorkPermitted(doc, date)),
            _ => {}
        }
    }

    /// Closes the sheet without changing the item.
    pub fn sheet_cancel(&mut self) {
        wipe(&mut self.sheet_text);
        self.sheet_feedback.clear();
        self.sheet = None;
    }

    /// Goes to the outcome.
    pub fn to_outcome(&mut self) {
        self.sheet_cancel();
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
            wipe(&mut self.mrz);
        }
        self.sheet_cancel();
    }

    /// The record to save: core's, and nothing else.
    pub fn record(&self, today: Date) -> Option<CheckRecord> {
        self.checklist.as_ref().map(|l| l.finish(today))
    }
}

fn max_age(months: u8, lang: Lang) -> String {
    match (months, lang) {
        (12, Lang::Sv) => "högst ett år gammalt".into(),
        (12, _) => "at most one year old".into(),
        (m, Lang::Sv) => format!("högst {m} månader gammalt"),
        (m, _) => format!("at most {m} months old"),
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
