// Hostile input: wrong types, NaN, Infinity, huge and odd strings, lone surrogates, getters
// that throw, proxies, cycles, BigInts, 10 MB strings. Each call must return a value or throw
// a TypeError / RangeError with a message, and the module must answer a good call right after.
import { test } from "node:test";
import assert from "node:assert/strict";

import * as rekry from "../pkg/index.js";

const TODAY = "2026-11-23";
const GOOD = "811218-9876";

/** The module still works: a known-good call gives the known answer. */
function stillWorks() {
    assert.equal(rekry.validatePersonnummer(GOOD, TODAY).normalized, "19811218-9876");
    assert.equal(rekry.computeNps([10, 9, 3]).npsText, "33.3");
    assert.equal(rekry.surveyCatalogue("job-fair", "en").id, "job-fair");
}

/** Calls `fn`; it must return normally or throw a TypeError/RangeError with a message. */
function survives(label, fn) {
    let outcome;
    try {
        const v = fn();
        outcome = "value";
        JSON.stringify(v); // plain data, serialisable
    } catch (e) {
        assert.ok(e instanceof TypeError || e instanceof RangeError, `${label}: threw ${e?.name}: ${e?.message}`);
        assert.ok(typeof e.message === "string" && e.message.length > 0, `${label}: empty message`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: trapped`);
        outcome = e.name;
    }
    stillWorks();
    return outcome;
}

const throwingGetter = {
    get catalogue() {
        throw new Error("boom");
    },
};
const cyclic = { catalogue: "job-fair", answers: [] };
cyclic.self = cyclic;
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const trapAll = new Proxy(
    {},
    {
        get() {
            throw new SyntaxError("trap");
        },
        ownKeys() {
            throw new SyntaxError("trap");
        },
    },
);

const HUGE = "9".repeat(10 * 1024 * 1024);
const LONE = "\uD800811218-9876\uDFFF";
const ODD_STRINGS = [
    "",
    " ",
    "\0",
    "\u0000".repeat(1000),
    LONE,
    "\uD800",
    "\uDC00",
    "😀".repeat(5000),
    "８１１２１８-９８７６",
    "811218\u20139876",
    "x".repeat(rekry.MAX_INPUT_LENGTH),
    HUGE,
    "<".repeat(200000),
    "\r\n".repeat(50000),
    "P<".padEnd(88, "\uFFFF"),
];
const NOT_STRINGS = [undefined, null, 0, NaN, Infinity, -Infinity, 1n, true, {}, [], () => 1, Symbol("s"), new String("x"), throwingGetter, revoked.proxy, trapAll];
const NUMBERS = [NaN, Infinity, -Infinity, -0, 0.5, -1, 11, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 63, Number.MIN_VALUE];

test("validatePersonnummer survives odd strings, non-strings and bad dates", () => {
    for (const s of ODD_STRINGS) survives(`pnr ${s.length}`, () => rekry.validatePersonnummer(s, TODAY));
    for (const v of NOT_STRINGS) assert.equal(survives(`pnr ${typeof v}`, () => rekry.validatePersonnummer(v, TODAY)), "TypeError");
    for (const t of ["", "2026-02-30", "0000-01-01", "26-11-23", LONE, HUGE, "2026-11-23T00:00"]) {
        assert.equal(survives(`today ${t.slice(0, 20)}`, () => rekry.validatePersonnummer(GOOD, t)), "RangeError");
    }
    for (const t of [null, 20261123, new Date(), {}]) {
        assert.equal(survives("today type", () => rekry.validatePersonnummer(GOOD, t)), "TypeError");
    }
    assert.equal(survives("10 MB", () => rekry.validatePersonnummer(HUGE)), "RangeError");
    assert.equal(rekry.validatePersonnummer(LONE, TODAY).valid, false);
});

test("parseMrz survives odd strings, non-strings and bad dates", () => {
    for (const s of ODD_STRINGS) survives(`mrz ${s.length}`, () => rekry.parseMrz(s, TODAY));
    for (const v of NOT_STRINGS) assert.equal(survives("mrz type", () => rekry.parseMrz(v)), "TypeError");
    const r = rekry.parseMrz("<".repeat(200000), TODAY);
    assert.equal(r.valid, false);
    assert.ok(r.errors.length <= 24);
});

test("npsCategory survives every kind of number and non-number", () => {
    for (const n of NUMBERS) assert.equal(survives(`cat ${n}`, () => rekry.npsCategory(n)), n === -0 ? "value" : "RangeError");
    for (const v of NOT_STRINGS.filter((v) => typeof v !== "number")) {
        assert.equal(survives("cat type", () => rekry.npsCategory(v)), "TypeError");
    }
    assert.equal(rekry.npsCategory(-0), "detractor");
});

test("computeNps survives bad elements, sparse, huge and hostile arrays", () => {
    for (const n of NUMBERS.filter((n) => !Object.is(n, -0))) {
        assert.equal(survives(`nps ${n}`, () => rekry.computeNps([9, n])), "RangeError");
    }
    for (const v of ["9", null, undefined, {}, 9n]) {
        assert.equal(survives("nps element type", () => rekry.computeNps([9, v])), "TypeError");
    }
    // eslint-disable-next-line no-sparse-arrays
    assert.equal(survives("sparse", () => rekry.computeNps([9, , 9])), "TypeError");
    const notArrays = NOT_STRINGS.filter((v) => v !== revoked.proxy && !Array.isArray(v)).concat([revoked.proxy]);
    for (const v of notArrays) {
        assert.equal(survives("nps type", () => rekry.computeNps(v)), "TypeError");
    }
    const getterArray = [9, 9];
    Object.defineProperty(getterArray, 1, {
        get() {
            throw new Error("boom");
        },
    });
    assert.equal(survives("getter element", () => rekry.computeNps(getterArray)), "TypeError");
    assert.equal(survives("proxy array", () => rekry.computeNps(new Proxy([1, 2], { get: () => { throw 42; } }))), "TypeError");
    assert.equal(survives("BigInt64Array", () => rekry.computeNps(new BigInt64Array(3))), "TypeError");
    const tooMany = [];
    tooMany.length = rekry.MAX_SCORES + 1;
    assert.equal(survives("too many", () => rekry.computeNps(tooMany)), "RangeError");
    assert.equal(survives("array-like object", () => rekry.computeNps({ length: 2, 0: 9, 1: 9 })), "TypeError");
    assert.equal(survives("float NaN typed", () => rekry.computeNps(new Float64Array([NaN]))), "RangeError");
    const million = new Float64Array(1_000_000).fill(10);
    assert.equal(rekry.computeNps(million).nps, 100);
    stillWorks();
});

test("surveyCatalogue survives junk ids and languages", () => {
    for (const s of ODD_STRINGS) assert.equal(survives("cat id", () => rekry.surveyCatalogue(s, "sv")), "RangeError");
    for (const v of NOT_STRINGS) assert.equal(survives("cat id type", () => rekry.surveyCatalogue(v, "sv")), "TypeError");
    for (const v of NOT_STRINGS) assert.equal(survives("lang type", () => rekry.surveyCatalogue("job-fair", v)), "TypeError");
    assert.equal(rekry.surveyCatalogue("job-fair", "SV").lang, "sv");
});

test("validateResponse survives every shape of junk", () => {
    const cases = [
        undefined,
        null,
        42,
        "job-fair",
        [],
        () => 1,
        Symbol("s"),
        1n,
        throwingGetter,
        cyclic,
        revoked.proxy,
        trapAll,
        { catalogue: "job-fair" },
        { catalogue: 1, answers: [] },
        { catalogue: "nope", answers: [] },
        { catalogue: "job-fair", answers: "9" },
        { catalogue: "job-fair", answers: [null] },
        { catalogue: "job-fair", answers: [{ question: 1, value: 9 }] },
        { catalogue: "job-fair", answers: [{ question: "recommend" }] },
        { catalogue: "job-fair", answers: { recommend: NaN } },
        { catalogue: "job-fair", answers: { recommend: Infinity } },
        { catalogue: "job-fair", answers: { recommend: 9.5 } },
        { catalogue: "job-fair", answers: { recommend: 2 ** 40 } },
        { catalogue: "job-fair", answers: { recommend: "9" } },
        { catalogue: "job-fair", answers: { recommend: 9n } },
        { catalogue: "job-fair", answers: { recommend: {} } },
        { catalogue: "job-fair", answers: { [LONE]: 9 } },
        { catalogue: "job-fair", answers: { ["q".repeat(33)]: 9 } },
        { catalogue: "job-fair", answers: Array.from({ length: 25 }, () => ({ question: "recommend", value: 9 })) },
        { catalogue: "job-fair", answers: Array.from({ length: 24 }, () => ({ question: "recommend", value: 9 })) },
        { catalogue: "job-fair", answers: [], partial: "yes" },
        { catalogue: "job-fair", answers: [], extra: true },
        { catalogue: "job-fair", answers: [], toJSON: () => "hijacked" },
        { catalogue: "job-fair", answers: { recommend: HUGE } },
        { catalogue: "job-fair", answers: JSON.parse("[" + "[".repeat(100) + "]".repeat(100) + "]") },
    ];
    for (const [i, c] of cases.entries()) survives(`response ${i}`, () => rekry.validateResponse(c));
    const dup = rekry.validateResponse({
        catalogue: "job-fair",
        answers: Array.from({ length: 24 }, () => ({ question: "recommend", value: 9 })),
    });
    assert.equal(dup.problems.filter((p) => p.problem === "duplicate").length, 23);
    const lone = rekry.validateResponse({ catalogue: "job-fair", answers: { [LONE]: 9 }, partial: true });
    assert.equal(lone.problems[0].problem, "unknown-question");
});

test("idChecklist and checkJobAd survive junk", () => {
    for (const v of NOT_STRINGS) survives("role type", () => rekry.idChecklist(v));
    for (const o of [42, "x", [], throwingGetter, cyclic, trapAll, { today: "2026-13-01" }, { mrz: 5 }, { mrz: HUGE }, { require: "identity" }, { require: [1] }, { issueDate: LONE }]) {
        survives("checklist options", () => rekry.idChecklist("teacher", o));
    }
    const mrzJunk = rekry.idChecklist("teacher", { mrz: "<".repeat(100000), today: TODAY });
    assert.equal(mrzJunk.role.id, "teacher");
    for (const ad of [undefined, null, 1, "ad", [], throwingGetter, cyclic, { title: 5 }, { title: "x", pay: { min: 1 } }, { title: "x", pay: { starting: NaN } }, { title: "x", pay: { starting: 2 ** 33 } }, { title: "x", screeningQuestions: [null] }, { title: "x", screeningQuestions: "q" }, { title: "x", asksForPersonalLetter: "yes" }, { title: "x", publicationDate: "tomorrow" }, { title: "x", whatever: 1 }, { title: HUGE }]) {
        survives("ad", () => rekry.checkJobAd(ad));
    }
    const many = rekry.checkJobAd({ title: "x", screeningQuestions: Array.from({ length: 5000 }, () => "Hur gammal är du?") });
    assert.ok(many.findings.length <= 32 && many.omitted > 0);
    const lone = rekry.checkJobAd({ title: LONE + "man", text: LONE, screeningQuestions: [LONE] });
    assert.ok(Array.isArray(lone.findings));
});

test("a long hostile sequence leaves the module healthy", () => {
    for (let i = 0; i < 2000; i++) {
        const s = String.fromCharCode(...Array.from({ length: i % 40 }, (_, k) => (k * 7919 + i * 104729) % 0xffff));
        rekry.validatePersonnummer(s, TODAY);
        rekry.parseMrz(s, TODAY);
        try {
            rekry.validateResponse({ catalogue: "candidate", answers: { [s]: i } });
        } catch (e) {
            assert.ok(e instanceof TypeError || e instanceof RangeError);
        }
        rekry.checkJobAd({ title: s, screeningQuestions: [s] });
    }
    stillWorks();
});
