// The Chromium the tests, the benchmark and the screenshots drive: found, or installed from Debian
// where it can be, or a clear stop with the command that installs it. No dependencies: CI runs it
// before `npm ci`. Usage: `node scripts/find-chromium.mjs` prints the browser's path (installing
// Debian's first when it is missing and this runs as root on Debian), or exits 1 saying what to do.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Which Chromium to use: `CHROMIUM_PATH` when it is set (and then only it), else Debian's
 * /usr/bin/chromium, else the first `chromium` on the PATH. Returns `{ path }`, or `{ problem }`
 * saying what is wrong. `isExecutable` tells whether a file exists and may be run.
 */
export function locateChromium({ env = process.env, isExecutable = isExecutableFile } = {}) {
  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH };
    return { problem: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not a program: point it at a Chromium, or unset it` };
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  for (const folder of (env.PATH ?? "").split(path.delimiter)) {
    if (folder && isExecutable(path.join(folder, "chromium"))) return { path: path.join(folder, "chromium") };
  }
  return { problem: `Chromium not found: CHROMIUM_PATH is not set, there is no ${DEBIAN_CHROMIUM} and no chromium on the PATH` };
}

/**
 * What to do about a missing Chromium: as root on Debian, install Debian's package (`install`, the
 * commands to run); elsewhere, stop and say how to install it (`advice`).
 */
export function missingChromiumPlan({ isRoot, isDebian }) {
  if (isRoot && isDebian)
    return {
      install: [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "chromium"],
      ],
    };
  const command = isDebian ? "sudo apt-get install -y chromium" : "apt-get install -y chromium (Debian), or your system's Chromium package";
  return { advice: `install it with: ${command}; or set CHROMIUM_PATH to a Chromium or Chrome` };
}

/** This machine, as ensureChromium sees it; tests give it another. */
const thisMachine = {
  env: process.env,
  isExecutable: isExecutableFile,
  isRoot: process.getuid?.() === 0,
  isDebian: existsSync("/etc/debian_version"),
  /** Runs a command, its output on stderr; returns its exit status. */
  run: (command, args) =>
    spawnSync(command, args, { stdio: ["ignore", 2, 2], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status,
  log: (line) => console.error(line),
};

/**
 * The path of the Chromium to drive. When there is none, installs Debian's as root on Debian
 * (saying so on stderr), and otherwise throws, saying how to install it.
 */
export function ensureChromium(machine = thisMachine) {
  const { env, isExecutable } = machine;
  const found = locateChromium({ env, isExecutable });
  if (found.path) return found.path;
  // A CHROMIUM_PATH that is wrong is the user's choice: say so rather than install another browser.
  if (env.CHROMIUM_PATH) throw new Error(found.problem);
  const plan = missingChromiumPlan(machine);
  if (plan.advice) throw new Error(`${found.problem}. The browser tests need it: ${plan.advice}`);
  for (const [command, ...args] of plan.install) {
    machine.log(`${found.problem}; running ${[command, ...args].join(" ")}`);
    const status = machine.run(command, args);
    if (status !== 0)
      throw new Error(`\`${[command, ...args].join(" ")}\` failed (exit status ${status}): install Chromium, or set CHROMIUM_PATH`);
  }
  const installed = locateChromium({ env, isExecutable });
  if (!installed.path) throw new Error(`apt-get installed the chromium package, but still: ${installed.problem}`);
  return installed.path;
}

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
