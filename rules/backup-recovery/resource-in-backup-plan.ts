import { defineRule, evaluate, oneOfValues, type Edge, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';
import { isTerraform, possible, targetsOf, text, unknownAt } from '../kit';

/** How AWS Backup names a resource type in an ARN: service, the resource part before the name, and where the name is. */
interface ArnShape {
  service: string;
  prefix: string;
  /** Properties (CloudFormation) or attributes (Terraform) holding the name or id in the ARN; none when it is generated. */
  names: string[];
  /** Where tags live and whether they are a list of Key/Value pairs (else a map). */
  tags: string;
  tagList: boolean;
  caseInsensitive?: boolean;
}

const CFN: Record<string, ArnShape> = {
  'AWS::DynamoDB::Table': { service: 'dynamodb', prefix: 'table/', names: ['TableName'], tags: 'Tags', tagList: true },
  'AWS::Serverless::SimpleTable': { service: 'dynamodb', prefix: 'table/', names: ['TableName'], tags: 'Tags', tagList: false },
  'AWS::EC2::Volume': { service: 'ec2', prefix: 'volume/', names: [], tags: 'Tags', tagList: true },
  'AWS::EC2::Instance': { service: 'ec2', prefix: 'instance/', names: [], tags: 'Tags', tagList: true },
  'AWS::EFS::FileSystem': { service: 'elasticfilesystem', prefix: 'file-system/', names: [], tags: 'FileSystemTags', tagList: true },
  'AWS::FSx::FileSystem': { service: 'fsx', prefix: 'file-system/', names: [], tags: 'Tags', tagList: true },
  'AWS::RDS::DBInstance': { service: 'rds', prefix: 'db:', names: ['DBInstanceIdentifier'], tags: 'Tags', tagList: true, caseInsensitive: true },
  'AWS::RDS::DBCluster': { service: 'rds', prefix: 'cluster:', names: ['DBClusterIdentifier'], tags: 'Tags', tagList: true, caseInsensitive: true },
  'AWS::DocDB::DBCluster': { service: 'rds', prefix: 'cluster:', names: ['DBClusterIdentifier'], tags: 'Tags', tagList: true, caseInsensitive: true },
  'AWS::Neptune::DBCluster': { service: 'rds', prefix: 'cluster:', names: ['DBClusterIdentifier'], tags: 'Tags', tagList: true, caseInsensitive: true },
  'AWS::Redshift::Cluster': { service: 'redshift', prefix: 'cluster:', names: ['ClusterIdentifier'], tags: 'Tags', tagList: true, caseInsensitive: true },
  'AWS::S3::Bucket': { service: 's3', prefix: '', names: ['BucketName'], tags: 'Tags', tagList: true },
};

const fsx: ArnShape = { service: 'fsx', prefix: 'file-system/', names: ['id'], tags: 'tags', tagList: false };
const TF: Record<string, ArnShape> = {
  aws_dynamodb_table: { service: 'dynamodb', prefix: 'table/', names: ['name'], tags: 'tags', tagList: false },
  aws_ebs_volume: { service: 'ec2', prefix: 'volume/', names: ['id'], tags: 'tags', tagList: false },
  aws_instance: { service: 'ec2', prefix: 'instance/', names: ['id'], tags: 'tags', tagList: false },
  aws_efs_file_system: { service: 'elasticfilesystem', prefix: 'file-system/', names: ['id'], tags: 'tags', tagList: false },
  aws_fsx_lustre_file_system: fsx,
  aws_fsx_windows_file_system: fsx,
  aws_fsx_ontap_file_system: fsx,
  aws_fsx_openzfs_file_system: fsx,
  aws_db_instance: { service: 'rds', prefix: 'db:', names: ['identifier'], tags: 'tags', tagList: false, caseInsensitive: true },
  aws_rds_cluster: { service: 'rds', prefix: 'cluster:', names: ['cluster_identifier'], tags: 'tags', tagList: false, caseInsensitive: true },
  aws_docdb_cluster: { service: 'rds', prefix: 'cluster:', names: ['cluster_identifier'], tags: 'tags', tagList: false, caseInsensitive: true },
  aws_neptune_cluster: { service: 'rds', prefix: 'cluster:', names: ['cluster_identifier'], tags: 'tags', tagList: false, caseInsensitive: true },
  aws_redshift_cluster: { service: 'redshift', prefix: 'cluster:', names: ['cluster_identifier'], tags: 'tags', tagList: false, caseInsensitive: true },
  aws_s3_bucket: { service: 's3', prefix: '', names: ['bucket'], tags: 'tags', tagList: false },
};

const SELECTION = { cloudformation: 'AWS::Backup::BackupSelection', terraform: 'aws_backup_selection' };

export default defineRule({
  id: 'resource-in-backup-plan',
  title: 'Data store that may hold PHI is not selected by any AWS Backup plan',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['resource-in-backup-plan'],
  appliesTo: { cloudformation: Object.keys(CFN), terraform: Object.keys(TF) },
  responsibility: {
    aws: 'AWS Backup takes, copies and expires recovery points of the resources a backup plan selects, on the plan’s schedule.',
    customer: 'Make sure every PHI store is selected by a plan (by ARN, wildcard or tag) and that no NotResources entry or condition leaves it out.',
  },
  messages: {
    notInPlan: '{resource} is not selected by any AWS Backup selection in this template (no ARN, wildcard or tag condition matches it); its data has no scheduled, centrally retained backup.',
    excluded: '{resource} is excluded from AWS Backup selection {selection} by its NotResources or conditions, and no other selection covers it.',
    unknown: 'Whether an AWS Backup plan covers {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notInPlan: '{resource} is not selected by any AWS Backup selection in this plan (no ARN, wildcard or tag condition matches it); its data has no scheduled, centrally retained backup.',
    excluded: '{resource} is excluded from AWS Backup selection {selection} by its not_resources or condition blocks, and no other selection covers it.',
  },
  limits: 'Backup plans defined in another stack or account (AWS Organizations backup policies) are not visible; a store covered only there is reported and may be suppressed. Whether the plan actually succeeds is not visible either.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    const shape = (tf ? TF : CFN)[resource.type];
    if (!shape || resource.implicitFrom || isMember(ctx, resource)) return [];
    if (hasServiceBackup(ctx, resource)) return [];
    const selections = ctx.memo(`resource-in-backup-plan:${resource.family}`, () => indexSelections(ctx, tf));
    const subject = describe(ctx, resource, shape);
    let reason: string | undefined;
    let excludedBy: Selection | undefined;
    for (const s of selections.candidates(subject)) {
      const verdict = covers(s, subject);
      if (verdict.result === 'yes') return [];
      if (verdict.result === 'unknown') reason ??= `${verdict.reason} (selection ${s.id})`;
      if (verdict.result === 'no' && verdict.included) excludedBy ??= s;
    }
    if (reason) return [unknownAt(resource.path, reason)];
    if (excludedBy) return [{ status: 'fail', path: resource.path, messageId: 'excluded', data: { selection: excludedBy.id } }];
    return [{ status: 'fail', path: resource.path, messageId: 'notInPlan', fixes: tagFix(ctx, resource, subject, selections.all) }];
  },
});

// ---------------------------------------------------------------------------------------------------------
// Three-valued logic

type Tri = 'yes' | 'no' | 'unknown';
interface Verdict {
  result: Tri;
  reason?: string;
}
const YES: Verdict = { result: 'yes' };
const NO: Verdict = { result: 'no' };

function any(verdicts: Verdict[]): Verdict {
  return verdicts.find((v) => v.result === 'yes') ?? verdicts.find((v) => v.result === 'unknown') ?? NO;
}
function all(verdicts: Verdict[]): Verdict {
  return verdicts.find((v) => v.result === 'no') ?? verdicts.find((v) => v.result === 'unknown') ?? YES;
}
function not(v: Verdict): Verdict {
  return v.result === 'unknown' ? v : v.result === 'yes' ? NO : YES;
}

// ---------------------------------------------------------------------------------------------------------
// The resource as AWS Backup sees it

interface Subject {
  id: string;
  shape: ArnShape;
  /** Known names/ids/ARNs; empty when generated at deploy time. */
  names: string[];
  arns: string[];
  /** Tag values by key (`undefined` value = present but not decidable); `unknown` when the whole set is. */
  tags: Map<string, string | undefined> | { unknown: string };
}

function describe(ctx: RuleContext, resource: Resource, shape: ArnShape): Subject {
  const known = (prop: string) => {
    const r = ctx.get(resource, prop).resolved;
    return r.kind === 'known' && typeof r.value === 'string' && r.value ? [r.value] : [];
  };
  const tf = isTerraform(resource);
  return { id: resource.id, shape, names: shape.names.flatMap(known), arns: tf ? known('arn') : [], tags: tagsOf(ctx, resource, shape) };
}

function tagsOf(ctx: RuleContext, resource: Resource, shape: ArnShape): Subject['tags'] {
  const tags = new Map<string, string | undefined>();
  let lookup = ctx.get(resource, shape.tags);
  if (isTerraform(resource)) {
    const all = ctx.get(resource, 'tags_all');
    if (all.resolved.kind === 'known' || lookup.resolved.kind !== 'known') lookup = all.resolved.kind === 'absent' ? lookup : all;
  }
  if (lookup.resolved.kind === 'absent') return tags;
  if (lookup.resolved.kind === 'unknown') return { unknown: lookup.resolved.reason };
  if (lookup.node?.kind === 'seq' && shape.tagList) {
    for (let i = 0; i < lookup.node.items.length; i++) {
      const key = ctx.get(resource, [shape.tags, i, 'Key']).resolved;
      if (key.kind !== 'known') return { unknown: key.kind === 'unknown' ? key.reason : `tag ${i} has no single key` };
      const value = ctx.get(resource, [shape.tags, i, 'Value']).resolved;
      tags.set(String(key.value), value.kind === 'known' ? text(value.value) : undefined);
    }
    return tags;
  }
  const values = possible(lookup.resolved);
  if (values.unknown || values.values.length !== 1) return { unknown: values.unknown ?? 'the tags depend on a condition' };
  const v = values.values[0];
  if (Array.isArray(v)) {
    for (const t of v) if (t && typeof t === 'object' && !Array.isArray(t)) tags.set(String(text(t.Key)), text(t.Value));
  } else if (v && typeof v === 'object') {
    for (const [k, value] of Object.entries(v)) tags.set(k, text(value));
  }
  return tags;
}

/** Aurora members and read replicas are backed up through their cluster or source. */
function isMember(ctx: RuleContext, resource: Resource): boolean {
  const set = (p: string) => {
    const l = ctx.get(resource, p);
    return l.present && !(l.resolved.kind === 'known' && (l.resolved.value === null || l.resolved.value === ''));
  };
  if (resource.type === 'AWS::RDS::DBInstance') return set('DBClusterIdentifier') || set('SourceDBInstanceIdentifier');
  if (resource.type === 'aws_db_instance') return set('cluster_identifier') || set('replicate_source_db');
  return false;
}

/** EFS automatic backups (BackupPolicy ENABLED, or an aws_efs_backup_policy) put the file system in the default plan. */
function hasServiceBackup(ctx: RuleContext, resource: Resource): boolean {
  const enabled = oneOfValues('ENABLED');
  if (resource.type === 'AWS::EFS::FileSystem') return evaluate(ctx.get(resource, 'BackupPolicy.Status').resolved, enabled).outcome === 'pass';
  if (resource.type !== 'aws_efs_file_system') return false;
  const policies = ctx.memo('resource-in-backup-plan:efs-policies', () => ctx.ofType('aws_efs_backup_policy'));
  return policies.some((p) => targetsOf(ctx, p, 'file_system_id', ['aws_efs_file_system']).includes(resource) && evaluate(ctx.get(p, ['backup_policy', 0, 'status']).resolved, enabled).outcome === 'pass');
}

// ---------------------------------------------------------------------------------------------------------
// Selections, parsed once per template

type Item = { kind: 'ref'; targets: Set<string> } | { kind: 'pattern'; glob: string } | { kind: 'unknown'; reason: string };
type TagOp = 'equals' | 'like' | 'notEquals' | 'notLike';
interface KnownTagTest {
  op: TagOp;
  key: string;
  value: string;
}
type TagTest = KnownTagTest | { op: 'unknown'; reason: string };

interface Selection {
  id: string;
  resource: Resource;
  resources: Item[];
  notResources: Item[];
  /** ListOfTags / selection_tag: OR'ed. */
  anyTags: TagTest[];
  /** Conditions / condition: AND'ed. */
  allTags: TagTest[];
}

/**
 * The template's selections, and for each store the ones that can include it. A selection that names its
 * resources only by reference or by ARNs without wildcards, and selects no tags, includes a store only when one of
 * those names is the store's: it is indexed by them, so a plan with a selection per database stays linear. Every
 * other selection is a candidate for every store. Candidates keep template order, so the first undecided or
 * excluding selection is the same one a scan of all of them finds (a selection that cannot include a store
 * leaves the verdict as it is).
 */
class SelectionIndex {
  private readonly broad: number[] = [];
  private readonly byName = new Map<string, number[]>();

  constructor(readonly all: Selection[]) {
    all.forEach((s, i) => {
      const names = s.anyTags.length ? undefined : narrowNames(s.resources);
      if (!names) this.broad.push(i);
      else for (const name of names) (this.byName.get(name) ?? this.byName.set(name, []).get(name)!).push(i);
    });
  }

  candidates(subject: Subject): Selection[] {
    if (this.broad.length === this.all.length) return this.all;
    const picked = new Set(this.broad);
    for (const name of subjectNames(subject)) for (const i of this.byName.get(name) ?? []) picked.add(i);
    return [...picked].sort((a, b) => a - b).map((i) => this.all[i]);
  }
}

// Names compare upper-cased: equal upper-cased text is necessary for a case-insensitive ARN match (so no
// candidate is missed), and the match itself is decided by `covers`.
const byId = (id: string) => `id\u0000${id}`;
const byArn = (arn: string) => `arn\u0000${arn.toUpperCase()}`;
const byPart = (service: string, resource: string) => `part\u0000${service}\u0000${resource.toUpperCase()}`;

/** The names under which a selection with only references and literal ARNs can include a store; undefined for any other. */
function narrowNames(items: Item[]): string[] | undefined {
  const names: string[] = [];
  for (const item of items) {
    if (item.kind === 'ref') names.push(...[...item.targets].map(byId));
    else if (item.kind === 'pattern' && !item.glob.includes('*')) {
      names.push(byArn(item.glob));
      const parts = arnParts(item.glob);
      if (parts) names.push(byPart(parts.service, parts.resource));
    } else return undefined;
  }
  return names;
}

function subjectNames(subject: Subject): string[] {
  return [byId(subject.id), ...subject.arns.map(byArn), ...subject.names.map((n) => byPart(subject.shape.service, `${subject.shape.prefix}${n}`))];
}

function indexSelections(ctx: RuleContext, tf: boolean): SelectionIndex {
  return new SelectionIndex(ctx.ofType(tf ? SELECTION.terraform : SELECTION.cloudformation).map((s) => (tf ? parseTerraform(ctx, s) : parseCloudFormation(ctx, s))));
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

function refTargets(edges: Edge[], prefix: Path): Set<string> {
  return new Set(edges.filter((e) => e.kind !== 'depends-on' && startsWith(e.path, prefix)).map((e) => e.to));
}

const PSEUDO_WILDCARD = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::URLSuffix']);

/** One ARN entry of a CloudFormation selection: a reference, a literal/parameter pattern, or undecidable. */
function cfnItem(ctx: RuleContext, selection: Resource, path: Path, edges: Edge[]): Item {
  const lookup = ctx.get(selection, path);
  const targets = refTargets(edges, lookup.path);
  if (targets.size) return { kind: 'ref', targets };
  const r = lookup.resolved;
  if (r.kind === 'known' && typeof r.value === 'string') return { kind: 'pattern', glob: r.value };
  const sub = lookup.node && subPattern(ctx, lookup.node);
  if (sub) return sub;
  const values = possible(r);
  if (!values.unknown && values.values.length && values.values.every((v) => typeof v === 'string')) {
    // Fn::If between ARNs: covered only if every branch covers, so keep the narrowest reading (unknown unless all agree).
    return values.values.length === 1 ? { kind: 'pattern', glob: values.values[0] as string } : { kind: 'unknown', reason: 'the ARN depends on a condition' };
  }
  return { kind: 'unknown', reason: values.unknown ?? 'an ARN entry has no single value' };
}

/** `!Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*`: Region, account and partition match anything. */
function subPattern(ctx: RuleContext, node: ValueNode): Item | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1 || node.entries[0].key !== 'Fn::Sub') return undefined;
  const arg = node.entries[0].value;
  const template = arg.kind === 'scalar' ? arg.value : arg.kind === 'seq' && arg.items[0]?.kind === 'scalar' ? arg.items[0].value : undefined;
  const variables = arg.kind === 'seq' && arg.items[1]?.kind === 'map' ? arg.items[1] : undefined;
  if (typeof template !== 'string') return undefined;
  let failure: string | undefined;
  const glob = template.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
    if (PSEUDO_WILDCARD.has(name)) return '*';
    const local = variables?.entries.find((e) => e.key === name)?.value;
    const r = ctx.resolve(local ?? { kind: 'map', entries: [{ key: 'Ref', keySpan: node.span, value: { kind: 'scalar', value: name, span: node.span } }], span: node.span });
    if (r.kind === 'known' && typeof r.value === 'string') return r.value;
    failure ??= r.kind === 'unknown' ? r.reason : `\${${name}} has no single value`;
    return '';
  });
  return failure ? { kind: 'unknown', reason: failure } : { kind: 'pattern', glob };
}

function cfnList(ctx: RuleContext, selection: Resource, path: Path, edges: Edge[]): Item[] {
  const lookup = ctx.get(selection, path);
  if (!lookup.present) return [];
  if (lookup.node?.kind === 'seq') return lookup.node.items.map((_, i) => cfnItem(ctx, selection, [...path, i], edges));
  const targets = refTargets(edges, lookup.path);
  if (targets.size) return [{ kind: 'ref', targets }];
  const values = possible(lookup.resolved);
  if (values.unknown) return [{ kind: 'unknown', reason: values.unknown }];
  if (values.values.length !== 1 || !Array.isArray(values.values[0])) return [{ kind: 'unknown', reason: 'the ARN list depends on a condition' }];
  return (values.values[0] as JsonValue[]).map((v) => (typeof v === 'string' ? { kind: 'pattern', glob: v } : { kind: 'unknown', reason: 'an ARN entry is not a string' }));
}

const CONDITION_OPS: Record<string, TagOp> = { StringEquals: 'equals', StringLike: 'like', StringNotEquals: 'notEquals', StringNotLike: 'notLike' };
const TF_CONDITION_OPS: Record<string, TagOp> = { string_equals: 'equals', string_like: 'like', string_not_equals: 'notEquals', string_not_like: 'notLike' };

function tagTest(op: TagOp, key: Resolvedish, value: Resolvedish, conditionKey: boolean): TagTest {
  if (key.kind !== 'known' || typeof key.value !== 'string') return { op: 'unknown', reason: key.kind === 'unknown' ? key.reason : 'a tag condition key has no single value' };
  if (value.kind !== 'known' || text(value.value) === undefined) return { op: 'unknown', reason: value.kind === 'unknown' ? value.reason : 'a tag condition value has no single value' };
  // Conditions name the tag as aws:ResourceTag/<key>; ListOfTags and selection_tag name it directly.
  const k = conditionKey ? key.value.replace(/^aws:ResourceTag\//i, '') : key.value;
  return { op, key: k, value: text(value.value)! };
}
type Resolvedish = ReturnType<RuleContext['resolve']>;

function parseCloudFormation(ctx: RuleContext, s: Resource): Selection {
  const edges = ctx.edgesFrom(s.id);
  const base = 'BackupSelection';
  const anyTags: TagTest[] = [];
  const listOfTags = ctx.get(s, [base, 'ListOfTags']);
  if (listOfTags.present) {
    if (listOfTags.node?.kind !== 'seq') anyTags.push({ op: 'unknown', reason: listOfTags.resolved.kind === 'unknown' ? listOfTags.resolved.reason : 'ListOfTags is computed' });
    else
      for (let i = 0; i < listOfTags.node.items.length; i++) {
        const type = ctx.get(s, [base, 'ListOfTags', i, 'ConditionType']).resolved;
        const known = type.kind === 'known' && String(type.value).toUpperCase() === 'STRINGEQUALS';
        anyTags.push(known ? tagTest('equals', ctx.get(s, [base, 'ListOfTags', i, 'ConditionKey']).resolved, ctx.get(s, [base, 'ListOfTags', i, 'ConditionValue']).resolved, false) : { op: 'unknown', reason: 'a ListOfTags ConditionType is not STRINGEQUALS' });
      }
  }
  const allTags: TagTest[] = [];
  const conditions = ctx.get(s, [base, 'Conditions']);
  if (conditions.present) {
    if (conditions.node?.kind !== 'map') allTags.push({ op: 'unknown', reason: conditions.resolved.kind === 'unknown' ? conditions.resolved.reason : 'Conditions is computed' });
    else
      for (const entry of conditions.node.entries) {
        const op = CONDITION_OPS[entry.key];
        const list = ctx.get(s, [base, 'Conditions', entry.key]);
        if (!op || list.node?.kind !== 'seq') {
          allTags.push({ op: 'unknown', reason: `condition ${entry.key} cannot be read` });
          continue;
        }
        for (let i = 0; i < list.node.items.length; i++) {
          allTags.push(tagTest(op, ctx.get(s, [base, 'Conditions', entry.key, i, 'ConditionKey']).resolved, ctx.get(s, [base, 'Conditions', entry.key, i, 'ConditionValue']).resolved, true));
        }
      }
  }
  return { id: s.id, resource: s, resources: cfnList(ctx, s, [base, 'Resources'], edges), notResources: cfnList(ctx, s, [base, 'NotResources'], edges), anyTags, allTags };
}

function tfList(ctx: RuleContext, s: Resource, attribute: string, edges: Edge[]): Item[] {
  const lookup = ctx.get(s, attribute);
  const targets = refTargets(edges, [...s.propertiesPath, attribute]);
  const items: Item[] = targets.size ? [{ kind: 'ref', targets }] : [];
  if (lookup.resolved.kind === 'unknown') return targets.size ? items : [{ kind: 'unknown', reason: lookup.resolved.reason }];
  const count = lookup.node?.kind === 'seq' ? lookup.node.items.length : 0;
  for (let i = 0; i < count; i++) {
    const r = ctx.get(s, [attribute, i]).resolved;
    if (r.kind === 'known' && typeof r.value === 'string') items.push({ kind: 'pattern', glob: r.value });
    // An element known only after apply is the ARN of a referenced resource; the reference edges name it.
    else if (!targets.size) items.push({ kind: 'unknown', reason: r.kind === 'unknown' ? r.reason : `${s.id}.${attribute}[${i}] has no single value` });
  }
  return items;
}

function parseTerraform(ctx: RuleContext, s: Resource): Selection {
  const edges = ctx.edgesFrom(s.id);
  const anyTags: TagTest[] = [];
  const tagCount = (p: Path) => {
    const l = ctx.get(s, p);
    return l.node?.kind === 'seq' ? l.node.items.length : 0;
  };
  for (let i = 0; i < tagCount(['selection_tag']); i++) {
    const type = ctx.get(s, ['selection_tag', i, 'type']).resolved;
    const known = type.kind === 'known' && String(type.value).toUpperCase() === 'STRINGEQUALS';
    anyTags.push(known ? tagTest('equals', ctx.get(s, ['selection_tag', i, 'key']).resolved, ctx.get(s, ['selection_tag', i, 'value']).resolved, false) : { op: 'unknown', reason: 'a selection_tag type is not STRINGEQUALS' });
  }
  const allTags: TagTest[] = [];
  for (let c = 0; c < tagCount(['condition']); c++) {
    for (const [attribute, op] of Object.entries(TF_CONDITION_OPS)) {
      for (let i = 0; i < tagCount(['condition', c, attribute]); i++) {
        allTags.push(tagTest(op, ctx.get(s, ['condition', c, attribute, i, 'key']).resolved, ctx.get(s, ['condition', c, attribute, i, 'value']).resolved, true));
      }
    }
  }
  return { id: s.id, resource: s, resources: tfList(ctx, s, 'resources', edges), notResources: tfList(ctx, s, 'not_resources', edges), anyTags, allTags };
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** Globs compiled once: every store is matched against the same few selection patterns. */
const compiledGlobs = new Map<string, RegExp>();

function globMatches(glob: string, value: string, caseInsensitive = false): boolean {
  const flags = caseInsensitive ? 'is' : 's';
  let re = compiledGlobs.get(flags + glob);
  if (!re) {
    re = new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, flags);
    if (compiledGlobs.size < 5_000) compiledGlobs.set(flags + glob, re);
  }
  return re.test(value);
}

/** Splits an ARN into service and resource part (the resource part may contain colons). */
function arnParts(arn: string): { service: string; resource: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { service: parts[2], resource: parts.slice(5).join(':') };
}

const GENERATED = '\u0001generated';

function itemMatches(item: Item, subject: Subject): Verdict {
  if (item.kind === 'unknown') return { result: 'unknown', reason: item.reason };
  if (item.kind === 'ref') return item.targets.has(subject.id) ? YES : NO;
  const glob = item.glob;
  if (glob === '*') return YES;
  if (subject.arns.some((arn) => globMatches(glob, arn, subject.shape.caseInsensitive))) return YES;
  const parts = arnParts(glob);
  if (!parts || !globMatches(parts.service, subject.shape.service)) return NO;
  const names = subject.names.length ? subject.names : [GENERATED];
  return names.some((n) => globMatches(parts.resource, `${subject.shape.prefix}${n}`, subject.shape.caseInsensitive)) ? YES : NO;
}

function tagMatches(test: TagTest, subject: Subject): Verdict {
  if (test.op === 'unknown') return { result: 'unknown', reason: test.reason };
  if ('unknown' in subject.tags) return { result: 'unknown', reason: subject.tags.unknown };
  const negative = test.op === 'notEquals' || test.op === 'notLike';
  if (!subject.tags.has(test.key)) return negative ? YES : NO;
  const value = subject.tags.get(test.key);
  if (value === undefined) return { result: 'unknown', reason: `the value of tag ${test.key} is not known statically` };
  const hit = test.op === 'equals' || test.op === 'notEquals' ? value === test.value : globMatches(test.value, value);
  return hit !== negative ? YES : NO;
}

function covers(s: Selection, subject: Subject): Verdict & { included?: boolean } {
  const included = any([...s.resources.map((i) => itemMatches(i, subject)), ...s.anyTags.map((t) => tagMatches(t, subject))]);
  if (included.result === 'no') return included;
  const kept = all([all(s.allTags.map((t) => tagMatches(t, subject))), not(any(s.notResources.map((i) => itemMatches(i, subject))))]);
  const result = all([included, kept]);
  return { ...result, included: included.result === 'yes' };
}

// ---------------------------------------------------------------------------------------------------------
// Fix: carry the tag an existing tag-based selection looks for.

function tagFix(ctx: RuleContext, resource: Resource, subject: Subject, selections: Selection[]): FixIntent[] {
  const shape = subject.shape;
  if (isTerraform(resource) || !shape.tagList || 'unknown' in subject.tags) return [];
  const wanted = selections.flatMap((s) => s.anyTags.filter((t): t is KnownTagTest => t.op === 'equals').map((t) => ({ s, t })))[0];
  // A tag the resource already carries with another value is a deliberate choice (phi=false, say): not overwritten.
  if (!wanted || subject.tags.has(wanted.t.key)) return [];
  const tags = ctx.get(resource, shape.tags);
  // Only a plain list in the text can take one more item.
  if (tags.present && tags.node?.kind !== 'seq') return [];
  return [
    {
      title: `Tag ${resource.id} ${wanted.t.key}=${wanted.t.value} so backup selection ${wanted.s.id} includes it`,
      safe: true,
      edits: [{ op: 'append', path: tags.present ? tags.path : [...resource.propertiesPath, shape.tags], value: { Key: wanted.t.key, Value: wanted.t.value } }],
    },
  ];
}
