import type { Severity, Span } from '../../../rules/kit/types';

export type PhiMode = 'declared' | 'inferred' | 'all';

export interface PhiSettings {
  /** declared: only declared and propagated; inferred (default): plus names that suggest PHI; all: every data-capable resource. */
  mode: PhiMode;
  /** Logical ids, Terraform addresses or glob patterns (`*`, `**`) declared to hold PHI. */
  resources: string[];
  /** Declared to hold no PHI. */
  noPhiResources: string[];
  /** Tag keys whose value classifies data (compared case-insensitively). */
  classificationTagKeys: string[];
  /** Values of those keys that mean PHI. */
  phiValues: string[];
  /** Values of those keys that mean no PHI. */
  noPhiValues: string[];
  /** Tag keys whose boolean-ish value (`true`/`yes`/`1`) says PHI and (`false`/`no`/`0`) says no PHI. */
  booleanTagKeys: string[];
  /** Infer "possible PHI" from names. */
  inferFromNames: boolean;
  /** Words in names that suggest health data. */
  nameWords: string[];
}

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

export interface ConfigSuppression {
  rule: string;
  /** Logical id, Terraform address or glob; omitted = every resource. */
  resource?: string;
  /** File glob relative to the config file; omitted = every file. */
  file?: string;
  reason: string;
  until?: string;
  /** Where the entry is written in the config file (offsets, and its one-based line), for reports. */
  span?: Span;
  line?: number;
}

export interface HipaaConfig {
  phi: PhiSettings;
  rules: Record<string, RuleSetting>;
  /** Globs of files never linted. */
  ignore: string[];
  /** Findings at or above this severity make the CLI exit 1. */
  failOn: Severity;
  /** What findings on resources with a no-PHI verdict become. */
  noPhiFindings: 'hint' | 'off';
  /** Parameter values per template glob. */
  parameters: Record<string, Record<string, string>>;
  suppressions: ConfigSuppression[];
  /** The file this config was read from, if any. */
  source?: string;
}

export function defaultConfig(): HipaaConfig {
  return {
    phi: {
      mode: 'inferred',
      resources: [],
      noPhiResources: [],
      classificationTagKeys: ['DataClassification', 'data-classification', 'data_classification', 'Classification', 'Sensitivity', 'DataSensitivity', 'data-sensitivity'],
      phiValues: ['phi', 'ephi', 'hipaa', 'pii-phi', 'phi-data', 'restricted-phi'],
      noPhiValues: ['public', 'none', 'no-phi', 'nophi', 'non-phi', 'internal', 'non-sensitive'],
      booleanTagKeys: ['PHI', 'phi', 'ePHI', 'hipaa', 'HIPAA', 'contains-phi', 'ContainsPHI'],
      inferFromNames: true,
      nameWords: ['patient', 'phi', 'ephi', 'ehr', 'emr', 'medical', 'clinical', 'fhir', 'hl7', 'dicom', 'claims', 'claim', 'diagnosis', 'lab', 'labs', 'prescription', 'rx', 'health', 'pharmacy', 'radiology', 'imaging', 'encounter', 'member'],
    },
    rules: {},
    ignore: [],
    failOn: 'warning',
    noPhiFindings: 'hint',
    parameters: {},
    suppressions: [],
  };
}
