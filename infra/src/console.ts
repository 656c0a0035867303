// Human-facing output of the infra command: one line per step, progress that rewrites itself on a terminal.
const tty = process.stdout.isTTY && !process.env.CI;

export interface Reporter {
  step(msg: string): void;
  ok(msg: string): void;
  warn(msg: string): void;
  /** A progress line: rewritten in place on a terminal, printed every `every` calls otherwise. */
  progress(label: string): (detail: string) => void;
}

export const consoleReporter: Reporter = {
  step: (msg) => {
    process.stdout.write(`• ${msg}\n`);
  },
  ok: (msg) => {
    process.stdout.write(`✓ ${msg}\n`);
  },
  warn: (msg) => {
    process.stderr.write(`! ${msg}\n`);
  },
  progress: (label) => {
    let n = 0;
    return (detail) => {
      n += 1;
      if (tty) {
        process.stdout.write(`\r\x1b[2K  ${label}: ${n} ${detail}`.slice(0, 160));
      } else if (n % 25 === 1) {
        process.stdout.write(`  ${label}: ${n} ${detail}\n`);
      }
    };
  },
};

export const silentReporter: Reporter = {
  step: () => undefined,
  ok: () => undefined,
  warn: (msg) => {
    process.stderr.write(`! ${msg}\n`);
  },
  progress: () => () => undefined,
};

export function endProgress(): void {
  if (tty) process.stdout.write('\r\x1b[2K');
}
