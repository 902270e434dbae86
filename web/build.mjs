// Copies the web UI's third-party front-end assets from web/node_modules into
// src/eventwire/web/static/vendor/ so the UI works fully offline (no CDN).
//
// Run by `npm ci --prefix web` (postinstall) or `npm run build --prefix web`.
// The vendor directory is build output (git-ignored). manifest.json is written
// last, so its presence means the build completed; it lists every copied file
// with its package, version and sha256 so the Python side can verify it.

import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(webDir);
const modulesDir = join(webDir, "node_modules");
const vendorDir = join(repoRoot, "src", "eventwire", "web", "static", "vendor");

// [package, path inside the package, output file name]
const FILES = [
  ["d3", "dist/d3.min.js", "d3.min.js"],
  ["d3", "LICENSE", "LICENSE.d3.txt"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client", "LICENSE", "LICENSE.topojson-client.txt"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["world-atlas", "LICENSE", "LICENSE.world-atlas.txt"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist", "LICENSE", "LICENSE.swagger-ui-dist.txt"],
  // Apache-2.0 section 4(d): the NOTICE file travels with the redistributed work.
  ["swagger-ui-dist", "NOTICE", "NOTICE.swagger-ui-dist.txt"],
  // Third-party notices of the code bundled into swagger-ui-bundle.js; the
  // bundle's first line points to this file by this name.
  ["swagger-ui-dist", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui-bundle.js.LICENSE.txt"],
];

function fail(message) {
  console.error(`web/build.mjs: ${message}`);
  process.exit(1);
}

const pinned = JSON.parse(readFileSync(join(webDir, "package.json"), "utf8")).dependencies;

function installedPackage(name) {
  const file = join(modulesDir, name, "package.json");
  if (!existsSync(file)) fail(`${name} is not installed; run: npm ci --prefix web`);
  const meta = JSON.parse(readFileSync(file, "utf8"));
  if (pinned[name] !== meta.version) {
    fail(`${name} ${meta.version} is installed but package.json pins ${pinned[name]}; run: npm ci --prefix web`);
  }
  return meta;
}

const packages = {};
for (const [name] of FILES) {
  if (!packages[name]) {
    const meta = installedPackage(name);
    packages[name] = { version: meta.version, license: meta.license };
  }
}

rmSync(vendorDir, { recursive: true, force: true });
mkdirSync(vendorDir, { recursive: true });

const files = [];
for (const [name, source, output] of FILES) {
  const from = join(modulesDir, name, source);
  if (!existsSync(from)) fail(`missing ${relative(repoRoot, from)}`);
  const to = join(vendorDir, output);
  copyFileSync(from, to);
  const bytes = readFileSync(to);
  files.push({
    file: output,
    package: name,
    version: packages[name].version,
    license: packages[name].license,
    source: `${name}/${source}`,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  });
}

const manifest = {
  generated_by: "web/build.mjs",
  packages,
  files,
};
const manifestPath = join(vendorDir, "manifest.json");
writeFileSync(`${manifestPath}.tmp`, JSON.stringify(manifest, null, 2) + "\n");
renameSync(`${manifestPath}.tmp`, manifestPath);

console.log(`web/build.mjs: wrote ${files.length} files + manifest.json to ${relative(repoRoot, vendorDir)}/`);
for (const f of files) {
  console.log(`  ${f.file.padEnd(36)} ${f.package}@${f.version} ${f.sha256.slice(0, 12)}`);
}
