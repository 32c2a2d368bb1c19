import { useId, useState } from "react";
import quizStyles from "./quiz.css?url";
import { BadArgument, type IslandProps } from "./shortcode";

/** The content between the tags is the question, in Markdown. */
export const inner = "markdown";

/**
 * An example of a site's own interactive shortcode (an island: its file is `<name>.island.tsx`), a
 * question the reader answers by choosing an option:
 *
 *     {{< quiz options="Mars|Jupiter|Venus" answer="Jupiter" >}}
 *     Which planet is the largest?
 *     {{< /quiz >}}
 *
 * The build renders it into the page like any shortcode; the browser then loads this module (only
 * on pages that have a quiz) and the buttons work. Without script, "Show the answer" still does.
 */
export default function Quiz({ args, children }: IslandProps) {
  const options = (args.options ?? "")
    .split("|")
    .map((option) => option.trim())
    .filter(Boolean);
  const answer = args.answer?.trim();
  if (options.length < 2) throw new BadArgument('`quiz` needs two options or more, as in options="Mars|Jupiter|Venus"');
  if (!answer || !options.includes(answer)) throw new BadArgument(`\`quiz\` needs its answer, one of its options: answer="${options[0]}"`);
  const id = useId();
  const [chosen, setChosen] = useState<string>();
  return (
    <div className="quiz" role="group" aria-labelledby={`${id}question`}>
      {/* The page puts its style sheet in the head (React's precedence), once, before the quiz shows. */}
      <link rel="stylesheet" href={quizStyles} precedence="folio" />
      <div className="quiz-question" id={`${id}question`}>
        {children}
      </div>
      <ul className="quiz-options">
        {options.map((option) => (
          <li key={option}>
            <button type="button" aria-pressed={chosen === option} onClick={() => setChosen(option)}>
              {option}
            </button>
          </li>
        ))}
      </ul>
      <p className="quiz-result" role="status">
        {chosen === undefined ? "" : chosen === answer ? `Right: ${answer}.` : `Not ${chosen}: try again.`}
      </p>
      <details className="quiz-answer">
        <summary>Show the answer</summary>
        {answer}
      </details>
    </div>
  );
}
