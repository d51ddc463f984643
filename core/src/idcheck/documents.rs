//! The approved identity documents, and the documents that prove the right to work without
//! being identity documents.
//!
//! Every rule here is data with its source: which documents the police accept as proof of
//! identity, who may use them, from which issue date, and what staff must look at.
//!
//! Sources:
//! - Polisen, *Godkända id-handlingar* (the police's list of approved identity documents):
//!   Swedish passport (not provisional), Swedish national ID card, Swedish driving licence,
//!   SIS-marked ID card, Skatteverket's ID card; for citizens of the EU, the EEA and
//!   Switzerland also their passports issued from 1 September 2006 and EU national ID cards
//!   issued from 2 August 2021.
//! - Regulation (EU) 2019/1157 on strengthening the security of identity cards of Union
//!   citizens, applicable from 2 August 2021.
//! - Migrationsverket: the residence permit card (UT-kort) shows the right to stay and work but
//!   is not an identity document.
//! - Stockholm stad, verksamhetsberättelse 2025 (seed 001) §15: "Godkänd ID-handling
//!   kontrolleras alltid i samband med intervju"; §17: rising requirements on specific
//!   approved ID documents.
//!
//! ```
//! use rekry_core::Date;
//! use rekry_core::idcheck::documents::{
//!     CitizenshipGroup, DocumentKind, classify_mrz, document_acceptable,
//! };
//! use rekry_core::idcheck::checklist::Reason;
//!
//! assert_eq!(classify_mrz("P<", "SWE"), Some(DocumentKind::SwedishPassport));
//! assert_eq!(classify_mrz("P", "D<<"), Some(DocumentKind::EuEeaSwissPassport));
//!
//! // A German passport issued in 2005 is too old to be an approved document.
//! let issued = Date::new(2005, 6, 1).ok();
//! assert_eq!(
//!     document_acceptable(DocumentKind::EuEeaSwissPassport, CitizenshipGroup::EuEeaSwiss, issued),
//!     Err(Reason::IssuedBeforeCutoff)
//! );
//! // A residence permit card is not an identity document.
//! assert_eq!(
//!     document_acceptable(DocumentKind::ResidencePermitCard, CitizenshipGroup::Other, None),
//!     Err(Reason::NotAnIdentityDocument)
//! );
//! ```

use crate::date::Date;
use crate::idcheck::checklist::Reason;
use crate::text::Text;

/// A date for a constant table; evaluated at compile time, so a bad literal fails the build.
pub(crate) const fn const_date(year: u16, month: u8, day: u8) -> Date {
    match Date::new(year, month, day) {
        Ok(d) => d,
        Err(_) => panic!("invalid date in a rule table"),
    }
}

/// Passports of EU, EEA and Swiss citizens are approved when issued from this date (the
/// first biometric passports under Council Regulation (EC) No 2252/2004).
///
/// Source: Polisen, *Godkända id-handlingar*.
pub const EU_PASSPORT_ISSUED_FROM: Date = const_date(2006, 9, 1);

/// National ID cards of EU citizens are approved when issued from this date, the date from
/// which Regulation (EU) 2019/1157 applies.
///
/// Source: Regulation (EU) 2019/1157, art. 16; Polisen, *Godkända id-handlingar*.
pub const EU_ID_CARD_ISSUED_FROM: Date = const_date(2021, 8, 2);

/// Swedish passports and national ID cards issued from this date have 9-character
/// alphanumeric document numbers; older ones have 8 digits.
///
/// Source: Polisen (new passport and national ID card generation introduced in 2022).
/// Staff use the format only as a plausibility hint, never as a reason to reject.
pub const SWEDISH_NEW_NUMBER_FORMAT_FROM: Date = const_date(2022, 1, 1);

/// What a document is.
///
/// The order of the variants is part of the wire format (postcard encodes the variant index):
/// new variants are only ever appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum DocumentKind {
    /// Swedish passport (pass), not a provisional one. Approved.
    SwedishPassport,
    /// Swedish provisional passport (provisoriskt pass). Not approved as proof of identity.
    SwedishProvisionalPassport,
    /// Swedish national ID card (nationellt id-kort), issued by the police. Approved.
    SwedishNationalIdCard,
    /// Swedish driving licence (svenskt körkort). Approved.
    SwedishDrivingLicence,
    /// SIS-marked ID card (SIS-märkt id-kort), for example a bank's ID card. Approved.
    SisIdCard,
    /// Skatteverket's ID card (Skatteverkets id-kort). Approved.
    SkatteverketIdCard,
    /// Passport of an EU, EEA or Swiss state other than Sweden. Approved for citizens of the
    /// EU, the EEA and Switzerland when issued from [`EU_PASSPORT_ISSUED_FROM`].
    EuEeaSwissPassport,
    /// National ID card of an EU member state other than Sweden. Approved for citizens of the
    /// EU, the EEA and Switzerland when issued from [`EU_ID_CARD_ISSUED_FROM`].
    EuNationalIdCard,
    /// National ID card of Norway, Iceland, Liechtenstein or Switzerland: outside Regulation
    /// (EU) 2019/1157 and not on the police's list. Not approved.
    EeaSwissNationalIdCard,
    /// Passport of any other state. Not on the police's list: not approved.
    OtherPassport,
    /// Residence permit card (uppehållstillståndskort, UT-kort) from Migrationsverket. Shows
    /// the right to stay and work; not an identity document.
    ResidencePermitCard,
}

/// Who may use a document as proof of identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Holders {
    /// Anyone who holds the document.
    Anyone,
    /// Only citizens of the EU, the EEA and Switzerland (Swedish citizens included).
    EuEeaSwissCitizens,
}

/// What a document proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Use {
    /// An approved identity document.
    Identity,
    /// Proves the right to stay and work, but is not an identity document.
    RightToWorkOnly,
    /// Recognised, but not an approved identity document.
    NotApproved,
}

/// One document in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Document {
    /// What the document is.
    pub kind: DocumentKind,
    /// Its name, as staff see it.
    pub name: Text,
    /// Whether it is an identity document, only a right-to-work document, or not approved.
    pub usage: Use,
    /// Who may use it.
    pub holders: Holders,
    /// Approved only when issued on or after this date (`None`: any issue date).
    pub issued_from: Option<Date>,
    /// The issuing rule in words (empty when there is none).
    pub issuing_rule: Text,
    /// What staff must look at, in order.
    pub look_at: &'static [Text],
    /// Where the rule comes from.
    pub source: &'static str,
}

const LOOK_PHOTO: Text =
    Text::new("Fotot stämmer med personen framför dig", "The photo matches the person in front of you");
const LOOK_EXPIRY: Text = Text::new("Giltighetstiden har inte gått ut", "The document has not expired");
const LOOK_INTACT: Text = Text::new(
    "Handlingen är hel och inte manipulerad (laminat, foto, text)",
    "The document is intact and not tampered with (laminate, photo, text)",
);
const LOOK_SECURITY: Text = Text::new(
    "Säkerhetsdetaljer: hologram, optiskt variabla element, lasergravyr",
    "Security features: hologram, optically variable elements, laser engraving",
);
const LOOK_MRZ: Text = Text::new(
    "Den maskinläsbara zonen (MRZ) läses in och kontrollsiffrorna stämmer",
    "The machine-readable zone (MRZ) is read and its check digits are correct",
);
const LOOK_NOT_PROVISIONAL: Text = Text::new(
    "Passet är inte provisoriskt (texten \"PROVISORISKT\")",
    "The passport is not provisional (the word \"PROVISORISKT\")",
);
const LOOK_SIS_MARK: Text = Text::new("SIS-märket finns på kortet", "The card carries the SIS certification mark");
const LOOK_ISSUE_2006: Text = Text::new(
    "Utfärdandedatum 2006-09-01 eller senare; innehavaren är medborgare i EU/EES/Schweiz",
    "Issued on or after 2006-09-01; the holder is a citizen of the EU/EEA/Switzerland",
);
const LOOK_ISSUE_2021: Text = Text::new(
    "Utfärdat 2021-08-02 eller senare enligt förordning (EU) 2019/1157 (EU-flaggan med landskoden)",
    "Issued on or after 2021-08-02 under Regulation (EU) 2019/1157 (EU flag with the country code)",
);
const LOOK_UT_WORK: Text = Text::new(
    "Kortet anger rätt att arbeta i Sverige; giltighetstiden har inte gått ut",
    "The card states the right to work in Sweden; it has not expired",
);
const LOOK_UT_COPY: Text = Text::new(
    "Kopia i personalakten (görs av arbetsgivaren, sparas aldrig i kiosken)",
    "Copy in the personnel file (made by the employer, never stored in the kiosk)",
);

const NO_RULE: Text = Text::new("", "");

/// The police's list: Swedish passport.
const SWEDISH_PASSPORT: Document = Document {
    kind: DocumentKind::SwedishPassport,
    name: Text::new("Svenskt pass", "Swedish passport"),
    usage: Use::Identity,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: Text::new("Inte provisoriskt pass", "Not a provisional passport"),
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_NOT_PROVISIONAL, LOOK_SECURITY, LOOK_MRZ],
    source: "Polisen, Godkända id-handlingar",
};

const SWEDISH_PROVISIONAL_PASSPORT: Document = Document {
    kind: DocumentKind::SwedishProvisionalPassport,
    name: Text::new("Svenskt provisoriskt pass", "Swedish provisional passport"),
    usage: Use::NotApproved,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: Text::new(
        "Provisoriska pass är inte godkända id-handlingar",
        "Provisional passports are not approved identity documents",
    ),
    look_at: &[LOOK_NOT_PROVISIONAL],
    source: "Polisen, Godkända id-handlingar",
};

const SWEDISH_NATIONAL_ID_CARD: Document = Document {
    kind: DocumentKind::SwedishNationalIdCard,
    name: Text::new("Svenskt nationellt id-kort", "Swedish national ID card"),
    usage: Use::Identity,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: NO_RULE,
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_SECURITY, LOOK_MRZ],
    source: "Polisen, Godkända id-handlingar",
};

const SWEDISH_DRIVING_LICENCE: Document = Document {
    kind: DocumentKind::SwedishDrivingLicence,
    name: Text::new("Svenskt körkort", "Swedish driving licence"),
    usage: Use::Identity,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: NO_RULE,
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_INTACT, LOOK_SECURITY],
    source: "Polisen, Godkända id-handlingar; Transportstyrelsen",
};

const SIS_ID_CARD: Document = Document {
    kind: DocumentKind::SisIdCard,
    name: Text::new("SIS-märkt id-kort", "SIS-marked ID card"),
    usage: Use::Identity,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: Text::new(
        "Utfärdat enligt SIS standard för id-kort (SS 614330)",
        "Issued under the SIS standard for ID cards (SS 614330)",
    ),
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_SIS_MARK, LOOK_INTACT],
    source: "Polisen, Godkända id-handlingar; Swedish Standards Institute SS 614330",
};

const SKATTEVERKET_ID_CARD: Document = Document {
    kind: DocumentKind::SkatteverketIdCard,
    name: Text::new("Skatteverkets id-kort", "Skatteverket's ID card"),
    usage: Use::Identity,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: NO_RULE,
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_SECURITY],
    source: "Polisen, Godkända id-handlingar; Skatteverket",
};

const EU_PASSPORT: Document = Document {
    kind: DocumentKind::EuEeaSwissPassport,
    name: Text::new("Pass från ett EU/EES-land eller Schweiz", "Passport from an EU/EEA state or Switzerland"),
    usage: Use::Identity,
    holders: Holders::EuEeaSwissCitizens,
    issued_from: Some(EU_PASSPORT_ISSUED_FROM),
    issuing_rule: Text::new(
        "Utfärdat 2006-09-01 eller senare, för medborgare i EU/EES/Schweiz",
        "Issued on or after 2006-09-01, for citizens of the EU/EEA/Switzerland",
    ),
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_ISSUE_2006, LOOK_SECURITY, LOOK_MRZ],
    source: "Polisen, Godkända id-handlingar",
};

const EU_ID_CARD: Document = Document {
    kind: DocumentKind::EuNationalIdCard,
    name: Text::new("Nationellt id-kort från ett EU-land", "National ID card from an EU state"),
    usage: Use::Identity,
    holders: Holders::EuEeaSwissCitizens,
    issued_from: Some(EU_ID_CARD_ISSUED_FROM),
    issuing_rule: Text::new(
        "Utfärdat 2021-08-02 eller senare enligt förordning (EU) 2019/1157",
        "Issued on or after 2021-08-02 under Regulation (EU) 2019/1157",
    ),
    look_at: &[LOOK_PHOTO, LOOK_EXPIRY, LOOK_ISSUE_2021, LOOK_SECURITY, LOOK_MRZ],
    source: "Polisen, Godkända id-handlingar; Regulation (EU) 2019/1157",
};

const EEA_SWISS_ID_CARD: Document = Document {
    kind: DocumentKind::EeaSwissNationalIdCard,
    name: Text::new(
        "Nationellt id-kort från Norge, Island, Liechtenstein eller Schweiz",
        "National ID card from Norway, Iceland, Liechtenstein or Switzerland",
    ),
    usage: Use::NotApproved,
    holders: Holders::EuEeaSwissCitizens,
    issued_from: None,
    issuing_rule: Text::new(
        "Omfattas inte av förordning (EU) 2019/1157; be om pass",
        "Not covered by Regulation (EU) 2019/1157; ask for a passport",
    ),
    look_at: &[],
    source: "Polisen, Godkända id-handlingar; Regulation (EU) 2019/1157",
};

const OTHER_PASSPORT: Document = Document {
    kind: DocumentKind::OtherPassport,
    name: Text::new("Pass från ett land utanför EU/EES", "Passport from a non-EU/EEA state"),
    usage: Use::NotApproved,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: Text::new(
        "Inte en godkänd id-handling; be om Skatteverkets id-kort, svenskt körkort eller SIS-märkt id-kort",
        "Not an approved identity document; ask for Skatteverket's ID card, a Swedish driving licence or a SIS-marked ID card",
    ),
    look_at: &[],
    source: "Polisen, Godkända id-handlingar",
};

const RESIDENCE_PERMIT_CARD: Document = Document {
    kind: DocumentKind::ResidencePermitCard,
    name: Text::new("Uppehållstillståndskort (UT-kort)", "Residence permit card (UT-kort)"),
    usage: Use::RightToWorkOnly,
    holders: Holders::Anyone,
    issued_from: None,
    issuing_rule: Text::new(
        "Visar rätt att vistas och arbeta i Sverige, men är inte en id-handling",
        "Shows the right to stay and work in Sweden, but is not an identity document",
    ),
    look_at: &[LOOK_UT_WORK, LOOK_PHOTO, LOOK_UT_COPY],
    source: "Migrationsverket, Uppehållstillståndskort; Skatteverket, kontroll av rätt att arbeta",
};

/// Every document in the catalogue, approved identity documents first.
pub static DOCUMENTS: &[Document] = &[
    SWEDISH_PASSPORT,
    SWEDISH_NATIONAL_ID_CARD,
    SWEDISH_DRIVING_LICENCE,
    SIS_ID_CARD,
    SKATTEVERKET_ID_CARD,
    EU_PASSPORT,
    EU_ID_CARD,
    SWEDISH_PROVISIONAL_PASSPORT,
    EEA_SWISS_ID_CARD,
    OTHER_PASSPORT,
    RESIDENCE_PERMIT_CARD,
];

impl DocumentKind {
    /// Every kind, in declaration order.
    pub const ALL: [DocumentKind; 11] = [
        DocumentKind::SwedishPassport,
        DocumentKind::SwedishProvisionalPassport,
        DocumentKind::SwedishNationalIdCard,
        DocumentKind::SwedishDrivingLicence,
        DocumentKind::SisIdCard,
        DocumentKind::SkatteverketIdCard,
        DocumentKind::EuEeaSwissPassport,
        DocumentKind::EuNationalIdCard,
        DocumentKind::EeaSwissNationalIdCard,
        DocumentKind::OtherPassport,
        DocumentKind::ResidencePermitCard,
    ];

    /// The catalogue entry for this kind.
    pub const fn info(self) -> &'static Document {
        match self {
            DocumentKind::SwedishPassport => &SWEDISH_PASSPORT,
            DocumentKind::SwedishProvisionalPassport => &SWEDISH_PROVISIONAL_PASSPORT,
            DocumentKind::SwedishNationalIdCard => &SWEDISH_NATIONAL_ID_CARD,
            DocumentKind::SwedishDrivingLicence => &SWEDISH_DRIVING_LICENCE,
            DocumentKind::SisIdCard => &SIS_ID_CARD,
            DocumentKind::SkatteverketIdCard => &SKATTEVERKET_ID_CARD,
            DocumentKind::EuEeaSwissPassport => &EU_PASSPORT,
            DocumentKind::EuNationalIdCard => &EU_ID_CARD,
            DocumentKind::EeaSwissNationalIdCard => &EEA_SWISS_ID_CARD,
            DocumentKind::OtherPassport => &OTHER_PASSPORT,
            DocumentKind::ResidencePermitCard => &RESIDENCE_PERMIT_CARD,
        }
    }

    /// The document's name.
    pub const fn name(self) -> Text {
        self.info().name
    }

    /// Whether this is an approved identity document (for someone).
    pub const fn is_identity_document(self) -> bool {
        matches!(self.info().usage, Use::Identity)
    }

    /// Whether this document shows the right to stay and work in Sweden for a citizen of a
    /// state outside the EU, the EEA and Switzerland.
    pub const fn shows_right_to_work(self) -> bool {
        matches!(self, DocumentKind::ResidencePermitCard)
    }

    /// The kind's stable kebab-case id (`"swedish-passport"`, …), as used on the wire.
    pub const fn id(self) -> &'static str {
        match self {
            DocumentKind::SwedishPassport => "swedish-passport",
            DocumentKind::SwedishProvisionalPassport => "swedish-provisional-passport",
            DocumentKind::SwedishNationalIdCard => "swedish-national-id-card",
            DocumentKind::SwedishDrivingLicence => "swedish-driving-licence",
            DocumentKind::SisIdCard => "sis-id-card",
            DocumentKind::SkatteverketIdCard => "skatteverket-id-card",
            DocumentKind::EuEeaSwissPassport => "eu-eea-swiss-passport",
            DocumentKind::EuNationalIdCard => "eu-national-id-card",
            DocumentKind::EeaSwissNationalIdCard => "eea-swiss-national-id-card",
            DocumentKind::OtherPassport => "other-passport",
            DocumentKind::ResidencePermitCard => "residence-permit-card",
        }
    }

    /// The kind with this id, if any.
    pub fn from_id(id: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A candidate's citizenship, as far as the checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum CitizenshipGroup {
    /// Swedish citizen.
    Swedish,
    /// Citizen of another EU or EEA state or of Switzerland.
    EuEeaSwiss,
    /// Citizen of any other state: the right to work must be checked.
    Other,
}

impl CitizenshipGroup {
    /// Every group.
    pub const ALL: [CitizenshipGroup; 3] =
        [CitizenshipGroup::Swedish, CitizenshipGroup::EuEeaSwiss, CitizenshipGroup::Other];

    /// The group's label for staff.
    pub const fn label(self) -> Text {
        match self {
            CitizenshipGroup::Swedish => Text::new("Svensk medborgare", "Swedish citizen"),
            CitizenshipGroup::EuEeaSwiss => Text::new(
                "Medborgare i annat EU/EES-land eller Schweiz",
                "Citizen of another EU/EEA state or Switzerland",
            ),
            CitizenshipGroup::Other => Text::new(
                "Medborgare i land utanför EU/EES och Schweiz",
                "Citizen of a state outside the EU/EEA and Switzerland",
            ),
        }
    }

    /// Whether the group enjoys free movement of workers (no work permit needed).
    pub const fn has_free_movement(self) -> bool {
        !matches!(self, CitizenshipGroup::Other)
    }
}

/// Whether `kind` is an approved identity document for a candidate of `group`, given the
/// document's issue date when known.
///
/// This applies the catalogue's rules only (usage, holders, issue date); expiry and MRZ check
/// digits are judged by the checklist, which knows today's date.
///
/// Errors: [`Reason::NotAnIdentityDocument`] for a residence permit card,
/// [`Reason::DocumentNotApproved`] for a document outside the police's list,
/// [`Reason::DocumentNotForCitizenship`] when an EU/EEA/Swiss document is shown by someone
/// outside that group, [`Reason::IssueDateMissing`] when an issue-date rule applies but the
/// date is unknown, and [`Reason::IssuedBeforeCutoff`] when it was issued too early.
pub fn document_acceptable(
    kind: DocumentKind,
    group: CitizenshipGroup,
    issue_date: Option<Date>,
) -> Result<(), Reason> {
    let doc = kind.info();
    match doc.usage {
        Use::Identity => {}
        Use::RightToWorkOnly => return Err(Reason::NotAnIdentityDocument),
        Use::NotApproved => return Err(Reason::DocumentNotApproved),
    }
    if doc.holders == Holders::EuEeaSwissCitizens && !group.has_free_movement() {
        return Err(Reason::DocumentNotForCitizenship);
    }
    if let Some(from) = doc.issued_from {
        match issue_date {
            None => return Err(Reason::IssueDateMissing),
            Some(d) if d < from => return Err(Reason::IssuedBeforeCutoff),
            Some(_) => {}
        }
    }
    Ok(())
}

/// Which part of the single market a state belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Area {
    /// A member state of the European Union.
    Eu,
    /// An EEA state outside the EU (Iceland, Liechtenstein, Norway).
    Eea,
    /// Switzerland (free movement by the EU–Swiss agreement).
    Switzerland,
}

/// A state whose citizens have free movement of workers in Sweden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct State {
    /// The ICAO Doc 9303 code as it appears in the MRZ, without `<` padding (`"D"` for
    /// Germany, three letters for everyone else).
    pub code: &'static str,
    /// The state's name.
    pub name: Text,
    /// EU, EEA or Switzerland.
    pub area: Area,
}

const fn st(code: &'static str, sv: &'static str, en: &'static str, area: Area) -> State {
    State { code, name: Text::new(sv, en), area }
}

/// The EU, EEA and Swiss states with their ICAO Doc 9303 (part 3) codes. Germany is `D`
/// (padded `D<<` in an MRZ), not `DEU`.
///
/// Source: ICAO Doc 9303 part 3, section 5 (codes for nationality and issuing state); the
/// EU's member states as of 2026; the EEA Agreement; the EU–Swiss agreement on the free
/// movement of persons.
pub static EU_EEA_SWISS_STATES: &[State] = &[
    st("AUT", "Österrike", "Austria", Area::Eu),
    st("BEL", "Belgien", "Belgium", Area::Eu),
    st("BGR", "Bulgarien", "Bulgaria", Area::Eu),
    st("HRV", "Kroatien", "Croatia", Area::Eu),
    st("CYP", "Cypern", "Cyprus", Area::Eu),
    st("CZE", "Tjeckien", "Czechia", Area::Eu),
    st("DNK", "Danmark", "Denmark", Area::Eu),
    st("EST", "Estland", "Estonia", Area::Eu),
    st("FIN", "Finland", "Finland", Area::Eu),
    st("FRA", "Frankrike", "France", Area::Eu),
    st("D", "Tyskland", "Germany", Area::Eu),
    st("GRC", "Grekland", "Greece", Area::Eu),
    st("HUN", "Ungern", "Hungary", Area::Eu),
    st("IRL", "Irland", "Ireland", Area::Eu),
    st("ITA", "Italien", "Italy", Area::Eu),
    st("LVA", "Lettland", "Latvia", Area::Eu),
    st("LTU", "Litauen", "Lithuania", Area::Eu),
    st("LUX", "Luxemburg", "Luxembourg", Area::Eu),
    st("MLT", "Malta", "Malta", Area::Eu),
    st("NLD", "Nederländerna", "Netherlands", Area::Eu),
    st("POL", "Polen", "Poland", Area::Eu),
    st("PRT", "Portugal", "Portugal", Area::Eu),
    st("ROU", "Rumänien", "Romania", Area::Eu),
    st("SVK", "Slovakien", "Slovakia", Area::Eu),
    st("SVN", "Slovenien", "Slovenia", Area::Eu),
    st("ESP", "Spanien", "Spain", Area::Eu),
    st("SWE", "Sverige", "Sweden", Area::Eu),
    st("ISL", "Island", "Iceland", Area::Eea),
    st("LIE", "Liechtenstein", "Liechtenstein", Area::Eea),
    st("NOR", "Norge", "Norway", Area::Eea),
    st("CHE", "Schweiz", "Switzerland", Area::Switzerland),
];

/// Strips surrounding whitespace and trailing `<` filler from an MRZ code field.
fn trim_code(code: &str) -> &str {
    code.trim().trim_end_matches('<')
}

/// The EU/EEA/Swiss state with this ICAO code (any ASCII case, `<` padding allowed: `"D<<"`,
/// `"d"`, `"SWE"`). `"DEU"`, the ISO 3166 code some scanners emit for Germany, is accepted
/// as Germany too.
pub fn eu_eea_swiss_state(code: &str) -> Option<&'static State> {
    let code = trim_code(code);
    let code = if code.eq_ignore_ascii_case("DEU") { "D" } else { code };
    EU_EEA_SWISS_STATES.iter().find(|s| s.code.eq_ignore_ascii_case(code))
}

/// Maps an MRZ document code and issuing state to the catalogue.
///
/// Both fields may carry `<` padding, surrounding whitespace and lower case.
///
/// | document code | issuing state | kind |
/// | --- | --- | --- |
/// | `P…` | `SWE` | [`DocumentKind::SwedishPassport`] |
/// | `I…`, `A…`, `C…` | `SWE` | [`DocumentKind::SwedishNationalIdCard`] |
/// | `IR`, `AR`, `CR`, `RP` | `SWE` | [`DocumentKind::ResidencePermitCard`] |
/// | `P…` | another EU/EEA/Swiss state | [`DocumentKind::EuEeaSwissPassport`] |
/// | `I…`, `A…`, `C…` | another EU state | [`DocumentKind::EuNationalIdCard`] |
/// | `I…`, `A…`, `C…` | Norway, Iceland, Liechtenstein, Switzerland | [`DocumentKind::EeaSwissNationalIdCard`] |
/// | `P…` | any other well-formed code | [`DocumentKind::OtherPassport`] |
///
/// Anything else (visas, crew cards, residence permits of other states, malformed codes) is
/// `None`. The MRZ cannot tell a provisional Swedish passport from an ordinary one: staff
/// check the printed word "PROVISORISKT" (see [`Document::look_at`]). Skatteverket's ID card,
/// SIS-marked cards and driving licences are chosen by hand.
pub fn classify_mrz(document_code: &str, issuing_state: &str) -> Option<DocumentKind> {
    let code = trim_code(document_code).as_bytes();
    let state = trim_code(issuing_state);
    let well_formed_state = !state.is_empty() && state.len() <= 3 && state.bytes().all(|b| b.is_ascii_alphabetic());
    if code.is_empty() || code.len() > 2 || !well_formed_state {
        return None;
    }
    let first = code[0].to_ascii_uppercase();
    let second = code.get(1).map(u8::to_ascii_uppercase);
    if !first.is_ascii_alphabetic() || second.is_some_and(|b| !b.is_ascii_alphabetic()) {
        return None;
    }
    let swedish = state.eq_ignore_ascii_case("SWE");
    let residence = matches!((first, second), (b'I' | b'A' | b'C', Some(b'R')) | (b'R', Some(b'P')));
    if residence {
        return swedish.then_some(DocumentKind::ResidencePermitCard);
    }
    let eu_state = eu_eea_swiss_state(state);
    match first {
        b'P' if swedish => Some(DocumentKind::SwedishPassport),
        b'P' if eu_state.is_some() => Some(DocumentKind::EuEeaSwissPassport),
        b'P' => Some(DocumentKind::OtherPassport),
        b'I' | b'A' | b'C' if swedish => Some(DocumentKind::SwedishNationalIdCard),
        b'I' | b'A' | b'C' => match eu_state.map(|s| s.area) {
            Some(Area::Eu) => Some(DocumentKind::EuNationalIdCard),
            Some(Area::Eea | Area::Switzerland) => Some(DocumentKind::EeaSwissNationalIdCard),
            None => None,
        },
        _ => None,
    }
}

/// The format of a Swedish passport or national ID card number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum SwedishNumberFormat {
    /// Eight digits: documents issued before 2022.
    EightDigits,
    /// Nine characters A–Z and 0–9: documents issued from 2022.
    NineAlphanumeric,
}

impl SwedishNumberFormat {
    /// The format expected for a document issued on `issued`.
    pub fn expected_for(issued: Date) -> SwedishNumberFormat {
        if issued < SWEDISH_NEW_NUMBER_FORMAT_FROM {
            SwedishNumberFormat::EightDigits
        } else {
            SwedishNumberFormat::NineAlphanumeric
        }
    }
}

/// The format of a Swedish passport or national ID card number as typed by staff (surrounding
/// whitespace and `<` filler ignored, any ASCII case), or `None` when it fits neither format.
///
/// The number is only looked at, never stored.
///
/// ```
/// use rekry_core::idcheck::documents::{SwedishNumberFormat, swedish_document_number_format};
/// assert_eq!(swedish_document_number_format("12345678"), Some(SwedishNumberFormat::EightDigits));
/// assert_eq!(swedish_document_number_format("AA1234B67"), Some(SwedishNumberFormat::NineAlphanumeric));
/// assert_eq!(swedish_document_number_format("1234-567"), None);
/// ```
pub fn swedish_document_number_format(number: &str) -> Option<SwedishNumberFormat> {
    let n = trim_code(number).as_bytes();
    match n.len() {
        8 if n.iter().all(u8::is_ascii_digit) => Some(SwedishNumberFormat::EightDigits),
        9 if n.iter().all(u8::is_ascii_alphanumeric) => Some(SwedishNumberFormat::NineAlphanumeric),
        _ => None,
    }
}

impl CitizenshipGroup {
    /// The stable id, as in the JSON wire format (for example `"other"`).
    pub const fn id(self) -> &'static str {
        match self {
            CitizenshipGroup::Swedish => "swedish",
            CitizenshipGroup::EuEeaSwiss => "eu-eea-swiss",
            CitizenshipGroup::Other => "other",
        }
    }

    /// The value with stable id `id`.
    pub fn from_id(id: &str) -> Option<CitizenshipGroup> {
        [CitizenshipGroup::Swedish, CitizenshipGroup::EuEeaSwiss, CitizenshipGroup::Other]
            .into_iter()
            .find(|v| v.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        assert_eq!(DOCUMENTS.len(), DocumentKind::ALL.len());
        for kind in DocumentKind::ALL {
            assert_eq!(kind.info().kind, kind);
            assert_eq!(DocumentKind::from_id(kind.id()), Some(kind));
            assert!(DOCUMENTS.iter().any(|d| d.kind == kind));
            assert!(!kind.info().source.is_empty());
        }
        assert_eq!(EU_EEA_SWISS_STATES.len(), 31);
    }

    #[test]
    fn germany_and_padding() {
        assert_eq!(eu_eea_swiss_state("D<<").map(|s| s.code), Some("D"));
        assert_eq!(eu_eea_swiss_state(" deu ").map(|s| s.code), Some("D"));
        assert!(eu_eea_swiss_state("USA").is_none());
        assert!(eu_eea_swiss_state("").is_none());
        assert_eq!(classify_mrz("ID", "D<<"), Some(DocumentKind::EuNationalIdCard));
        assert_eq!(classify_mrz("I<", "NOR"), Some(DocumentKind::EeaSwissNationalIdCard));
        assert_eq!(classify_mrz("P<", "USA"), Some(DocumentKind::OtherPassport));
        assert_eq!(classify_mrz("I", "USA"), None);
        assert_eq!(classify_mrz("IR", "SWE"), Some(DocumentKind::ResidencePermitCard));
        assert_eq!(classify_mrz("IR", "FIN"), None);
        assert_eq!(classify_mrz("V", "SWE"), None);
        assert_eq!(classify_mrz("", "SWE"), None);
        assert_eq!(classify_mrz("P", "S1E"), None);
        assert_eq!(classify_mrz("PÅ", "SWE"), None);
    }
}
