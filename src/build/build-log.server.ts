// A build loads the content modules more than once in one process (the config, then the server
// bundle): messages are remembered on globalThis so that each is printed once.
const printed: Set<string> = ((globalThis as { __folioPrinted?: Set<string> }).__folioPrinted ??= new Set());

/** Prints `message` once per process under `key` (the message itself by default). */
export function logOnce(message: string, { key = message, warn = false } = {}): void {
  if (printed.has(key)) return;
  printed.add(key);
  (warn ? console.warn : console.info)(message);
}

/** Seconds since `started` (a performance.now() time), for build logs. */
export function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}
