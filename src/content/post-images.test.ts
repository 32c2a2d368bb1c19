// @vitest-environment node
import { describe, expect, it } from "vitest";
import { markdownContent } from "./markdown/article-content.server";
import { articleImageSizes, imageSource, imageSrcsOf, imageVariants, largestCandidate, sizedImageProps } from "./post-images";

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

describe("imageSrcsOf", () => {
  it("lists every image of the article once, as the page writes its src, raw HTML's and shortcodes' too", () => {
    const content = markdownContent(
      '![Map](map.png)\n\n<img src="/images/logo.png" alt="Logo">\n\n![Again](map.png) ![Far](https://example.com/a.png)',
      "/posts/trip/",
    );
    expect(imageSrcsOf(content)).toEqual(["/posts/trip/map.png", "/images/logo.png", "https://example.com/a.png"]);
  });
});

describe("articleImageSizes", () => {
  const sizes = { "posts/trip/map.png": { width: 800, height: 600 }, "/images/logo.png": { width: 64, height: 32 } };
  const imageSize = (source: string) => sizes[source as keyof typeof sizes];

  it("sizes the article's images and the featured image by the src the page gives them, leaving out what has no file", () => {
    const looked: string[] = [];
    const found = articleImageSizes(["/posts/trip/map.png", "/images/logo.png", "https://example.com/a.png"], bundle, {
      imageSize: (source) => (looked.push(source), imageSize(source)),
      featuredSrc: "/posts/trip/map.png",
    });
    expect(found).toEqual({ "/posts/trip/map.png": { width: 800, height: 600 }, "/images/logo.png": { width: 64, height: 32 } });
    expect(looked).toEqual(["posts/trip/map.png", "/images/logo.png"]);
  });

  it("gives a bundle's raster image the srcset of its resized copies when the build makes them, and no other image", () => {
    const found = articleImageSizes(["/posts/trip/map.png", "/images/logo.png"], bundle, { imageSize, variants: true });
    expect(found?.["/posts/trip/map.png"].srcSet).toBe("/posts/trip/map.png.480w.webp 480w, /posts/trip/map.png.800w.webp 800w");
    expect(found?.["/images/logo.png"]).not.toHaveProperty("srcSet");
  });

  it("is undefined for an article without local images", () => {
    expect(articleImageSizes([], bundle, { imageSize: () => ({ width: 1, height: 1 }) })).toBeUndefined();
  });
});

describe("imageVariants", () => {
  it("makes WebP copies narrower than the picture, and one as wide as it up to 2400 pixels", () => {
    expect(imageVariants("chart.png", { width: 1200, height: 630 })).toEqual([
      { name: "chart.png.480w.webp", width: 480 },
      { name: "chart.png.960w.webp", width: 960 },
      { name: "chart.png.1200w.webp", width: 1200 },
    ]);
    expect(imageVariants("photo.JPG", { width: 6000, height: 4000 }).map((variant) => variant.width)).toEqual([480, 960, 1600, 2400]);
    expect(imageVariants("icon.webp", { width: 64, height: 64 }).map((variant) => variant.width)).toEqual([64]);
  });

  it("leaves vector images, animated GIFs and AVIF files as they are", () => {
    for (const name of ["chart.svg", "loop.gif", "small.avif"]) expect(imageVariants(name, { width: 1200, height: 630 })).toEqual([]);
  });
});

describe("largestCandidate", () => {
  it("is the widest copy of a srcset, whatever the order", () => {
    expect(largestCandidate("/a.1200w.webp 1200w, /a.480w.webp 480w, /a.960w.webp 960w")).toBe("/a.1200w.webp");
    expect(largestCandidate("")).toBeUndefined();
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

  it("gives the srcset of the picture's copies, with the width it is shown at, at most the article's", () => {
    const image = { ...size, srcSet: "a.480w.webp 480w, a.960w.webp 960w, a.1200w.webp 1200w" };
    expect(sizedImageProps({ src: "a.png" }, image, false)).toMatchObject({
      srcSet: image.srcSet,
      sizes: "(max-width: 704px) 100vw, 704px",
    });
    expect(sizedImageProps({ src: "a.png", width: "300" }, image, false)).toMatchObject({ sizes: "(max-width: 300px) 100vw, 300px" });
    expect(sizedImageProps({ src: "a.png", height: "100" }, image, false)).toMatchObject({ sizes: "(max-width: 190px) 100vw, 190px" });
  });

  it("keeps the author's own loading and decoding, and sizes nothing it cannot read", () => {
    expect(sizedImageProps({ src: "a.png", loading: "eager", decoding: "sync" }, undefined, false)).toEqual({
      src: "a.png",
      loading: "eager",
      decoding: "sync",
    });
  });
});
