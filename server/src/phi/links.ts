// Turns the model's reference edges into directed data links (source → receiver) using the flow table,
// plus two derived kinds: compute that can read a store through its execution role's policies, and
// log groups named after a function.
import type { Edge } from '../../../rules/kit/rule';
import type { Path, Resource } from '../../../rules/kit/types';
import type { TemplateModel } from '../model/model';
import type { Resolver } from '../model/intrinsics';
import { mapGet } from '../parse/tree';
import { carriesData } from './data-classes';
import { CFN_FLOWS, POLICY_HOLDERS, ROLE_PATHS, TERRAFORM_FLOWS, type FlowRow } from './flows';

export interface Link {
  to: string;
  /** Where the connection is written (inside the resource that names the other). */
  path: Path;
  why: string;
}

const LOG_GROUP_TYPES = new Set(['AWS::Logs::LogGroup', 'aws_cloudwatch_log_group']);

export function dataLinks(model: TemplateModel, resolver: Resolver): Map<string, Link[]> {
  const links = new Map<string, Link[]>();
  const add = (from: string, link: Link) => {
    const list = links.get(from) ?? links.set(from, []).get(from)!;
    if (!list.some((l) => l.to === link.to)) list.push(link);
  };
  const table = byType(model.family === 'terraform-plan' ? TERRAFORM_FLOWS : CFN_FLOWS);
  for (const edge of model.edges) {
    const a = model.byId.get(edge.from);
    const b = model.byId.get(edge.to);
    if (!a || !b || edge.kind === 'depends-on') continue;
    if (edge.kind === 'implicit') {
      if (LOG_GROUP_TYPES.has(b.type)) add(a.id, { to: b.id, path: edge.path, why: `${a.id} writes its logs, which can contain the data it handles, to ${b.id}` });
      continue;
    }
    const row = matchRow(table.get(a.type), relative(a, edge));
    if (!row) continue;
    const why = `${a.id} ${row.verb} ${b.id}`;
    if (row.flow !== 'push') add(b.id, { to: a.id, path: edge.path, why });
    if (row.flow !== 'pull') add(a.id, { to: b.id, path: edge.path, why });
  }
  for (const access of roleAccess(model)) add(access.store, { to: access.compute, path: access.path, why: `${access.compute} can read ${access.store} through the policies of its role ${access.role}` });
  for (const [fn, group, path] of namedLogGroups(model, resolver)) add(fn.id, { to: group.id, path, why: `${fn.id} writes its logs, which can contain the data it handles, to ${group.id}` });
  return links;
}

function byType(rows: FlowRow[]): Map<string, FlowRow[]> {
  const out = new Map<string, FlowRow[]>();
  for (const row of rows) for (const t of row.types) (out.get(t) ?? out.set(t, []).get(t)!).push(row);
  return out;
}

/** Property path of the edge relative to the resource's properties, without list indices and `Fn::` wrappers. */
function relative(r: Resource, edge: Edge): string[] {
  const base = r.propertiesPath.length;
  const inside = edge.path.length >= base && r.propertiesPath.every((seg, i) => edge.path[i] === seg);
  return (inside ? edge.path.slice(base) : []).filter((s) => typeof s === 'string' && !s.startsWith('Fn::') && s !== 'Ref').map(String);
}

function matchRow(rows: FlowRow[] | undefined, path: string[]): FlowRow | undefined {
  return rows?.find((row) => {
    if (row.path === '') return true;
    const want = row.path.split('.');
    return want.length <= path.length && want.every((seg, i) => seg === '*' || seg === path[i]);
  });
}

interface Access {
  compute: string;
  store: string;
  role: string;
  path: Path;
}

/** Compute → role → policy documents naming stores. Roles get stores from inline, attached and managed policies. */
function roleAccess(model: TemplateModel): Access[] {
  const grants = new Map<string, Set<string>>();
  const grant = (role: string, stores: Iterable<string>) => {
    const set = grants.get(role) ?? grants.set(role, new Set()).get(role)!;
    for (const s of stores) set.add(s);
  };
  // Edges by source, once: filtering every edge per resource made this quadratic on large plans.
  const outgoing = edgesBySource(model.edges);
  const edgesOf = (r: Resource, prop: string) => (outgoing.get(r.id) ?? []).filter((e) => e.kind !== 'depends-on' && relative(r, e)[0] === prop);
  const documentStores = (r: Resource) => (POLICY_HOLDERS[r.type]?.document ?? []).flatMap((p) => edgesOf(r, p)).map((e) => e.to).filter((id) => carriesData(model.byId.get(id)?.type ?? ''));
  const holders = model.resources.filter((r) => POLICY_HOLDERS[r.type]);
  for (const h of holders) if (h.type === 'AWS::IAM::Role' || h.type === 'aws_iam_role') grant(h.id, documentStores(h));
  for (const h of holders) {
    const rolesProp = POLICY_HOLDERS[h.type].roles;
    if (!rolesProp) continue;
    const stores = h.type === 'aws_iam_role_policy_attachment' ? edgesOf(h, 'policy_arn').flatMap((e) => documentStores(model.byId.get(e.to)!)) : h.type === 'AWS::IAM::InstanceProfile' ? [] : documentStores(h);
    for (const e of edgesOf(h, rolesProp)) grant(e.to, stores);
  }
  for (const role of model.resources.filter((r) => r.type === 'AWS::IAM::Role')) {
    for (const e of edgesOf(role, 'ManagedPolicyArns')) {
      const policy = model.byId.get(e.to);
      if (policy) grant(role.id, documentStores(policy));
    }
  }
  for (const profile of model.resources.filter((r) => r.type === 'AWS::IAM::InstanceProfile')) {
    for (const e of edgesOf(profile, 'Roles')) grant(profile.id, grants.get(e.to) ?? []);
  }
  const out: Access[] = [];
  for (const compute of model.resources) {
    for (const prop of ROLE_PATHS[compute.type] ?? []) {
      for (const e of edgesOf(compute, prop)) for (const store of grants.get(e.to) ?? []) out.push({ compute: compute.id, store, role: e.to, path: e.path });
    }
  }
  return out;
}

/** A log group named `/aws/lambda/<name>` (a literal) where a function's name is `<name>`. */
const FUNCTION_NAME: Record<string, string> = { 'AWS::Lambda::Function': 'FunctionName', 'AWS::Serverless::Function': 'FunctionName', aws_lambda_function: 'function_name' };
const GROUP_NAME: Record<string, string> = { 'AWS::Logs::LogGroup': 'LogGroupName', aws_cloudwatch_log_group: 'name' };

function namedLogGroups(model: TemplateModel, resolver: Resolver): [Resource, Resource, Path][] {
  const known = (r: Resource, prop: string) => {
    const v = resolver.resolve(mapGet(r.properties, prop));
    return v.kind === 'known' && typeof v.value === 'string' ? v.value : undefined;
  };
  const functions = new Map<string, Resource>();
  for (const fn of model.resources) {
    const name = FUNCTION_NAME[fn.type] && known(fn, FUNCTION_NAME[fn.type]);
    if (name) functions.set(name, fn);
  }
  const out: [Resource, Resource, Path][] = [];
  if (!functions.size) return out;
  for (const group of model.resources) {
    const prop = GROUP_NAME[group.type];
    const m = prop ? /^\/aws\/lambda\/(.+)$/.exec(known(group, prop) ?? '') : null;
    const fn = m && functions.get(m[1]);
    if (fn) out.push([fn, group, [...group.propertiesPath, prop]]);
  }
  return out;
}

/** Every edge (depends-on included) by the resource it starts from, in model order. */
export function edgesBySource(edges: readonly Edge[]): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const e of edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
  return out;
}
