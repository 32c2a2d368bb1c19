// @vitest-environment node
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { ensureChromium, locateChromium } from "../../scripts/find-chromium.mjs";

interface Machine {
  env: Record<string, string | undefined>;
  isExecutable: (file: string) => boolean;
  isRoot: boolean;
  isDebian: boolean;
  run: (command: string, args: string[]) => number;
  log: (line: string) => void;
}

/** A machine with these programs on it; `apt-get install … chromium` puts Debian's there, when it works. */
function machine({ programs = [] as string[], env = {} as Machine["env"], isRoot = false, isDebian = true, aptWorks = true } = {}) {
  const files = new Set(programs);
  const ran: string[] = [];
  const fake: Machine = {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...env },
    isExecutable: (file) => files.has(file),
    isRoot,
    isDebian,
    run: (command, args) => {
      ran.push([command, ...args].join(" "));
      if (!aptWorks) return 100;
      if (args.includes("install") && args.includes("chromium")) files.add("/usr/bin/chromium");
      return 0;
    },
    log: () => {},
  };
  return { fake, ran };
}

describe("the Chromium the tests drive", () => {
  it("is CHROMIUM_PATH when it is set, before Debian's", () => {
    const { fake } = machine({ programs: ["/opt/chrome/chrome", "/usr/bin/chromium"], env: { CHROMIUM_PATH: "/opt/chrome/chrome" } });
    expect(ensureChromium(fake)).toBe("/opt/chrome/chrome");
  });

  it("is Debian's /usr/bin/chromium, else the first chromium on the PATH", () => {
    expect(ensureChromium(machine({ programs: ["/usr/local/bin/chromium", "/usr/bin/chromium"] }).fake)).toBe("/usr/bin/chromium");
    expect(ensureChromium(machine({ programs: ["/snap/bin/chromium", "/usr/local/bin/chromium"] }).fake)).toBe("/usr/local/bin/chromium");
    expect(locateChromium({ env: { PATH: "/a:/snap/bin" }, isExecutable: (file: string) => file === "/snap/bin/chromium" })).toEqual({
      path: "/snap/bin/chromium",
    });
  });

  it("stops on a CHROMIUM_PATH that is not a program, rather than drive or install another browser", () => {
    const { fake, ran } = machine({ programs: ["/usr/bin/chromium"], env: { CHROMIUM_PATH: "/opt/nothing" }, isRoot: true });
    expect(() => ensureChromium(fake)).toThrow(
      "CHROMIUM_PATH is /opt/nothing, which is not a program: point it at a Chromium, or unset it",
    );
    expect(ran).toEqual([]);
  });

  it("is installed from Debian when there is none and the tests run as root on Debian", () => {
    const { fake, ran } = machine({ isRoot: true });
    expect(ensureChromium(fake)).toBe("/usr/bin/chromium");
    expect(ran).toEqual(["apt-get update -qq", "apt-get install -y -qq chromium"]);
  });

  it("stops at once, with the command that installs it, when it cannot install it", () => {
    const notRoot = machine({ isRoot: false });
    expect(() => ensureChromium(notRoot.fake)).toThrow(
      "Chromium not found: CHROMIUM_PATH is not set, there is no /usr/bin/chromium and no chromium on the PATH. " +
        "The browser tests need it: install it with: sudo apt-get install -y chromium; or set CHROMIUM_PATH to a Chromium or Chrome",
    );
    expect(notRoot.ran).toEqual([]);
    expect(() => ensureChromium(machine({ isRoot: true, isDebian: false }).fake)).toThrow(
      /install it with: apt-get install -y chromium \(Debian\)/,
    );
    expect(() => ensureChromium(machine({ isRoot: true, aptWorks: false }).fake)).toThrow(
      /`apt-get update -qq` failed \(exit status 100\)/,
    );
  });
});
