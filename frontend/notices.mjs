// Licence notices for a prebuilt bundle: the licence of every package in the production
// dependency closure of PACKAGE, as package-lock.json resolves it, with each package's own
// licence file where it ships one. Used by scripts/vendor; prints to standard output.
//
//   node notices.mjs @zazuko/yasgui > THIRD-PARTY-LICENSES.txt

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL(".", import.meta.url).pathname;
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const packages = lock.packages;
const top = process.argv[2];
if (!top || !packages[`node_modules/${top}`]) {
  console.error(`usage: node notices.mjs PACKAGE (a dependency in package-lock.json); got ${top}`);
  process.exit(2);
}

// Node's resolution over the lock's paths: look in the nearest node_modules, then up.
function resolve(from, name) {
  let dir = from;
  for (;;) {
    const key = `${dir ? dir + "/" : ""}node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return null;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

const closure = new Set();
(function walk(key) {
  if (closure.has(key)) return;
  closure.add(key);
  for (const dep of Object.keys(packages[key].dependencies || {})) {
    const found = resolve(key, dep);
    if (found) walk(found);
  }
})(`node_modules/${top}`);

const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const out = [
  `Third-party software in the ${top} bundle`,
  "",
  `The prebuilt bundle of ${top} ${packages[`node_modules/${top}`].version} includes code from the packages of its`,
  "dependency closure. Below: each package, its version as installed by `npm ci` from",
  "frontend/package-lock.json (the versions the upstream build used may differ slightly), its",
  "declared licence, and the licence text it ships (none where a package ships no licence file).",
  "",
];
for (const key of [...closure].sort()) {
  const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
  if (name === top) continue;
  const meta = packages[key];
  out.push("=".repeat(78), `${name} ${meta.version} — ${meta.license || "licence not declared"}`, "=".repeat(78));
  const dir = join(root, key);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort() : [];
  if (files.length === 0) {
    const scope = top.startsWith("@") ? top.split("/")[0] + "/" : null;
    out.push(scope && name.startsWith(scope) ? `(no licence file in the package; the LICENSE of ${top} applies)` : "(no licence file in the package)", "");
  }
  for (const file of files) out.push(`--- ${file}`, readFileSync(join(dir, file), "utf8").trimEnd(), "");
}
process.stdout.write(out.join("\n") + "\n");
