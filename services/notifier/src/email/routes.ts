// HTTP entry point of the templates: a preview of each email with sample data, in either language.
import { Locale } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import { EmailPreview } from '../deliveries/delivery.schemas.ts';
import { toPreview } from '../deliveries/delivery.view.ts';
import type { Deps } from '../shared/deps.ts';
import { composeEmail } from './compose.ts';
import { TEMPLATE_NAMES, type EmailContent } from './email.types.ts';
import { TEMPLATE_SAMPLES } from './samples.ts';

const TemplateParams = z.strictObject({ name: z.enum(TEMPLATE_NAMES) });
const PreviewQuery = z.strictObject({ lang: Locale.default('zh') });

export function templateRoutes(app: App, deps: Deps): void {
  app.get(
    '/templates/:name/preview',
    {
      onRequest: [app.authenticate, requireRole('coordinator')],
      schema: {
        tags: ['templates'],
        params: TemplateParams,
        querystring: PreviewQuery,
        response: { 200: EmailPreview, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { name } = request.params;
      const content = { template: name, data: TEMPLATE_SAMPLES[name] } as EmailContent;
      const email = await composeEmail(content, {
        templates: deps.templates,
        from: deps.settings.from,
        recipient: { email: 'preview@lianxin.local', name: null },
        lang: request.query.lang,
      });
      return toPreview(email, null, request.query.lang);
    },
  );
}
