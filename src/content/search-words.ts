/**
 * Words as search compares them, shared by the build (the vocabulary it writes beside the search
 * index) and the browser (the nearest word to a query's unknown one): lower case, diacritics folded
 * (`café` is `cafe`, as Pagefind folds them), letters and digits only.
 */

/** A word folded as search compares it: `Café` is `cafe`. */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a text has Chinese, Japanese or Korean letters, which Pagefind reads by its segmenter rather than by spaces. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The words of a text worth suggesting, folded: three letters or more, not numbers, not CJK (which has no typos of this kind). */
export function vocabularyWords(text: string): string[] {
  const words: string[] = [];
  for (const [word] of foldWord(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    if (word.length >= 3 && word.length <= 24 && !/^\p{N}+$/u.test(word) && !hasCjk(word)) words.push(word);
  }
  return words;
}

/**
 * The Damerau-Levenshtein distance between two words (an adjacent swap counts as one edit), or
 * `limit + 1` as soon as it is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}

/** How many edits a word of this length may be from the one meant: one up to five letters, two from six. */
export const editsAllowed = (word: string) => (word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);

/**
 * The word of `vocabulary` (most frequent first) nearest to `word`: the fewest edits, then the most
 * frequent; undefined when the word is in it, starts one of it, or none is near enough. Compared folded, so `Canser`
 * suggests `cancer` and `cafe` is already `café`.
 */
export function nearestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const folded = foldWord(word);
  const limit = editsAllowed(folded);
  if (limit === 0) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    // A word the vocabulary has, or the start of one (prefix search finds it), needs no correction.
    if (candidate.startsWith(folded)) return undefined;
    const distance = editDistance(folded, candidate, best ? Math.min(best.distance - 1, limit) : limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

/**
 * A query with each word the vocabulary lacks replaced by its nearest word there (`canser
 * treatment` is `cancer treatment`), or undefined when no word changes. CJK words are kept.
 */
export function correctedQuery(query: string, vocabulary: readonly string[]): string | undefined {
  let changed = false;
  const corrected = query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (hasCjk(word)) return word;
    const nearest = nearestWord(word, vocabulary);
    if (nearest === undefined) return word;
    changed = true;
    return nearest;
  });
  return changed ? corrected : undefined;
}
