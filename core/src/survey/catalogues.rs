//! The catalogues' questions, as data.
//!
//! Question texts in the `candidate` catalogue are quoted from Stockholm stad's candidate
//! survey as reported in the recruitment unit's verksamhetsberättelse 2025, §13b; the English
//! versions are Rekry's translations. The `job-fair` questions are Rekry's own, written to feed
//! the same indicators.

use super::{Catalogue, CatalogueId, Condition, Question, QuestionKind, Value};
use crate::text::Text;

const SURVEY_13B: &str = "Stockholm stad, verksamhetsberättelse 2025 §13b (candidate survey)";
const NPS_SOURCE: &str = "Stockholm stad, verksamhetsberättelse 2025, ordlista and §13a (NPS); Realcruit area 1";
const TARGETS_SOURCE: &str = "Stockholm stad HR-service, verksamhetsplan: indicator tables (satisfied = 6–10)";

const NPS_LABELS: Option<(Text, Text)> =
    Some((Text::new("Inte alls sannolikt", "Not at all likely"), Text::new("Mycket sannolikt", "Extremely likely")));
const RATING_LABELS: Option<(Text, Text)> =
    Some((Text::new("Mycket missnöjd", "Very dissatisfied"), Text::new("Mycket nöjd", "Very satisfied")));
const AGREE_LABELS: Option<(Text, Text)> =
    Some((Text::new("Instämmer inte alls", "Strongly disagree"), Text::new("Instämmer helt", "Strongly agree")));

const fn yes_no(id: &'static str, sv: &'static str, en: &'static str) -> Question {
    Question {
        id,
        kind: QuestionKind::YesNo,
        text: Text::new(sv, en),
        required: false,
        condition: None,
        scale_labels: None,
        source: SURVEY_13B,
    }
}

/// The job-fair catalogue: NPS about the municipality as an employer and three quick
/// follow-ups, answerable in well under 30 seconds.
pub const JOB_FAIR: Catalogue = Catalogue {
    id: CatalogueId::JobFair,
    title: Text::new("Vad tyckte du om att träffa oss?", "What did you think of meeting us?"),
    questions: &[
        Question {
            id: "recommend",
            kind: QuestionKind::Nps,
            text: Text::new(
                "Hur sannolikt är det att du skulle rekommendera oss som arbetsgivare till en vän eller kollega?",
                "How likely is it that you would recommend us as an employer to a friend or colleague?",
            ),
            required: true,
            condition: None,
            scale_labels: NPS_LABELS,
            source: NPS_SOURCE,
        },
        Question {
            id: "treatment",
            kind: QuestionKind::Rating,
            text: Text::new(
                "Hur nöjd är du med bemötandet du fick av oss i dag?",
                "How satisfied are you with how we treated you today?",
            ),
            required: false,
            condition: None,
            scale_labels: RATING_LABELS,
            source: TARGETS_SOURCE,
        },
        Question {
            id: "questions_answered",
            kind: QuestionKind::YesNo,
            text: Text::new("Fick du svar på dina frågor?", "Did you get answers to your questions?"),
            required: false,
            condition: None,
            scale_labels: None,
            source: "Rekry job-fair follow-up",
        },
        Question {
            id: "would_apply",
            kind: QuestionKind::YesNo,
            text: Text::new(
                "Kan du tänka dig att söka jobb hos oss?",
                "Would you consider applying for a job with us?",
            ),
            required: false,
            condition: None,
            scale_labels: None,
            source: "Rekry job-fair follow-up",
        },
    ],
};

/// The candidate survey (verksamhetsberättelse 2025 §13b), with the NPS question and the
/// treatment and availability ratings behind the unit's targets.
pub const CANDIDATE: Catalogue = Catalogue {
    id: CatalogueId::Candidate,
    title: Text::new("Din upplevelse av rekryteringsprocessen", "Your experience of the recruitment process"),
    questions: &[
        Question {
            id: "recommend",
            kind: QuestionKind::Nps,
            text: Text::new(
                "Hur sannolikt är det att du skulle rekommendera en vän eller kollega att söka jobb hos oss?",
                "How likely is it that you would recommend a friend or colleague to apply for a job with us?",
            ),
            required: true,
            condition: None,
            scale_labels: NPS_LABELS,
            source: NPS_SOURCE,
        },
        yes_no(
            "knew_whom",
            "Fick du information om vilka du skulle träffa vid intervjun?",
            "Were you told whom you would meet at the interview?",
        ),
        yes_no(
            "competency_based",
            "Fick du information om att Stockholms stad arbetar med kompetensbaserad intervjuteknik?",
            "Were you told that the City of Stockholm uses competency-based interviewing?",
        ),
        yes_no(
            "ad_clear",
            "Tyckte du att annonsen var skriven på ett tydligt och begripligt språk?",
            "Was the job ad written in clear and understandable language?",
        ),
        yes_no(
            "info_matched_ad",
            "Upplevde du att informationen du fick under rekryteringsprocessen gällande arbetsplatsen och arbetsuppgifterna motsvarande den utannonserade tjänsten?",
            "Did the information you received about the workplace and the duties during the process match the advertised position?",
        ),
        yes_no(
            "fair_picture",
            "Upplevde du att intervjuerna gav dig möjlighet att ge en rättvisande bild av dig själv i din yrkesroll, med fokus på din arbetslivserfarenhet och kompetens?",
            "Did the interviews let you give a fair picture of yourself in your professional role, focused on your work experience and competence?",
        ),
        yes_no(
            "time_efficient",
            "Upplevde du rekryteringsprocessen i sin helhet som tidseffektiv?",
            "Did you find the recruitment process as a whole time-efficient?",
        ),
        yes_no(
            "well_informed",
            "Upplevde du att du fick tillräcklig information genom hela rekryteringsprocessen?",
            "Did you receive enough information throughout the recruitment process?",
        ),
        yes_no(
            "non_discriminatory",
            "Upplevde du att rekryteringsprocessen varit icke-diskriminerande och fördomsmedveten?",
            "Did you find the recruitment process non-discriminatory and aware of bias?",
        ),
        yes_no(
            "consultant_contact",
            "Upplevde du att du har haft en bra kontakt med ansvarig rekryteringskonsult under rekryteringsprocessens gång?",
            "Did you have good contact with the responsible recruitment consultant during the process?",
        ),
        Question {
            id: "treatment",
            kind: QuestionKind::Rating,
            text: Text::new(
                "Hur nöjd är du med bemötandet under rekryteringsprocessen?",
                "How satisfied are you with how you were treated during the recruitment process?",
            ),
            required: false,
            condition: None,
            scale_labels: RATING_LABELS,
            source: TARGETS_SOURCE,
        },
        Question {
            id: "availability",
            kind: QuestionKind::Rating,
            text: Text::new(
                "Hur nöjd är du med rekryteringskonsultens tillgänglighet under rekryteringsprocessen?",
                "How satisfied are you with the recruitment consultant's availability during the process?",
            ),
            required: false,
            condition: None,
            scale_labels: RATING_LABELS,
            source: TARGETS_SOURCE,
        },
        Question {
            id: "overall",
            kind: QuestionKind::Rating,
            text: Text::new(
                "Helhetsomdöme: Rekryteringsprocessen i sin helhet upplevde jag som professionell och välplanerad.",
                "Overall: I found the recruitment process as a whole professional and well planned.",
            ),
            required: true,
            condition: None,
            scale_labels: AGREE_LABELS,
            source: SURVEY_13B,
        },
        Question {
            id: "took_tests",
            kind: QuestionKind::YesNo,
            // The seed reads "rekryteringsprocessen gång"; the genitive is restored here.
            text: Text::new(
                "Har du under rekryteringsprocessens gång genomfört tester?",
                "Did you take any tests during the recruitment process?",
            ),
            required: false,
            condition: None,
            scale_labels: None,
            source: SURVEY_13B,
        },
        Question {
            id: "tests_info",
            kind: QuestionKind::YesNo,
            text: Text::new(
                "Fick du relevant information kring de arbetspsykologiska testerna innan du genomförde dem?",
                "Did you receive relevant information about the occupational-psychology tests before taking them?",
            ),
            required: false,
            condition: Some(Condition { question: "took_tests", equals: Value::Yes(true) }),
            scale_labels: None,
            source: SURVEY_13B,
        },
    ],
};

/// Every catalogue that ships with the crate.
pub const CATALOGUES: [&Catalogue; 2] = [&JOB_FAIR, &CANDIDATE];
