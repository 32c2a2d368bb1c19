/**
 * A post's article as data: the React elements the Markdown pipeline produces, computed once at
 * build time and replayed in the page (see components/content.tsx). A node is a text string or an
 * element `[type, props, ...children]`, where `type` is an HTML tag name and `props` are React props
 * (`className`, `style` as an object, ...) or 0 when there are none.
 */
export type ContentNode = string | ContentElement;

// An interface rather than a tuple type, so that TypeScript (and React Router's types for loader
// data) resolve the recursion lazily; a type alias of the same array would be circular.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members are Array's
export interface ContentElement extends Array<string | ContentElement | ContentProps | 0> {}

export type ContentProps = Record<string, unknown>;
