// Fraud types and audiences with their labels, read once from content and kept for the page's life.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n.tsx';
import { bulletinsApi, type Audience, type FraudType } from './api.ts';

export interface Taxonomy {
  fraudTypes: { value: FraudType; label: string }[];
  audiences: { value: Audience; label: string }[];
  fraudTypeLabel: (code: FraudType) => string;
  audienceLabel: (code: Audience) => string;
}

export function useTaxonomy(): Taxonomy {
  const { pick } = useI18n();
  const fraud = useQuery({
    queryKey: ['content', 'fraud-types'],
    queryFn: bulletinsApi.fraudTypes,
    staleTime: Infinity,
  });
  const audience = useQuery({
    queryKey: ['content', 'audiences'],
    queryFn: bulletinsApi.audiences,
    staleTime: Infinity,
  });
  const fraudTypes = (fraud.data?.items ?? []).map((i) => ({
    value: i.code,
    label: pick(i.label),
  }));
  const audiences = (audience.data?.items ?? []).map((i) => ({
    value: i.code,
    label: pick(i.label),
  }));
  return {
    fraudTypes,
    audiences,
    // Until the labels arrive the code stands in for its label.
    fraudTypeLabel: (code) => fraudTypes.find((f) => f.value === code)?.label ?? code,
    audienceLabel: (code) => audiences.find((a) => a.value === code)?.label ?? code,
  };
}
