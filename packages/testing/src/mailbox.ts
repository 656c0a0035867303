// Reads the MailDev inbox through its REST API: what the SMTP server really received.
export interface MailAddress {
  address: string;
  name?: string;
}

export interface MailAttachment {
  filename: string;
  /** MailDev stores each attachment under a generated name; its download route takes that one. */
  generatedFileName: string;
  contentType: string;
  size?: number;
}

export interface ReceivedMail {
  id: string;
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  text?: string;
  html?: string;
  attachments?: MailAttachment[];
  headers?: Record<string, unknown>;
}

export class Mailbox {
  constructor(private readonly apiUrl: string) {}

  async list(): Promise<ReceivedMail[]> {
    const res = await fetch(`${this.apiUrl}/email`);
    if (!res.ok) throw new Error(`MailDev GET /email answered ${res.status}`);
    const body = (await res.json()) as
      ReceivedMail[] | { emails?: ReceivedMail[]; items?: ReceivedMail[] };
    return Array.isArray(body) ? body : (body.emails ?? body.items ?? []);
  }

  /** Mails addressed to `address` (case-insensitive). */
  async to(address: string): Promise<ReceivedMail[]> {
    const want = address.toLowerCase();
    return (await this.list()).filter((m) => m.to.some((t) => t.address.toLowerCase() === want));
  }

  /** Waits until at least `count` mails to `address` have arrived; fails with what did arrive. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = await this.to(address);
      if (got.length >= count) return got;
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} mail(s) to ${address} within ${timeoutMs} ms, got ${got.length}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The bytes of the attachment named `filename` of a received mail. */
  async attachment(mail: ReceivedMail, filename: string): Promise<Buffer> {
    const att = mail.attachments?.find((a) => a.filename === filename);
    if (!att) throw new Error(`mail ${mail.id} has no attachment named ${filename}`);
    const res = await fetch(`${this.apiUrl}/email/${mail.id}/attachment/${att.generatedFileName}`);
    if (!res.ok) throw new Error(`MailDev attachment ${filename} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
}
