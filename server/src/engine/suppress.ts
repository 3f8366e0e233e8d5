import type { ParsedDocument } from '../parse/tree';
import type { HipaaConfig } from './config';
import type { Finding, Problem } from './types';

/** Suppressions (comments, Metadata, config). Placeholder: marks nothing. */
export function applySuppressions(_findings: Finding[], _doc: ParsedDocument, _text: string, _uri: string, _config: HipaaConfig, _today: string): Problem[] {
  return [];
}
