import { describe, expect, it } from "vitest";
import {
  EMPTY_SEARCH,
  isSearching,
  pagefindFilters,
  parseSearchState,
  searchQuery,
  type SearchState,
} from "../../src/components/search-state";
import { excerptParts } from "../../src/components/search-engine";
import { correctedQuery, editDistance, foldWord, nearestWord, vocabularyWords } from "../../src/content/search-words";
import { recordVocabulary, searchPageHtml, type SearchRecord } from "../../src/content/search-record.server";
import { shardsOf, vocabulary } from "../../src/build/search-index.server";

const state = (query: string) => parseSearchState(new URLSearchParams(query));

describe("the search page's state in its URL", () => {
  it("reads every filter from the query", () => {
    expect(state("?q=protein+folding&tags=ai,ethics&match=any&category=Healthcare&year=2024&author=Elena+Marsh")).toEqual({
      q: "protein folding",
      tags: ["ai", "ethics"],
      tagMode: "any",
      category: "Healthcare",
      year: "2024",
      author: "Elena Marsh",
    });
  });

  it("writes a state as the query it was read from, in a fixed order, commas between tags", () => {
    const url = "?q=protein+folding&tags=ai,ethics&match=any&category=Healthcare&year=2024&author=Elena+Marsh";
    expect(searchQuery(state(url))).toBe(url);
    expect(searchQuery({ ...EMPTY_SEARCH, tags: ["c++", "café", "数据"] })).toBe("?tags=c%2B%2B,caf%C3%A9,%E6%95%B0%E6%8D%AE");
    expect(state(searchQuery({ ...EMPTY_SEARCH, tags: ["c++", "café", "数据"] })).tags).toEqual(["c++", "café", "数据"]);
  });

  it("round-trips any state", () => {
    const states: SearchState[] = [
      EMPTY_SEARCH,
      { q: "a & b = c?", tags: [], tagMode: "all" },
      { q: "", tags: ["machine learning"], tagMode: "all", year: "2022" },
      { q: "sepsis", tags: ["ai", "data"], tagMode: "any", category: "Health & Care", author: "O'Neil" },
    ];
    for (const original of states) expect(state(searchQuery(original))).toEqual(original);
  });

  it("leaves out what is empty, unknown or malformed", () => {
    expect(state("?q=&tags=,,&category=&year=twenty&match=whatever&page=3")).toEqual(EMPTY_SEARCH);
    expect(searchQuery(EMPTY_SEARCH)).toBe("");
    // "Any of" one tag is all of it.
    expect(state("?tags=ai&match=any").tagMode).toBe("all");
    expect(state("?tags=ai,ai").tags).toEqual(["ai"]);
  });

  it("is searching with words or any filter, not without", () => {
    expect(isSearching(EMPTY_SEARCH)).toBe(false);
    expect(isSearching(state("?q=+"))).toBe(false);
    expect(isSearching(state("?year=2024"))).toBe(true);
    expect(isSearching(state("?q=x"))).toBe(true);
  });

  it("gives Pagefind every filter, tags all of them or any", () => {
    expect(pagefindFilters(state("?tags=ai,ethics&category=Healthcare&year=2024&author=A"))).toEqual({
      tags: ["ai", "ethics"],
      category: ["Healthcare"],
      year: ["2024"],
      author: ["A"],
    });
    expect(pagefindFilters(state("?tags=ai,ethics&match=any"))).toEqual({ tags: { any: ["ai", "ethics"] } });
    expect(pagefindFilters(EMPTY_SEARCH)).toEqual({});
  });
});

describe("typo correction", () => {
  const words = ["cancer", "treatment", "protein", "folding", "café", "sepsis", "canter"].map(foldWord);

  it("folds diacritics and case", () => {
    expect(foldWord("Café")).toBe("cafe");
    expect(foldWord("Ångström")).toBe("angstrom");
    expect(vocabularyWords("Café au lait, 2024 数据 of AI")).toEqual(["cafe", "lait"]);
  });

  it("counts edits, a swap of neighbours as one", () => {
    expect(editDistance("canser", "cancer")).toBe(1);
    expect(editDistance("protien", "protein")).toBe(1);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("abc", "xyzabc", 2)).toBe(3);
  });

  it("suggests the nearest word, the most frequent of the nearest", () => {
    expect(nearestWord("canser", words)).toBe("cancer");
    expect(nearestWord("Canser", words)).toBe("cancer");
    expect(nearestWord("trestment", words)).toBe("treatment");
    expect(nearestWord("protien", words)).toBe("protein");
    // "cancer" and "canter" are both one edit from "canber": the more frequent, listed first, wins.
    expect(nearestWord("canber", words)).toBe("cancer");
  });

  it("leaves known words, their beginnings and far words alone", () => {
    expect(nearestWord("cancer", words)).toBeUndefined();
    expect(nearestWord("cafe", words)).toBeUndefined();
    expect(nearestWord("prot", words)).toBeUndefined();
    expect(nearestWord("xylophone", words)).toBeUndefined();
    // Two letters: too short to guess at.
    expect(nearestWord("ca", words)).toBeUndefined();
  });

  it("corrects each word of a query, keeping CJK and what it knows", () => {
    expect(correctedQuery("canser trestment", words)).toBe("cancer treatment");
    expect(correctedQuery("protein canser 数据", words)).toBe("protein cancer 数据");
    expect(correctedQuery("protein folding", words)).toBeUndefined();
  });
});

const record: SearchRecord = {
  url: "/posts/folding/",
  language: "en",
  post: {
    title: "Protein <folding>",
    date: "2024-05-01",
    tags: [
      { name: "ai", slug: "ai" },
      { name: "protein folding", slug: "protein-folding" },
    ],
    categories: [{ name: "Science", slug: "science" }],
    authors: ["Elena Marsh"],
  },
  article: {
    headings: [],
    content: [
      ["p", 0, "Proteins fold. Proteins ", ["strong", 0, "misfold"], "."],
      ["h2", { id: "methods" }, "Methods"],
      ["p", 0, "We used AlphaFold and AlphaFold again."],
      ["pre", 0, ["code", 0, "const secret = 1;"]],
      ["style", 0, "p { color: red }"],
    ],
  },
};

describe("a post's record in the index", () => {
  it("is a page of its title, filters, terms and text under its headings, escaped, without code or styles", () => {
    const html = searchPageHtml(record);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1 data-pagefind-meta="title">Protein &lt;folding&gt;</h1>');
    expect(html).toContain('data-pagefind-meta="date:2024-05-01" data-pagefind-sort="date:2024-05-01"');
    for (const filter of ['"tags">ai<', '"tags">protein folding<', '"category">Science<', '"year">2024<', '"author">Elena Marsh<'])
      expect(html).toContain(`data-pagefind-filter=${filter}`);
    expect(html).toContain('<p data-pagefind-weight="5">ai, protein folding, Science</p>');
    expect(html).toContain(
      '<p>Proteins fold. Proteins misfold.</p>\n<h2 id="methods">Methods</h2>\n<p>We used AlphaFold and AlphaFold again.</p>',
    );
    expect(html).not.toContain("secret");
    expect(html).not.toContain("color: red");
  });

  it("gives the vocabulary its names' words, and the text's words used twice", () => {
    expect(recordVocabulary(record)).toEqual({
      names: "protein folding science elena marsh",
      text: "proteins alphafold",
    });
  });

  it("makes a vocabulary of names first, then the text's words, each by how many posts use them", () => {
    expect(
      vocabulary([
        { names: "cancer care", text: "tumour cells" },
        { names: "care", text: "cells cancer" },
        { names: "", text: "" },
      ]),
    ).toEqual(["care", "cancer", "cells", "tumour"]);
  });
});

describe("the index's shards", () => {
  const posts = (count: number, language = "en", from = 0) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`/posts/p${from + i}/`, { language }]));
  const shardOf = (shards: Map<string, string[]>) =>
    new Map([...shards].flatMap(([name, urls]) => urls.map((url) => [url, name] as const)));

  it("splits each language into a power of two of shards holding at most the size on average, each post in one", () => {
    const shards = shardsOf({ ...posts(100), ...posts(3, "zh") }, 30);
    expect([...shards.keys()]).toEqual(["en-0", "en-1", "en-2", "en-3", "zh-0"]);
    expect([...shards.values()].flat().sort()).toEqual(Object.keys({ ...posts(100), ...posts(3, "zh") }).sort());
    for (const name of ["en-0", "en-1", "en-2", "en-3"]) expect(shards.get(name)!.length).toBeGreaterThan(10);
    expect(shards.get("zh-0")).toHaveLength(3);
    expect([...shardsOf(posts(5), 30).keys()]).toEqual(["en-0"]);
  });

  it("keeps a post in its shard as posts are added and removed, until the number of shards changes", () => {
    const before = shardOf(shardsOf(posts(100), 30));
    const { "/posts/p7/": removed, ...rest } = { ...posts(100), ...posts(15, "en", 100) };
    expect(removed).toBeDefined();
    const after = shardOf(shardsOf(rest, 30));
    for (const [url, name] of after) if (before.has(url)) expect(name).toBe(before.get(url));
  });
});

describe("an excerpt", () => {
  it("splits Pagefind's marks from the text, entities read and no other markup kept", () => {
    expect(excerptParts("Early <mark>sepsis</mark> &lt;b&gt; &amp; <mark>scores</mark>.")).toEqual([
      { text: "Early ", marked: false },
      { text: "sepsis", marked: true },
      { text: " <b> & ", marked: false },
      { text: "scores", marked: true },
      { text: ".", marked: false },
    ]);
    expect(excerptParts('<img src=x onerror="alert(1)">text')).toEqual([{ text: "text", marked: false }]);
  });
});
