//! Role checklists, document rules and check records: real cases.

use proptest::prelude::*;
use rekry_core::Date;
use rekry_core::idcheck::checklist::{
    Checklist, ChecklistError, DocumentEvidence, ExtractKind, ItemKind, ItemState, MrzCheck, Outcome, ROLE_PROFILES,
    Reason, Register, Requirement, RightToWorkEvidence, Role, Warning,
};
use rekry_core::idcheck::documents::{
    CitizenshipGroup, DOCUMENTS, DocumentKind, EU_EEA_SWISS_STATES, SwedishNumberFormat, classify_mrz,
    document_acceptable, swedish_document_number_format,
};
use rekry_core::idcheck::mrz;

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 23)
}

use CitizenshipGroup::{EuEeaSwiss, Other, Swedish};
use ItemKind::{CriminalRecord, Diploma, Identity, Licence, References, RightToWork, SwedishLanguage};
use Requirement::{Informative, Optional, Required};

fn id_card(expiry: Date) -> DocumentEvidence {
    DocumentEvidence {
        kind: DocumentKind::SwedishNationalIdCard,
        issue_date: None,
        expiry_date: expiry,
        mrz: MrzCheck::Valid,
    }
}

fn kinds(list: &Checklist) -> Vec<(ItemKind, Requirement)> {
    list.items().iter().map(|i| (i.kind, i.requirement)).collect()
}

/// A role, its id and its items with their requirements.
type Profile = (Role, &'static str, &'static [(ItemKind, Requirement)]);

#[test]
fn every_role_profile_has_its_items() {
    let expected: [Profile; 12] = [
        (
            Role::PreschoolTeacher,
            "preschool-teacher",
            &[
                (Identity, Required),
                (CriminalRecord, Required),
                (Licence, Required),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::Teacher,
            "teacher",
            &[
                (Identity, Required),
                (CriminalRecord, Required),
                (Licence, Required),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::AfterSchoolStaff,
            "after-school-staff",
            &[
                (Identity, Required),
                (CriminalRecord, Required),
                (Diploma, Optional),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::LssAssistantChildren,
            "lss-assistant-children",
            &[
                (Identity, Required),
                (CriminalRecord, Required),
                (Diploma, Optional),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::HvbStaffChildren,
            "hvb-staff-children",
            &[
                (Identity, Required),
                (CriminalRecord, Required),
                (Diploma, Optional),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::HomeCareStaff,
            "home-care-staff",
            &[
                (Identity, Required),
                (CriminalRecord, Optional),
                (Diploma, Optional),
                (RightToWork, Required),
                (References, Required),
                (SwedishLanguage, Informative),
            ],
        ),
        (
            Role::AssistantNurse,
            "assistant-nurse",
            &[
                (Identity, Required),
                (CriminalRecord, Optional),
                (Licence, Required),
                (RightToWork, Required),
                (References, Required),
                (SwedishLanguage, Informative),
            ],
        ),
        (
            Role::Nurse,
            "nurse",
            &[(Identity, Required), (Licence, Required), (RightToWork, Required), (References, Required)],
        ),
        (
            Role::Physician,
            "physician",
            &[(Identity, Required), (Licence, Required), (RightToWork, Required), (References, Required)],
        ),
        (
            Role::SocialWorker,
            "social-worker",
            &[(Identity, Required), (Diploma, Required), (RightToWork, Required), (References, Required)],
        ),
        (
            Role::SeniorManager,
            "senior-manager",
            &[
                (Identity, Required),
                (CriminalRecord, Optional),
                (Diploma, Optional),
                (RightToWork, Required),
                (References, Required),
            ],
        ),
        (
            Role::Administrator,
            "administrator",
            &[(Identity, Required), (Diploma, Optional), (RightToWork, Required), (References, Required)],
        ),
    ];
    assert_eq!(ROLE_PROFILES.len(), expected.len());
    for (role, id, items) in expected {
        assert_eq!(role.id(), id);
        assert_eq!(Role::from_id(id), Some(role));
        assert!(!role.name().sv.is_empty() && !role.name().en.is_empty());
        let list = Checklist::new(role, Other, today());
        assert_eq!(kinds(&list), items, "{id}");
        for spec in role.profile().items {
            assert!(!spec.source.is_empty(), "{id} {:?}", spec.kind);
        }
    }
    assert_eq!(Role::from_id("Teacher"), None);
    assert_eq!(Role::from_id(""), None);
}

#[test]
fn extract_and_register_rules_per_role() {
    let extract = |r: Role| r.profile().items.iter().find_map(|s| s.extract);
    let register = |r: Role| r.profile().items.iter().find_map(|s| s.register);
    assert_eq!(extract(Role::Teacher), Some(ExtractKind::School));
    assert_eq!(extract(Role::PreschoolTeacher), Some(ExtractKind::School));
    assert_eq!(extract(Role::AfterSchoolStaff), Some(ExtractKind::School));
    assert_eq!(extract(Role::LssAssistantChildren), Some(ExtractKind::LssChildren));
    assert_eq!(extract(Role::HvbStaffChildren), Some(ExtractKind::HvbChildren));
    assert_eq!(extract(Role::HomeCareStaff), Some(ExtractKind::ElderlyOrDisabilityCare));
    assert_eq!(extract(Role::SeniorManager), Some(ExtractKind::SeniorMunicipalPost));
    assert_eq!(extract(Role::Nurse), None);
    assert_eq!(ExtractKind::School.info().max_age_months, 12);
    assert_eq!(ExtractKind::LssChildren.info().max_age_months, 12);
    assert_eq!(ExtractKind::HvbChildren.info().max_age_months, 6);
    assert_eq!(register(Role::Teacher), Some(Register::Skolverket));
    assert_eq!(register(Role::PreschoolTeacher), Some(Register::Skolverket));
    assert_eq!(register(Role::Nurse), Some(Register::Socialstyrelsen));
    assert_eq!(register(Role::Physician), Some(Register::Socialstyrelsen));
    assert_eq!(register(Role::AssistantNurse), Some(Register::Socialstyrelsen));
}

#[test]
fn right_to_work_only_outside_eu() {
    for group in [Swedish, EuEeaSwiss] {
        let list = Checklist::new(Role::Administrator, group, today());
        let item = list.item(RightToWork).unwrap();
        assert_eq!((item.state, item.reason), (ItemState::NotApplicable, Reason::FreeMovement));
    }
    let list = Checklist::new(Role::Administrator, Other, today());
    assert_eq!(list.item(RightToWork).unwrap().state, ItemState::Pending);

    let mut eu = Checklist::new(Role::Administrator, EuEeaSwiss, today());
    let ev = RightToWorkEvidence {
        document: DocumentKind::ResidencePermitCard,
        expiry_date: d(2028, 1, 1),
        work_permitted: true,
        copy_in_personnel_file: true,
    };
    assert_eq!(eu.record_right_to_work(&ev, today()), Err(ChecklistError::NotApplicable));
    assert_eq!(eu.pass(RightToWork, Reason::CheckedByStaff), Err(ChecklistError::NotApplicable));
}

#[test]
fn verified_rejected_incomplete_with_deciding_items() {
    let t = today();
    let mut list = Checklist::new(Role::Nurse, Swedish, t);
    let decision = list.decision();
    assert_eq!(decision.outcome, Outcome::Incomplete);
    assert_eq!(decision.deciding.as_slice(), [Identity, Licence, References]);

    list.record_identity_document(&id_card(d(2030, 1, 1)), t);
    list.record_licence(Register::Socialstyrelsen, true).unwrap();
    assert_eq!(list.decision().deciding.as_slice(), [References]);
    list.pass(References, Reason::ReferencesTaken).unwrap();
    let decision = list.decision();
    assert_eq!(decision.outcome, Outcome::Verified);
    assert_eq!(decision.deciding.as_slice(), [Identity, Licence, References]);

    // One failure rejects, even with another item pending.
    list.reset(References).unwrap();
    list.record_licence(Register::Socialstyrelsen, false).unwrap();
    let decision = list.decision();
    assert_eq!(decision.outcome, Outcome::Rejected);
    assert_eq!(decision.deciding.as_slice(), [Licence]);
    assert_eq!(list.item(Licence).unwrap().reason, Reason::NotInRegister);
}

#[test]
fn wrong_register_and_missing_items_are_refused() {
    let mut list = Checklist::new(Role::Teacher, Swedish, today());
    assert_eq!(list.record_licence(Register::Socialstyrelsen, true), Err(ChecklistError::WrongEvidence));
    assert_eq!(list.item(Licence).unwrap().state, ItemState::Pending);
    assert_eq!(list.pass(Diploma, Reason::DiplomaVerified), Err(ChecklistError::NoSuchItem));
    assert_eq!(list.not_applicable(Licence, Reason::SeeCaseFile), Err(ChecklistError::Required));
    assert_eq!(list.not_applicable(Identity, Reason::SeeCaseFile), Err(ChecklistError::Required));
    let mut admin = Checklist::new(Role::Administrator, Swedish, today());
    assert_eq!(admin.record_licence(Register::Skolverket, true), Err(ChecklistError::NoSuchItem));
    assert_eq!(admin.record_extract(ExtractKind::School, today(), today()), Err(ChecklistError::NoSuchItem));
}

#[test]
fn expired_document_fails_identity() {
    let t = today();
    let mut list = Checklist::new(Role::Administrator, Swedish, t);
    let item = list.record_identity_document(&id_card(d(2026, 11, 22)), t);
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::DocumentExpired));
    assert_eq!(list.outcome(), Outcome::Rejected);
    // Valid through its expiry day, with a warning when it is close.
    let item = list.record_identity_document(&id_card(t), t);
    assert_eq!((item.state, item.reason), (ItemState::Passed, Reason::DocumentApproved));
    assert!(list.warnings().contains(&Warning::DocumentExpiresSoon));
}

#[test]
fn failed_or_unreadable_mrz_fails_identity() {
    let t = today();
    let mut list = Checklist::new(Role::Administrator, Swedish, t);
    let mut ev = id_card(d(2030, 1, 1));
    ev.mrz = MrzCheck::CheckDigitFailed;
    assert_eq!(list.record_identity_document(&ev, t).reason, Reason::MrzCheckFailed);
    ev.mrz = MrzCheck::Unreadable;
    assert_eq!(list.record_identity_document(&ev, t).reason, Reason::MrzUnreadable);
    ev.mrz = MrzCheck::NotRead;
    ev.kind = DocumentKind::SwedishDrivingLicence;
    assert_eq!(list.record_identity_document(&ev, t).state, ItemState::Passed);
    assert_eq!(list.document(), Some(DocumentKind::SwedishDrivingLicence));
    assert!(list.warnings().contains(&Warning::DocumentKindDiffers));
}

#[test]
fn eu_documents_and_issue_dates() {
    use DocumentKind::{EuEeaSwissPassport as EuPass, EuNationalIdCard as EuId};
    assert_eq!(document_acceptable(EuPass, EuEeaSwiss, Some(d(2005, 12, 1))), Err(Reason::IssuedBeforeCutoff));
    assert_eq!(document_acceptable(EuPass, EuEeaSwiss, Some(d(2006, 8, 31))), Err(Reason::IssuedBeforeCutoff));
    assert_eq!(document_acceptable(EuPass, EuEeaSwiss, Some(d(2006, 9, 1))), Ok(()));
    assert_eq!(document_acceptable(EuPass, EuEeaSwiss, None), Err(Reason::IssueDateMissing));
    assert_eq!(document_acceptable(EuPass, Other, Some(d(2020, 1, 1))), Err(Reason::DocumentNotForCitizenship));
    assert_eq!(document_acceptable(EuPass, Swedish, Some(d(2020, 1, 1))), Ok(()));
    assert_eq!(document_acceptable(EuId, EuEeaSwiss, Some(d(2021, 8, 1))), Err(Reason::IssuedBeforeCutoff));
    assert_eq!(document_acceptable(EuId, EuEeaSwiss, Some(d(2021, 8, 2))), Ok(()));
    assert_eq!(document_acceptable(DocumentKind::SwedishPassport, Other, None), Ok(()));
    assert_eq!(document_acceptable(DocumentKind::SkatteverketIdCard, Other, None), Ok(()));
    assert_eq!(
        document_acceptable(DocumentKind::SwedishProvisionalPassport, Swedish, None),
        Err(Reason::DocumentNotApproved)
    );
    assert_eq!(document_acceptable(DocumentKind::OtherPassport, Other, None), Err(Reason::DocumentNotApproved));
    assert_eq!(
        document_acceptable(DocumentKind::EeaSwissNationalIdCard, EuEeaSwiss, None),
        Err(Reason::DocumentNotApproved)
    );

    // A German passport issued in 2005, still within its validity, is rejected at the desk.
    let t = today();
    let mut list = Checklist::new(Role::Administrator, EuEeaSwiss, t);
    let ev = DocumentEvidence {
        kind: EuPass,
        issue_date: Some(d(2005, 3, 1)),
        expiry_date: d(2027, 1, 1),
        mrz: MrzCheck::Valid,
    };
    let item = list.record_identity_document(&ev, t);
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::IssuedBeforeCutoff));
    assert_eq!(list.outcome(), Outcome::Rejected);
    let ev = DocumentEvidence { issue_date: Some(d(2019, 3, 1)), ..ev };
    assert_eq!(list.record_identity_document(&ev, t).state, ItemState::Passed);
    let ev = DocumentEvidence { issue_date: Some(d(2027, 3, 1)), ..ev };
    assert_eq!(list.record_identity_document(&ev, t).reason, Reason::DateInFuture);
}

#[test]
fn residence_permit_card_is_not_id_but_shows_right_to_work() {
    let t = today();
    let mut list = Checklist::new(Role::Administrator, Other, t);
    let ut = DocumentEvidence {
        kind: DocumentKind::ResidencePermitCard,
        issue_date: Some(d(2025, 1, 1)),
        expiry_date: d(2028, 1, 1),
        mrz: MrzCheck::Valid,
    };
    let item = list.record_identity_document(&ut, t);
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::NotAnIdentityDocument));

    let mut ev = RightToWorkEvidence {
        document: DocumentKind::ResidencePermitCard,
        expiry_date: d(2028, 1, 1),
        work_permitted: true,
        copy_in_personnel_file: false,
    };
    let item = list.record_right_to_work(&ev, t).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::Pending, Reason::CopyNotFiled));
    ev.copy_in_personnel_file = true;
    let item = list.record_right_to_work(&ev, t).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::Passed, Reason::RightToWorkShown));
    ev.work_permitted = false;
    assert_eq!(list.record_right_to_work(&ev, t).unwrap().reason, Reason::NoRightToWork);
    ev.work_permitted = true;
    ev.expiry_date = d(2026, 1, 1);
    assert_eq!(list.record_right_to_work(&ev, t).unwrap().reason, Reason::DocumentExpired);
    ev.document = DocumentKind::OtherPassport;
    assert_eq!(list.record_right_to_work(&ev, t).unwrap().reason, Reason::NotARightToWorkDocument);

    // With Skatteverket's ID card as identity and the UT-kort for the right to work: verified.
    let mut list = Checklist::new(Role::Administrator, Other, t);
    let id = DocumentEvidence {
        kind: DocumentKind::SkatteverketIdCard,
        issue_date: None,
        expiry_date: d(2030, 1, 1),
        mrz: MrzCheck::NotRead,
    };
    list.record_identity_document(&id, t);
    let ev = RightToWorkEvidence {
        document: DocumentKind::ResidencePermitCard,
        expiry_date: d(2028, 1, 1),
        work_permitted: true,
        copy_in_personnel_file: true,
    };
    list.record_right_to_work(&ev, t).unwrap();
    list.pass(References, Reason::ReferencesTaken).unwrap();
    assert_eq!(list.outcome(), Outcome::Verified);
}

#[test]
fn school_extract_at_most_one_year_old() {
    let t = today();
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    let item = list.record_extract(ExtractKind::School, d(2025, 11, 23), t).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::Passed, Reason::ExtractValid));
    let item = list.record_extract(ExtractKind::School, d(2025, 11, 22), t).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::ExtractTooOld));
    let item = list.record_extract(ExtractKind::HvbChildren, d(2026, 11, 1), t).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::ExtractWrongType));
    let item = list.record_extract(ExtractKind::School, d(2026, 11, 24), t).unwrap();
    assert_eq!(item.reason, Reason::DateInFuture);
    // Only the type and dates are noted.
    let sighting = list.extract().unwrap();
    assert_eq!((sighting.kind, sighting.shown_on), (ExtractKind::School, t));
}

#[test]
fn hvb_extract_at_most_six_months_old() {
    let t = today();
    let mut list = Checklist::new(Role::HvbStaffChildren, Swedish, t);
    // Seven months: fine for a school, too old for an HVB home.
    let seven = t.add_months(-7);
    assert_eq!(list.record_extract(ExtractKind::HvbChildren, seven, t).unwrap().reason, Reason::ExtractTooOld);
    let mut school = Checklist::new(Role::Teacher, Swedish, t);
    assert_eq!(school.record_extract(ExtractKind::School, seven, t).unwrap().reason, Reason::ExtractValid);
    let six = t.add_months(-6);
    assert_eq!(list.record_extract(ExtractKind::HvbChildren, six, t).unwrap().reason, Reason::ExtractValid);
    assert_eq!(
        list.record_extract(ExtractKind::HvbChildren, six.add_days(-1), t).unwrap().reason,
        Reason::ExtractTooOld
    );
    // An ordinary extract (belastningsregistret only) is the wrong type for HVB.
    assert_eq!(list.record_extract(ExtractKind::School, six, t).unwrap().reason, Reason::ExtractWrongType);
    assert_eq!(list.outcome(), Outcome::Rejected);
}

#[test]
fn optional_extract_for_home_care_from_march_2026() {
    let before = d(2026, 2, 28);
    let list = Checklist::new(Role::HomeCareStaff, Swedish, before);
    let item = list.item(CriminalRecord).unwrap();
    assert_eq!((item.state, item.reason), (ItemState::NotApplicable, Reason::NotYetInForce));
    let lang = list.item(SwedishLanguage).unwrap();
    assert_eq!((lang.state, lang.reason), (ItemState::NotApplicable, Reason::NotYetInForce));

    let t = today();
    let mut list = Checklist::new(Role::HomeCareStaff, Swedish, t);
    assert_eq!(list.item(CriminalRecord).unwrap().state, ItemState::Pending);
    list.record_identity_document(&id_card(d(2030, 1, 1)), t);
    list.pass(References, Reason::ReferencesTaken).unwrap();
    // Optional and informative items pending do not hold the outcome back.
    assert_eq!(list.outcome(), Outcome::Verified);
    // Once the employer requires the extract it decides the outcome.
    list.require(CriminalRecord).unwrap();
    assert_eq!(list.decision().deciding.as_slice(), [CriminalRecord]);
    list.record_extract(ExtractKind::ElderlyOrDisabilityCare, d(2026, 10, 1), t).unwrap();
    assert_eq!(list.outcome(), Outcome::Verified);
    // The informative note never decides anything.
    list.pass(SwedishLanguage, Reason::InformationGiven).unwrap();
    assert_eq!(list.require(SwedishLanguage), Err(ChecklistError::WrongEvidence));
    assert_eq!(list.fail(SwedishLanguage, Reason::SeeCaseFile), Err(ChecklistError::ReasonNeedsEvidence));
    list.not_applicable(SwedishLanguage, Reason::NotRequiredByEmployer).unwrap();
    assert_eq!(list.outcome(), Outcome::Verified);
    // An optional item can be waived.
    list.not_applicable(Diploma, Reason::NotRequiredByEmployer).unwrap();
}

#[test]
fn showing_an_optional_extract_makes_it_required() {
    let t = today();
    let mut list = Checklist::new(Role::SeniorManager, Swedish, t);
    list.record_identity_document(&id_card(d(2030, 1, 1)), t);
    list.pass(References, Reason::ReferencesTaken).unwrap();
    assert_eq!(list.outcome(), Outcome::Verified);
    let item = list.record_extract(ExtractKind::SeniorMunicipalPost, d(2025, 1, 1), t).unwrap();
    assert_eq!((item.requirement, item.reason), (Required, Reason::ExtractTooOld));
    assert_eq!(list.outcome(), Outcome::Rejected);
}

#[test]
fn undersköterska_title_protected_from_july_2023() {
    let list = Checklist::new(Role::AssistantNurse, Swedish, d(2023, 6, 30));
    assert_eq!(list.item(Licence).unwrap().reason, Reason::NotYetInForce);
    let mut list = Checklist::new(Role::AssistantNurse, Swedish, d(2023, 7, 1));
    assert_eq!(list.item(Licence).unwrap().state, ItemState::Pending);
    assert_eq!(list.record_licence(Register::Skolverket, true), Err(ChecklistError::WrongEvidence));
    assert_eq!(list.record_licence(Register::Socialstyrelsen, true).unwrap().state, ItemState::Passed);
}

/// A Swedish national ID card (from the MRZ test vectors): personnummer 19811218-9876,
/// born 1981-12-18, expiring 2031-01-01.
const SWE_ID: [&str; 3] =
    ["I<SWEAB12345671198112189876<<<", "8112185M3101012SWE<<<<<<<<<<<7", "SVENSSON<<ANDERS<ERIK<<<<<<<<<"];

#[test]
fn apply_mrz_of_a_swedish_id_card() {
    let t = today();
    let report = mrz::parse(&SWE_ID.join("\n"), t);
    assert!(report.is_valid(), "{:?}", report.issues);
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    let item = list.apply_mrz(&report, None, t);
    assert_eq!((item.state, item.reason), (ItemState::Passed, Reason::DocumentApproved));
    assert_eq!(list.document(), Some(DocumentKind::SwedishNationalIdCard));
    assert!(list.warnings().is_empty());

    // After its expiry date the same card fails.
    let later = d(2031, 1, 2);
    let report = mrz::parse(&SWE_ID.join("\n"), later);
    let mut list = Checklist::new(Role::Teacher, Swedish, later);
    assert_eq!(list.apply_mrz(&report, None, later).reason, Reason::DocumentExpired);
}

#[test]
fn apply_mrz_check_digit_failure_fails_identity() {
    let t = today();
    // Date of birth changed from 811218 to 811219: its check digit and the composite fail.
    let bad = ["I<SWEAB12345671198112189876<<<", "8112195M3101012SWE<<<<<<<<<<<7", SWE_ID[2]];
    let report = mrz::parse(&bad.join("\n"), t);
    assert!(!report.checks_passed());
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    let item = list.apply_mrz(&report, None, t);
    assert_eq!((item.state, item.reason), (ItemState::Failed, Reason::MrzCheckFailed));
    assert_eq!(list.outcome(), Outcome::Rejected);
}

#[test]
fn apply_mrz_unreadable_input_stays_pending() {
    let t = today();
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    for text in ["", "hello", "I<SWEAB1234567\n8112185M", &SWE_ID.join("\n").replace("8112185M", "81121B5M")] {
        let report = mrz::parse(text, t);
        let item = list.apply_mrz(&report, None, t);
        assert_eq!((item.state, item.reason), (ItemState::Pending, Reason::MrzUnreadable), "{text:?}");
    }
}

#[test]
fn personnummer_date_differing_from_mrz_is_a_warning() {
    let t = today();
    // Personnummer 19811220-9872 on a card whose MRZ says born 1981-12-18 (from the MRZ tests).
    let card = ["I<SWEAB12345671198112209872<<<", "8112185M3101012SWE<<<<<<<<<<<4", SWE_ID[2]];
    let report = mrz::parse(&card.join("\n"), t);
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    let item = list.apply_mrz(&report, None, t);
    assert_eq!(item.state, ItemState::Passed, "{:?}", report.issues);
    assert_eq!(list.warnings(), [Warning::PersonnummerDateDiffers]);

    // The same rule when staff compare by hand.
    let mut list = Checklist::new(Role::Nurse, Swedish, t);
    list.compare_birth_dates(d(1981, 12, 18), d(1981, 12, 18));
    assert!(list.warnings().is_empty());
    list.compare_birth_dates(d(1981, 12, 18), d(1981, 12, 20));
    list.compare_birth_dates(d(1981, 12, 18), d(1981, 12, 21));
    assert_eq!(list.warnings(), [Warning::PersonnummerDateDiffers]);
    assert_eq!(list.outcome(), Outcome::Incomplete);
}

#[test]
fn apply_mrz_of_an_eu_passport_needs_the_issue_date() {
    // A TD3 passport from Finland, built with the ICAO check digits.
    let t = today();
    let line1 = format!("{:<<44}", "P<FINVIRTANEN<<AINO");
    let number = "XP1234567";
    let dob = "900101";
    let expiry = "300101";
    let cd = |s: &str| char::from(b'0' + mrz::check_digit(s.as_bytes()).unwrap());
    let optional = "<<<<<<<<<<<<<<";
    let part = format!("{number}{}FIN{dob}{}F{expiry}{}{optional}{}", cd(number), cd(dob), cd(expiry), cd(optional));
    let composite_data =
        format!("{number}{}{dob}{}{expiry}{}{optional}{}", cd(number), cd(dob), cd(expiry), cd(optional));
    let line2 = format!("{part}{}", cd(&composite_data));
    let report = mrz::parse(&format!("{line1}\n{line2}"), t);
    assert!(report.is_valid(), "{:?}", report.issues);

    let mut list = Checklist::new(Role::Nurse, EuEeaSwiss, t);
    assert_eq!(list.apply_mrz(&report, None, t).reason, Reason::IssueDateMissing);
    assert_eq!(list.apply_mrz(&report, Some(d(2005, 1, 1)), t).reason, Reason::IssuedBeforeCutoff);
    assert_eq!(list.apply_mrz(&report, Some(d(2020, 1, 1)), t).state, ItemState::Passed);
    assert_eq!(list.document(), Some(DocumentKind::EuEeaSwissPassport));
    // The same passport shown by a citizen of a non-EU state is not approved for them.
    let mut other = Checklist::new(Role::Nurse, Other, t);
    assert_eq!(other.apply_mrz(&report, Some(d(2020, 1, 1)), t).reason, Reason::DocumentNotForCitizenship);
}

#[test]
fn classify_mrz_codes() {
    use DocumentKind::*;
    assert_eq!(classify_mrz("P", "SWE"), Some(SwedishPassport));
    assert_eq!(classify_mrz("PP", "SWE"), Some(SwedishPassport));
    assert_eq!(classify_mrz("p<", "swe"), Some(SwedishPassport));
    assert_eq!(classify_mrz("I", "SWE"), Some(SwedishNationalIdCard));
    assert_eq!(classify_mrz("ID", "SWE<"), Some(SwedishNationalIdCard));
    assert_eq!(classify_mrz("IR", "SWE"), Some(ResidencePermitCard));
    assert_eq!(classify_mrz("P", "D<<"), Some(EuEeaSwissPassport));
    assert_eq!(classify_mrz("P", "D"), Some(EuEeaSwissPassport));
    assert_eq!(classify_mrz("P", "NOR"), Some(EuEeaSwissPassport));
    assert_eq!(classify_mrz("P", "CHE"), Some(EuEeaSwissPassport));
    assert_eq!(classify_mrz("I", "FRA"), Some(EuNationalIdCard));
    assert_eq!(classify_mrz("ID", "D<<"), Some(EuNationalIdCard));
    assert_eq!(classify_mrz("I", "CHE"), Some(EeaSwissNationalIdCard));
    assert_eq!(classify_mrz("P", "USA"), Some(OtherPassport));
    assert_eq!(classify_mrz("I", "USA"), None);
    assert_eq!(classify_mrz("V", "SWE"), None);
    assert_eq!(classify_mrz("", ""), None);
    assert_eq!(classify_mrz("PPP", "SWE"), None);
    assert_eq!(classify_mrz("P", "SWED"), None);
    assert_eq!(EU_EEA_SWISS_STATES.len(), 27 + 3 + 1);
    assert!(EU_EEA_SWISS_STATES.iter().any(|s| s.code == "D"));
    assert!(!EU_EEA_SWISS_STATES.iter().any(|s| s.code == "DEU" || s.code == "GBR"));
}

#[test]
fn catalogue_of_documents() {
    let identity: Vec<DocumentKind> =
        DOCUMENTS.iter().filter(|d| d.kind.is_identity_document()).map(|d| d.kind).collect();
    assert_eq!(
        identity,
        [
            DocumentKind::SwedishPassport,
            DocumentKind::SwedishNationalIdCard,
            DocumentKind::SwedishDrivingLicence,
            DocumentKind::SisIdCard,
            DocumentKind::SkatteverketIdCard,
            DocumentKind::EuEeaSwissPassport,
            DocumentKind::EuNationalIdCard,
        ]
    );
    let ut = DocumentKind::ResidencePermitCard;
    assert!(!ut.is_identity_document() && ut.shows_right_to_work());
    for doc in DOCUMENTS {
        assert!(!doc.name.sv.is_empty() && !doc.name.en.is_empty());
        assert!(!doc.source.is_empty());
        if doc.kind.is_identity_document() {
            assert!(!doc.look_at.is_empty(), "{:?}", doc.kind);
        }
    }
    for group in CitizenshipGroup::ALL {
        assert!(!group.label().sv.is_empty());
    }
}

#[test]
fn swedish_document_numbers() {
    assert_eq!(swedish_document_number_format(" 12345678 "), Some(SwedishNumberFormat::EightDigits));
    assert_eq!(swedish_document_number_format("ab12c34d5"), Some(SwedishNumberFormat::NineAlphanumeric));
    assert_eq!(swedish_document_number_format("1234567"), None);
    assert_eq!(swedish_document_number_format("12345678å"), None);
    assert_eq!(SwedishNumberFormat::expected_for(d(2021, 12, 31)), SwedishNumberFormat::EightDigits);
    assert_eq!(SwedishNumberFormat::expected_for(d(2022, 1, 1)), SwedishNumberFormat::NineAlphanumeric);
    let mut list = Checklist::new(Role::Nurse, Swedish, today());
    list.check_swedish_document_number("AA1234B67", d(2023, 5, 1));
    assert!(list.warnings().is_empty());
    list.check_swedish_document_number("12345678", d(2023, 5, 1));
    assert_eq!(list.warnings(), [Warning::DocumentNumberFormatUnexpected]);
}

#[test]
fn record_of_a_finished_check() {
    let t = today();
    let mut list = Checklist::new(Role::HvbStaffChildren, Swedish, t);
    list.record_identity_document(&id_card(d(2030, 1, 1)), t);
    list.record_extract(ExtractKind::HvbChildren, d(2026, 9, 1), t).unwrap();
    list.pass(References, Reason::ReferencesTaken).unwrap();
    let record = list.finish(t);
    assert_eq!(record.role, Role::HvbStaffChildren);
    assert_eq!(record.document, Some(DocumentKind::SwedishNationalIdCard));
    assert_eq!(record.outcome, Outcome::Verified);
    assert_eq!(record.checked_on, t);
    let sighting = record.extract.unwrap();
    assert_eq!((sighting.kind, sighting.issued_on, sighting.shown_on), (ExtractKind::HvbChildren, d(2026, 9, 1), t));
    assert_eq!(record.items.len(), list.items().len());
    assert_eq!(record.item(Diploma).map(|i| i.state), Some(ItemState::Pending));
}

#[cfg(feature = "serde")]
#[test]
fn record_round_trips_through_json() {
    let t = today();
    let mut list = Checklist::new(Role::AssistantNurse, Other, t);
    list.record_identity_document(&id_card(d(2020, 1, 1)), t);
    let record = list.finish(t);
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains("\"assistant-nurse\""), "{json}");
    assert!(json.contains("\"document-expired\""), "{json}");
    let back: rekry_core::idcheck::record::CheckRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    // Unknown fields or free text do not fit the type.
    assert!(
        serde_json::from_str::<rekry_core::idcheck::record::CheckRecord>(
            &json.replace("\"assistant-nurse\"", "\"Anna Svensson\"")
        )
        .is_err()
    );
}

#[test]
fn texts_are_bilingual() {
    for r in [
        Reason::AwaitingCheck,
        Reason::DocumentExpired,
        Reason::ExtractTooOld,
        Reason::MrzInvalid,
        Reason::FreeMovement,
    ] {
        assert!(!r.text().sv.is_empty() && !r.text().en.is_empty());
    }
    for k in ItemKind::ALL {
        assert!(!k.name().sv.is_empty() && !k.instruction().en.is_empty());
    }
    for o in [Outcome::Verified, Outcome::Rejected, Outcome::Incomplete] {
        assert_ne!(o.text().sv, o.text().en);
    }
}

proptest! {
    #[test]
    fn applying_any_mrz_never_panics(s in any::<String>(), role in 0usize..12, group in 0usize..3) {
        let t = today();
        let mut list = Checklist::new(Role::ALL[role], CitizenshipGroup::ALL[group], t);
        let report = mrz::parse(&s, t);
        let item = list.apply_mrz(&report, None, t);
        prop_assert_eq!(item.kind, Identity);
        prop_assert!(item.state != ItemState::Passed);
        let _ = list.finish(t);
    }

    #[test]
    fn outcome_follows_required_items(states in proptest::collection::vec(0u8..3, 7), role in 0usize..12) {
        let t = today();
        let mut list = Checklist::new(Role::ALL[role], Other, t);
        for (item, s) in ItemKind::ALL.into_iter().zip(states) {
            let _ = match s {
                0 => match item.manual_reasons(ItemState::Passed).first() {
                    Some(&r) => list.pass(item, r),
                    None => list.reset(item),
                },
                1 => match item.manual_reasons(ItemState::Failed).first() {
                    Some(&r) => list.fail(item, r),
                    None => list.reset(item),
                },
                _ => list.reset(item),
            };
        }
        let required: Vec<_> = list.items().iter().filter(|i| i.is_required()).collect();
        let expected = if required.iter().any(|i| i.state == ItemState::Failed) {
            Outcome::Rejected
        } else if required.iter().any(|i| i.state == ItemState::Pending) {
            Outcome::Incomplete
        } else {
            Outcome::Verified
        };
        prop_assert_eq!(list.outcome(), expected);
    }
}

#[cfg(feature = "postcard")]
#[test]
fn record_round_trips_through_postcard() {
    let t = today();
    let mut list = Checklist::new(Role::Teacher, Swedish, t);
    list.record_identity_document(&id_card(d(2030, 1, 1)), t);
    list.record_extract(ExtractKind::School, d(2026, 1, 15), t).unwrap();
    let record = list.finish(t);
    let mut buf = [0u8; 128];
    let bytes = postcard::to_slice(&record, &mut buf).unwrap();
    // Enums and dates only: a handful of bytes per item.
    assert!(bytes.len() < 64, "{}", bytes.len());
    let back: rekry_core::idcheck::record::CheckRecord = postcard::from_bytes(bytes).unwrap();
    assert_eq!(back, record);
    // Truncated input is an error, never a panic.
    for n in 0..bytes.len() {
        assert!(postcard::from_bytes::<rekry_core::idcheck::record::CheckRecord>(&bytes[..n]).is_err());
    }
}

#[test]
fn reasons_that_need_evidence_cannot_be_given_by_hand() {
    let t = today();
    let mut list = Checklist::new(Role::Teacher, Other, t);
    assert_eq!(list.pass(Identity, Reason::DocumentApproved), Err(ChecklistError::ReasonNeedsEvidence));
    assert_eq!(list.pass(CriminalRecord, Reason::ExtractValid), Err(ChecklistError::ReasonNeedsEvidence));
    assert_eq!(list.pass(Licence, Reason::InRegister), Err(ChecklistError::ReasonNeedsEvidence));
    assert_eq!(list.pass(RightToWork, Reason::RightToWorkShown), Err(ChecklistError::ReasonNeedsEvidence));
    assert_eq!(list.fail(References, Reason::ExtractTooOld), Err(ChecklistError::ReasonNeedsEvidence));
    // Refused means untouched.
    assert!(list.items().iter().all(|i| i.state == ItemState::Pending));
    // The evidence paths give those reasons.
    list.record_licence(Register::Skolverket, true).unwrap();
    assert_eq!(list.item(Licence).unwrap().reason, Reason::InRegister);
    list.fail(Licence, Reason::NotShown).unwrap();
    list.pass(RightToWork, Reason::ExemptFromWorkPermit).unwrap();
    assert_eq!(list.item(RightToWork).unwrap().state, ItemState::Passed);
}

#[test]
fn every_manual_reason_is_accepted_where_the_item_applies() {
    let t = today();
    for role in Role::ALL {
        for kind in ItemKind::ALL {
            for state in [ItemState::Passed, ItemState::Failed, ItemState::NotApplicable] {
                for &reason in kind.manual_reasons(state) {
                    let mut list = Checklist::new(role, Other, t);
                    let Some(item) = list.item(kind).copied() else { continue };
                    let result = match state {
                        ItemState::Passed => list.pass(kind, reason),
                        ItemState::Failed => list.fail(kind, reason),
                        _ => list.not_applicable(kind, reason),
                    };
                    match result {
                        Ok(()) => assert_eq!(list.item(kind).unwrap().state, state),
                        Err(ChecklistError::Required) => {
                            assert_eq!((state, item.requirement), (ItemState::NotApplicable, Required))
                        }
                        Err(ChecklistError::NotApplicable) => assert_eq!(item.state, ItemState::NotApplicable),
                        Err(e) => panic!("{role:?} {kind:?} {state:?} {reason:?}: {e}"),
                    }
                }
            }
        }
    }
}
