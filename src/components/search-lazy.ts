/**
 * What the header's search field loads on its first focus or keystroke (search-box.tsx), as a chunk
 * of its own (build/island-chunk.server.ts): a page where the reader does not search loads none of it.
 */
export { preloadSearch, search } from "./search-engine";
export { SearchHitContent } from "./search-hit";
