// Database parameter groups: where a named parameter sits in each shape (CloudFormation map, Redshift list,
// Terraform `parameter` blocks) and which group a database uses. Shared by the RDS, Redshift and DocumentDB rules.
import type { Lookup, Path, Resource, RuleContext } from '../kit';
import { isTerraform, itemCount, possible, targetPath, targetsOf, text } from '../kit';

export type ParameterShape = 'map' | 'redshift-list' | 'terraform-list';

export function shapeOf(group: Resource): ParameterShape {
  if (isTerraform(group)) return 'terraform-list';
  return group.type === 'AWS::Redshift::ClusterParameterGroup' ? 'redshift-list' : 'map';
}

/** The value of parameter `name` (compared case-insensitively), or where the parameter list is when it is missing. */
export function parameterOf(ctx: RuleContext, group: Resource, name: string): { value?: Lookup; listPath: Path } {
  const shape = shapeOf(group);
  if (shape === 'map') {
    const params = ctx.get(group, ['Parameters']);
    const key = params.node?.kind === 'map' ? params.node.entries.find((e) => e.key.toLowerCase() === name.toLowerCase())?.key : undefined;
    return { value: key === undefined ? undefined : ctx.get(group, ['Parameters', key]), listPath: params.path };
  }
  const list = shape === 'redshift-list' ? 'Parameters' : 'parameter';
  const keys = shape === 'redshift-list' ? { name: 'ParameterName', value: 'ParameterValue' } : { name: 'name', value: 'value' };
  for (let i = 0; i < itemCount(ctx, group, [list]); i++) {
    const n = text(possible(ctx.get(group, [list, i, keys.name]).resolved).values[0]);
    if (n?.toLowerCase() === name.toLowerCase()) return { value: ctx.get(group, [list, i, keys.value]), listPath: ctx.get(group, [list]).path };
  }
  return { listPath: ctx.get(group, [list]).path };
}

export type GroupReference =
  | { kind: 'group'; group: Resource }
  | { kind: 'default'; path: Path }
  | { kind: 'external'; path: Path; reason: string };

/**
 * Which parameter group `db` uses through property `prop`: one declared in the template, the engine's default
 * group (property absent, or a `default.` name), or one this template cannot show.
 */
export function groupOf(ctx: RuleContext, db: Resource, prop: string, groupTypes: string[], nameProps: string[]): GroupReference {
  const lookup = ctx.get(db, prop);
  const path = targetPath(db, lookup, [prop]);
  const declared = targetsOf(ctx, db, prop, groupTypes, nameProps);
  if (declared.length) return { kind: 'group', group: declared[0] };
  const values = possible(lookup.resolved);
  if (values.unknown) return { kind: 'external', path, reason: values.unknown };
  const names = values.values.map((v) => text(v) ?? '');
  if (values.absent || names.every((n) => n === '' || n.startsWith('default.'))) return { kind: 'default', path };
  return { kind: 'external', path, reason: `parameter group ${names.find((n) => n && !n.startsWith('default.'))} is not declared in this template` };
}
