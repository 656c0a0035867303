// The local stack's promises: a port held by someone else is reported and left alone; a missing tool is named.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentReporter } from './console.ts';
import { MissingToolError, requireTool } from './provision.ts';
import { loadSettings, type StackSettings } from './settings.ts';
import { PortConflictError, status, up } from './stack.ts';

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined); // the port probe hangs up abruptly
    socket.end('not mail\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return { server, port: addr.port };
}

async function isolated(ports: Partial<StackSettings['ports']>): Promise<StackSettings> {
  const base = loadSettings();
  return {
    ...base,
    stateDir: await mkdtemp(join(tmpdir(), 'lianxin-stack-')),
    ports: { ...base.ports, ...ports },
  };
}

describe('local stack', () => {
  it('when a port is held by another program, then up reports it by port and leaves that program running', async () => {
    const { server, port } = await listen();
    const { port: web } = await listen().then(async (l) => {
      await new Promise((r) => l.server.close(r));
      return l;
    });
    const settings = await isolated({ smtp: port, mailWeb: web });
    try {
      const err: unknown = await up(silentReporter, settings, ['maildev']).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PortConflictError);
      expect((err as Error).message).toMatch(
        new RegExp(`maildev: port ${port} is held by .*nothing was killed`),
      );
      expect(server.listening).toBe(true);
      const rows = await status(settings);
      expect(rows.find((r) => r.name === 'maildev')).toMatchObject({
        state: 'port held by another process',
      });
    } finally {
      server.close();
      await rm(settings.stateDir, { recursive: true, force: true });
    }
  });

  it('when a tool is missing, then the error says in one line what to install, or to use Docker', async () => {
    const err: unknown = await requireTool(
      'lianxin-no-such-tool',
      ['--version'],
      'install it (Debian: apt-get install x)',
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MissingToolError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(
      'lianxin-no-such-tool not found: install it (Debian: apt-get install x)',
    );
    expect(message).toContain('docker compose up -d kafka mongo maildev');
  });
});
