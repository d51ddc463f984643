// @rekry/core: the rules of rekry-core (personnummer, MRZ, NPS, survey catalogues, ID
// checklists, job-ad checks) compiled to WebAssembly, for browsers and Node >= 20.
//
// This file is the package's public module. It checks JavaScript types, supplies today's date,
// and turns the module's JSON results into plain objects and its errors into thrown
// TypeError / RangeError. Every rule is in the WebAssembly module (rekry-core); nothing here
// decides what is valid.
//
// The module is instantiated with top-level await when this file is imported, so every
// function is synchronous: `import { validatePersonnummer } from "@rekry/core"` and call it.
// In a browser the .wasm is fetched next to this file (served as application/wasm for
// streaming compilation); in Node it is read from disk.

import initWasm, * as wasm from "./rekry_wasm.js";

/** Longest string argument, in UTF-16 code units (mirrors `api::MAX_INPUT_LEN`). */
export const MAX_INPUT_LENGTH = 1 << 20;
/** Most scores `computeNps` takes in one call (mirrors `api::MAX_SCORES`). */
export const MAX_SCORES = 1 << 22;

const wasmUrl = new URL("./rekry_wasm_bg.wasm", import.meta.url);
const isNode =
    typeof process === "object" && process !== null && typeof process.versions?.node === "string";
const exports =
    isNode && wasmUrl.protocol === "file:"
        ? wasm.initSync({ module: await (await import(/* webpackIgnore: true */ "node:fs/promises")).readFile(wasmUrl) })
        : await initWasm({ module_or_path: wasmUrl });

// Operation codes of the module's `call` export (mirrors bindings.rs).
const VALIDATE_PERSONNUMMER = 0;
const PARSE_MRZ = 1;
const CHECK_TODAY = 2;
const NPS_CATEGORY = 3;
const SURVEY_CATALOGUE = 4;
const VALIDATE_RESPONSE = 5;
const ROLE_PROFILES = 6;
const ID_CHECKLIST = 7;
const CHECK_JOB_AD = 8;

// ---------------------------------------------------------------------------------------------
// Helpers

/** A short description of a value's type, for messages; never runs user code. */
function describe(v) {
    if (v === null) return "null";
    const t = typeof v;
    if (t !== "object") return t === "number" && !Number.isFinite(v) ? String(v) : t;
    try {
        return Array.isArray(v) ? "array" : "object";
    } catch {
        return "object";
    }
}

function messageOf(e) {
    try {
        return String(e && typeof e === "object" && "message" in e ? e.message : e);
    } catch {
        return "unreadable error";
    }
}

/** Turns the module's answer into a value or a thrown TypeError / RangeError. */
function unwrap(s) {
    if (s.charCodeAt(0) === 33 /* ! */) {
        const message = s.slice(2);
        throw s.charCodeAt(1) === 84 /* T */ ? new TypeError(message) : new RangeError(message);
    }
    return JSON.parse(s);
}

function string(fn, name, v) {
    if (typeof v !== "string") {
        throw new TypeError(`${fn}: ${name} must be a string, got ${describe(v)}`);
    }
    if (v.length > MAX_INPUT_LENGTH) {
        throw new RangeError(`${fn}: ${name} is longer than ${MAX_INPUT_LENGTH} characters (${v.length})`);
    }
    return v;
}

/** An object argument as JSON text; getters, toJSON and proxies run here, once. */
function jsonArg(fn, name, v) {
    let text;
    try {
        text = JSON.stringify(v);
    } catch (e) {
        throw new TypeError(`${fn}: ${name} could not be read: ${messageOf(e)}`, { cause: e });
    }
    if (text === undefined) {
        throw new TypeError(`${fn}: ${name} must be an object, got ${describe(v)}`);
    }
    if (text.length > MAX_INPUT_LENGTH) {
        throw new RangeError(`${fn}: ${name} is larger than ${MAX_INPUT_LENGTH} characters as JSON`);
    }
    return text;
}

// Today's local date packed as yyyymmdd, recomputed when the clock leaves the cached day.
let todayYmd = 0;
let dayStart = 0;
let dayEnd = 0;

function today(fn, v) {
    if (v === undefined) {
        const now = Date.now();
        if (!(now >= dayStart && now < dayEnd)) {
            const d = new Date(now);
            const y = d.getFullYear();
            const m = d.getMonth();
            const day = d.getDate();
            todayYmd = y * 10000 + (m + 1) * 100 + day;
            dayStart = new Date(y, m, day).getTime();
            dayEnd = new Date(y, m, day + 1).getTime();
        }
        return todayYmd;
    }
    if (v === lastToday) return lastTodayYmd;
    const ymd = unwrap(wasm.call(CHECK_TODAY, string(fn, "today", v), "", 0));
    lastToday = v;
    lastTodayYmd = ymd;
    return ymd;
}
let lastToday = "";
let lastTodayYmd = 0;

// ---------------------------------------------------------------------------------------------
// The API (types and shapes in index.d.ts)

// The fast path for a valid personnummer writes short ASCII input straight into a 32-byte
// buffer in the module's memory and reads core's long form and birth date from the 23 bytes
// after it, instead of passing strings and parsing JSON (see api::personnummer_fast).
const pnrIn = wasm.pnr_buffers();
const pnrOut = pnrIn + 32;
let memory = new Uint8Array(exports.memory.buffer);

/** The fast path's code for `s`; 0 when not valid, or not short ASCII. */
function personnummerFast(s, t) {
    const n = s.length;
    if (n > 32) return 0;
    if (memory.byteLength === 0) memory = new Uint8Array(exports.memory.buffer); // grown
    for (let i = 0; i < n; i++) {
        const ch = s.charCodeAt(i);
        if (ch > 127) return 0;
        memory[pnrIn + i] = ch;
    }
    return wasm.pnr_fast(n, t);
}

/** Validates a Swedish personnummer or samordningsnummer. */
export function validatePersonnummer(input, todayDate) {
    const t = today("validatePersonnummer", todayDate);
    const s = string("validatePersonnummer", "input", input);
    const code = personnummerFast(s, t);
    // The full answer (same shape for a valid number) when not valid or not short ASCII.
    if (code === 0) return unwrap(wasm.call(VALIDATE_PERSONNUMMER, s, "", t));
    if (memory.byteLength === 0) memory = new Uint8Array(exports.memory.buffer); // grown
    const m = memory;
    const p = pnrOut;
    const c = String.fromCharCode;
    return {
        valid: true,
        kind: code & 2 ? "samordningsnummer" : "personnummer",
        normalized: c(m[p], m[p + 1], m[p + 2], m[p + 3], m[p + 4], m[p + 5], m[p + 6], m[p + 7], m[p + 8], m[p + 9], m[p + 10], m[p + 11], m[p + 12]),
        birthDate: c(m[p + 13], m[p + 14], m[p + 15], m[p + 16], m[p + 17], m[p + 18], m[p + 19], m[p + 20], m[p + 21], m[p + 22]),
        sex: code & 4 ? "male" : "female",
    };
}

/** Parses and checks a TD1, TD2 or TD3 machine-readable zone. */
export function parseMrz(text, todayDate) {
    const t = today("parseMrz", todayDate);
    return unwrap(wasm.call(PARSE_MRZ, string("parseMrz", "text", text), "", t));
}

/** The NPS category of one 0–10 answer. */
export function npsCategory(score) {
    if (typeof score !== "number") {
        throw new TypeError(`npsCategory: score must be a number, got ${describe(score)}`);
    }
    return unwrap(wasm.call(NPS_CATEGORY, "", "", score));
}

/** NPS with its 95 % margin and adjusted-Wald interval. */
export function computeNps(scores) {
    let values;
    try {
        if (scores instanceof Float64Array) {
            values = scores;
        } else if (Array.isArray(scores) || (ArrayBuffer.isView(scores) && !(scores instanceof DataView))) {
            const n = scores.length;
            if (n > MAX_SCORES) {
                throw new RangeError(`computeNps: at most ${MAX_SCORES} scores per call, got ${n}`);
            }
            values = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                const v = scores[i];
                if (typeof v !== "number") {
                    throw new TypeError(`computeNps: scores[${i}] must be a number, got ${describe(v)}`);
                }
                values[i] = v;
            }
        } else {
            throw new TypeError(`computeNps: scores must be an array of numbers, got ${describe(scores)}`);
        }
    } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError) throw e;
        throw new TypeError(`computeNps: scores could not be read: ${messageOf(e)}`, { cause: e });
    }
    if (values.length > MAX_SCORES) {
        throw new RangeError(`computeNps: at most ${MAX_SCORES} scores per call, got ${values.length}`);
    }
    return unwrap(wasm.compute_nps(values));
}

/** A survey catalogue's questions in one language. */
export function surveyCatalogue(id, lang) {
    return unwrap(
        wasm.call(SURVEY_CATALOGUE, string("surveyCatalogue", "id", id), string("surveyCatalogue", "lang", lang), 0),
    );
}

/** Validates a candidate's answers against their catalogue. */
export function validateResponse(response) {
    return unwrap(wasm.call(VALIDATE_RESPONSE, jsonArg("validateResponse", "response", response), "", 0));
}

/** Every role profile, for a role picker. */
export function roleProfiles() {
    return unwrap(wasm.call(ROLE_PROFILES, "", "", 0));
}

/** The pre-employment checklist of a role, with an identity document's MRZ applied. */
export function idChecklist(roleProfile, options) {
    const role = string("idChecklist", "roleProfile", roleProfile);
    const opts = jsonArg("idChecklist", "options", options === undefined ? null : options);
    return unwrap(wasm.call(ID_CHECKLIST, role, opts, today("idChecklist", undefined)));
}

/** Checks a job ad before it is published. */
export function checkJobAd(ad) {
    const text = jsonArg("checkJobAd", "ad", ad);
    return unwrap(wasm.call(CHECK_JOB_AD, text, "", today("checkJobAd", undefined)));
}
