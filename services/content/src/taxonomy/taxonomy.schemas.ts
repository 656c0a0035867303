// Response schemas of the taxonomy endpoints: each fraud type or audience code with its zh/en label.
import { Audience, FraudType, Label } from '@lianxin/contracts';
import { z } from 'zod';

const taxonomyOf = <C extends z.ZodType>(code: C) =>
  z.object({ items: z.array(z.object({ code, label: Label })) });

/** The lists as the console reads them (their types are imported there). */
export const FraudTypeList = taxonomyOf(FraudType);
export const AudienceList = taxonomyOf(Audience);
