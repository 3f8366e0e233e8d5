import { defineRule, type Path, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';

/** Properties whose value is metadata: names, descriptions, labels (matched on the last word of the key). */
const METADATA_KEY = /(^|[a-z_])(name|description|comment|alias|title|label|displayname|identifier)$|^bucket$/i;
const TAG_KEYS = new Set(['Tags', 'tags']);
/** Terraform's tags_all repeats tags plus provider default tags: scanned through `tags` only. */
const SKIPPED_KEYS = new Set(['tags_all']);
const MAX_LENGTH = 2000;

/** Words that, next to a personal name, describe a person's health. */
const CLINICAL = /\b(diagnos(?:is|ed)|dx|hiv|aids|cancer|tumou?r|diabetes|diabetic|pregnan(?:t|cy)|depression|bipolar|schizophreni[ac]|hepatitis|overdose|rehab|chemo(?:therapy)?|dialysis|psychiatric|dementia|alzheimer'?s|opioid|std|sti)\b/i;
/** Capitalised words that are infrastructure or organisation vocabulary, not personal names. */
const NOT_A_NAME = new Set(
  'patient patients record records data bucket table queue topic stream service services api function lambda role policy group cluster database db store storage log logs backup backups archive study trial clinic clinical medical health healthcare care center centre hospital lab labs imaging radiology pharmacy claims claim member members team project app application prod production dev development test staging east west north south the and for of with from to in on at by new old main primary secondary replica reader writer key keys secret secrets stack file files system systems web portal public private internal network vpc subnet gateway load balancer cache index search report reports dashboard pipeline job jobs task tasks worker workers events event alerts alert notifications amazon aws cloud research program registry screening unit ward department dept general memorial regional community university saint st children childrens county city state national institute foundation'.split(' '),
);

interface Pattern {
  kind: string;
  test: (text: string) => boolean;
}

const PATTERNS: Pattern[] = [
  { kind: 'a US Social Security number', test: (t) => /(^|[^\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/.test(t) },
  { kind: 'a medical record number', test: (t) => /\b(?:MRN|medical[\s_-]?record(?:[\s_-]?(?:number|num|no))?)\s*[:#=_-]?\s*[A-Z]{0,3}\d[\w-]{3,}/i.test(t) },
  { kind: 'a date of birth', test: (t) => /\b(?:DOB|date[\s_-]?of[\s_-]?birth|birth[\s_-]?date|born)\s*[:=_-]?\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/i.test(t) },
  { kind: 'a Medicare beneficiary identifier', test: (t) => /\b(?:MBI|medicare(?:[\s_-]?(?:id|number|no))?)\s*[:#=_-]?\s*[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}\b/i.test(t) },
  { kind: 'a patient name', test: (t) => /\b(?:patient|pt|member|subscriber|beneficiary)(?:[\s_-]?name)?\s*[:=]\s*[A-Z][a-z]+[\s,]+[A-Z][a-z]+/i.test(t) && /[:=]\s*[A-Z][a-z]+[\s,]+[A-Z][a-z]+/.test(t) },
  { kind: 'a personal name next to a health condition', test: nameNextToCondition },
];

/** A capitalised first-and-last-name pair within a few words of a health condition. */
function nameNextToCondition(t: string): boolean {
  if (!CLINICAL.test(t)) return false;
  const conditions = [...t.matchAll(new RegExp(CLINICAL.source, 'gi'))].map((m) => m.index ?? 0);
  if (conditions.length === 0) return false;
  for (const m of t.matchAll(/\b([A-Z][a-z]{1,20})\s+(?:[A-Z]\.\s+)?([A-Z][a-z]{1,20})\b/g)) {
    if ([m[1], m[2]].some((w) => NOT_A_NAME.has(w.toLowerCase()) || CLINICAL.test(w))) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (conditions.some((c) => c >= start - 40 && c <= end + 40)) return true;
  }
  return false;
}

export default defineRule({
  id: 'phi-in-metadata',
  title: 'Resource names, tags or descriptions look like they contain PHI',
  category: 'eligibility',
  severity: 'warning',
  phiScope: 'all',
  hipaa: ['164.308(b)(1)', '164.314(a)(1)'],
  controls: ['phi-in-metadata'],
  appliesTo: { cloudformation: ['*'], terraform: ['*'] },
  responsibility: {
    aws: 'AWS treats resource names, tags and descriptions as service metadata: they appear in consoles, billing, logs and support tooling and are not handled as PHI under the BAA.',
    customer: 'Keep identifiers of patients (names, record numbers, dates of birth, Social Security numbers) out of names, tags, descriptions and templates; use opaque identifiers instead.',
  },
  messages: {
    phiInMetadata: 'The {field} of {resource} looks like it contains {kind}; names, tags and descriptions are metadata that AWS does not protect as PHI. Replace it with an opaque identifier (the value is not repeated here).',
  },
  limits: 'A heuristic over resource properties only: stack outputs, parameter names and template comments are not inspected, values known only at deploy time are not inspected, and identifiers without a label (a bare record number) cannot be told from other numbers.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (!resource.properties || resource.implicitFrom) return [];
    const results: RuleResult[] = [];
    walk(ctx, resource, resource.properties, [], false, results, 0);
    return results;
  },
});

/** `path` is a stack shared by the walk; judge() copies it only for a finding. */
function walk(ctx: RuleContext, resource: Resource, node: ValueNode, path: (string | number)[], inTags: boolean, out: RuleResult[], depth: number): void {
  if (depth > 32 || out.length >= 5) return;
  if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      path.push(i);
      walk(ctx, resource, item, path, inTags, out, depth + 1);
      path.pop();
    });
    return;
  }
  if (node.kind === 'map') {
    const sensitive = resource.terraform?.sensitivePaths.size ? resource.terraform.sensitivePaths : undefined;
    for (const e of node.entries) {
      path.push(e.key);
      if (!SKIPPED_KEYS.has(e.key) && !sensitive?.has(terraformKey(path))) visitEntry(ctx, resource, e.key, e.value, path, inTags, out, depth);
      path.pop();
    }
  }
}

function visitEntry(ctx: RuleContext, resource: Resource, key: string, value: ValueNode, path: (string | number)[], inTags: boolean, out: RuleResult[], depth: number): void {
  const tags = inTags || TAG_KEYS.has(key);
  // Map-form tags (SAM, Terraform): the key itself is metadata too.
  if (inTags && !['Key', 'Value', 'key', 'value'].includes(key)) judge(key, resource, path, 'tag key', out);
  if (value.kind === 'map' && value.entries.length === 1 && (value.entries[0].key === 'Ref' || value.entries[0].key.startsWith('Fn::'))) {
    if (tags || METADATA_KEY.test(key)) {
      const r = ctx.resolve(value);
      if (r.kind === 'known' && typeof r.value === 'string') judge(r.value, resource, path, fieldName(key, tags), out);
    }
    return;
  }
  if (value.kind === 'scalar') {
    if ((tags || METADATA_KEY.test(key)) && typeof value.value === 'string') judge(value.value, resource, path, fieldName(key, tags), out);
  } else walk(ctx, resource, value, path, tags, out, depth + 1);
}

/** `a[0].b`, the form of Terraform's sensitive paths. */
function terraformKey(path: Path): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i ? `.${seg}` : seg)).join('');
}

function fieldName(key: string, inTags: boolean): string {
  return inTags ? (key === 'Key' || key === 'key' ? 'tag key' : 'tag') : key;
}

function judge(value: string, resource: Resource, path: Path, field: string, out: RuleResult[]): void {
  if (!value || value.length > MAX_LENGTH) return;
  const hit = PATTERNS.find((p) => p.test(value));
  if (hit) out.push({ status: 'fail', path: [...resource.propertiesPath, ...path], messageId: 'phiInMetadata', data: { field, kind: hit.kind } });
}
