// A small JSON client over undici for setting up data through the services' HTTP APIs (not for measuring).
import { Pool } from 'undici';

export class Api {
  private readonly pool: Pool;

  constructor(
    readonly url: string,
    connections = 16,
  ) {
    this.pool = new Pool(url, { connections, headersTimeout: 300_000, bodyTimeout: 300_000 });
  }

  /** Sends a request and returns the parsed body; throws unless the status is `expect`. */
  async call<T>(
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    expect = method === 'POST' ? 201 : 200,
  ): Promise<T> {
    const res = await this.pool.request({
      method,
      path,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    if (res.statusCode !== expect)
      throw new Error(
        `${method} ${this.url}${path} answered ${res.statusCode}: ${text.slice(0, 500)}`,
      );
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
