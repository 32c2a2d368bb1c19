// React Router's command line (`react-router dev`, `build`, `typegen`), without one notice a Folio
// user can do nothing about. React Router 7 starts Vite servers of its own with `envFile: false`,
// which Vite 8 reports as deprecated ("The `envFile` option is deprecated, please use `envDir: false`
// instead.") up to seven times a build; React Router 8, which needs Node.js 22, passes `envDir`.
// Every other line, warnings included, is printed as it is.
import { createRequire } from "node:module";
import path from "node:path";

const NOTICE = "The `envFile` option is deprecated";
const warn = console.warn;
console.warn = (...args) => {
  if (typeof args[0] === "string" && args[0].includes(NOTICE)) return;
  warn(...args);
};

const require = createRequire(import.meta.url);
require(path.join(path.dirname(require.resolve("@react-router/dev/package.json")), "bin.js"));
