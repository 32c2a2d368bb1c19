// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localImageSize } from "../../src/build/image-sizes.server";

/** An SVG of a given size: image-size reads its width and height attributes. */
const svg = (width: number, height: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;

describe("localImageSize", () => {
  const posts = mkdtempSync(path.join(tmpdir(), "folio-image-sizes-"));
  const chart = path.join(posts, "trip", "chart.svg");
  beforeAll(() => {
    process.env.FOLIO_POSTS = posts;
    mkdirSync(path.join(posts, "trip"));
  });
  afterAll(() => {
    delete process.env.FOLIO_POSTS;
    rmSync(posts, { recursive: true, force: true });
  });

  it("reads a page bundle's image, and reads it again when the file changes beside an unchanged post", () => {
    writeFileSync(chart, svg(640, 480));
    expect(localImageSize("posts/trip/chart.svg")).toEqual({ width: 640, height: 480 });
    writeFileSync(chart, svg(1280, 720));
    // The same second as the first write on a coarse clock: the size (and here the time) changes with the file.
    utimesSync(chart, new Date(), new Date(Date.now() + 5000));
    expect(localImageSize("posts/trip/chart.svg")).toEqual({ width: 1280, height: 720 });
  });

  it("gives nothing for a missing file, a file that is not an image, or a path out of the site's folders", () => {
    writeFileSync(path.join(posts, "trip", "notes.png"), "not an image");
    expect(localImageSize("posts/trip/missing.png")).toBeUndefined();
    expect(localImageSize("posts/trip/notes.png")).toBeUndefined();
    expect(localImageSize("/../package.json")).toBeUndefined();
  });
});
