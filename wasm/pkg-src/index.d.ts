// Type definitions for @rekry/core (hand-written; checked against the Rust `api` module of
// rekry-wasm, which produces every shape below).
//
// Conventions:
// - Dates are strings "YYYY-MM-DD". `today` defaults to the current local date.
// - Content problems (a mistyped personnummer, an out-of-range answer) are part of the result.
// - Input that cannot be read throws: `TypeError` for a wrong type or shape (including objects
//   whose getters throw, cycles and BigInts), `RangeError` for a value the function cannot take
//   (an unknown catalogue, a score of 11, a string longer than MAX_INPUT_LENGTH).
// - No call ever leaves the module unusable: the next call works.

/** Longest string argument, in UTF-16 code units (1 048 576). */
export const MAX_INPUT_LENGTH: number;
/** Most scores `computeNps` takes in one call (4 194 304). */
export const MAX_SCORES: number;

/** A date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** A text in Swedish and English. */
export interface Text {
    sv: string;
    en: string;
}

// ---------------------------------------------------------------------------------------------
// Personnummer

export type PersonnummerKind = "personnummer" | "samordningsnummer" | "interim";

export type PersonnummerErrorCode =
    | "empty"
    | "length"
    | "character"
    | "separator"
    | "plus-under-100"
    | "century"
    | "month"
    | "day"
    | "birth-number-000"
    | "checksum"
    | "in-future"
    | "interim";

export type PersonnummerResult =
    | {
          valid: true;
          kind: "personnummer" | "samordningsnummer";
          /** The long form `YYYYMMDD-NNNC`. */
          normalized: string;
          birthDate: IsoDate;
          sex: "female" | "male";
      }
    | {
          valid: false;
          /** Present (`"interim"`) for an interim number, which is never valid. */
          kind?: "interim";
          /** What is wrong, in English, with details (position, expected check digit …). */
          error: string;
          errorCode: PersonnummerErrorCode;
          /** A short message for forms, in Swedish and English. */
          errorText: Text;
      };

/**
 * Validates a personnummer or samordningsnummer (YYMMDD-NNNC, YYMMDDNNNC, YYYYMMDD-NNNC,
 * YYYYMMDDNNNC; `+` for people 100 or older). Throws `TypeError` if `input` is not a string,
 * `RangeError` if it is too long or `today` is not a valid date.
 */
export function validatePersonnummer(input: string, today?: IsoDate): PersonnummerResult;

// ---------------------------------------------------------------------------------------------
// MRZ

export type MrzCheckField = "documentNumber" | "birthDate" | "expiryDate" | "optionalData" | "composite";

export interface MrzCheck {
    field: MrzCheckField;
    /** The field's name in Swedish and English. */
    name: Text;
    /** 1-based line and column of the check digit. */
    line: number;
    column: number;
    /** The digit the data calls for. */
    expected: number;
    /** The character found in the check-digit position. */
    found: string;
    ok: boolean;
}

export type MrzErrorCode =
    | "empty"
    | "line-count"
    | "line-length"
    | "unbroken-length"
    | "illegal-character"
    | "probable-digit"
    | "not-digit"
    | "probable-letter"
    | "not-letter"
    | "document-code"
    | "month"
    | "day"
    | "sex"
    | "check-digit"
    | "document-number-continuation"
    | "name-missing"
    | "expired"
    | "personnummer";

export interface MrzError {
    code: MrzErrorCode;
    /** 1-based; 0 when the error concerns the whole text (line) or a whole line (column). */
    line: number;
    column: number;
    /** English, with position and details. */
    message: string;
    /** Short, in Swedish and English. */
    text: Text;
}

export type MrzWarningCode =
    | "personnummer-date-differs"
    | "personnummer-missing"
    | "birth-date-unknown"
    | "names-may-be-truncated";

export interface MrzWarning {
    code: MrzWarningCode;
    message: string;
    text: Text;
}

export interface MrzResult {
    /** Well formed, every check digit right, not expired. Warnings do not count. */
    valid: boolean;
    format?: "TD1" | "TD2" | "TD3";
    documentCode?: string;
    issuingState?: string;
    documentNumber?: string;
    optionalData?: string;
    /** TD1 only: the optional data of line 2. */
    optionalData2?: string;
    surname?: string;
    givenNames?: string;
    nationality?: string;
    birthDate?: IsoDate;
    sex?: "female" | "male" | "unspecified";
    expiryDate?: IsoDate;
    expired?: boolean;
    /** Swedish ID cards: the personnummer in the optional data, long form. */
    personnummer?: string;
    /** Every check digit and the composite matched. */
    checksPassed: boolean;
    checks: MrzCheck[];
    warnings: MrzWarning[];
    errors: MrzError[];
    /** Errors beyond the listed ones. */
    errorsOmitted: number;
}

/**
 * Parses a TD1 (3×30), TD2 (2×36) or TD3 (2×44) machine-readable zone as typed or sent by a
 * keyboard-wedge scanner (whitespace, `\r\n`, lower case accepted; OCR confusions reported,
 * never corrected).
 */
export function parseMrz(text: string, today?: IsoDate): MrzResult;

// ---------------------------------------------------------------------------------------------
// NPS

export type NpsCategory = "promoter" | "passive" | "detractor";

/** The category of a 0–10 answer. Throws `TypeError` for a non-number, `RangeError` otherwise. */
export function npsCategory(score: number): NpsCategory;

export interface NpsResult {
    /** % promoters − % detractors, −100…100, exact to one decimal; `null` when `n` is 0. */
    nps: number | null;
    /** The same, as reports print it (`"86.4"`); `null` when `n` is 0. */
    npsText: string | null;
    n: number;
    promoters: number;
    passives: number;
    detractors: number;
    /** Counts of each score 0–10. */
    counts: number[];
    /** Wald 95 % margin in NPS points (6 decimals); `null` when `n` is 0. */
    margin95: number | null;
    /** Adjusted-Wald 95 % interval [low, high] (Rocks 2016; 6 decimals); `null` when `n` is 0. */
    interval95: [number, number] | null;
    /** `"empty"` (n = 0), `"small"` (n < 30) or `"adequate"`. */
    sample: "empty" | "small" | "adequate";
}

/**
 * NPS of 0–10 answers. An empty array gives `n: 0`, `sample: "empty"` and `null` for `nps`,
 * `npsText`, `margin95` and `interval95` — never NaN. Accepts arrays and typed arrays; throws
 * `TypeError` for a non-number element, `RangeError` for a non-integer or out-of-range one.
 */
export function computeNps(scores: ArrayLike<number>): NpsResult;

// ---------------------------------------------------------------------------------------------
// Survey

export type CatalogueId = "job-fair" | "candidate";
export type Lang = "sv" | "en";
export type QuestionKind = "nps" | "rating" | "yes-no";

export interface Question {
    /** Stable id, used in responses. */
    id: string;
    kind: QuestionKind;
    /** The question in the requested language. */
    text: string;
    /** Whether a complete response must answer it (when its condition holds). */
    required: boolean;
    /** Ask only when an earlier question was answered `equals`. */
    condition?: { question: string; equals: boolean | number };
    /** For `nps` (0–10) and `rating` (1–10) questions. */
    scale?: { min: number; max: number; minLabel: string; maxLabel: string };
    /** Where the question comes from. */
    source: string;
}

export interface Catalogue {
    id: CatalogueId;
    lang: Lang;
    title: string;
    questions: Question[];
}

/** A catalogue's questions in one language. Throws `RangeError` for an unknown id or language. */
export function surveyCatalogue(id: CatalogueId, lang: Lang): Catalogue;

export type AnswerValue = number | boolean;

export interface SurveyResponse {
    catalogue: CatalogueId;
    /** In order, `[{question, value}]`, or an object `{questionId: value}`. At most 24. */
    answers: Array<{ question: string; value: AnswerValue }> | Record<string, AnswerValue>;
    /** A half-finished response: missing answers are fine, given ones must be valid. */
    partial?: boolean;
}

export type ProblemCode =
    | "unknown-question"
    | "out-of-range"
    | "wrong-type"
    | "missing-required"
    | "condition-not-met"
    | "duplicate";

export interface Problem {
    problem: ProblemCode;
    question: string;
    /** English. */
    message: string;
    /** `unknown-question`, `duplicate`: position of the answer. */
    index?: number;
    /** `out-of-range`. */
    value?: number;
    min?: number;
    max?: number;
    /** `wrong-type`: the kind of answer the question takes. */
    expected?: QuestionKind;
    /** `condition-not-met`: the question the condition depends on. */
    dependsOn?: string;
}

export interface ResponseResult {
    valid: boolean;
    catalogue: CatalogueId;
    partial: boolean;
    problems: Problem[];
    /** Ids of the questions that apply given the answers (conditional ones once their condition holds). */
    applicable: string[];
    /** The first applicable question without an answer, `null` when none is left. */
    next: string | null;
}

/**
 * Validates a response against its catalogue. Throws `TypeError` for a malformed response
 * (unknown properties, a fractional or non-number/boolean value), `RangeError` for an unknown
 * catalogue, more than 24 answers or a value outside 32-bit integers.
 */
export function validateResponse(response: SurveyResponse): ResponseResult;

// ---------------------------------------------------------------------------------------------
// ID checklist

export type ItemKind =
    | "identity"
    | "criminal-record"
    | "licence"
    | "diploma"
    | "right-to-work"
    | "references"
    | "swedish-language";

export type Citizenship = "swedish" | "eu-eea-swiss" | "other";

export interface RoleProfile {
    /** Stable id such as `"teacher"`, `"nurse"`, `"home-care-staff"`. */
    id: string;
    name: Text;
}

/** Every role profile, for a role picker. */
export function roleProfiles(): RoleProfile[];

export interface ChecklistOptions {
    /** Default `"swedish"`. */
    citizenship?: Citizenship;
    /** An identity document's MRZ, applied to the identity item (nothing of it is kept). */
    mrz?: string;
    /** The printed issue date, needed for EU/EEA/Swiss passports and EU ID cards. */
    issueDate?: IsoDate;
    /** Optional items the employer requires (for example `"criminal-record"` for home care). */
    require?: ItemKind[];
    /** The day the checklist is opened and the document judged; default today. */
    today?: IsoDate;
}

export interface ChecklistItem {
    kind: ItemKind;
    name: Text;
    instruction: Text;
    requirement: "required" | "optional" | "informative";
    /** Whether the item decides the outcome (required and applicable). */
    required: boolean;
    state: "pending" | "passed" | "failed" | "not-applicable";
    /** Stable reason code, e.g. `"awaiting-check"`, `"document-approved"`, `"mrz-check-failed"`. */
    reason: string;
    reasonText: Text;
    /** The rule applies from this date. */
    from?: IsoDate;
    /** `criminal-record`: the extract required. */
    extract?: { kind: string; name: Text; maxAgeMonths: number };
    /** `licence`: the register to check. */
    register?: { id: "socialstyrelsen" | "skolverket"; name: Text };
    source?: string;
}

export interface ChecklistResult {
    role: RoleProfile;
    citizenship: { id: Citizenship; label: Text };
    today: IsoDate;
    /** Verified only when every required item passed. */
    outcome: "verified" | "rejected" | "incomplete";
    outcomeText: Text;
    /** The items that decide the outcome. */
    deciding: ItemKind[];
    /** The document kind read from the MRZ, when one was applied and recognised. */
    document?: { id: string; name: Text };
    items: ChecklistItem[];
    warnings: Array<{ code: string; text: Text }>;
}

/**
 * The pre-employment checklist of a role. Throws `RangeError` for an unknown role, group or
 * item, `TypeError` for malformed options.
 */
export function idChecklist(roleProfile: string, options?: ChecklistOptions | null): ChecklistResult;

// ---------------------------------------------------------------------------------------------
// Job ads

export interface JobAd {
    title: string;
    text?: string;
    /** Whole SEK per month. */
    pay?: { starting: number } | { min: number; max: number } | null;
    screeningQuestions?: string[];
    asksForPersonalLetter?: boolean;
    /** Default today. */
    publicationDate?: IsoDate;
    /** When pay transparency applies (default: core's, 2027-01-01). */
    payTransparencyFrom?: IsoDate;
}

export type Severity = "error" | "warning" | "notice";

export interface Finding {
    rule:
        | "pay-missing"
        | "pay-transparency-coming"
        | "pay-invalid"
        | "pay-history-question"
        | "discrimination-ground"
        | "personal-letter"
        | "gendered-title";
    severity: Severity;
    /** What to do, in Swedish and English. */
    message: Text;
    source: string;
    location: { kind: "title" | "pay" | "ad" } | { kind: "question"; index: number };
    /** `discrimination-ground`: which of the seven grounds. */
    ground?: { id: string; name: Text };
    /** The word-list term or title that matched. */
    term?: string;
}

export interface JobAdResult {
    findings: Finding[];
    omitted: number;
    worst: Severity | null;
    hasErrors: boolean;
    counts: { error: number; warning: number; notice: number };
}

/** Checks a job ad before it is published (pay transparency, pay history, discrimination grounds, titles). */
export function checkJobAd(ad: JobAd): JobAdResult;
