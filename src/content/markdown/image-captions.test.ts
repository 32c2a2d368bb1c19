// @vitest-environment node
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { captionImages } from "./image-captions";
import { markdownToHast } from "./pipeline";

const html = (markdown: string) => {
  const tree = markdownToHast(markdown);
  captionImages(tree);
  return toHtml(tree);
};

describe("captionImages", () => {
  it("makes an image alone in its paragraph with a title a figure, its title the caption", () => {
    expect(html('![A chart](chart.png "Results by month")')).toBe(
      '<figure class="image-caption"><img src="chart.png" alt="A chart"><figcaption>Results by month</figcaption></figure>',
    );
  });

  it("captions a linked image, and images in lists and quotes", () => {
    expect(html('[![A chart](chart.png "Results")](big.png)')).toBe(
      '<figure class="image-caption"><a href="big.png"><img src="chart.png" alt="A chart"></a><figcaption>Results</figcaption></figure>',
    );
    expect(html('> ![A chart](chart.png "Quoted")')).toContain("<figcaption>Quoted</figcaption>");
  });

  it("leaves an image without a title, or among words, as it is", () => {
    expect(html("![A chart](chart.png)")).toBe('<p><img src="chart.png" alt="A chart"></p>');
    expect(html('See ![a chart](chart.png "Tooltip") here.')).toBe('<p>See <img src="chart.png" alt="a chart" title="Tooltip"> here.</p>');
  });

  it("keeps a caption's markup as text", () => {
    expect(html('![A chart](chart.png "<b>bold</b> & more")')).toContain("<figcaption>&#x3C;b>bold&#x3C;/b> &#x26; more</figcaption>");
  });
});
