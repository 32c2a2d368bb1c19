import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { paths, withBase } from "../paths";
import type { SearchAnswer } from "./search-engine";
import type * as SearchLazy from "./search-lazy";
import { EMPTY_SEARCH, searchQuery } from "./search-state";

type SearchCode = typeof SearchLazy;
let searchCode: Promise<SearchCode> | undefined;
/** Search's code, loaded once, when first needed: a page where the reader does not search loads none of it. */
const loadSearch = () => (searchCode ??= import("./search-lazy"));

/** How many results the header's list shows; the search page shows them all. */
const SHOWN = 6;

/**
 * The header's search field: results as the reader types (ARIA's combobox with a listbox), arrow
 * keys to choose one and Enter to open it, at its matching heading when there is one; Enter with
 * none chosen opens the search page. `/` or Ctrl/⌘-K focuses it from anywhere but another field.
 * Search's script loads on its first focus or keystroke (search-engine.ts). Without JavaScript, the
 * form goes to the search page, which says search needs it.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<{ query: string; answer?: SearchAnswer; error?: true }>();
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<SearchCode>();
  const load = () => {
    loadSearch().then(
      (loaded) => {
        setCode(loaded);
        loaded.preloadSearch();
      },
      () => (searchCode = undefined),
    );
  };

  useEffect(() => {
    const focus = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])");
      const shortcut =
        (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey) ||
        (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey));
      if (!shortcut || typing || event.defaultPrevented) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", focus);
    return () => document.removeEventListener("keydown", focus);
  }, []);

  useEffect(() => {
    const words = query.trim();
    if (!words || !code) return;
    let current = true;
    code.search({ ...EMPTY_SEARCH, q: words }, SHOWN).then(
      (found) => current && (setAnswer({ query: words, answer: found }), setActive(-1)),
      () => current && setAnswer({ query: words, error: true }),
    );
    return () => {
      current = false;
    };
  }, [query, code]);

  const words = query.trim();
  const shown = words && answer?.query === words ? answer : undefined;
  const hits = shown?.answer?.hits ?? [];
  // The options: each result, then the search page with every result.
  const optionCount = shown?.answer ? hits.length + 1 : 0;
  const expanded = open && optionCount > 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const allResults = () => paths.search(searchQuery({ ...EMPTY_SEARCH, q: words }));

  const go = (url: string) => {
    setOpen(false);
    setQuery("");
    input.current?.blur();
    navigate(url);
  };
  const choose = (index: number) => go(index < hits.length ? hits[index].url : allResults());

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (optionCount === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive((index) =>
        event.key === "ArrowDown" ? (index < optionCount - 1 ? index + 1 : 0) : index > 0 ? index - 1 : optionCount - 1,
      );
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) setQuery("");
      else input.current?.blur();
    } else if (event.key === "Enter" && expanded && active >= 0 && active < optionCount) {
      event.preventDefault();
      choose(active);
    }
  };

  const status = !words
    ? ""
    : shown?.error
      ? "Search is not available here."
      : shown?.answer
        ? `${shown.answer.total === 0 ? "No posts found" : `${shown.answer.total} ${shown.answer.total === 1 ? "post" : "posts"} found`}${shown.answer.corrected ? ` for “${shown.answer.corrected}”` : ""}.`
        : "";

  return (
    <search className="site-search">
      <form
        action={withBase(paths.search())}
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          if (words) go(allResults());
        }}
      >
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          Search posts
        </label>
        <input
          ref={input}
          id={`${listId}-input`}
          type="search"
          name="q"
          placeholder="Search"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-keyshortcuts="/ Control+K Meta+K"
          value={query}
          onFocus={() => {
            load();
            setOpen(true);
          }}
          onBlur={(event) => {
            if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null)) setOpen(false);
          }}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            if (!event.target.value.trim()) setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-key" aria-hidden="true">
          /
        </kbd>
        <ul id={listId} role="listbox" aria-label="Search results" className="search-popup" hidden={!expanded}>
          {hits.map((hit, index) => (
            // The input handles the keys (aria-activedescendant): an option is chosen by click or Enter there.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={hit.url}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="search-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              {code && <code.SearchHitContent hit={hit} />}
            </li>
          ))}
          {optionCount > 0 && (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- as the results above
            <li
              id={optionId(hits.length)}
              role="option"
              aria-selected={active === hits.length}
              className="search-option search-all"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(hits.length)}
            >
              {hits.length === 0 ? `Search the posts for “${words}”` : `All results for “${words}”`}
            </li>
          )}
        </ul>
        <p role="status" className="visually-hidden">
          {open ? status : ""}
        </p>
      </form>
    </search>
  );
}
