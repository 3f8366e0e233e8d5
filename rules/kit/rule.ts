import type { Category, Family, JsonValue, Path, PhiVerdict, Resolved, Resource, Severity, ValueNode } from './types';

/** A value a fix writes. `{ Ref: … }`/`{ 'Fn::GetAtt': … }` are intrinsics; `NewParameter` asks the user for a value through a new template parameter. */
export type FixValue = JsonValue | NewParameter;

export interface NewParameter {
  newParameter: { name: string; type: string; description: string; default?: string };
}

export type FixEdit =
  /** Set the value at an absolute document path, creating missing parents. */
  | { op: 'set'; path: Path; value: FixValue }
  /** Append an item to the sequence at `path` (created when missing). */
  | { op: 'append'; path: Path; value: FixValue }
  /** Add a new resource to the template. */
  | { op: 'addResource'; logicalId: string; type: string; properties: { [key: string]: FixValue } };

export interface FixIntent {
  title: string;
  /** Safe fixes may run unattended (`--fix`, fix-all). Unsafe: replacement, cost or key-policy changes. */
  safe: boolean;
  /** Said in the title of unsafe fixes: "replaces the DB instance". */
  consequence?: string;
  edits: FixEdit[];
}

export interface RuleResult {
  status: 'fail' | 'unknown';
  /** Absolute document path the finding points at (the nearest existing node is used for ranges). */
  path: Path;
  messageId: string;
  data?: Record<string, string>;
  /** For `unknown`: why the value could not be resolved. */
  reason?: string;
  fixes?: FixIntent[];
  /** When the finding belongs to another resource than the one checked (defaults to it). */
  resourceId?: string;
}

/** What a property lookup answers. `path` is absolute; `node` is the deepest node found. */
export interface Lookup {
  resolved: Resolved;
  path: Path;
  node?: ValueNode;
  /** True when the value itself is present in the text (not only a parent). */
  present: boolean;
}

export interface Edge {
  from: string;
  to: string;
  /** Absolute path of the reference inside `from`. */
  path: Path;
  kind: 'ref' | 'getatt' | 'sub' | 'depends-on' | 'event' | 'terraform' | 'implicit';
  attribute?: string;
}

export interface RuleContext {
  family: Family;
  resources: readonly Resource[];
  byId(id: string): Resource | undefined;
  ofType(...types: string[]): Resource[];
  /** Property lookup relative to a resource's properties. Dotted string or segments; `[]` is not allowed here. */
  get(resource: Resource, path: string | Path): Lookup;
  /** Resolve any node to a static value. */
  resolve(node: ValueNode | undefined): Resolved;
  /** Edges out of / into a resource. */
  edgesFrom(id: string): Edge[];
  edgesTo(id: string): Edge[];
  phi(id: string): PhiVerdict;
  /** True if the node (or any intrinsic inside it) refers to resource `id`. */
  refersTo(node: ValueNode | undefined, id: string): boolean;
  /**
   * A value computed once per template and shared by every check of this run (an index of log group names,
   * say), so cross-resource rules stay linear. Prefix keys with the rule id.
   */
  memo<T>(key: string, compute: () => T): T;
}

export interface Responsibility {
  aws: string;
  customer: string;
}

export interface RuleMeta {
  id: string;
  title: string;
  category: Category;
  severity: Exclude<Severity, 'hint'>;
  hipaa: string[];
  responsibility: Responsibility;
  /** Families with their resource types. SAM resources may appear under `cloudformation`. */
  appliesTo: { cloudformation?: string[]; terraform?: string[] };
  messages: Record<string, string>;
  /**
   * Wording for findings in Terraform plans, by message id, where the `messages` text names CloudFormation
   * properties: a Terraform user looks for `storage_encrypted`, not `StorageEncrypted`. Falls back to `messages`.
   */
  terraformMessages?: Record<string, string>;
  /** Catalog id(s) this rule implements. */
  controls: string[];
  /** What a template cannot show (for partial controls). */
  limits?: string;
  /**
   * How the PHI verdict grades the rule. `phi` (default): the checked resource's own verdict. `phi-path`:
   * resources on the way to PHI (load balancers, APIs, networks) keep their severity when the file carries
   * PHI, one step lower otherwise. `phi-only`: the base severity where PHI is declared or propagated, one step
   * lower where it is possible, a hint elsewhere. `account` and `all`: always their base severity.
   */
  phiScope?: 'phi' | 'phi-only' | 'phi-path' | 'account' | 'all';
}

export interface Rule extends RuleMeta {
  check(resource: Resource, ctx: RuleContext): RuleResult[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
