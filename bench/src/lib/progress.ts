// The progress line: one line on stderr per step, so a long run shows where it is and how long it has taken.
const started = Date.now();

function clock(): string {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function progress(message: string): void {
  process.stderr.write(`[bench ${clock()}] ${message}\n`);
}

export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}
