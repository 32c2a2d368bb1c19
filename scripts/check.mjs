// `npm run check`: reads every post as a build would and lists every problem at once, with its file
// and line (src/build/check.server.ts), including broken links and missing images a build does not
// see. Exits with 1 when there are errors, so CI can run it before a build.
import { loadModule } from "./load-module.mjs";

const started = performance.now();
const { checkSite } = await loadModule("src/build/check.server.ts");
const problems = checkSite();
for (const { file, line, severity, message } of problems)
  (severity === "error" ? console.error : console.warn)(`${file}:${line}: ${severity}: ${message}`);
const errors = problems.filter((problem) => problem.severity === "error").length;
const warnings = problems.length - errors;
const count = (value, noun) => `${value} ${noun}${value === 1 ? "" : "s"}`;
console.info(
  `${problems.length === 0 ? "No problems" : `${count(errors, "error")}, ${count(warnings, "warning")}`} in the posts (checked in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
process.exitCode = errors > 0 ? 1 : 0;
