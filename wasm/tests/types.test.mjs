// The hand-written index.d.ts against real results: every key a result carries is declared in
// its interface, and every required (non-`?`) key is present. Catches drift between the Rust
// `api` module and the types without a TypeScript compiler.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as rekry from "../pkg/index.js";

const dts = readFileSync(new URL("../pkg/index.d.ts", import.meta.url), "utf8");

/** Top-level members of `export interface name { … }`: { key: optional }. */
function members(name) {
    const start = dts.indexOf(`export interface ${name} {`);
    assert.ok(start >= 0, `interface ${name} in index.d.ts`);
    let depth = 0;
    let body = "";
    for (let i = dts.indexOf("{", start); i < dts.length; i++) {
        const c = dts[i];
        if (c === "{") depth++;
        if (c === "}") depth--;
        if (depth === 0) break;
        if (depth === 1 && i > start) body += c;
        else if (depth > 1) body += " ";
    }
    const out = {};
    for (const m of body.replace(/\/\*\*[\s\S]*?\*\//g, "").matchAll(/^\s*(\w+)(\?)?:/gm)) out[m[1]] = Boolean(m[2]);
    return out;
}

function conforms(value, name) {
    const decl = members(name);
    for (const key of Object.keys(value)) assert.ok(key in decl, `${name} has no key ${key}`);
    for (const [key, optional] of Object.entries(decl)) {
        if (!optional) assert.ok(key in value, `${name}.${key} is required but missing`);
    }
}

const TODAY = "2026-11-23";
const TD3 = "P<SWESVENSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nAB12345671SWE8503127F3104150<<<<<<<<<<<<<<08";

test("MRZ results, checks, errors and warnings match their interfaces", () => {
    for (const text of [TD3, TD3.replace("8503127", "8503137"), "", "I<SWE"]) {
        const r = rekry.parseMrz(text, TODAY);
        conforms(r, "MrzResult");
        r.checks.forEach((c) => conforms(c, "MrzCheck"));
        r.errors.forEach((e) => conforms(e, "MrzError"));
        r.warnings.forEach((w) => conforms(w, "MrzWarning"));
    }
});

test("NPS, catalogue, response, checklist and job-ad results match their interfaces", () => {
    conforms(rekry.computeNps([]), "NpsResult");
    conforms(rekry.computeNps([1, 9, 10]), "NpsResult");
    for (const id of ["job-fair", "candidate"]) {
        const c = rekry.surveyCatalogue(id, "en");
        conforms(c, "Catalogue");
        c.questions.forEach((q) => conforms(q, "Question"));
    }
    const r = rekry.validateResponse({
        catalogue: "candidate",
        answers: [{ question: "recommend", value: 12 }, { question: "x", value: 1 }, { question: "overall", value: true }, { question: "tests_info", value: true }, { question: "recommend", value: 1 }],
    });
    conforms(r, "ResponseResult");
    assert.ok(r.problems.length >= 4);
    r.problems.forEach((p) => conforms(p, "Problem"));
    rekry.roleProfiles().forEach((p) => conforms(p, "RoleProfile"));
    for (const role of ["teacher", "home-care-staff", "nurse", "administrator"]) {
        const list = rekry.idChecklist(role, { mrz: TD3, citizenship: "other", today: TODAY });
        conforms(list, "ChecklistResult");
        list.items.forEach((i) => conforms(i, "ChecklistItem"));
    }
    const ad = rekry.checkJobAd({ title: "Brandman", screeningQuestions: ["Hur gammal är du?", "Vad är din nuvarande lön?"], asksForPersonalLetter: true });
    conforms(ad, "JobAdResult");
    ad.findings.forEach((f) => conforms(f, "Finding"));
});

test("personnummer results have exactly the documented keys", () => {
    assert.deepEqual(Object.keys(rekry.validatePersonnummer("811218-9876", TODAY)).sort(), ["birthDate", "kind", "normalized", "sex", "valid"]);
    assert.deepEqual(Object.keys(rekry.validatePersonnummer("811218-9875", TODAY)).sort(), ["error", "errorCode", "errorText", "valid"]);
    assert.deepEqual(Object.keys(rekry.validatePersonnummer("19900101-T123", TODAY)).sort(), ["error", "errorCode", "errorText", "kind", "valid"]);
});
