// A private SMTP server for failure tests (smtp-server): records what it accepted, can be stopped, restarted, made to refuse.
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  recipients: string[];
  deliveryId: string | null;
  template: string | null;
  at: Date;
}

export type Refusal = { code: number; message: string } | null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(head);
  return match?.[1]?.trim() ?? null;
}

export class SmtpSink {
  readonly mails: SunkMail[] = [];
  /** Decides per recipient whether RCPT TO is refused (e.g. `{ code: 550, message: '…' }`). */
  refuse: (address: string) => Refusal = () => null;
  /** Connections the server saw, with their time: attempts while it was down never arrive. */
  readonly connections: Date[] = [];
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort());
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 50,
      onConnect: (_session, callback) => {
        this.connections.push(new Date());
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refuse(address.address);
        if (refusal === null) {
          callback();
          return;
        }
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({
            recipients: session.envelope.rcptTo.map((r) => r.address),
            deliveryId: header(raw, 'X-Lianxin-Delivery'),
            template: header(raw, 'X-Lianxin-Template'),
            at: new Date(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        resolve();
      });
    });
    this.server = server;
  }

  /** Closes the listener and drops open connections (the client's pool sees them die). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }

  /** How many accepted mails carry each delivery id. */
  countsByDelivery(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.mails)
      if (m.deliveryId !== null) counts.set(m.deliveryId, (counts.get(m.deliveryId) ?? 0) + 1);
    return counts;
  }
}
