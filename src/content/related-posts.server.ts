import type { Post } from "./post";

/** How many related posts an article shows at most. */
export const RELATED_LIMIT = 5;

/**
 * How many posts a term's list is read around a post: all of a tag's posts when it has this many or
 * fewer, else the ones nearest in date. A tag on half of 10,000 posts would otherwise make every one
 * of them read 5,000 others: quadratic (~50 million visits at 10,000 posts with the benchmark's
 * corpus, whose most common tag is on ~40 % of posts). A common tag weighs little anyway; a post found
 * through any term is scored on every term it shares.
 */
const TERM_WINDOW = 128;
/** The same for words, read only when a post's terms find fewer than RELATED_LIMIT posts. */
const WORD_WINDOW = 32;
/** Among the candidates tied on terms at the cut, how many are compared by their words, nearest in date first. */
const TEXT_COMPARED = 64;

/**
 * Indexes `posts` and returns a function giving a post's related posts, most related first, at most
 * `limit` (RELATED_LIMIT): the posts sharing
 * its tags and categories, each shared term weighted by its rarity (inverse document frequency,
 * ln(1 + posts / posts with the term)); posts that share as much are ordered by how alike their title
 * and summary are (cosine of their words, weighted by rarity the same way), then by closeness in
 * date. A post sharing no term with any other gets the posts whose words are most alike its own;
 * one sharing nothing gets none. Deterministic: the same posts in the same order give the same lists.
 *
 * Indexing is linear (~0.2–0.3 s at 10,000 posts); each post then reads at most TERM_WINDOW posts per
 * term (and WORD_WINDOW per word when its terms find too few): ~0.1 ms a post, whatever the number
 * of posts, so all of them take time in proportion to their number, not to its square. A page asks
 * only for its own post's: the dev server, which builds a new site at every edit, pays for the index
 * and one post, not for every post.
 */
export function relatedPostsFinder(posts: readonly Post[], limit = RELATED_LIMIT): (post: Post) => Post[] {
  const count = posts.length;
  const indexOf = new Map(posts.map((post, index) => [post, index]));
  // Posts by date, newest first: a term's list is read around a post's place in it.
  const order = posts.map((_, index) => index).sort((a, b) => posts[b].sortKey - posts[a].sortKey || a - b);
  const terms = featureIndex(order, (index) => termsOf(posts[index]));
  const words = featureIndex(order, (index) => postWords(posts[index]));
  // ln(1 + posts / posts with the term): a tag on every post still relates them (ln(posts / …) would
  // weigh it 0, and two posts sharing their one tag would not be related); a word on every post says nothing.
  const termWeight = terms.lists.map((list) => Math.log(1 + count / list.length));
  const wordWeight = words.lists.map((list) => Math.log(count / list.length));
  const wordNorm = words.ofPost.map((ids) => Math.sqrt(ids.reduce((sum, id) => sum + wordWeight[id] ** 2, 0)));

  const distance = (a: number, b: number) => Math.abs(posts[a].sortKey - posts[b].sortKey);
  const seen = new Uint8Array(count);
  const termScore = new Float64Array(count);
  const textScore = new Float64Array(count);
  return (post) => {
    const index = indexOf.get(post);
    if (index === undefined) return [];
    const candidates: number[] = [];
    const visit = (list: Int32Array, at: number, window: number) => {
      const start = Math.max(0, Math.min(at - (window >> 1), list.length - window));
      for (let i = start; i < Math.min(list.length, start + window); i++) {
        const other = list[i];
        if (other !== index && !seen[other]) {
          seen[other] = 1;
          candidates.push(other);
        }
      }
    };
    terms.ofPost[index].forEach((id, i) => visit(terms.lists[id], terms.placeOf[index][i], TERM_WINDOW));
    if (candidates.length < limit) words.ofPost[index].forEach((id, i) => visit(words.lists[id], words.placeOf[index][i], WORD_WINDOW));
    for (const other of candidates) seen[other] = 0;

    // The cut: the term score of the last post kept. Above it, posts are kept by terms alone; at it,
    // by words, then date. (Selected without sorting every candidate: ~3 times faster at 10,000 posts.)
    const best: number[] = [];
    for (const other of candidates) {
      const score = (termScore[other] = sharedWeight(terms.ofPost[index], terms.ofPost[other], termWeight));
      if (best.length < limit || score > best[best.length - 1]) {
        let at = best.length < limit ? best.length : best.length - 1;
        while (at > 0 && best[at - 1] < score) {
          best[at] = best[at - 1];
          at--;
        }
        best[at] = score;
      }
    }
    const cut = best.at(-1) ?? 0;
    const byDate = (a: number, b: number) => distance(index, a) - distance(index, b) || a - b;
    const above = candidates.filter((other) => termScore[other] > cut).sort((a, b) => termScore[b] - termScore[a] || byDate(a, b));
    const tied = candidates
      .filter((other) => termScore[other] === cut)
      .sort(byDate)
      .slice(0, TEXT_COMPARED);
    for (const other of tied) {
      const norms = wordNorm[index] * wordNorm[other];
      textScore[other] = norms === 0 ? 0 : sharedWeight(words.ofPost[index], words.ofPost[other], wordWeight, 2) / norms;
    }
    tied.sort((a, b) => textScore[b] - textScore[a] || byDate(a, b));
    return [...above, ...tied.filter((other) => cut > 0 || textScore[other] > 0)].slice(0, limit).map((other) => posts[other]);
  };
}

interface FeatureIndex {
  /** Each feature's posts (indexes into the posts), in date order. */
  lists: Int32Array[];
  /** Each post's features, as sorted ids. */
  ofPost: number[][];
  /** Where each post stands in each of its features' lists, in the order of `ofPost`. */
  placeOf: number[][];
}

/**
 * Ids for the features (terms, words) of posts taken in `order`, each feature's posts, and each
 * post's place among them. Ids are given in that order, so the same posts get the same ids in every
 * thread of a build, and their scores are summed in the same order.
 */
function featureIndex(order: readonly number[], featuresOf: (index: number) => readonly string[]): FeatureIndex {
  const ids = new Map<string, number>();
  const lists: number[][] = [];
  const ofPost: number[][] = [];
  const placeOf: number[][] = [];
  for (const index of order) {
    const features = featuresOf(index);
    const sorted: number[] = new Array(features.length);
    for (let i = 0; i < features.length; i++) {
      let id = ids.get(features[i]);
      if (id === undefined) {
        ids.set(features[i], (id = lists.length));
        lists.push([]);
      }
      sorted[i] = id;
    }
    sorted.sort((a, b) => a - b);
    const places: number[] = new Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) places[i] = lists[sorted[i]].push(index) - 1;
    ofPost[index] = sorted;
    placeOf[index] = places;
  }
  return { lists: lists.map((list) => Int32Array.from(list)), ofPost, placeOf };
}

/** The sum of the weights (to `power`) of the ids two sorted lists share. */
function sharedWeight(a: readonly number[], b: readonly number[], weight: readonly number[], power = 1): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      sum += power === 1 ? weight[a[i]] : weight[a[i]] ** power;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return sum;
}

// A post's distinct words, kept while the post is: the dev server builds a new site at each edit from
// the same post objects but the edited one's, so only that one is tokenised again. Kept as one string
// (words never hold a space): as arrays of strings they held ~18 MB at 10,000 posts, as strings ~5 MB.
const wordsByPost = new WeakMap<Post, string>();

/** A post's distinct words (wordsOf its title and summary), tokenised once per post object. */
function postWords(post: Post): string[] {
  let words = wordsByPost.get(post);
  if (words === undefined) wordsByPost.set(post, (words = [...new Set(wordsOf(`${post.title} ${post.summary}`))].join(" ")));
  return words === "" ? [] : words.split(" ");
}

/** A post's tags and categories, each once. */
function termsOf(post: Post): string[] {
  return [...new Set([...post.tags.map((term) => `t\0${term.slug}`), ...post.categories.map((term) => `c\0${term.slug}`)])];
}

/** Words too common to say what a post is about. */
const STOP_WORDS = new Set(
  (
    "the and for are but not you all any can had her was one our out has him his how its may new now see who did get let say she too use " +
    "with that this from they will would there their what about which when make like than then them been have were into more some such " +
    "your also just only over very after most other these those where while being does here each many much should could"
  ).split(" "),
);
/** Han, kana and Hangul: scripts written without spaces, compared by pairs of characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The words of a text for comparing posts: lower case, accents folded (`café` is `cafe`), a plural's
 * `s` dropped, short and common words left out; runs of Chinese, Japanese or Korean as pairs of characters.
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  for (const [run] of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (UNSPACED.test(run)) {
      const chars = [...run];
      if (chars.length === 1) words.push(run);
      for (let i = 0; i + 1 < chars.length; i++) words.push(chars[i] + chars[i + 1]);
    } else if (run.length >= 3 && !STOP_WORDS.has(run)) {
      words.push(run.length > 4 && run.endsWith("s") && !run.endsWith("ss") ? run.slice(0, -1) : run);
    }
  }
  return words;
}
