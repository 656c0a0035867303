// HTTP entry points of one-click unsubscribe: public (the token is the credential), HTML for people, POST for mail clients.
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { addressOf, unsubscribe } from './unsubscribe-address.ts';

/** A page for people (text/html); sent as it is, not serialised as JSON. */
const HtmlPage = {
  description: 'a page for people',
  content: { 'text/html': { schema: z.string() } },
};
const TokenParams = z.strictObject({ token: z.string().min(1).max(600) });

// Static pages: no value is interpolated, so there is nothing to escape.
const page = (zh: string, en: string, form: boolean): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>连心 · 退订 Unsubscribe</title></head>
<body style="font-family:sans-serif;max-width:560px;margin:40px auto;padding:0 16px;line-height:1.7;">
<h1 style="font-size:20px;">连心 · 反诈案例通报</h1><p>${zh}</p><p lang="en">${en}</p>
${form ? '<form method="post"><button type="submit" style="padding:8px 18px;">退订 / Unsubscribe</button></form>' : ''}
</body></html>`;

export function unsubscribeRoutes(app: App, deps: Deps): void {
  // RFC 8058 clients POST `List-Unsubscribe=One-Click` as a form; the value changes nothing here.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  const tags = ['unsubscribe'];

  // A GET never unsubscribes: mail scanners open links; only the button (or the client's POST) does.
  app.get(
    '/unsubscribe/:token',
    { schema: { tags, params: TokenParams, response: { 200: HtmlPage, ...errorResponses(400) } } },
    async (request, reply) => {
      addressOf(deps, request.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            '点击下方按钮，不再接收反诈案例通报邮件。',
            'Press the button to stop receiving fraud case bulletins by email.',
            true,
          ),
        );
    },
  );

  app.post(
    '/unsubscribe/:token',
    { schema: { tags, params: TokenParams, response: { 200: HtmlPage, ...errorResponses(400) } } },
    async (request, reply) => {
      await unsubscribe(deps, request.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            '已退订：您将不再收到反诈案例通报邮件。',
            'Unsubscribed: you will receive no more fraud case bulletins.',
            false,
          ),
        );
    },
  );
}
