// Tests of the /proc readings against real processes: memory, CPU time, a port's listener and a process tree.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cpuSeconds, listenerOf, rssBytes, withDescendants } from './proc.ts';

describe('/proc readings', () => {
  it('when this process is read, then it has resident memory and CPU time', () => {
    expect(rssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
    expect(cpuSeconds([process.pid])).toBeGreaterThan(0);
    expect(rssBytes(2 ** 22 + 12_345)).toBeUndefined();
  });

  it('when this process listens on a port, then it is found as the listener', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      expect(listenerOf(port)).toBe(process.pid);
    } finally {
      server.close();
    }
  });

  it('when a child runs, then it is among the descendants', async () => {
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(withDescendants(process.pid)).toContain(child.pid);
    } finally {
      child.kill();
    }
  });
});
