// Shared data shapes between the engine (server/) and the rules. Plain data only.

/** Which input family a template or resource comes from. */
export type Family = 'cloudformation' | 'sam' | 'terraform-plan';

/** One step of a path into the document: a map key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Offsets into the document text (JavaScript string indices = UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}

/** Positioned value tree, the same for YAML and JSON. Intrinsics are single-key maps (`Ref`, `Fn::…`), whatever their source form. */
export type ValueNode = ScalarNode | MapNode | SeqNode;

export interface ScalarNode {
  kind: 'scalar';
  value: string | number | boolean | null;
  span: Span;
}

export interface MapEntry {
  key: string;
  keySpan: Span;
  value: ValueNode;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  span: Span;
  /** Set when the map came from a YAML short tag such as `!Ref`; the tag's name. */
  shortTag?: string;
}

export interface SeqNode {
  kind: 'seq';
  items: ValueNode[];
  span: Span;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What a property evaluates to, statically. Intrinsics are decoded, never executed.
 * `oneOf` comes from `Fn::If` (both branches) and parameters with AllowedValues.
 */
export type Resolved =
  | { kind: 'known'; value: JsonValue; via?: string[] }
  | { kind: 'oneOf'; options: Resolved[]; via?: string[] }
  | { kind: 'unknown'; reason: string; via?: string[] }
  | { kind: 'absent' };

/** PHI verdict for one resource. */
export type PhiVerdictKind = 'phi' | 'possible' | 'no-phi' | 'unknown';

export interface PhiStep {
  resource: string;
  path: Path;
  why: string;
}

export interface PhiVerdict {
  verdict: PhiVerdictKind;
  /** First step is the origin (declaration or inference), last is this resource. */
  chain: PhiStep[];
  /** Set for KMS keys that encrypt a PHI store: they protect PHI without carrying it. */
  protectsPhi?: boolean;
}

export interface Resource {
  /** CloudFormation logical id, or Terraform address (`module.db.aws_db_instance.main[0]`). */
  id: string;
  type: string;
  family: Family;
  /** Path of the resource entry in the document. */
  path: Path;
  /** Path of the properties (CloudFormation `Properties`, Terraform `values`). */
  propertiesPath: Path;
  properties?: MapNode;
  metadata?: MapNode;
  condition?: string;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
  dependsOn: string[];
  /** Resources created implicitly (a SAM function's log group); not present in the text. */
  implicitFrom?: string;
  terraform?: TerraformInfo;
}

export interface TerraformInfo {
  address: string;
  modulePath: string;
  name: string;
  index?: string | number;
  mode: 'managed' | 'data';
  /** Attribute paths (dotted, `[n]` for indexes) whose value is unknown until apply. */
  unknownPaths: Set<string>;
  /** Attribute paths whose values are sensitive: never printed. */
  sensitivePaths: Set<string>;
  /** Expressions' references from `configuration`, by attribute name. */
  references: Record<string, string[]>;
}

export type Category =
  | 'encryption-at-rest'
  | 'encryption-in-transit'
  | 'public-exposure'
  | 'audit-logging'
  | 'backup-recovery'
  | 'access-control'
  | 'network'
  | 'eligibility';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
