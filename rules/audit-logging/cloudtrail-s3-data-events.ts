import { defineRule, isFalse, isTerraform, namesOf, possible, text, type FixIntent, type JsonValue, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { listItems, unknownResult } from './logging-support';

const CFN = { bucket: 'AWS::S3::Bucket', trail: 'AWS::CloudTrail::Trail' };
const TF = { bucket: 'aws_s3_bucket', trail: 'aws_cloudtrail' };

type Mode = 'read' | 'write';
interface Coverage {
  modes: Set<Mode>;
  unknown?: { path: Path; reason: string; trail: string };
}

export default defineRule({
  id: 'cloudtrail-s3-data-events',
  title: 'No trail in the template records object-level reads and writes of a bucket that may hold PHI',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['cloudtrail-s3-data-events'],
  appliesTo: { cloudformation: [CFN.bucket], terraform: [TF.bucket] },
  responsibility: {
    aws: 'CloudTrail records S3 GetObject, PutObject and DeleteObject calls as data events, with the caller identity, only for the buckets a trail selects; they are billed per event.',
    customer: 'Select data events for every PHI bucket (both reads and writes) on a trail, and keep and review the result.',
  },
  messages: {
    notCovered: 'No trail in this template selects S3 data events for bucket {resource}: who read or changed which PHI object is not recorded.',
    partlyCovered: 'The trails of this template record only the {mode} of objects in bucket {resource}; select ReadWriteType All (or both read and write events).',
    unknown: 'Whether a trail records the S3 data events of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notCovered: 'No trail in this plan selects S3 data events for bucket {resource}: who read or changed which PHI object is not recorded.',
    partlyCovered: 'The trails of this plan record only the {mode} of objects in bucket {resource}; set read_write_type All in the event_selector (or select both read and write events).',
  },
  limits: 'Trails outside the template (an organization trail, another stack) are not visible; when the template declares no trail, nothing is reported.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(bucket);
    const trails = ctx.ofType(tf ? TF.trail : CFN.trail);
    if (trails.length === 0) return [];
    const modes = new Set<Mode>();
    let undecided: Coverage['unknown'];
    for (const trail of trails) {
      const logging = possible(ctx.get(trail, tf ? 'enable_logging' : 'IsLogging').resolved);
      if (logging.values.length && logging.values.every((v) => isFalse(v))) continue;
      const c = tf ? terraformCoverage(ctx, trail, bucket) : cfnCoverage(ctx, trail, bucket);
      c.modes.forEach((m) => modes.add(m));
      undecided ??= c.unknown;
    }
    if (modes.size === 2) return [];
    if (undecided) return [{ ...unknownResult(undecided.path, undecided.reason), resourceId: undecided.trail }];
    if (modes.size === 1) return [{ status: 'fail', path: bucket.path, messageId: 'partlyCovered', data: { mode: modes.has('read') ? 'reads' : 'writes' } }];
    return [{ status: 'fail', path: bucket.path, messageId: 'notCovered', fixes: fix(ctx, trails[0], bucket) }];
  },
});

function modesOf(value: JsonValue | undefined): Mode[] {
  const s = text(value)?.toLowerCase();
  if (s === 'readonly') return ['read'];
  if (s === 'writeonly') return ['write'];
  return ['read', 'write'];
}

/** A `DataResources` value covers the bucket: all buckets, the bucket's ARN (or a prefix inside it), or a reference to it. */
function valueCovers(ctx: RuleContext, trail: Resource, bucket: Resource, path: Path): 'yes' | 'no' | { unknown: string } {
  const lookup = ctx.get(trail, path);
  if (!isTerraform(trail) && lookup.node && ctx.refersTo(lookup.node, bucket.id)) return 'yes';
  const p = possible(lookup.resolved);
  const names = namesOf(ctx, bucket, isTerraform(trail) ? ['bucket', 'id'] : ['BucketName']);
  for (const v of p.values) {
    const s = text(v);
    if (s === undefined) continue;
    if (/^arn:aws[a-z-]*:s3(:::)?$/.test(s)) return 'yes';
    const m = /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(s);
    if (m && names.includes(m[1])) return 'yes';
  }
  if (p.unknown !== undefined) return { unknown: p.unknown };
  return 'no';
}

function cfnCoverage(ctx: RuleContext, trail: Resource, bucket: Resource): Coverage {
  const out: Coverage = { modes: new Set() };
  const selectors = ctx.get(trail, 'EventSelectors');
  const sel = possible(selectors.resolved);
  if (sel.unknown !== undefined && !selectors.node) out.unknown = { path: selectors.path, reason: sel.unknown, trail: trail.id };
  for (const i of listItems(ctx, trail, ['EventSelectors'])) {
    const rw = modesOf(possible(ctx.get(trail, ['EventSelectors', i, 'ReadWriteType']).resolved).values[0]);
    for (const j of listItems(ctx, trail, ['EventSelectors', i, 'DataResources'])) {
      const type = text(possible(ctx.get(trail, ['EventSelectors', i, 'DataResources', j, 'Type']).resolved).values[0]);
      if (type !== 'AWS::S3::Object') continue;
      for (const k of listItems(ctx, trail, ['EventSelectors', i, 'DataResources', j, 'Values'])) {
        const path: Path = ['EventSelectors', i, 'DataResources', j, 'Values', k];
        const c = valueCovers(ctx, trail, bucket, path);
        if (c === 'yes') rw.forEach((m) => out.modes.add(m));
        else if (c !== 'no') out.unknown ??= { path: ctx.get(trail, path).path, reason: c.unknown, trail: trail.id };
      }
    }
  }
  advanced(ctx, trail, bucket, out, { list: 'AdvancedEventSelectors', fields: 'FieldSelectors', field: 'Field', equals: 'Equals', startsWith: 'StartsWith' });
  return out;
}

function terraformCoverage(ctx: RuleContext, trail: Resource, bucket: Resource): Coverage {
  const out: Coverage = { modes: new Set() };
  const referencesBucket = (attr: string) => ctx.edgesFrom(trail.id).some((e) => e.to === bucket.id && e.path[trail.propertiesPath.length] === attr);
  for (const i of listItems(ctx, trail, ['event_selector'])) {
    const rw = modesOf(possible(ctx.get(trail, ['event_selector', i, 'read_write_type']).resolved).values[0]);
    for (const j of listItems(ctx, trail, ['event_selector', i, 'data_resource'])) {
      const type = text(possible(ctx.get(trail, ['event_selector', i, 'data_resource', j, 'type']).resolved).values[0]);
      if (type !== 'AWS::S3::Object') continue;
      const path: Path = ['event_selector', i, 'data_resource', j, 'values'];
      const values = ctx.get(trail, path);
      const p = possible(values.resolved);
      if (p.unknown !== undefined && referencesBucket('event_selector')) {
        rw.forEach((m) => out.modes.add(m));
        continue;
      }
      let covered = false;
      for (const k of listItems(ctx, trail, path)) if (valueCovers(ctx, trail, bucket, [...path, k]) === 'yes') covered = true;
      if (covered) rw.forEach((m) => out.modes.add(m));
      else if (p.unknown !== undefined || listItems(ctx, trail, path).some((k) => valueCovers(ctx, trail, bucket, [...path, k]) !== 'no')) {
        // Known after apply and the configuration names nothing (or no configuration at all).
        if (!(trail.terraform?.references['event_selector'] ?? []).length) out.unknown ??= { path: values.path, reason: p.unknown ?? 'the selected ARNs are known only after apply', trail: trail.id };
      }
    }
  }
  advanced(ctx, trail, bucket, out, { list: 'advanced_event_selector', fields: 'field_selector', field: 'field', equals: 'equals', startsWith: 'starts_with' }, referencesBucket('advanced_event_selector'));
  return out;
}

/** Advanced selectors: eventCategory Data and resources.type AWS::S3::Object, with no ARN filter or one that names the bucket. */
function advanced(ctx: RuleContext, trail: Resource, bucket: Resource, out: Coverage, k: { list: string; fields: string; field: string; equals: string; startsWith: string }, tfReferenced = false): void {
  for (const i of listItems(ctx, trail, [k.list])) {
    let category = false;
    let s3 = false;
    let arnFilter: 'none' | 'yes' | 'no' = 'none';
    let modes: Mode[] = ['read', 'write'];
    for (const j of listItems(ctx, trail, [k.list, i, k.fields])) {
      const base: Path = [k.list, i, k.fields, j];
      const field = text(possible(ctx.get(trail, [...base, k.field]).resolved).values[0]);
      const equals = possible(ctx.get(trail, [...base, k.equals]).resolved).values.flat().map((v) => text(v as JsonValue));
      if (field === 'eventCategory') category = equals.includes('Data');
      else if (field === 'resources.type') s3 = equals.includes('AWS::S3::Object');
      else if (field === 'readOnly') modes = equals.length === 1 ? (equals[0] === 'true' ? ['read'] : ['write']) : modes;
      else if (field === 'resources.ARN') {
        const covers = [k.equals, k.startsWith].some((op) => listItems(ctx, trail, [...base, op]).some((n) => valueCovers(ctx, trail, bucket, [...base, op, n]) === 'yes'));
        arnFilter = covers || tfReferenced ? 'yes' : 'no';
      }
    }
    if (category && s3 && arnFilter !== 'no') modes.forEach((m) => out.modes.add(m));
  }
}

function fix(ctx: RuleContext, trail: Resource, bucket: Resource): FixIntent[] {
  if (isTerraform(trail)) return [];
  const selector = { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Sub': `\${${bucket.id}.Arn}/` }] }] };
  return [{ title: `Record S3 data events of ${bucket.id} on trail ${trail.id} (data events are billed per event)`, safe: false, consequence: 'data events are billed per event', edits: [{ op: 'append', path: [...trail.propertiesPath, 'EventSelectors'], value: selector }] }];
}
