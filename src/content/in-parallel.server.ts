/** Runs `task` on every item, at most `limit` at a time: file copies overlap instead of waiting on each other. */
export async function inParallel<T>(items: Iterable<T>, task: (item: T) => Promise<void>, limit = 32): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await task(next.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
