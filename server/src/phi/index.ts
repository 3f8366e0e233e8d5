import type { PhiVerdict } from '../../../rules/kit/types';
import type { PhiSettings } from '../engine/config';
import type { TemplateModel } from '../model/model';
import type { Resolver } from '../model/intrinsics';

export interface PhiInput {
  model: TemplateModel;
  resolver: Resolver;
  settings: PhiSettings;
  maxDepth: number;
}

/** PHI verdict for every resource of the model. Placeholder until the PHI stage lands: everything unknown. */
export function computePhi(input: PhiInput): Record<string, PhiVerdict> {
  const out: Record<string, PhiVerdict> = {};
  for (const r of input.model.resources) out[r.id] = { verdict: 'unknown', chain: [] };
  return out;
}
