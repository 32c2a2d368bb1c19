// A new post, as `hugo new` makes one: `npm run new -- "My first post"` writes
// posts/my-first-post/index.md (a page bundle, so images can go beside it) with its title, the time
// now and `draft: true`, and prints where it is and where the dev server shows it.
// Usage: node scripts/new-post.mjs "Title" [--flat]   (--flat: posts/<slug>.md instead of a bundle)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadModule } from "./load-module.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { flat: { type: "boolean", default: false } } });
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Give the post a title: npm run new -- "My first post"');
  process.exit(2);
}
// The same slug and posts folder as the build's (content/slug.ts, build/posts-folder.server.ts).
const { slugify } = await loadModule("src/content/slug.ts");
const { postsFolder } = await loadModule("src/build/posts-folder.server.ts");
const name = slugify(title);
if (!name) {
  console.error(`"${title}" has no letters or digits to name the file after: choose a title with some`);
  process.exit(2);
}

const folder = path.relative(process.cwd(), postsFolder()) || ".";
const file = values.flat ? path.join(folder, `${name}.md`) : path.join(folder, name, "index.md");
if (existsSync(file) || existsSync(values.flat ? path.join(folder, name, "index.md") : path.join(folder, `${name}.md`))) {
  console.error(`A post named ${name} exists already: choose another title, or edit it`);
  process.exit(1);
}

/** The time now with its offset, as `hugo new` writes it: 2024-05-01T10:20:30+02:00. */
function now() {
  const date = new Date();
  const pad = (number) => String(Math.trunc(Math.abs(number))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `---\ntitle: ${JSON.stringify(title)}\ndate: ${now()}\ndraft: true\ntags: []\ncategories: []\n---\n\nWrite here.\n`);
console.info(`Wrote ${file}`);
console.info(`It is a draft: \`npm start\` shows it at http://127.0.0.1:5173/posts/${name}/; set \`draft: false\` to publish it.`);
