// HTTP entry point of the templates: a preview of each email with sample data, in either language.
import { Locale } from '@lianxin/contracts';
import { requireRole } from '@lianxin/platform/auth';
import { errorResponses, type App } from '@lianxin/platform/http';
import { z } from 'zod';
import { EmailPreview } from '../deliveries/delivery.schemas.ts';
import { toPreview } from '../deliveries/delivery.view.ts';
import type { Deps } from '../shared/deps.ts';
import { TEMPLATE_NAMES } from './email.schemas.ts';
import { previewTemplate } from './preview-template.ts';

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
      const email = await previewTemplate(deps, request.params.name, request.query.lang);
      return toPreview(email, null, request.query.lang);
    },
  );
}
