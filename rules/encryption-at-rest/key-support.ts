// Helpers shared by the at-rest rules that ask for a (customer managed) KMS key: "is a key named", the
// fix value that names one, and the Terraform "set to a key created in this plan" case. Not a rule.
import { asUnknown, evaluate, isNonEmpty, isTerraform, resultFor, setFix, text, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';

/** The value a fix writes for a key: the ARN (or id) of a KMS key declared in the template, else a new parameter. */
export function keyValue(ctx: RuleContext, attribute: 'Arn' | 'Ref', parameter: { name: string; description: string }): JsonValue | { newParameter: { name: string; type: string; description: string } } {
  // Asked for every resource that gets a fix: the declared keys are listed once per template.
  const keys = ctx.memo('key-support:declaredKeys', () => ctx.ofType('AWS::KMS::Key').filter((k) => !k.implicitFrom));
  if (keys.length === 1) return attribute === 'Arn' ? { 'Fn::GetAtt': [keys[0].id, 'Arn'] } : { Ref: keys[0].id };
  return { newParameter: { name: parameter.name, type: 'String', description: parameter.description } };
}

/** A fix that points `path` at a customer managed key (declared key or new parameter). */
export function keyFix(ctx: RuleContext, resource: Resource, path: string | Path, title: string, safety: { safe: boolean; consequence?: string }, attribute: 'Arn' | 'Ref' = 'Arn', parameter = { name: 'PhiKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts PHI at rest' }): FixIntent[] {
  return setFix(resource, path, keyValue(ctx, attribute, parameter), title, safety);
}

/** Terraform: an attribute known only after apply whose configuration references another resource (e.g. `aws_kms_key.x.arn`) is set. */
export function setByReference(resource: Resource, attribute: string): boolean {
  return isTerraform(resource) && (resource.terraform?.references[attribute] ?? []).length > 0;
}

/** `!Ref X` / `!GetAtt X.Arn` of a KMS key or alias declared in the template (created with the stack): a key is named. */
export function namesDeclaredResource(ctx: RuleContext, node: ValueNode | undefined): boolean {
  if (!node || node.kind !== 'map' || node.entries.length !== 1) return false;
  const { key, value } = node.entries[0];
  let target: string | undefined;
  if (key === 'Ref' && value.kind === 'scalar') target = String(value.value);
  else if (key === 'Fn::GetAtt') {
    if (value.kind === 'scalar') target = String(value.value).split('.')[0];
    else if (value.kind === 'seq' && value.items[0]?.kind === 'scalar') target = String(value.items[0].value);
  }
  const resource = target ? ctx.byId(target) : undefined;
  return !!resource && ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'].includes(resource.type);
}

/** Names of the AWS managed key of a service (`alias/aws/<service>` or an ARN ending in it). */
export function isAwsManagedAlias(value: JsonValue, service: string): boolean {
  const s = text(value)?.toLowerCase();
  return s !== undefined && (s === `alias/aws/${service}` || s.endsWith(`:alias/aws/${service}`));
}

/**
 * "A key is named at `path`": missing or empty fails with `messageId`, a value that cannot be decided is
 * `unknown` (except a Terraform reference to a key in the plan), `reject` marks values that name a key
 * but the wrong one (AWS managed) as `wrongKey` when given.
 */
export function expectKey(ctx: RuleContext, resource: Resource, path: string | Path, options: { messageId: string; fixes?: FixIntent[]; data?: Record<string, string>; reject?: (v: JsonValue) => boolean; wrongKeyId?: string }): RuleResult[] {
  const lookup = ctx.get(resource, path);
  const top = typeof path === 'string' ? path.split('.')[0] : String(path[0]);
  if (lookup.resolved.kind === 'unknown' && (setByReference(resource, top) || namesDeclaredResource(ctx, lookup.node))) return [];
  const named = evaluate(lookup.resolved, isNonEmpty);
  if (named.outcome !== 'pass') return resultFor(lookup, named, { messageId: options.messageId, fixes: options.fixes, data: options.data }, resource, path).map(asUnknown);
  if (options.reject && options.wrongKeyId) {
    const right = evaluate(lookup.resolved, (v) => !options.reject!(v));
    return resultFor(lookup, right, { messageId: options.wrongKeyId, fixes: options.fixes, data: options.data }, resource, path).map(asUnknown);
  }
  return [];
}

/**
 * Whether a property holds a value, for "is this configured at all" questions: Terraform plans list every
 * attribute, with `null` for the unset ones. An undecidable CloudFormation value counts as set; a Terraform value
 * known only after apply counts as set when its configuration references another resource.
 */
export function hasValue(ctx: RuleContext, resource: Resource, path: string | Path): boolean {
  const lookup = ctx.get(resource, path);
  const top = typeof path === 'string' ? path.split('.')[0] : String(path[0]);
  const r = lookup.resolved;
  if (r.kind === 'unknown') return isTerraform(resource) ? setByReference(resource, top) : true;
  return evaluate(r, isNonEmpty).outcome === 'pass';
}
