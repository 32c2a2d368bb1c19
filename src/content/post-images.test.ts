// @vitest-environment node
import { describe, expect, it } from "vitest";
import { markdownContent } from "./markdown/article-content.server";
import { articleImageSizes, imageSource, sizedImageProps } from "./post-images";

const bundle = { file: "posts/trip/index.md", slug: "trip", assets: ["map.png", "a photo.jpg"] };

describe("imageSource", () => {
  it("finds a page bundle's file from the URL the article gives it, or the name front matter gives", () => {
    expect(imageSource("/posts/trip/map.png", bundle)).toBe("posts/trip/map.png");
    expect(imageSource("map.png", bundle)).toBe("posts/trip/map.png");
    expect(imageSource("/posts/trip/a%20photo.jpg?v=2#top", bundle)).toBe("posts/trip/a photo.jpg");
  });

  it("gives any other path on the site as it is (public/ or the static folder), and nothing for another site's image", () => {
    expect(imageSource("/images/logo.png", bundle)).toBe("/images/logo.png");
    expect(imageSource("/posts/trip/missing.png", bundle)).toBe("/posts/trip/missing.png");
    expect(imageSource("https://example.com/a.png", bundle)).toBeUndefined();
    expect(imageSource("//example.com/a.png", bundle)).toBeUndefined();
  });
});

describe("articleImageSizes", () => {
  it("sizes the article's images and the featured image by the src the page gives them, leaving out what has no file", () => {
    const content = markdownContent(
      '![Map](map.png)\n\n<img src="/images/logo.png" alt="Logo">\n\n![Far](https://example.com/a.png)',
      "/posts/trip/",
    );
    const sizes = { "posts/trip/map.png": { width: 800, height: 600 }, "/images/logo.png": { width: 64, height: 32 } };
    const looked: string[] = [];
    const found = articleImageSizes(
      content,
      bundle,
      (source) => (looked.push(source), sizes[source as keyof typeof sizes]),
      "/posts/trip/map.png",
    );
    expect(found).toEqual({ "/posts/trip/map.png": { width: 800, height: 600 }, "/images/logo.png": { width: 64, height: 32 } });
    expect(looked).toEqual(["posts/trip/map.png", "/images/logo.png"]);
  });

  it("is undefined for an article without local images", () => {
    expect(articleImageSizes(markdownContent("Text.", "/posts/trip/"), bundle, () => ({ width: 1, height: 1 }))).toBeUndefined();
  });
});

describe("sizedImageProps", () => {
  const size = { width: 1200, height: 630 };

  it("gives the file's width and height, async decoding, and lazy loading unless eager", () => {
    expect(sizedImageProps({ src: "a.png" }, size, false)).toEqual({
      src: "a.png",
      width: 1200,
      height: 630,
      loading: "lazy",
      decoding: "async",
    });
    expect(sizedImageProps({ src: "a.png" }, size, true)).toMatchObject({ loading: "eager" });
  });

  it("keeps the author's width and gives the height that keeps the image's proportions, and the reverse", () => {
    expect(sizedImageProps({ src: "a.png", width: "600" }, size, false)).toMatchObject({ width: "600", height: 315 });
    expect(sizedImageProps({ src: "a.png", height: 63 }, size, false)).toMatchObject({ width: 120, height: 63 });
    expect(sizedImageProps({ src: "a.png", width: "50%", height: "20" }, size, false)).toMatchObject({ width: "50%", height: "20" });
  });

  it("keeps the author's own loading and decoding, and sizes nothing it cannot read", () => {
    expect(sizedImageProps({ src: "a.png", loading: "eager", decoding: "sync" }, undefined, false)).toEqual({
      src: "a.png",
      loading: "eager",
      decoding: "sync",
    });
  });
});
