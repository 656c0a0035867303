// Taxonomy endpoints: fraud types and audiences with their zh/en labels, straight from contracts (public).
import { Audience, FraudType, type LabelledEnum } from '@lianxin/contracts';
import type { App } from '@lianxin/platform/http';
import { AudienceList, FraudTypeList } from './taxonomy.schemas.ts';

function itemsOf<K extends string>(schema: LabelledEnum<K>) {
  return { items: schema.options.map((code) => ({ code, label: schema.labels[code] })) };
}

export function taxonomyRoutes(app: App): void {
  app.get(
    '/fraud-types',
    {
      schema: {
        tags: ['taxonomy'],
        summary: '诈骗类型 Fraud types (the ten high-incidence types and other)',
        response: { 200: FraudTypeList },
      },
    },
    () => itemsOf(FraudType),
  );
  app.get(
    '/audiences',
    {
      schema: {
        tags: ['taxonomy'],
        summary: '宣传对象 Audiences',
        response: { 200: AudienceList },
      },
    },
    () => itemsOf(Audience),
  );
}
