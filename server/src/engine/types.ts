import type { ParsedDocument } from '../parse/tree';
import type { FixIntent } from '../../../rules/kit/rule';
import type { Category, Family, Path, PhiVerdict, Severity, Span } from '../../../rules/kit/types';
import type { TemplateModel } from '../model/model';
import type { HipaaConfig } from './config';

export type { Category, Family, Path, PhiVerdict, Severity, Span };

/** What `detect` decided a file is. */
export type DocumentKind =
  | { kind: 'template'; family: Family }
  | { kind: 'unsupported'; what: string; message: string }
  | { kind: 'ignored' };

export interface Suppression {
  source: 'comment' | 'metadata' | 'config';
  reason: string;
  until?: string;
  /** Where the suppression is written (span in this file; config suppressions carry the config file). */
  span?: Span;
  file?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  category: Category;
  severity: Severity;
  /** The rule's own severity before the PHI verdict adjusted it. */
  baseSeverity: Severity;
  status: 'fail' | 'unknown';
  resource: string;
  resourceType: string;
  path: Path;
  span: Span;
  hipaa: string[];
  phi: PhiVerdict;
  fixes: FixIntent[];
  suppressed?: Suppression;
}

/** Something about the file itself: syntax error, duplicate key, a budget hit, an unsupported format. */
export interface Problem {
  code: 'syntax-error' | 'duplicate-key' | 'budget-exceeded' | 'unsupported-format' | 'invalid-input' | 'invalid-suppression' | 'unused-suppression' | 'expired-suppression' | 'rule-error' | 'invalid-template';
  message: string;
  span: Span;
  severity: Severity;
}

export interface Analysis {
  uri: string;
  document: DocumentKind;
  findings: Finding[];
  problems: Problem[];
  phi: Record<string, PhiVerdict>;
  model?: TemplateModel;
  /** The text that was analysed (needed to turn spans into positions). */
  text: string;
  /** The parse, from which the next version of an open document re-parses only what changed. */
  parsed?: ParsedDocument;
}

export interface LintOptions {
  config?: HipaaConfig;
  /** Parameter values from the CLI (`--parameters`) or the config; they override defaults. */
  parameterValues?: Record<string, string>;
  /** Today, for suppression expiry (ISO date). Defaults to the current date. */
  today?: string;
}
