//! Role profiles and the pre-employment checklist staff work through at interview.
//!
//! A [`RoleProfile`] says which checks a role needs: an approved identity document (always),
//! a criminal-record extract of the right type and maximum age, a licence in the right
//! register, a verified diploma, the right to work for citizens of states outside the
//! EU/EEA/Switzerland, references, and for elderly care an informative note on Swedish. A
//! [`Checklist`] holds each item as pending, passed, failed or not applicable, always with a
//! [`Reason`]; its [`Outcome`] is verified only when every required item passed.
//!
//! Sources: Stockholm stad, verksamhetsberättelse 2025 (seed 001) §15 and §17; the statutes
//! and authorities cited on each rule ([`EXTRACT_TYPES`], [`REGISTERS`], [`ROLE_PROFILES`]).
//!
//! ```
//! use rekry_core::Date;
//! use rekry_core::idcheck::checklist::{
//!     Checklist, DocumentEvidence, ExtractKind, ItemKind, MrzCheck, Outcome, Reason, Register, Role,
//! };
//! use rekry_core::idcheck::documents::{CitizenshipGroup, DocumentKind};
//!
//! let today = Date::new(2026, 11, 23).unwrap();
//! let mut list = Checklist::new(Role::Teacher, CitizenshipGroup::Swedish, today);
//! assert_eq!(list.outcome(), Outcome::Incomplete);
//!
//! list.record_identity_document(
//!     &DocumentEvidence {
//!         kind: DocumentKind::SwedishNationalIdCard,
//!         issue_date: None,
//!         expiry_date: Date::new(2030, 5, 1).unwrap(),
//!         mrz: MrzCheck::Valid,
//!     },
//!     today,
//! );
//! list.record_extract(ExtractKind::School, Date::new(2026, 2, 1).unwrap(), today).unwrap();
//! list.record_licence(Register::Skolverket, true).unwrap();
//! list.pass(ItemKind::References, Reason::ReferencesTaken).unwrap();
//! assert_eq!(list.outcome(), Outcome::Verified);
//!
//! // The record of the finished check holds no document number, MRZ or personnummer.
//! let record = list.finish(today);
//! assert_eq!(record.outcome, Outcome::Verified);
//! ```

use heapless::Vec;

use crate::date::Date;
use crate::idcheck::documents::{CitizenshipGroup, DocumentKind, const_date, document_acceptable};
use crate::idcheck::mrz::MrzReport;
use crate::idcheck::record::{CheckRecord, ExtractSighting};
use crate::text::Text;

/// The most items a checklist holds.
pub const MAX_ITEMS: usize = 12;
/// The most warnings a checklist holds; further warnings are dropped.
pub const MAX_WARNINGS: usize = 4;

/// A check a role may need. Each kind appears at most once in a role profile.
///
/// The order of the variants is part of the wire format: new variants are only appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ItemKind {
    /// An approved identity document (always required).
    Identity,
    /// An extract from the criminal records (utdrag ur belastningsregistret).
    CriminalRecord,
    /// A licence or protected title in Socialstyrelsen's or Skolverket's register.
    Licence,
    /// Verification of a diploma or degree.
    Diploma,
    /// The right to stay and work in Sweden (citizens of states outside the EU/EEA/Switzerland).
    RightToWork,
    /// References.
    References,
    /// Information on the Swedish-language requirement in elderly care (informative).
    SwedishLanguage,
}

impl ItemKind {
    /// Every kind, in order.
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Identity,
        ItemKind::CriminalRecord,
        ItemKind::Licence,
        ItemKind::Diploma,
        ItemKind::RightToWork,
        ItemKind::References,
        ItemKind::SwedishLanguage,
    ];

    /// The stable kebab-case id.
    pub const fn id(self) -> &'static str {
        match self {
            ItemKind::Identity => "identity",
            ItemKind::CriminalRecord => "criminal-record",
            ItemKind::Licence => "licence",
            ItemKind::Diploma => "diploma",
            ItemKind::RightToWork => "right-to-work",
            ItemKind::References => "references",
            ItemKind::SwedishLanguage => "swedish-language",
        }
    }

    /// The reasons staff may give when they mark this item `state` by hand with
    /// [`Checklist::pass`], [`Checklist::fail`] or [`Checklist::not_applicable`]; the first is
    /// the usual one.
    ///
    /// Reasons that need evidence are not in these lists, so they can only come from the
    /// evidence: an identity document passes only through [`Checklist::record_identity_document`]
    /// or [`Checklist::apply_mrz`] (the record must name the document kind), an extract only
    /// through [`Checklist::record_extract`] (its type and date are recorded), a register
    /// look-up through [`Checklist::record_licence`], and a right-to-work document through
    /// [`Checklist::record_right_to_work`]. An empty list means the state cannot be set by hand.
    ///
    /// ```
    /// use rekry_core::idcheck::checklist::{ItemKind, ItemState, Reason};
    ///
    /// assert_eq!(ItemKind::References.manual_reasons(ItemState::Passed), &[Reason::ReferencesTaken]);
    /// assert!(ItemKind::Identity.manual_reasons(ItemState::Passed).is_empty());
    /// assert!(ItemKind::CriminalRecord.manual_reasons(ItemState::Failed).contains(&Reason::NotShown));
    /// ```
    pub const fn manual_reasons(self, state: ItemState) -> &'static [Reason] {
        use Reason::*;
        match (self, state) {
            (_, ItemState::Pending) => &[AwaitingCheck],
            (ItemKind::Identity, ItemState::Passed) => &[],
            (ItemKind::Identity, ItemState::Failed) => {
                &[NotShown, DocumentNotApproved, DocumentExpired, NotAnIdentityDocument, DocumentNotForCitizenship]
            }
            (ItemKind::CriminalRecord, ItemState::Passed) => &[],
            (ItemKind::CriminalRecord, ItemState::Failed) => &[NotShown],
            (ItemKind::Licence, ItemState::Passed) => &[],
            (ItemKind::Licence, ItemState::Failed) => &[NotShown],
            (ItemKind::Diploma, ItemState::Passed) => &[DiplomaVerified],
            (ItemKind::Diploma, ItemState::Failed) => &[DiplomaNotVerified, NotShown],
            (ItemKind::RightToWork, ItemState::Passed) => &[ExemptFromWorkPermit],
            (ItemKind::RightToWork, ItemState::Failed) => &[NotShown],
            (ItemKind::References, ItemState::Passed) => &[ReferencesTaken],
            (ItemKind::References, ItemState::Failed) => &[ReferencesNegative, NotShown],
            (ItemKind::SwedishLanguage, ItemState::Passed) => &[InformationGiven],
            (ItemKind::SwedishLanguage, ItemState::Failed) => &[],
            (ItemKind::Identity | ItemKind::RightToWork, ItemState::NotApplicable) => &[],
            (ItemKind::SwedishLanguage, ItemState::NotApplicable) => &[NotRequiredByEmployer],
            (_, ItemState::NotApplicable) => &[NotRequiredByEmployer, SeeCaseFile],
        }
    }

    /// The item's short name.
    pub const fn name(self) -> Text {
        match self {
            ItemKind::Identity => Text::new("Godkänd id-handling", "Approved identity document"),
            ItemKind::CriminalRecord => Text::new("Utdrag ur belastningsregistret", "Criminal-record extract"),
            ItemKind::Licence => Text::new("Legitimation eller skyddad titel", "Licence or protected title"),
            ItemKind::Diploma => Text::new("Verifierad utbildning", "Verified diploma"),
            ItemKind::RightToWork => Text::new("Rätt att arbeta i Sverige", "Right to work in Sweden"),
            ItemKind::References => Text::new("Referenser", "References"),
            ItemKind::SwedishLanguage => {
                Text::new("Svenska i äldreomsorgen (information)", "Swedish in elderly care (information)")
            }
        }
    }

    /// What staff do for this item.
    pub const fn instruction(self) -> Text {
        match self {
            ItemKind::Identity => Text::new(
                "Kontrollera en godkänd id-handling vid intervjun. Spara aldrig nummer, MRZ eller bild.",
                "Check an approved identity document at the interview. Never store its number, MRZ or image.",
            ),
            ItemKind::CriminalRecord => Text::new(
                "Be bara den du tänker anställa. Titta på utdraget (rätt typ, inte för gammalt) och lämna tillbaka det; anteckna bara typ och datum.",
                "Ask only the person you intend to hire. Look at the extract (right type, not too old) and hand it back; note only its type and date.",
            ),
            ItemKind::Licence => Text::new(
                "Sök personen i rätt register och anteckna register, datum och resultat.",
                "Look the person up in the right register and note register, date and result.",
            ),
            ItemKind::Diploma => Text::new(
                "Verifiera examen hos utfärdaren eller i originalhandling.",
                "Verify the diploma with the issuer or on the original document.",
            ),
            ItemKind::RightToWork => Text::new(
                "Före anställningen: kontrollera handling som visar rätt att vistas och arbeta (eller undantag). Arbetsgivaren sparar en kopia i personalakten under anställningen och 12 månader efter och anmäler till Skatteverket. Kiosken antecknar bara att kontrollen och kopian är gjorda.",
                "Before employment starts: check a document showing the right to stay and work (or an exemption). The employer keeps a copy in the personnel file during the employment and 12 months after and notifies Skatteverket. The kiosk records only that the check and the copy were done.",
            ),
            ItemKind::References => Text::new(
                "Ta kvalitetssäkrade referenser enligt kravprofilen.",
                "Take quality-assured references against the requirement profile.",
            ),
            ItemKind::SwedishLanguage => Text::new(
                "Informera: från 2026-07-01 ska utföraren arbeta för att personalen har relevanta kunskaper i svenska (målnivå B2). Inget anställningskrav.",
                "Inform: from 2026-07-01 the provider must work towards staff having relevant Swedish (target level B2). Not a hiring requirement.",
            ),
        }
    }
}

/// How much an item counts towards the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Requirement {
    /// Must pass for the check to be verified.
    Required,
    /// The employer may require it ([`Checklist::require`]); until then it does not decide the
    /// outcome.
    Optional,
    /// Information for the candidate; never decides the outcome.
    Informative,
}

/// The kinds of criminal-record extract (Polisen's purpose-specific extracts).
///
/// The order of the variants is part of the wire format: new variants are only appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ExtractKind {
    /// Work in school, preschool or after-school care (skollagen).
    School,
    /// Work in LSS services for children with disabilities.
    LssChildren,
    /// Work in HVB homes for children: belastnings- and misstankeregister.
    HvbChildren,
    /// Work in the homes of older people or adults with disabilities (employer's option).
    ElderlyOrDisabilityCare,
    /// Some senior municipal posts (employer's option).
    SeniorMunicipalPost,
}

/// Which registers an extract covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ExtractRegisters {
    /// Belastningsregistret (convictions).
    Belastning,
    /// Belastnings- and misstankeregistret (convictions and suspicions).
    BelastningAndMisstanke,
}

/// The rule for one kind of extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExtractType {
    /// Which extract.
    pub kind: ExtractKind,
    /// Its name as on Polisen's order form.
    pub name: Text,
    /// The registers it covers.
    pub registers: ExtractRegisters,
    /// The most months old it may be on the day it is shown.
    pub max_age_months: u8,
    /// The employer may ask for it from this date (`None`: long in force).
    pub from: Option<Date>,
    /// The statute.
    pub source: &'static str,
}

/// From this date employers may require extracts for work in the homes of older people or
/// adults with disabilities, and for some senior municipal posts.
///
/// Source: DESIGN.md "ID verification" (statute in force 1 March 2026); seed 001 §17 ("fler
/// tjänster som kräver utdrag ur belastningsregister").
pub const OPTIONAL_EXTRACTS_FROM: Date = const_date(2026, 3, 1);

const EXTRACT_SCHOOL: ExtractType = ExtractType {
    kind: ExtractKind::School,
    name: Text::new("Arbete inom skola, förskola eller fritidshem", "Work in school, preschool or after-school care"),
    registers: ExtractRegisters::Belastning,
    max_age_months: 12,
    from: None,
    source: "Skollagen (2010:800) 2 kap. 31 § (extract at most one year old)",
};

const EXTRACT_LSS: ExtractType = ExtractType {
    kind: ExtractKind::LssChildren,
    name: Text::new("Arbete med barn med funktionsnedsättning (LSS)", "Work with children with disabilities (LSS)"),
    registers: ExtractRegisters::Belastning,
    max_age_months: 12,
    from: None,
    source: "Lag (2010:479) om registerkontroll av personal som utför vissa insatser åt barn med funktionsnedsättning (at most one year old)",
};

const EXTRACT_HVB: ExtractType = ExtractType {
    kind: ExtractKind::HvbChildren,
    name: Text::new("Arbete på HVB-hem för barn", "Work in HVB homes for children"),
    registers: ExtractRegisters::BelastningAndMisstanke,
    max_age_months: 6,
    from: None,
    source: "Lag (2007:171) om registerkontroll av personal vid sådana hem för vård eller boende som tar emot barn (belastnings- and misstankeregister; at most six months old, DESIGN.md)",
};

const EXTRACT_ELDERLY: ExtractType = ExtractType {
    kind: ExtractKind::ElderlyOrDisabilityCare,
    name: Text::new(
        "Arbete i hemmet hos äldre eller personer med funktionsnedsättning",
        "Work in the homes of older people or people with disabilities",
    ),
    registers: ExtractRegisters::Belastning,
    max_age_months: 12,
    from: Some(OPTIONAL_EXTRACTS_FROM),
    source: "Registerkontroll inom äldreomsorg och funktionshinderomsorg, in force 2026-03-01 (DESIGN.md); maximum age assumed one year as for the other extracts",
};

const EXTRACT_SENIOR: ExtractType = ExtractType {
    kind: ExtractKind::SeniorMunicipalPost,
    name: Text::new("Vissa ledande befattningar i kommun och region", "Some senior municipal and regional posts"),
    registers: ExtractRegisters::Belastning,
    max_age_months: 12,
    from: Some(OPTIONAL_EXTRACTS_FROM),
    source: "Registerkontroll för vissa ledande befattningar, in force 2026-03-01 (DESIGN.md; seed 001 §15 'vissa ledande chefsbefattningar'); maximum age assumed one year",
};

/// Every kind of extract with its rule.
pub static EXTRACT_TYPES: &[ExtractType] = &[EXTRACT_SCHOOL, EXTRACT_LSS, EXTRACT_HVB, EXTRACT_ELDERLY, EXTRACT_SENIOR];

impl ExtractKind {
    /// The rule for this kind.
    pub const fn info(self) -> &'static ExtractType {
        match self {
            ExtractKind::School => &EXTRACT_SCHOOL,
            ExtractKind::LssChildren => &EXTRACT_LSS,
            ExtractKind::HvbChildren => &EXTRACT_HVB,
            ExtractKind::ElderlyOrDisabilityCare => &EXTRACT_ELDERLY,
            ExtractKind::SeniorMunicipalPost => &EXTRACT_SENIOR,
        }
    }

    /// The last day an extract issued on `issued` is young enough.
    pub const fn valid_until(self, issued: Date) -> Date {
        issued.add_months(self.info().max_age_months as i32)
    }
}

/// A register where licences and protected titles are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Register {
    /// Socialstyrelsen's register of health-care personnel (HOSP): 22 licensed professions and
    /// the protected title undersköterska.
    Socialstyrelsen,
    /// Skolverket's register of teacher and preschool-teacher licences.
    Skolverket,
}

/// A register's description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RegisterInfo {
    /// Which register.
    pub register: Register,
    /// Its name.
    pub name: Text,
    /// The statute behind it.
    pub source: &'static str,
}

const REGISTER_SOS: RegisterInfo = RegisterInfo {
    register: Register::Socialstyrelsen,
    name: Text::new(
        "Socialstyrelsens register över hälso- och sjukvårdspersonal (HOSP)",
        "Socialstyrelsen's register of health-care personnel (HOSP)",
    ),
    source: "Patientsäkerhetslagen (2010:659) 4 kap.; Socialstyrelsen",
};

const REGISTER_SKOLVERKET: RegisterInfo = RegisterInfo {
    register: Register::Skolverket,
    name: Text::new(
        "Skolverkets register över lärar- och förskollärarlegitimationer",
        "Skolverket's register of teacher and preschool-teacher licences",
    ),
    source: "Skollagen (2010:800) 2 kap. 13, 16 §§; Skolverket",
};

/// Every register.
pub static REGISTERS: &[RegisterInfo] = &[REGISTER_SOS, REGISTER_SKOLVERKET];

impl Register {
    /// The register's description.
    pub const fn info(self) -> &'static RegisterInfo {
        match self {
            Register::Socialstyrelsen => &REGISTER_SOS,
            Register::Skolverket => &REGISTER_SKOLVERKET,
        }
    }
}

/// The title undersköterska is protected from this date: Socialstyrelsen issues the proof and
/// keeps the register.
///
/// Source: Patientsäkerhetslagen (2010:659) 4 kap. 4 a § as amended (SFS 2022:1189), in force
/// 2023-07-01; DESIGN.md.
pub const UNDERSKOTERSKA_PROTECTED_FROM: Date = const_date(2023, 7, 1);

/// From this date elderly-care providers must work towards staff having relevant Swedish
/// (target CEFR B2). Informative, not a hiring bar.
///
/// Source: DESIGN.md "ID verification"; seed 001 §17 ("Under 2026 införs även lagkrav på
/// språkkunskaper inom äldreomsorgen").
pub const ELDERLY_CARE_SWEDISH_FROM: Date = const_date(2026, 7, 1);

/// Months after the employment ends that the employer keeps the copy of a right-to-work
/// document in the personnel file.
///
/// Source: Utlänningsförordningen (2006:97) 5 kap. 7 §; Skatteverket.
pub const RIGHT_TO_WORK_COPY_MONTHS_AFTER: u8 = 12;

/// One check in a role profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ItemSpec {
    /// Which check.
    pub kind: ItemKind,
    /// How much it counts.
    pub requirement: Requirement,
    /// The rule applies from this date (`None`: long in force).
    pub from: Option<Date>,
    /// For [`ItemKind::CriminalRecord`]: the extract required.
    pub extract: Option<ExtractKind>,
    /// For [`ItemKind::Licence`]: the register to check.
    pub register: Option<Register>,
    /// Where the rule comes from.
    pub source: &'static str,
}

const fn item(kind: ItemKind, requirement: Requirement, source: &'static str) -> ItemSpec {
    ItemSpec { kind, requirement, from: None, extract: None, register: None, source }
}

const fn extract(kind: ExtractKind, requirement: Requirement) -> ItemSpec {
    ItemSpec {
        kind: ItemKind::CriminalRecord,
        requirement,
        from: kind.info().from,
        extract: Some(kind),
        register: None,
        source: kind.info().source,
    }
}

const fn licence(register: Register, from: Option<Date>, source: &'static str) -> ItemSpec {
    ItemSpec {
        kind: ItemKind::Licence,
        requirement: Requirement::Required,
        from,
        extract: None,
        register: Some(register),
        source,
    }
}

const ID: ItemSpec = item(
    ItemKind::Identity,
    Requirement::Required,
    "Seed 001 §15: Godkänd ID-handling kontrolleras alltid i samband med intervju; Polisen, Godkända id-handlingar",
);
const RIGHT_TO_WORK: ItemSpec = item(
    ItemKind::RightToWork,
    Requirement::Required,
    "Utlänningslagen (2005:716) 20 kap. 5 §; utlänningsförordningen (2006:97) 5 kap. 7 §; Skatteverket",
);
const REFERENCES: ItemSpec =
    item(ItemKind::References, Requirement::Required, "Seed 001 §15, §17: kvalitetssäkrade referenser");
const DIPLOMA_OPTIONAL: ItemSpec = item(
    ItemKind::Diploma,
    Requirement::Optional,
    "Seed 001 §15, §17: verifiering av utbildningsmeriter vid oklarheter",
);
const SWEDISH_NOTE: ItemSpec = ItemSpec {
    kind: ItemKind::SwedishLanguage,
    requirement: Requirement::Informative,
    from: Some(ELDERLY_CARE_SWEDISH_FROM),
    extract: None,
    register: None,
    source: "Språkkrav i äldreomsorgen from 2026-07-01, target CEFR B2 (DESIGN.md; seed 001 §17)",
};
const SKOLVERKET_LICENCE: ItemSpec =
    licence(Register::Skolverket, None, "Skollagen (2010:800) 2 kap. 13 §: legitimation krävs");
const HOSP_LICENCE: ItemSpec =
    licence(Register::Socialstyrelsen, None, "Patientsäkerhetslagen (2010:659) 4 kap.: legitimationsyrke");

/// A role with its profile of checks. The variant order is part of the wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Role {
    /// Preschool teacher (förskollärare).
    PreschoolTeacher,
    /// Teacher (lärare).
    Teacher,
    /// After-school staff (personal på fritidshem).
    AfterSchoolStaff,
    /// LSS assistant for children (LSS-assistent för barn).
    LssAssistantChildren,
    /// HVB staff for children (behandlingsassistent på HVB-hem för barn).
    HvbStaffChildren,
    /// Home-care staff (personal i hemtjänst).
    HomeCareStaff,
    /// Assistant nurse (undersköterska).
    AssistantNurse,
    /// Nurse (sjuksköterska).
    Nurse,
    /// Physician (läkare).
    Physician,
    /// Social worker (socialsekreterare).
    SocialWorker,
    /// Senior manager (ledande befattning).
    SeniorManager,
    /// Administrator (administratör).
    Administrator,
}

/// A role's profile: its name and the checks that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RoleProfile {
    /// The role.
    pub role: Role,
    /// Its stable kebab-case id.
    pub id: &'static str,
    /// Its name.
    pub name: Text,
    /// The checks, identity first.
    pub items: &'static [ItemSpec],
}

const fn profile(
    role: Role,
    id: &'static str,
    sv: &'static str,
    en: &'static str,
    items: &'static [ItemSpec],
) -> RoleProfile {
    RoleProfile { role, id, name: Text::new(sv, en), items }
}

/// Every role profile.
///
/// - School, preschool and after-school care: extract required, at most 1 year old
///   (skollagen 2 kap. 31 §); teachers and preschool teachers licensed in Skolverket's register.
/// - LSS for children: extract required, at most 1 year old (lag 2010:479).
/// - HVB for children: belastnings- and misstankeregister, at most 6 months old (lag 2007:171).
/// - Home care and assistant nurses: the employer may require an extract from 2026-03-01;
///   informative Swedish-language note from 2026-07-01; undersköterska a protected title in
///   Socialstyrelsen's register from 2023-07-01.
/// - Nurses and physicians: licence in Socialstyrelsen's register (patientsäkerhetslagen).
/// - Social workers: degree verified (socialtjänstlagen, socionomexamen for child-welfare
///   casework).
/// - Senior managers: the employer may require an extract from 2026-03-01.
/// - Everyone: approved ID, references, right to work when outside the EU/EEA/Switzerland.
pub static ROLE_PROFILES: &[RoleProfile] = &[
    profile(
        Role::PreschoolTeacher,
        "preschool-teacher",
        "Förskollärare",
        "Preschool teacher",
        &[ID, extract(ExtractKind::School, Requirement::Required), SKOLVERKET_LICENCE, RIGHT_TO_WORK, REFERENCES],
    ),
    profile(
        Role::Teacher,
        "teacher",
        "Lärare",
        "Teacher",
        &[ID, extract(ExtractKind::School, Requirement::Required), SKOLVERKET_LICENCE, RIGHT_TO_WORK, REFERENCES],
    ),
    profile(
        Role::AfterSchoolStaff,
        "after-school-staff",
        "Personal på fritidshem",
        "After-school staff",
        &[ID, extract(ExtractKind::School, Requirement::Required), DIPLOMA_OPTIONAL, RIGHT_TO_WORK, REFERENCES],
    ),
    profile(
        Role::LssAssistantChildren,
        "lss-assistant-children",
        "LSS-assistent för barn",
        "LSS assistant for children",
        &[ID, extract(ExtractKind::LssChildren, Requirement::Required), DIPLOMA_OPTIONAL, RIGHT_TO_WORK, REFERENCES],
    ),
    profile(
        Role::HvbStaffChildren,
        "hvb-staff-children",
        "Personal på HVB-hem för barn",
        "HVB staff for children",
        &[ID, extract(ExtractKind::HvbChildren, Requirement::Required), DIPLOMA_OPTIONAL, RIGHT_TO_WORK, REFERENCES],
    ),
    profile(
        Role::HomeCareStaff,
        "home-care-staff",
        "Personal i hemtjänsten",
        "Home-care staff",
        &[
            ID,
            extract(ExtractKind::ElderlyOrDisabilityCare, Requirement::Optional),
            DIPLOMA_OPTIONAL,
            RIGHT_TO_WORK,
            REFERENCES,
            SWEDISH_NOTE,
        ],
    ),
    profile(
        Role::AssistantNurse,
        "assistant-nurse",
        "Undersköterska",
        "Assistant nurse",
        &[
            ID,
            extract(ExtractKind::ElderlyOrDisabilityCare, Requirement::Optional),
            licence(
                Register::Socialstyrelsen,
                Some(UNDERSKOTERSKA_PROTECTED_FROM),
                "Patientsäkerhetslagen (2010:659) 4 kap. 4 a §: skyddad yrkestitel undersköterska från 2023-07-01",
            ),
            RIGHT_TO_WORK,
            REFERENCES,
            SWEDISH_NOTE,
        ],
    ),
    profile(Role::Nurse, "nurse", "Sjuksköterska", "Nurse", &[ID, HOSP_LICENCE, RIGHT_TO_WORK, REFERENCES]),
    profile(Role::Physician, "physician", "Läkare", "Physician", &[ID, HOSP_LICENCE, RIGHT_TO_WORK, REFERENCES]),
    profile(
        Role::SocialWorker,
        "social-worker",
        "Socialsekreterare",
        "Social worker",
        &[
            ID,
            item(
                ItemKind::Diploma,
                Requirement::Required,
                "Socialtjänstlagen: socionomexamen eller motsvarande för handläggning inom den sociala barn- och ungdomsvården",
            ),
            RIGHT_TO_WORK,
            REFERENCES,
        ],
    ),
    profile(
        Role::SeniorManager,
        "senior-manager",
        "Ledande befattning",
        "Senior manager",
        &[
            ID,
            extract(ExtractKind::SeniorMunicipalPost, Requirement::Optional),
            DIPLOMA_OPTIONAL,
            RIGHT_TO_WORK,
            REFERENCES,
        ],
    ),
    profile(
        Role::Administrator,
        "administrator",
        "Administratör",
        "Administrator",
        &[ID, DIPLOMA_OPTIONAL, RIGHT_TO_WORK, REFERENCES],
    ),
];

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 12] = [
        Role::PreschoolTeacher,
        Role::Teacher,
        Role::AfterSchoolStaff,
        Role::LssAssistantChildren,
        Role::HvbStaffChildren,
        Role::HomeCareStaff,
        Role::AssistantNurse,
        Role::Nurse,
        Role::Physician,
        Role::SocialWorker,
        Role::SeniorManager,
        Role::Administrator,
    ];

    /// The role's profile.
    pub const fn profile(self) -> &'static RoleProfile {
        // ROLE_PROFILES is in declaration order; the test `profiles_in_order` keeps it so.
        let i = self as usize;
        if i < ROLE_PROFILES.len() { &ROLE_PROFILES[i] } else { &ROLE_PROFILES[0] }
    }

    /// The stable kebab-case id (`"preschool-teacher"`, …).
    pub const fn id(self) -> &'static str {
        self.profile().id
    }

    /// The role's name.
    pub const fn name(self) -> Text {
        self.profile().name
    }

    /// The role with this id, if any.
    pub fn from_id(id: &str) -> Option<Role> {
        ROLE_PROFILES.iter().find(|p| p.id == id).map(|p| p.role)
    }
}

/// The state of a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ItemState {
    /// Not yet done.
    Pending,
    /// Done and passed.
    Passed,
    /// Done and failed.
    Failed,
    /// Does not apply.
    NotApplicable,
}

/// Why an item is in its state: a closed list with bilingual texts, never free text.
///
/// The variant order is part of the wire format (see [`Reason::code`]); new reasons are only
/// appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Reason {
    /// Not yet checked.
    AwaitingCheck,
    /// Checked by staff.
    CheckedByStaff,
    /// An approved, valid identity document.
    DocumentApproved,
    /// The document has expired.
    DocumentExpired,
    /// The document is not on the list of approved identity documents.
    DocumentNotApproved,
    /// The document (for example a residence permit card) is not an identity document.
    NotAnIdentityDocument,
    /// The document is approved only for citizens of the EU/EEA/Switzerland.
    DocumentNotForCitizenship,
    /// The document's issue date is needed to judge it.
    IssueDateMissing,
    /// Issued before the date from which such documents are approved.
    IssuedBeforeCutoff,
    /// An MRZ check digit failed.
    MrzCheckFailed,
    /// The MRZ could not be read.
    MrzUnreadable,
    /// The candidate did not show the document.
    NotShown,
    /// The extract is of the right type and young enough.
    ExtractValid,
    /// The extract is too old.
    ExtractTooOld,
    /// The extract is of the wrong type for the role.
    ExtractWrongType,
    /// The extract's date is after today.
    DateInFuture,
    /// Found in the register.
    InRegister,
    /// Not found in the register.
    NotInRegister,
    /// The diploma is verified.
    DiplomaVerified,
    /// The diploma could not be verified.
    DiplomaNotVerified,
    /// A document showing the right to stay and work was checked and a copy filed.
    RightToWorkShown,
    /// The right-to-work document was checked, but the copy is not yet in the personnel file.
    CopyNotFiled,
    /// The document shows no right to work.
    NoRightToWork,
    /// The document does not show a right to work.
    NotARightToWorkDocument,
    /// Exempt from the work-permit requirement.
    ExemptFromWorkPermit,
    /// Citizen of Sweden or another EU/EEA state or Switzerland: no work permit needed.
    FreeMovement,
    /// References taken and supportive.
    ReferencesTaken,
    /// References do not support the hiring.
    ReferencesNegative,
    /// The rule is not yet in force.
    NotYetInForce,
    /// The employer does not require this optional check.
    NotRequiredByEmployer,
    /// The candidate was informed.
    InformationGiven,
    /// Documented in the case file.
    SeeCaseFile,
    /// The MRZ is readable but its content is invalid (a date, code, sex or embedded
    /// personnummer that cannot be right).
    MrzInvalid,
}

impl Reason {
    /// The stable numeric code (the variant index).
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The reason in words.
    pub const fn text(self) -> Text {
        match self {
            Reason::AwaitingCheck => Text::new("Väntar på kontroll", "Awaiting check"),
            Reason::CheckedByStaff => Text::new("Kontrollerad av personal", "Checked by staff"),
            Reason::DocumentApproved => {
                Text::new("Godkänd och giltig id-handling", "Approved, valid identity document")
            }
            Reason::DocumentExpired => Text::new("Handlingen har gått ut", "The document has expired"),
            Reason::DocumentNotApproved => {
                Text::new("Inte en godkänd id-handling", "Not an approved identity document")
            }
            Reason::NotAnIdentityDocument => Text::new(
                "Handlingen är inte en id-handling (t.ex. UT-kort)",
                "Not an identity document (e.g. a residence permit card)",
            ),
            Reason::DocumentNotForCitizenship => Text::new(
                "Godkänd bara för medborgare i EU/EES/Schweiz",
                "Approved only for citizens of the EU/EEA/Switzerland",
            ),
            Reason::IssueDateMissing => Text::new(
                "Utfärdandedatum behövs för att bedöma handlingen",
                "The issue date is needed to judge the document",
            ),
            Reason::IssuedBeforeCutoff => Text::new(
                "Utfärdad före det datum då sådana handlingar godkänns",
                "Issued before the date from which such documents are approved",
            ),
            Reason::MrzCheckFailed => Text::new("En kontrollsiffra i MRZ stämmer inte", "An MRZ check digit is wrong"),
            Reason::MrzUnreadable => Text::new("MRZ kunde inte läsas", "The MRZ could not be read"),
            Reason::NotShown => Text::new("Handlingen visades inte", "The document was not shown"),
            Reason::ExtractValid => {
                Text::new("Utdrag av rätt typ och inte för gammalt", "Extract of the right type and not too old")
            }
            Reason::ExtractTooOld => Text::new("Utdraget är för gammalt", "The extract is too old"),
            Reason::ExtractWrongType => Text::new("Fel typ av utdrag för rollen", "Wrong type of extract for the role"),
            Reason::DateInFuture => Text::new("Datumet ligger efter i dag", "The date is after today"),
            Reason::InRegister => Text::new("Finns i registret", "Found in the register"),
            Reason::NotInRegister => Text::new("Finns inte i registret", "Not found in the register"),
            Reason::DiplomaVerified => Text::new("Examen verifierad", "Diploma verified"),
            Reason::DiplomaNotVerified => Text::new("Examen kunde inte verifieras", "Diploma could not be verified"),
            Reason::RightToWorkShown => Text::new(
                "Rätt att arbeta kontrollerad, kopia i personalakten",
                "Right to work checked, copy in the personnel file",
            ),
            Reason::CopyNotFiled => Text::new("Kopia saknas i personalakten", "Copy not yet in the personnel file"),
            Reason::NoRightToWork => {
                Text::new("Handlingen ger inte rätt att arbeta", "The document gives no right to work")
            }
            Reason::NotARightToWorkDocument => {
                Text::new("Handlingen visar inte rätt att arbeta", "The document does not show a right to work")
            }
            Reason::ExemptFromWorkPermit => {
                Text::new("Undantagen från kravet på arbetstillstånd", "Exempt from the work-permit requirement")
            }
            Reason::FreeMovement => Text::new(
                "Medborgare i Sverige, EU/EES eller Schweiz: arbetstillstånd behövs inte",
                "Citizen of Sweden, the EU/EEA or Switzerland: no work permit needed",
            ),
            Reason::ReferencesTaken => Text::new("Referenser tagna", "References taken"),
            Reason::ReferencesNegative => {
                Text::new("Referenserna stöder inte anställning", "References do not support hiring")
            }
            Reason::NotYetInForce => Text::new("Regeln gäller ännu inte", "The rule is not yet in force"),
            Reason::NotRequiredByEmployer => {
                Text::new("Arbetsgivaren kräver inte detta", "Not required by the employer")
            }
            Reason::InformationGiven => Text::new("Information lämnad", "Information given"),
            Reason::SeeCaseFile => Text::new("Dokumenterat i ärendet", "Documented in the case file"),
            Reason::MrzInvalid => {
                Text::new("MRZ är läsbar men innehållet är ogiltigt", "The MRZ is readable but its content is invalid")
            }
        }
    }
}

/// Something staff should look at that does not by itself fail an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Warning {
    /// The personnummer's date differs from the MRZ date of birth. Skatteverket sometimes
    /// assigns a nearby day when a date's numbers run out, so look, don't reject.
    PersonnummerDateDiffers,
    /// A Swedish document number's format does not match its issue date (8 digits before
    /// 2022, 9 characters from 2022).
    DocumentNumberFormatUnexpected,
    /// The document kind read from the MRZ differs from the kind staff chose.
    DocumentKindDiffers,
    /// The document expires within 30 days.
    DocumentExpiresSoon,
}

impl Warning {
    /// The warning in words.
    pub const fn text(self) -> Text {
        match self {
            Warning::PersonnummerDateDiffers => Text::new(
                "Personnumrets datum skiljer sig från födelsedatumet i MRZ. Det kan vara ett tilldelat närliggande datum: titta närmare.",
                "The personnummer's date differs from the MRZ date of birth. It may be a nearby assigned day: take a closer look.",
            ),
            Warning::DocumentNumberFormatUnexpected => Text::new(
                "Handlingsnumrets format stämmer inte med utfärdandedatumet",
                "The document number's format does not match the issue date",
            ),
            Warning::DocumentKindDiffers => Text::new(
                "Handlingstypen i MRZ skiljer sig från den valda",
                "The document kind in the MRZ differs from the one chosen",
            ),
            Warning::DocumentExpiresSoon => {
                Text::new("Handlingen går ut inom 30 dagar", "The document expires within 30 days")
            }
        }
    }
}

/// The overall result of a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Outcome {
    /// Every required item passed.
    Verified,
    /// A required item failed.
    Rejected,
    /// No required item failed, but some are pending.
    Incomplete,
}

impl Outcome {
    /// The outcome in words.
    pub const fn text(self) -> Text {
        match self {
            Outcome::Verified => Text::new("Godkänd", "Verified"),
            Outcome::Rejected => Text::new("Underkänd", "Rejected"),
            Outcome::Incomplete => Text::new("Ofullständig", "Incomplete"),
        }
    }
}

/// One item of a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Item {
    /// Which check.
    pub kind: ItemKind,
    /// How much it counts (an optional item becomes required when the employer requires it).
    pub requirement: Requirement,
    /// Its state.
    pub state: ItemState,
    /// Why.
    pub reason: Reason,
}

impl Item {
    /// Whether this item decides the outcome: required and applicable.
    pub fn is_required(&self) -> bool {
        self.requirement == Requirement::Required && self.state != ItemState::NotApplicable
    }

    /// Whether the item does not apply by rule (not yet in force, or free movement): staff
    /// cannot change it.
    pub fn is_fixed(&self) -> bool {
        self.state == ItemState::NotApplicable && matches!(self.reason, Reason::NotYetInForce | Reason::FreeMovement)
    }
}

/// The outcome with the items that decide it: the failed required items when rejected, the
/// pending required items when incomplete, every required item when verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The outcome.
    pub outcome: Outcome,
    /// The items that decide it.
    pub deciding: Vec<ItemKind, MAX_ITEMS>,
}

/// Why a staff action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecklistError {
    /// The role's profile has no such item.
    NoSuchItem,
    /// The item does not apply (not yet in force, or free movement).
    NotApplicable,
    /// A required item cannot be marked not applicable.
    Required,
    /// The evidence does not fit the item (for example the wrong register for the role).
    WrongEvidence,
    /// The reason cannot be given by hand for this item and state
    /// ([`ItemKind::manual_reasons`]); it needs evidence.
    ReasonNeedsEvidence,
}

impl ChecklistError {
    /// The refusal in words, for staff.
    pub const fn text(self) -> Text {
        match self {
            ChecklistError::NoSuchItem => Text::new("Rollen har ingen sådan kontroll", "The role has no such check"),
            ChecklistError::NotApplicable => {
                Text::new("Den här kontrollen gäller inte för kandidaten", "This check does not apply to the candidate")
            }
            ChecklistError::Required => Text::new(
                "En obligatorisk kontroll kan inte markeras som ej tillämplig",
                "A required check cannot be marked not applicable",
            ),
            ChecklistError::WrongEvidence => {
                Text::new("Underlaget passar inte kontrollen", "The evidence does not fit the check")
            }
            ChecklistError::ReasonNeedsEvidence => Text::new(
                "Den här kontrollen kräver underlag: registrera handlingen",
                "This check needs evidence: record the document",
            ),
        }
    }
}

impl core::fmt::Display for ChecklistError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            ChecklistError::NoSuchItem => "the role has no such checklist item",
            ChecklistError::NotApplicable => "the item does not apply",
            ChecklistError::Required => "a required item cannot be marked not applicable",
            ChecklistError::WrongEvidence => "the evidence does not fit the item",
            ChecklistError::ReasonNeedsEvidence => "the reason needs evidence and cannot be given by hand",
        })
    }
}

impl core::error::Error for ChecklistError {}

/// The result of reading a document's MRZ, as far as the checklist needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum MrzCheck {
    /// The MRZ was not read (for example a driving licence, which has none).
    NotRead,
    /// Every check digit and the composite are correct.
    Valid,
    /// A check digit or the composite is wrong.
    CheckDigitFailed,
    /// The MRZ could not be parsed (length, characters).
    Unreadable,
}

/// What staff saw of an identity document. Nothing here identifies the candidate; the
/// checklist keeps only the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DocumentEvidence {
    /// The kind of document.
    pub kind: DocumentKind,
    /// Its issue date, when known (needed for EU/EEA/Swiss documents).
    pub issue_date: Option<Date>,
    /// Its expiry date; the document is valid through this day.
    pub expiry_date: Date,
    /// The MRZ result.
    pub mrz: MrzCheck,
}

/// What staff saw of a right-to-work document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RightToWorkEvidence {
    /// The kind of document (a residence permit card shows the right to work).
    pub document: DocumentKind,
    /// Its expiry date; valid through this day.
    pub expiry_date: Date,
    /// Whether the document states the right to work in Sweden.
    pub work_permitted: bool,
    /// Whether the employer's copy is in the personnel file.
    pub copy_in_personnel_file: bool,
}

/// A checklist for one candidate, one role, one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    role: Role,
    group: CitizenshipGroup,
    opened: Date,
    items: Vec<Item, MAX_ITEMS>,
    warnings: Vec<Warning, MAX_WARNINGS>,
    document: Option<DocumentKind>,
    extract: Option<ExtractSighting>,
}

impl Checklist {
    /// The checklist for `role`, a candidate of `group`, on `today`: every item pending except
    /// those not yet in force and, for citizens of the EU/EEA/Switzerland, the right to work.
    pub fn new(role: Role, group: CitizenshipGroup, today: Date) -> Checklist {
        let mut items = Vec::new();
        for spec in role.profile().items {
            let (state, reason) = match spec.from {
                Some(from) if today < from => (ItemState::NotApplicable, Reason::NotYetInForce),
                _ if spec.kind == ItemKind::RightToWork && group.has_free_movement() => {
                    (ItemState::NotApplicable, Reason::FreeMovement)
                }
                _ => (ItemState::Pending, Reason::AwaitingCheck),
            };
            // Profiles hold at most 7 items (test `profiles_fit`), so this never drops one.
            let _ = items.push(Item { kind: spec.kind, requirement: spec.requirement, state, reason });
        }
        Checklist { role, group, opened: today, items, warnings: Vec::new(), document: None, extract: None }
    }

    /// The role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The candidate's citizenship group.
    pub fn group(&self) -> CitizenshipGroup {
        self.group
    }

    /// The day the checklist was opened.
    pub fn opened(&self) -> Date {
        self.opened
    }

    /// Every item, in profile order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The item of this kind, if the role has it.
    pub fn item(&self, kind: ItemKind) -> Option<&Item> {
        self.items.iter().find(|i| i.kind == kind)
    }

    /// The rule behind the item of this kind, if the role has it.
    pub fn spec(&self, kind: ItemKind) -> Option<&'static ItemSpec> {
        self.role.profile().items.iter().find(|s| s.kind == kind)
    }

    /// Warnings for staff, oldest first.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The identity document recorded, if any.
    pub fn document(&self) -> Option<DocumentKind> {
        self.document
    }

    /// The extract sighting recorded, if any.
    pub fn extract(&self) -> Option<ExtractSighting> {
        self.extract
    }

    /// Adds a warning once; silently dropped when [`MAX_WARNINGS`] are already held.
    pub fn warn(&mut self, warning: Warning) {
        if !self.warnings.contains(&warning) {
            let _ = self.warnings.push(warning);
        }
    }

    fn item_mut(&mut self, kind: ItemKind) -> Result<&mut Item, ChecklistError> {
        self.items.iter_mut().find(|i| i.kind == kind).ok_or(ChecklistError::NoSuchItem)
    }

    /// The item, if it exists and applies.
    fn applicable_mut(&mut self, kind: ItemKind) -> Result<&mut Item, ChecklistError> {
        let item = self.item_mut(kind)?;
        if item.is_fixed() {
            return Err(ChecklistError::NotApplicable);
        }
        Ok(item)
    }

    fn set(&mut self, kind: ItemKind, state: ItemState, reason: Reason) -> Result<Item, ChecklistError> {
        let item = self.applicable_mut(kind)?;
        item.state = state;
        item.reason = reason;
        Ok(*item)
    }

    /// Marks an item by hand with one of [`ItemKind::manual_reasons`]; other reasons are
    /// refused ([`ChecklistError::ReasonNeedsEvidence`]) after the item's applicability.
    fn mark(&mut self, kind: ItemKind, state: ItemState, reason: Reason) -> Result<(), ChecklistError> {
        self.applicable_mut(kind)?;
        if !kind.manual_reasons(state).contains(&reason) {
            return Err(ChecklistError::ReasonNeedsEvidence);
        }
        self.set(kind, state, reason).map(|_| ())
    }

    /// Staff mark an item passed, with one of its [manual reasons](ItemKind::manual_reasons).
    pub fn pass(&mut self, kind: ItemKind, reason: Reason) -> Result<(), ChecklistError> {
        self.mark(kind, ItemState::Passed, reason)
    }

    /// Staff mark an item failed, with one of its [manual reasons](ItemKind::manual_reasons).
    pub fn fail(&mut self, kind: ItemKind, reason: Reason) -> Result<(), ChecklistError> {
        self.mark(kind, ItemState::Failed, reason)
    }

    /// Staff mark an optional or informative item not applicable, with one of its
    /// [manual reasons](ItemKind::manual_reasons). Required items cannot be.
    pub fn not_applicable(&mut self, kind: ItemKind, reason: Reason) -> Result<(), ChecklistError> {
        if self.item(kind).is_some_and(|i| i.requirement == Requirement::Required) {
            return Err(ChecklistError::Required);
        }
        self.mark(kind, ItemState::NotApplicable, reason)
    }

    /// Staff put an item back to pending.
    pub fn reset(&mut self, kind: ItemKind) -> Result<(), ChecklistError> {
        self.set(kind, ItemState::Pending, Reason::AwaitingCheck).map(|_| ())
    }

    /// The employer requires an optional item (for example an extract for home care, allowed
    /// from 2026-03-01): from now on it decides the outcome.
    pub fn require(&mut self, kind: ItemKind) -> Result<(), ChecklistError> {
        let item = self.applicable_mut(kind)?;
        match item.requirement {
            Requirement::Informative => Err(ChecklistError::WrongEvidence),
            _ => {
                item.requirement = Requirement::Required;
                if item.state == ItemState::NotApplicable {
                    item.state = ItemState::Pending;
                    item.reason = Reason::AwaitingCheck;
                }
                Ok(())
            }
        }
    }

    /// Records an identity document and judges the identity item: a kind not approved for the
    /// candidate's group, an issue date before the cut-off, an expired document (after its
    /// expiry day), or a failed or unreadable MRZ fails it; otherwise it passes. A document
    /// expiring within 30 days adds a warning.
    ///
    /// A residence permit card fails the identity item ([`Reason::NotAnIdentityDocument`]);
    /// record it for the right to work with [`Checklist::record_right_to_work`].
    pub fn record_identity_document(&mut self, evidence: &DocumentEvidence, today: Date) -> Item {
        if self.document.is_some_and(|k| k != evidence.kind) {
            self.warn(Warning::DocumentKindDiffers);
        }
        self.document = Some(evidence.kind);
        let reason = match document_acceptable(evidence.kind, self.group, evidence.issue_date) {
            Err(reason) => Some(reason),
            Ok(()) if evidence.issue_date.is_some_and(|d| d > today) => Some(Reason::DateInFuture),
            Ok(()) if today > evidence.expiry_date => Some(Reason::DocumentExpired),
            Ok(()) => match evidence.mrz {
                MrzCheck::CheckDigitFailed => Some(Reason::MrzCheckFailed),
                MrzCheck::Unreadable => Some(Reason::MrzUnreadable),
                MrzCheck::Valid | MrzCheck::NotRead => None,
            },
        };
        if reason.is_none() && today.days_until(evidence.expiry_date) < 30 {
            self.warn(Warning::DocumentExpiresSoon);
        }
        let (state, reason) = match reason {
            Some(r) => (ItemState::Failed, r),
            None => (ItemState::Passed, Reason::DocumentApproved),
        };
        self.set_identity(state, reason)
    }

    /// Applies a parsed MRZ to the identity item.
    ///
    /// - Unreadable input (no recognisable layout, illegal characters, letters where digits
    ///   belong, probable OCR confusions): the item stays pending with
    ///   [`Reason::MrzUnreadable`], for staff to fix the input. Nothing is guessed.
    /// - A cleanly read MRZ with a wrong check digit or composite: failed,
    ///   [`Reason::MrzCheckFailed`]; any other content error (month 13, bad sex or document
    ///   code, invalid embedded personnummer): failed, [`Reason::MrzInvalid`].
    /// - A document code and issuing state outside the catalogue
    ///   ([`classify_mrz`](crate::idcheck::documents::classify_mrz)): failed,
    ///   [`Reason::DocumentNotApproved`].
    /// - Otherwise the document is judged as by [`Checklist::record_identity_document`] with
    ///   the MRZ's date of expiry against `today`. The MRZ has no issue date, so for documents
    ///   with an issue-date rule (EU/EEA/Swiss passports and EU ID cards) staff pass the printed
    ///   `issue_date`; without it the item fails with [`Reason::IssueDateMissing`].
    ///
    /// A personnummer date that differs from the MRZ date of birth becomes
    /// [`Warning::PersonnummerDateDiffers`], never a failure. Nothing of the MRZ is kept but
    /// the document kind.
    pub fn apply_mrz(&mut self, report: &MrzReport, issue_date: Option<Date>, today: Date) -> Item {
        use crate::idcheck::documents::classify_mrz;
        use crate::idcheck::mrz::{IssueKind, Warning as MrzWarning};

        for w in &report.warnings {
            if let MrzWarning::PersonnummerDateDiffers { .. } = w {
                self.warn(Warning::PersonnummerDateDiffers);
            }
        }
        let unreadable = report.format.is_none()
            || report.issues.iter().any(|i| {
                matches!(
                    i.kind,
                    IssueKind::Empty
                        | IssueKind::LineCount { .. }
                        | IssueKind::LineLength { .. }
                        | IssueKind::UnbrokenLength { .. }
                        | IssueKind::IllegalCharacter { .. }
                        | IssueKind::ProbableDigit { .. }
                        | IssueKind::NotDigit { .. }
                        | IssueKind::ProbableLetter { .. }
                        | IssueKind::NotLetter { .. }
                )
            });
        let digit_failed = report.issues.iter().any(|i| matches!(i.kind, IssueKind::CheckDigit { .. }))
            || report.checks.iter().any(|c| !c.ok);
        // Expiry is judged below against `today`; everything else is a content error.
        let invalid = report.issues_omitted > 0
            || report
                .issues
                .iter()
                .any(|i| !matches!(i.kind, IssueKind::CheckDigit { .. } | IssueKind::Expired { .. }));
        if unreadable {
            return self.set_identity(ItemState::Pending, Reason::MrzUnreadable);
        }
        let (code, state) = report.document_key();
        let kind = classify_mrz(code, state);
        if let Some(k) = kind {
            if self.document.is_some_and(|d| d != k) {
                self.warn(Warning::DocumentKindDiffers);
            }
            self.document = Some(k);
        }
        if digit_failed {
            return self.set_identity(ItemState::Failed, Reason::MrzCheckFailed);
        }
        if invalid {
            return self.set_identity(ItemState::Failed, Reason::MrzInvalid);
        }
        let Some(kind) = kind else {
            return self.set_identity(ItemState::Failed, Reason::DocumentNotApproved);
        };
        let Some(expiry_date) = report.date_of_expiry else {
            return self.set_identity(ItemState::Pending, Reason::MrzUnreadable);
        };
        let evidence = DocumentEvidence { kind, issue_date, expiry_date, mrz: MrzCheck::Valid };
        self.record_identity_document(&evidence, today)
    }

    fn set_identity(&mut self, state: ItemState, reason: Reason) -> Item {
        // The identity item is in every profile and always applies.
        self.set(ItemKind::Identity, state, reason).unwrap_or(Item {
            kind: ItemKind::Identity,
            requirement: Requirement::Required,
            state,
            reason,
        })
    }

    /// Compares the date of birth in the MRZ with the personnummer's date (samordningsnummer
    /// day already reduced by 60). A difference is a warning, never a failure.
    pub fn compare_birth_dates(&mut self, mrz_birth: Date, personnummer_birth: Date) {
        if mrz_birth != personnummer_birth {
            self.warn(Warning::PersonnummerDateDiffers);
        }
    }

    /// Checks a Swedish passport or ID card number's format against its issue date; a
    /// mismatch or an unrecognised format adds a warning. The number is not kept.
    pub fn check_swedish_document_number(&mut self, number: &str, issued: Date) {
        use crate::idcheck::documents::{SwedishNumberFormat, swedish_document_number_format};
        if swedish_document_number_format(number) != Some(SwedishNumberFormat::expected_for(issued)) {
            self.warn(Warning::DocumentNumberFormatUnexpected);
        }
    }

    /// Records a criminal-record extract that was shown (and handed back) and judges the
    /// item: issued after today, of the wrong type for the role, or older than the type's
    /// maximum age fails it; otherwise it passes. Recording an extract for an optional item
    /// makes it required: by asking for the extract the employer requires it. Only the type,
    /// issue date and the day it was shown are kept.
    pub fn record_extract(&mut self, kind: ExtractKind, issued: Date, today: Date) -> Result<Item, ChecklistError> {
        let wanted = self.spec(ItemKind::CriminalRecord).and_then(|s| s.extract);
        let item = self.applicable_mut(ItemKind::CriminalRecord)?;
        if item.requirement == Requirement::Optional {
            item.requirement = Requirement::Required;
        }
        let reason = if issued > today {
            Some(Reason::DateInFuture)
        } else if wanted != Some(kind) {
            Some(Reason::ExtractWrongType)
        } else if today > kind.valid_until(issued) {
            Some(Reason::ExtractTooOld)
        } else {
            None
        };
        self.extract = Some(ExtractSighting { kind, issued_on: issued, shown_on: today });
        match reason {
            Some(r) => self.set(ItemKind::CriminalRecord, ItemState::Failed, r),
            None => self.set(ItemKind::CriminalRecord, ItemState::Passed, Reason::ExtractValid),
        }
    }

    /// Records a register look-up for the licence item. Looking in a register other than the
    /// role's is refused ([`ChecklistError::WrongEvidence`]).
    pub fn record_licence(&mut self, register: Register, found: bool) -> Result<Item, ChecklistError> {
        let wanted = self.spec(ItemKind::Licence).and_then(|s| s.register);
        self.applicable_mut(ItemKind::Licence)?;
        if wanted != Some(register) {
            return Err(ChecklistError::WrongEvidence);
        }
        if found {
            self.set(ItemKind::Licence, ItemState::Passed, Reason::InRegister)
        } else {
            self.set(ItemKind::Licence, ItemState::Failed, Reason::NotInRegister)
        }
    }

    /// Records the right-to-work check: a document that does not show the right to work, an
    /// expired one, or one without the right to work fails the item; without the copy in the
    /// personnel file it stays pending ([`Reason::CopyNotFiled`]); otherwise it passes.
    /// Refused with [`ChecklistError::NotApplicable`] for citizens of the EU/EEA/Switzerland.
    pub fn record_right_to_work(
        &mut self,
        evidence: &RightToWorkEvidence,
        today: Date,
    ) -> Result<Item, ChecklistError> {
        let (state, reason) = if !evidence.document.shows_right_to_work() {
            (ItemState::Failed, Reason::NotARightToWorkDocument)
        } else if today > evidence.expiry_date {
            (ItemState::Failed, Reason::DocumentExpired)
        } else if !evidence.work_permitted {
            (ItemState::Failed, Reason::NoRightToWork)
        } else if !evidence.copy_in_personnel_file {
            (ItemState::Pending, Reason::CopyNotFiled)
        } else {
            (ItemState::Passed, Reason::RightToWorkShown)
        };
        self.set(ItemKind::RightToWork, state, reason)
    }

    /// The outcome with the items that decide it.
    pub fn decision(&self) -> Decision {
        let required = || self.items.iter().filter(|i| i.is_required());
        let pick = |state: Option<ItemState>| {
            let mut v = Vec::new();
            for i in required().filter(|i| state.is_none_or(|s| i.state == s)) {
                let _ = v.push(i.kind);
            }
            v
        };
        if required().any(|i| i.state == ItemState::Failed) {
            Decision { outcome: Outcome::Rejected, deciding: pick(Some(ItemState::Failed)) }
        } else if required().any(|i| i.state == ItemState::Pending) {
            Decision { outcome: Outcome::Incomplete, deciding: pick(Some(ItemState::Pending)) }
        } else {
            Decision { outcome: Outcome::Verified, deciding: pick(None) }
        }
    }

    /// The outcome: verified when every required item passed, rejected when any failed,
    /// otherwise incomplete.
    pub fn outcome(&self) -> Outcome {
        self.decision().outcome
    }

    /// The record of the finished check, dated `today`. It holds only enums and dates.
    pub fn finish(&self, today: Date) -> CheckRecord {
        CheckRecord {
            role: self.role,
            document: self.document,
            items: self.items.clone(),
            outcome: self.outcome(),
            checked_on: today,
            extract: self.extract,
        }
    }
}

impl Requirement {
    /// The stable id, as in the JSON wire format (for example `"informative"`).
    pub const fn id(self) -> &'static str {
        match self {
            Requirement::Required => "required",
            Requirement::Optional => "optional",
            Requirement::Informative => "informative",
        }
    }
}

impl ItemState {
    /// The stable id, as in the JSON wire format (for example `"not-applicable"`).
    pub const fn id(self) -> &'static str {
        match self {
            ItemState::Pending => "pending",
            ItemState::Passed => "passed",
            ItemState::Failed => "failed",
            ItemState::NotApplicable => "not-applicable",
        }
    }
}

impl Outcome {
    /// The stable id, as in the JSON wire format (for example `"incomplete"`).
    pub const fn id(self) -> &'static str {
        match self {
            Outcome::Verified => "verified",
            Outcome::Rejected => "rejected",
            Outcome::Incomplete => "incomplete",
        }
    }
}

impl ExtractKind {
    /// The stable id, as in the JSON wire format (for example `"senior-municipal-post"`).
    pub const fn id(self) -> &'static str {
        match self {
            ExtractKind::School => "school",
            ExtractKind::LssChildren => "lss-children",
            ExtractKind::HvbChildren => "hvb-children",
            ExtractKind::ElderlyOrDisabilityCare => "elderly-or-disability-care",
            ExtractKind::SeniorMunicipalPost => "senior-municipal-post",
        }
    }
}

impl Register {
    /// The stable id, as in the JSON wire format (for example `"skolverket"`).
    pub const fn id(self) -> &'static str {
        match self {
            Register::Socialstyrelsen => "socialstyrelsen",
            Register::Skolverket => "skolverket",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_in_order_and_fit() {
        assert_eq!(ROLE_PROFILES.len(), Role::ALL.len());
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(ROLE_PROFILES[i].role, role);
            assert_eq!(Role::from_id(role.id()), Some(role));
            let items = role.profile().items;
            assert!(items.len() <= MAX_ITEMS);
            assert_eq!(items[0].kind, ItemKind::Identity);
            for (j, a) in items.iter().enumerate() {
                assert!(items[j + 1..].iter().all(|b| b.kind != a.kind), "{role:?}");
                assert_eq!(a.kind == ItemKind::CriminalRecord, a.extract.is_some());
                assert_eq!(a.kind == ItemKind::Licence, a.register.is_some());
            }
        }
        for (i, e) in EXTRACT_TYPES.iter().enumerate() {
            assert_eq!(e.kind as usize, i);
        }
    }
}
