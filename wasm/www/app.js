// Rekry demo: plain JavaScript over @rekry/core. Every rule (ranges, conditions, check
// digits, categories, checklist items, ad findings) comes from the WebAssembly module; this
// file only draws forms and results. Question texts come from core's catalogue; the strings
// below are the page's own chrome.
import * as rekry from "../pkg/index.js";

const CHROME = {
    sv: {
        skip: "Hoppa till innehållet",
        title: "Rekry i webbläsaren",
        lead: "Samma regler som kiosken, direkt i formuläret: rekry-core som WebAssembly.",
        "nav-feedback": "Kandidatenkät",
        "nav-id": "ID-kontroll",
        "nav-ad": "Annonsgranskning",
        loading: "Laddar…",
        "feedback-h": "Kandidatenkät",
        catalogue: "Enkät",
        "cat-job-fair": "Mässa (kort)",
        "cat-candidate": "Kandidat efter rekrytering",
        submit: "Skicka svar",
        reset: "Börja om",
        required: "obligatorisk",
        yes: "Ja",
        no: "Nej",
        progress: (n, total) => `Besvarade frågor: ${n} av ${total}.`,
        next: "Nästa fråga:",
        done: "Alla frågor som gäller dig är besvarade.",
        "missing-required": "Svar saknas:",
        "out-of-range": "Utanför skalan:",
        "wrong-type": "Fel typ av svar:",
        "condition-not-met": "Gäller inte dig:",
        "unknown-question": "Okänd fråga:",
        duplicate: "Besvarad två gånger:",
        "problems-h": "Svaret kan inte skickas än:",
        thanks: "Tack! Svaret är giltigt och sparas anonymt.",
        category: "Rekommendationsfrågan räknas som",
        promoter: "ambassadör (9–10)",
        passive: "passiv (7–8)",
        detractor: "kritiker (0–6)",
        "id-h": "ID-kontroll före intervju",
        "id-hint": "Inget sparas: kontrollen körs i webbläsaren och lämnar inget spår.",
        pnr: "Personnummer eller samordningsnummer",
        "pnr-help": "10 eller 12 siffror, med eller utan bindestreck.",
        "pnr-valid": "Giltigt",
        personnummer: "personnummer",
        samordningsnummer: "samordningsnummer",
        born: "född",
        female: "kvinna",
        male: "man",
        unspecified: "ej angivet",
        role: "Roll",
        citizenship: "Medborgarskap",
        "cit-swedish": "Svensk medborgare",
        "cit-eu": "EU/EES/Schweiz",
        "cit-other": "Annat land",
        mrz: "MRZ (maskinläsbar zon) från pass eller id-kort",
        "mrz-help": "Skriv av raderna eller skanna dem. Felläsningar som 0/O rapporteras, de rättas aldrig.",
        "mrz-sample": "Fyll i ett exempelpass",
        "mrz-valid": "MRZ godkänd: alla kontrollsiffror stämmer.",
        "mrz-invalid": "MRZ underkänd.",
        "checks-h": "Kontrollsiffror",
        field: "Fält",
        expected: "Väntad",
        found: "Funnen",
        result: "Resultat",
        ok: "stämmer",
        fail: "fel",
        "errors-h": "Fel",
        "warnings-h": "Att titta på",
        line: "rad",
        column: "kolumn",
        surname: "Efternamn",
        givenNames: "Förnamn",
        documentNumber: "Dokumentnummer",
        nationality: "Nationalitet",
        birthDate: "Födelsedatum",
        sex: "Kön",
        expiryDate: "Giltig till",
        format: "Format",
        "checklist-h": "Kontroller för rollen",
        outcome: "Utfall",
        item: "Kontroll",
        requirement: "Krav",
        state: "Status",
        reason: "Anledning",
        "req-required": "krävs",
        "req-optional": "valfri",
        "req-informative": "information",
        pending: "väntar",
        passed: "godkänd",
        failed: "underkänd",
        "not-applicable": "gäller ej",
        verified: "godkänd",
        rejected: "underkänd",
        incomplete: "ofullständig",
        "ad-h": "Granska en platsannons",
        "ad-title": "Yrkestitel",
        "ad-date": "Publiceringsdatum",
        "ad-text": "Annonstext",
        pay: "Lön (kronor per månad)",
        "pay-min": "Från",
        "pay-max": "Till",
        "ad-questions": "Urvalsfrågor (en per rad)",
        "ad-letter": "Personligt brev efterfrågas",
        "ad-check": "Granska annonsen",
        "ad-clean": "Inga anmärkningar: annonsen kan publiceras.",
        "ad-summary": (c) => `${c.error} fel, ${c.warning} varningar, ${c.notice} upplysningar.`,
        error: "fel",
        warning: "varning",
        notice: "upplysning",
        "loc-title": "Titel",
        "loc-pay": "Lön",
        "loc-ad": "Annonsen",
        "loc-question": (i) => `Urvalsfråga ${i + 1}`,
        term: "träff",
        "input-error": "Kan inte läsa indata:",
        foot: "Alla regler kommer från rekry-core; sidan ritar bara upp resultatet.",
    },
    en: {
        skip: "Skip to content",
        title: "Rekry in the browser",
        lead: "The same rules as the kiosk, right in the form: rekry-core as WebAssembly.",
        "nav-feedback": "Candidate survey",
        "nav-id": "ID check",
        "nav-ad": "Job-ad check",
        loading: "Loading…",
        "feedback-h": "Candidate survey",
        catalogue: "Survey",
        "cat-job-fair": "Job fair (short)",
        "cat-candidate": "Candidate after recruitment",
        submit: "Send answers",
        reset: "Start over",
        required: "required",
        yes: "Yes",
        no: "No",
        progress: (n, total) => `Questions answered: ${n} of ${total}.`,
        next: "Next question:",
        done: "Every question that applies to you is answered.",
        "missing-required": "Answer missing:",
        "out-of-range": "Outside the scale:",
        "wrong-type": "Wrong kind of answer:",
        "condition-not-met": "Does not apply to you:",
        "unknown-question": "Unknown question:",
        duplicate: "Answered twice:",
        "problems-h": "The answers cannot be sent yet:",
        thanks: "Thank you! The answers are valid and are stored anonymously.",
        category: "The recommendation answer counts as",
        promoter: "promoter (9–10)",
        passive: "passive (7–8)",
        detractor: "detractor (0–6)",
        "id-h": "ID check before the interview",
        "id-hint": "Nothing is stored: the check runs in the browser and leaves no trace.",
        pnr: "Personnummer or coordination number",
        "pnr-help": "10 or 12 digits, with or without a hyphen.",
        "pnr-valid": "Valid",
        personnummer: "personnummer",
        samordningsnummer: "coordination number",
        born: "born",
        female: "female",
        male: "male",
        unspecified: "unspecified",
        role: "Role",
        citizenship: "Citizenship",
        "cit-swedish": "Swedish citizen",
        "cit-eu": "EU/EEA/Switzerland",
        "cit-other": "Other country",
        mrz: "MRZ (machine-readable zone) of a passport or ID card",
        "mrz-help": "Type the lines or scan them. Misreads such as 0/O are reported, never corrected.",
        "mrz-sample": "Fill in a sample passport",
        "mrz-valid": "MRZ accepted: every check digit matches.",
        "mrz-invalid": "MRZ rejected.",
        "checks-h": "Check digits",
        field: "Field",
        expected: "Expected",
        found: "Found",
        result: "Result",
        ok: "matches",
        fail: "wrong",
        "errors-h": "Errors",
        "warnings-h": "To look at",
        line: "line",
        column: "column",
        surname: "Surname",
        givenNames: "Given names",
        documentNumber: "Document number",
        nationality: "Nationality",
        birthDate: "Date of birth",
        sex: "Sex",
        expiryDate: "Valid until",
        format: "Format",
        "checklist-h": "Checks for the role",
        outcome: "Outcome",
        item: "Check",
        requirement: "Requirement",
        state: "State",
        reason: "Reason",
        "req-required": "required",
        "req-optional": "optional",
        "req-informative": "information",
        pending: "pending",
        passed: "passed",
        failed: "failed",
        "not-applicable": "not applicable",
        verified: "verified",
        rejected: "rejected",
        incomplete: "incomplete",
        "ad-h": "Check a job ad",
        "ad-title": "Job title",
        "ad-date": "Publication date",
        "ad-text": "Ad text",
        pay: "Pay (SEK per month)",
        "pay-min": "From",
        "pay-max": "To",
        "ad-questions": "Screening questions (one per line)",
        "ad-letter": "Personal letter requested",
        "ad-check": "Check the ad",
        "ad-clean": "No findings: the ad can be published.",
        "ad-summary": (c) => `${c.error} errors, ${c.warning} warnings, ${c.notice} notices.`,
        error: "error",
        warning: "warning",
        notice: "notice",
        "loc-title": "Title",
        "loc-pay": "Pay",
        "loc-ad": "The ad",
        "loc-question": (i) => `Screening question ${i + 1}`,
        term: "match",
        "input-error": "Cannot read the input:",
        foot: "Every rule comes from rekry-core; the page only draws the results.",
    },
};

const SAMPLE_MRZ = "P<SWESVENSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nAB12345671SWE8503127F3104150<<<<<<<<<<<<<<08";

let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "sv";
const t = (key, ...args) => {
    const v = CHROME[lang][key];
    return typeof v === "function" ? v(...args) : (v ?? key);
};
const $ = (sel) => document.querySelector(sel);

/** Builds an element: h("p", {class: "x"}, "text", child…). */
function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === false || v === undefined || v === null) continue;
        if (k === "class") el.className = v;
        else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
        if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    }
    return el;
}
const badge = (cls, text) => h("span", { class: `badge ${cls}` }, text);

function applyChrome() {
    document.documentElement.lang = lang;
    document.title = lang === "sv" ? "Rekry – formulär i webbläsaren" : "Rekry – forms in the browser";
    for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
    for (const b of document.querySelectorAll(".lang button")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
}

// ---------------------------------------------------------------------------------------------
// Candidate feedback

const feedback = { catalogue: "job-fair", answers: new Map(), questions: [] };

function renderSurvey() {
    const cat = rekry.surveyCatalogue(feedback.catalogue, lang);
    feedback.questions = cat.questions;
    $("#survey-title").textContent = cat.title;
    const box = $("#questions");
    box.replaceChildren();
    for (const q of cat.questions) {
        const name = `q-${q.id}`;
        const given = feedback.answers.get(q.id);
        const legend = h("legend", {}, q.text, q.required ? h("span", { class: "req" }, ` (${t("required")})`) : null);
        let control;
        if (q.scale) {
            const opts = [];
            for (let v = q.scale.min; v <= q.scale.max; v++) {
                opts.push(
                    h("label", {}, h("input", { type: "radio", name, value: v, checked: given === v, "data-q": q.id }), h("span", {}, v)),
                );
            }
            control = h(
                "div",
                { class: "scale-wrap" },
                h("div", { class: "scale" }, opts),
                h("div", { class: "ends", "aria-hidden": "true" }, h("span", {}, `${q.scale.min} = ${q.scale.minLabel}`), h("span", {}, `${q.scale.max} = ${q.scale.maxLabel}`)),
            );
        } else {
            control = h(
                "div",
                { class: "yesno" },
                h("label", {}, h("input", { type: "radio", name, value: "yes", checked: given === true, "data-q": q.id }), h("span", {}, t("yes"))),
                h("label", {}, h("input", { type: "radio", name, value: "no", checked: given === false, "data-q": q.id }), h("span", {}, t("no"))),
            );
        }
        box.append(h("fieldset", { class: `question${q.condition ? " conditional" : ""}`, id: `fs-${q.id}`, "aria-describedby": q.scale ? `ends-${q.id}` : null }, legend, control));
        if (q.scale) {
            box.lastChild.append(h("p", { class: "visually-hidden help", id: `ends-${q.id}`, hidden: true }, `${q.scale.min}: ${q.scale.minLabel}. ${q.scale.max}: ${q.scale.maxLabel}.`));
        }
    }
    updateSurvey();
}

function answersObject() {
    return Object.fromEntries(feedback.answers);
}

/** Live validation: which questions apply, progress, any problem with what is given. */
function updateSurvey() {
    let res = rekry.validateResponse({ catalogue: feedback.catalogue, answers: answersObject(), partial: true });
    // An answer to a question that no longer applies (tests_info after "no tests") is dropped,
    // because core says the question does not apply.
    let dropped = false;
    for (const id of [...feedback.answers.keys()]) {
        if (!res.applicable.includes(id)) {
            feedback.answers.delete(id);
            for (const input of document.querySelectorAll(`input[name="q-${id}"]`)) input.checked = false;
            dropped = true;
        }
    }
    if (dropped) res = rekry.validateResponse({ catalogue: feedback.catalogue, answers: answersObject(), partial: true });
    for (const q of feedback.questions) $(`#fs-${q.id}`).hidden = !res.applicable.includes(q.id);
    const live = $("#feedback-live");
    live.replaceChildren();
    const applicable = feedback.questions.filter((q) => res.applicable.includes(q.id));
    const answered = applicable.filter((q) => feedback.answers.has(q.id)).length;
    const next = feedback.questions.find((q) => q.id === res.next);
    live.append(h("p", { class: "hint" }, t("progress", answered, applicable.length), " ", next ? `${t("next")} ${next.text}` : t("done")));
    if (res.problems.length) live.append(problemList(res.problems));
    return res;
}

function problemList(problems) {
    const text = (id) => feedback.questions.find((q) => q.id === id)?.text ?? id;
    return h(
        "div",
        { class: "msg bad" },
        h("strong", {}, t("problems-h")),
        h("ul", {}, problems.map((p) => h("li", {}, `${t(p.problem)} ${text(p.question)}`))),
    );
}

function onSurveyChange(e) {
    const input = e.target;
    if (input.name === "catalogue") {
        feedback.catalogue = input.value;
        feedback.answers.clear();
        feedback.submitted = false;
        $("#feedback-result").replaceChildren();
        renderSurvey();
        return;
    }
    const id = input.dataset.q;
    if (!id) return;
    feedback.answers.set(id, input.value === "yes" ? true : input.value === "no" ? false : Number(input.value));
    $(`#fs-${id}`).classList.remove("invalid");
    updateSurvey();
}

function onSurveySubmit(e) {
    e?.preventDefault();
    feedback.submitted = true;
    const res = rekry.validateResponse({ catalogue: feedback.catalogue, answers: answersObject() });
    const out = $("#feedback-result");
    out.replaceChildren();
    for (const fs of document.querySelectorAll("#questions fieldset")) fs.removeAttribute("aria-invalid");
    if (res.valid) {
        const nps = feedback.questions.find((q) => q.kind === "nps");
        const score = nps ? feedback.answers.get(nps.id) : undefined;
        out.append(
            h("div", { class: "msg ok" }, h("strong", {}, t("thanks")), score !== undefined ? h("p", {}, `${t("category")} ${t(rekry.npsCategory(score))}.`) : null),
        );
    } else {
        out.append(problemList(res.problems));
        for (const p of res.problems) $(`#fs-${p.question}`)?.setAttribute("aria-invalid", "true");
        if (e) document.querySelector(`#fs-${res.problems[0].question} input`)?.focus();
    }
}

// ---------------------------------------------------------------------------------------------
// ID pre-check

function updatePnr() {
    const input = $("#pnr");
    const out = $("#pnr-live");
    out.replaceChildren();
    input.removeAttribute("aria-invalid");
    input.removeAttribute("data-valid");
    if (input.value.trim() === "") return;
    const r = rekry.validatePersonnummer(input.value);
    if (r.valid) {
        input.dataset.valid = "true";
        out.append(h("div", { class: "msg ok" }, `${t("pnr-valid")} ${t(r.kind)}: ${r.normalized}, ${t("born")} ${r.birthDate}, ${t(r.sex)}.`));
    } else {
        input.setAttribute("aria-invalid", "true");
        out.append(h("div", { class: "msg bad" }, r.errorText[lang]));
    }
}

function renderMrz() {
    const text = $("#mrz").value;
    const live = $("#mrz-live");
    const out = $("#mrz-out");
    live.replaceChildren();
    out.replaceChildren();
    $("#mrz").removeAttribute("aria-invalid");
    if (text.trim() !== "") {
        const r = rekry.parseMrz(text);
        if (!r.valid) $("#mrz").setAttribute("aria-invalid", "true");
        live.append(h("p", { class: `msg ${r.valid ? "ok" : "bad"}` }, r.valid ? t("mrz-valid") : `${t("mrz-invalid")} ${[...new Set(r.errors.map((e) => e.text[lang]))].join(" ")}`));
        const fields = ["format", "surname", "givenNames", "documentNumber", "nationality", "birthDate", "sex", "expiryDate"]
            .filter((k) => r[k] !== undefined)
            .flatMap((k) => [h("dt", {}, t(k)), h("dd", { class: k === "documentNumber" ? "mono" : null }, k === "sex" ? t(r[k]) : r[k])]);
        out.append(h("dl", { class: "fields" }, fields));
        if (r.checks.length) {
            out.append(
                h(
                    "table",
                    {},
                    h("caption", {}, t("checks-h")),
                    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("field")), h("th", { scope: "col" }, t("expected")), h("th", { scope: "col" }, t("found")), h("th", { scope: "col" }, t("result")))),
                    h(
                        "tbody",
                        {},
                        r.checks.map((c) =>
                            h("tr", {}, h("th", { scope: "row" }, c.name[lang]), h("td", { class: "mono" }, c.expected), h("td", { class: "mono" }, c.found), h("td", {}, badge(c.ok ? "ok" : "bad", c.ok ? `✓ ${t("ok")}` : `✗ ${t("fail")}`))),
                        ),
                    ),
                ),
            );
        }
        if (r.errors.length) {
            out.append(
                h("h4", {}, t("errors-h")),
                h("ul", {}, r.errors.map((e) => h("li", {}, e.line ? `${t("line")} ${e.line}${e.column ? `, ${t("column")} ${e.column}` : ""}: ` : "", e.text[lang], h("span", { class: "hint", lang: "en" }, ` (${e.message})`)))),
            );
        }
        if (r.warnings.length) {
            out.append(h("h4", {}, t("warnings-h")), h("ul", {}, r.warnings.map((w) => h("li", {}, w.text[lang]))));
        }
    }
    renderChecklist();
}

function renderChecklist() {
    const mrz = $("#mrz").value;
    const list = rekry.idChecklist($("#role").value, { citizenship: $("#citizenship").value, mrz: mrz.trim() ? mrz : undefined });
    const out = $("#checklist-out");
    out.replaceChildren(
        h("p", {}, `${t("outcome")}: `, badge(list.outcome, list.outcomeText[lang])),
        h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("item")), h("th", { scope: "col" }, t("requirement")), h("th", { scope: "col" }, t("state")), h("th", { scope: "col" }, t("reason")))),
            h(
                "tbody",
                {},
                list.items.map((i) =>
                    h("tr", {}, h("th", { scope: "row" }, i.name[lang]), h("td", {}, t(`req-${i.requirement}`)), h("td", {}, badge(i.state, t(i.state))), h("td", {}, i.reasonText[lang])),
                ),
            ),
        ),
        ...(list.warnings.length ? [h("ul", {}, list.warnings.map((w) => h("li", { class: "msg warn" }, w.text[lang])))] : []),
    );
}

function renderRoles() {
    const select = $("#role");
    const current = select.value || "teacher";
    select.replaceChildren(...rekry.roleProfiles().map((r) => h("option", { value: r.id, selected: r.id === current }, r.name[lang])));
}

// ---------------------------------------------------------------------------------------------
// Job ad

let lastAd = null;

function onAdSubmit(e) {
    e?.preventDefault();
    const min = $("#pay-min").value.trim();
    const max = $("#pay-max").value.trim();
    const pay = min && max ? { min: Number(min), max: Number(max) } : min || max ? { starting: Number(min || max) } : null;
    const ad = {
        title: $("#ad-title").value,
        text: $("#ad-text").value,
        pay,
        screeningQuestions: $("#ad-questions").value.split("\n").map((q) => q.trim()).filter(Boolean),
        asksForPersonalLetter: $("#ad-letter").checked,
        publicationDate: $("#ad-date").value || undefined,
    };
    lastAd = ad;
    renderAd();
}

function renderAd() {
    const out = $("#ad-out");
    out.replaceChildren();
    if (!lastAd) return;
    let r;
    try {
        r = rekry.checkJobAd(lastAd);
    } catch (err) {
        out.append(h("p", { class: "msg bad" }, `${t("input-error")} ${err.message}`));
        return;
    }
    if (r.findings.length === 0) {
        out.append(h("p", { class: "msg ok" }, t("ad-clean")));
        return;
    }
    const loc = (l) => (l.kind === "question" ? t("loc-question", l.index) : t(`loc-${l.kind}`));
    out.append(
        h("p", { class: `msg ${r.hasErrors ? "bad" : "warn"}` }, t("ad-summary", r.counts)),
        h(
            "ul",
            { class: "findings" },
            r.findings.map((f) =>
                h(
                    "li",
                    {},
                    badge(f.severity, t(f.severity)),
                    " ",
                    h("strong", {}, loc(f.location)),
                    f.term ? ` (${t("term")}: “${f.term}”)` : "",
                    h("p", {}, f.message[lang]),
                    h("p", { class: "src" }, f.source),
                ),
            ),
        ),
    );
}

// ---------------------------------------------------------------------------------------------

function renderAll() {
    applyChrome();
    renderSurvey();
    if (feedback.submitted) onSurveySubmit();
    renderRoles();
    updatePnr();
    renderMrz();
    renderAd();
}

function start() {
    $("#feedback-form").addEventListener("change", onSurveyChange);
    $("#feedback-form").addEventListener("submit", onSurveySubmit);
    $("#feedback-form").addEventListener("reset", () => {
        feedback.answers.clear();
        feedback.submitted = false;
        $("#feedback-result").replaceChildren();
        setTimeout(renderSurvey);
    });
    $("#pnr").addEventListener("input", updatePnr);
    $("#mrz").addEventListener("input", renderMrz);
    $("#role").addEventListener("change", renderChecklist);
    $("#citizenship").addEventListener("change", renderChecklist);
    $("#mrz-sample").addEventListener("click", () => {
        $("#mrz").value = SAMPLE_MRZ;
        renderMrz();
    });
    $("#ad-form").addEventListener("submit", onAdSubmit);
    for (const b of document.querySelectorAll(".lang button")) {
        b.addEventListener("click", () => {
            lang = b.dataset.lang;
            const url = new URL(location.href);
            url.searchParams.set("lang", lang);
            history.replaceState(null, "", url);
            renderAll();
        });
    }
    renderAll();
    $("#loading").remove();
    for (const s of document.querySelectorAll("main section")) s.hidden = false;
    document.body.dataset.ready = "true";
}

start();
