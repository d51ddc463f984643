// Node tests of @rekry/core (wasm/pkg): every function, valid and invalid content.
// Run: node --test wasm/tests/   (after scripts/build-wasm.sh)
import { test } from "node:test";
import assert from "node:assert/strict";

import * as rekry from "../pkg/index.js";

const TODAY = "2026-11-23";
const TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

test("exports exactly the documented API", () => {
    assert.deepEqual(Object.keys(rekry).sort(), [
        "MAX_INPUT_LENGTH",
        "MAX_SCORES",
        "checkJobAd",
        "computeNps",
        "idChecklist",
        "npsCategory",
        "parseMrz",
        "roleProfiles",
        "surveyCatalogue",
        "validatePersonnummer",
        "validateResponse",
    ]);
});

test("validatePersonnummer: valid forms normalise to the long form", () => {
    for (const input of ["811218-9876", "8112189876", "19811218-9876", "198112189876", " 811218-9876\n"]) {
        assert.deepEqual(rekry.validatePersonnummer(input, TODAY), {
            valid: true,
            kind: "personnummer",
            normalized: "19811218-9876",
            birthDate: "1981-12-18",
            sex: "male",
        });
    }
    const s = rekry.validatePersonnummer("701063-2391", TODAY);
    assert.equal(s.kind, "samordningsnummer");
    assert.equal(s.birthDate, "1970-10-03");
});

test("validatePersonnummer: errors carry a code, English detail and bilingual text", () => {
    const r = rekry.validatePersonnummer("811218-9875", TODAY);
    assert.equal(r.valid, false);
    assert.equal(r.errorCode, "checksum");
    assert.equal(r.error, "wrong check digit 5: expected 6");
    assert.match(r.errorText.sv, /kontrollsiffra/);
    assert.equal(rekry.validatePersonnummer("", TODAY).errorCode, "empty");
    assert.equal(rekry.validatePersonnummer("811318-9876", TODAY).errorCode, "month");
    const interim = rekry.validatePersonnummer("19900101-T123", TODAY);
    assert.equal(interim.valid, false);
    assert.equal(interim.kind, "interim");
});

test("validatePersonnummer: today defaults to the current date", () => {
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    assert.deepEqual(rekry.validatePersonnummer("811218-9876"), rekry.validatePersonnummer("811218-9876", iso));
    // A date in the future relative to `today` is an error only with an early `today`.
    assert.equal(rekry.validatePersonnummer("20200101-0008", "2019-01-01").errorCode, "in-future");
});

test("parseMrz: the ICAO TD3 specimen, every check", () => {
    const r = rekry.parseMrz(TD3, "2010-06-01");
    assert.equal(r.valid, true);
    assert.equal(r.format, "TD3");
    assert.equal(r.surname, "ERIKSSON");
    assert.equal(r.givenNames, "ANNA MARIA");
    assert.equal(r.documentNumber, "L898902C3");
    assert.equal(r.birthDate, "1974-08-12");
    assert.equal(r.expiryDate, "2012-04-15");
    assert.equal(r.sex, "female");
    assert.equal(r.expired, false);
    assert.equal(r.checks.length, 5);
    assert.ok(r.checks.every((c) => c.ok));
    assert.deepEqual(r.errors, []);
});

test("parseMrz: a typo fails its check and the composite; expiry is judged against today", () => {
    const bad = rekry.parseMrz(TD3.replace("7408122", "7408132"), "2010-06-01");
    assert.equal(bad.valid, false);
    assert.deepEqual(
        bad.checks.filter((c) => !c.ok).map((c) => c.field),
        ["birthDate", "composite"],
    );
    assert.ok(bad.errors.some((e) => e.code === "check-digit" && e.line === 2));
    const expired = rekry.parseMrz(TD3, TODAY);
    assert.equal(expired.expired, true);
    assert.ok(expired.errors.some((e) => e.code === "expired"));
    const empty = rekry.parseMrz("", TODAY);
    assert.equal(empty.valid, false);
    assert.equal(empty.errors[0].code, "empty");
    assert.equal(empty.format, undefined);
});

test("npsCategory: 0–6, 7–8, 9–10", () => {
    const got = [...Array(11).keys()].map((s) => rekry.npsCategory(s));
    assert.deepEqual(got, [...Array(7).fill("detractor"), "passive", "passive", "promoter", "promoter"]);
    assert.throws(() => rekry.npsCategory(11), RangeError);
    assert.throws(() => rekry.npsCategory(-1), RangeError);
    assert.throws(() => rekry.npsCategory(8.5), RangeError);
    assert.throws(() => rekry.npsCategory("9"), TypeError);
});

test("computeNps: the seed's 86.4 and its interval", () => {
    const counts = [1, 0, 0, 0, 0, 0, 1, 5, 8, 50, 60];
    const scores = counts.flatMap((c, s) => Array(c).fill(s));
    const r = rekry.computeNps(scores);
    assert.equal(r.nps, 86.4);
    assert.equal(r.npsText, "86.4");
    assert.equal(r.n, 125);
    assert.deepEqual([r.promoters, r.passives, r.detractors], [110, 13, 2]);
    assert.deepEqual(r.counts, counts);
    assert.equal(r.sample, "adequate");
    assert.ok(r.interval95[0] < 86.4 && 86.4 < r.interval95[1]);
    assert.ok(r.margin95 > 0 && r.margin95 < 10);
    assert.deepEqual(rekry.computeNps(new Float64Array(scores)), r);
    assert.deepEqual(rekry.computeNps(Uint8Array.from(scores)), r);
});

test("computeNps: an empty array is defined, never NaN", () => {
    assert.deepEqual(rekry.computeNps([]), {
        nps: null,
        npsText: null,
        n: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        counts: Array(11).fill(0),
        margin95: null,
        interval95: null,
        sample: "empty",
    });
});

test("surveyCatalogue: both catalogues in both languages", () => {
    for (const id of ["job-fair", "candidate"]) {
        const sv = rekry.surveyCatalogue(id, "sv");
        const en = rekry.surveyCatalogue(id, "en");
        assert.equal(sv.id, id);
        assert.equal(sv.questions.length, en.questions.length);
        assert.equal(sv.questions[0].kind, "nps");
        assert.deepEqual(sv.questions[0].scale.min, 0);
        assert.notEqual(sv.questions[0].text, en.questions[0].text);
    }
    const c = rekry.surveyCatalogue("candidate", "en");
    const info = c.questions.find((q) => q.id === "tests_info");
    assert.deepEqual(info.condition, { question: "took_tests", equals: true });
    assert.throws(() => rekry.surveyCatalogue("nope", "sv"), RangeError);
    assert.throws(() => rekry.surveyCatalogue("job-fair", "de"), RangeError);
    assert.throws(() => rekry.surveyCatalogue("job-fair"), TypeError);
});

test("validateResponse: complete, partial, problems and the conditional pair", () => {
    const ok = rekry.validateResponse({ catalogue: "job-fair", answers: { recommend: 9, would_apply: true } });
    assert.equal(ok.valid, true);
    assert.deepEqual(ok.problems, []);

    const missing = rekry.validateResponse({ catalogue: "candidate", answers: [{ question: "recommend", value: 9 }] });
    assert.equal(missing.valid, false);
    assert.deepEqual(missing.problems.map((p) => p.problem), ["missing-required"]);
    assert.equal(rekry.validateResponse({ catalogue: "candidate", answers: { recommend: 9 }, partial: true }).valid, true);

    const noTests = rekry.validateResponse({ catalogue: "candidate", answers: { took_tests: false }, partial: true });
    assert.ok(!noTests.applicable.includes("tests_info"));
    const tests = rekry.validateResponse({ catalogue: "candidate", answers: { took_tests: true }, partial: true });
    assert.ok(tests.applicable.includes("tests_info"));

    const bad = rekry.validateResponse({
        catalogue: "candidate",
        answers: { recommend: 12, took_tests: false, tests_info: true, overall: "x" === "y", zzz: 1 },
    });
    const codes = bad.problems.map((p) => p.problem).sort();
    assert.deepEqual(codes, ["condition-not-met", "out-of-range", "unknown-question", "wrong-type"]);
    const range = bad.problems.find((p) => p.problem === "out-of-range");
    assert.deepEqual([range.value, range.min, range.max], [12, 0, 10]);
});

test("roleProfiles and idChecklist", () => {
    const roles = rekry.roleProfiles();
    assert.ok(roles.length >= 10);
    assert.ok(roles.some((r) => r.id === "teacher" && r.name.sv === "Lärare"));
    for (const r of roles) {
        const list = rekry.idChecklist(r.id, { today: TODAY });
        assert.equal(list.role.id, r.id);
        assert.ok(list.items.some((i) => i.kind === "identity" && i.required));
        assert.equal(list.outcome, "incomplete");
    }
    const other = rekry.idChecklist("teacher", { citizenship: "other", today: TODAY });
    assert.equal(other.items.find((i) => i.kind === "right-to-work").state, "pending");
    const swede = rekry.idChecklist("teacher", { today: TODAY });
    assert.equal(swede.items.find((i) => i.kind === "right-to-work")?.state ?? "not-applicable", "not-applicable");
    const mrz = rekry.idChecklist("administrator", { mrz: TD3, today: TODAY });
    assert.equal(mrz.items.find((i) => i.kind === "identity").state, "failed");
    assert.throws(() => rekry.idChecklist("astronaut"), RangeError);
    assert.throws(() => rekry.idChecklist("teacher", { citizenship: "martian" }), RangeError);
    assert.throws(() => rekry.idChecklist("teacher", { colour: "blue" }), TypeError);
    assert.throws(() => rekry.idChecklist("teacher", { require: ["nothing"] }), RangeError);
});

test("checkJobAd: findings with severities", () => {
    const r = rekry.checkJobAd({
        title: "Brandman",
        text: "Vi söker en brandman.",
        screeningQuestions: ["Vad är din nuvarande lön?", "Hur gammal är du?"],
        asksForPersonalLetter: true,
        publicationDate: "2027-02-01",
    });
    const rules = r.findings.map((f) => f.rule);
    for (const rule of ["pay-missing", "pay-history-question", "discrimination-ground", "personal-letter", "gendered-title"]) {
        assert.ok(rules.includes(rule), rule);
    }
    assert.equal(r.hasErrors, true);
    assert.equal(r.worst, "error");
    assert.equal(r.counts.error, 2);
    const age = r.findings.find((f) => f.rule === "discrimination-ground");
    assert.deepEqual(age.location, { kind: "question", index: 1 });
    assert.equal(age.ground.id, "age");
    const clean = rekry.checkJobAd({ title: "Sjuksköterska", pay: { min: 38000, max: 45000 }, publicationDate: "2027-02-01" });
    assert.deepEqual(clean.findings, []);
    assert.equal(clean.worst, null);
    assert.throws(() => rekry.checkJobAd({ title: "x", pay: { min: -1, max: 2 } }), RangeError);
    assert.throws(() => rekry.checkJobAd({ title: "x", pay: { starting: "lots" } }), TypeError);
});
