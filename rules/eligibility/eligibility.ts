// HIPAA eligibility of a resource type, from the dated list shipped as data (eligible-services.json, generated
// by build-eligible-services.mjs). Not a rule (no default export): shared by the eligibility rules and the
// language-server hover.
import type { Family, Resource, RuleContext } from '../kit';
import data from './eligible-services.json';

export type EligibilityStatus = 'eligible' | 'not-eligible' | 'ambiguous' | 'no-customer-data' | 'unknown';

export interface Eligibility {
  status: EligibilityStatus;
  /** Service name as the list calls it (or a short label for entries the list does not name). */
  service?: string;
  /** Why the status is what it is, for statuses other than `eligible`. */
  note?: string;
  /** The full type, namespace or Terraform prefix that matched (absent for `unknown`). */
  matched?: string;
  /** @deprecated use `ELIGIBILITY_SOURCE.revision`. */
  listDate: string;
  /** @deprecated use `ELIGIBILITY_SOURCE.url`. */
  listSource: string;
}

/** The list the data reflects: its address and the revision date (YYYY-MM-DD). */
export const ELIGIBILITY_SOURCE: { readonly url: string; readonly revision: string; readonly title: string } = Object.freeze({
  url: data.source.url,
  revision: data.source.revision,
  title: data.source.title,
});

type Entry = [string, string?];
const CFN = data.cloudformation as unknown as Record<string, Entry>;
const TERRAFORM = Object.entries(data.terraform as unknown as Record<string, Entry>).sort(([a], [b]) => b.length - a.length);

/** Terraform providers other than AWS that only generate values locally: no customer data reaches AWS through them. */
const LOCAL_PROVIDERS = /^(random|null|time|tls|local|archive|external|http|cloudinit)_|^terraform_data$/;

const NOTES: Partial<Record<EligibilityStatus, string>> = {
  'not-eligible': `not on the list of ${data.source.revision}: PHI stored, processed or sent here is outside the AWS BAA`,
  ambiguous: 'a feature or sub-service the list does not name on its own: confirm with the current list or AWS before PHI reaches it',
  'no-customer-data': 'configuration or metadata only: eligibility does not apply (keep PHI out of its names and tags)',
  unknown: `not classified by the list of ${data.source.revision} as shipped: confirm its eligibility before PHI reaches it`,
};

function make(status: EligibilityStatus, service: string | undefined, matched: string | undefined, note = NOTES[status]): Eligibility {
  return { status, service, note, matched, listDate: ELIGIBILITY_SOURCE.revision, listSource: ELIGIBILITY_SOURCE.url };
}

function fromEntry(entry: Entry | undefined, matched: string, fallback: string): Eligibility {
  if (!entry) return make('unknown', fallback, undefined);
  return make(entry[0] as EligibilityStatus, entry[1] ?? fallback, matched);
}

/**
 * Eligibility of a resource type. CloudFormation and SAM (`AWS::…`, `Custom::…`): the full type first (SAM
 * types and type-level exceptions such as Simple AD), then the `AWS::<Service>` namespace. Terraform
 * (`aws_…`): the longest matching type prefix. The family is told from the type; `family` only overrides it.
 */
export function eligibilityOf(type: string, family?: Family): Eligibility {
  const terraform = family ? family === 'terraform-plan' : !type.includes('::');
  // A plan repeats a handful of types thousands of times; the Terraform lookup is a prefix scan.
  const key = `${terraform ? 'tf' : 'cfn'}:${type}`;
  let known = cache.get(key);
  if (!known) cache.set(key, (known = Object.freeze(lookUp(type, terraform))));
  return known;
}

const cache = new Map<string, Eligibility>();

function lookUp(type: string, terraform: boolean): Eligibility {
  if (terraform) {
    if (LOCAL_PROVIDERS.test(type)) return make('no-customer-data', 'Terraform local provider', undefined, 'not an AWS resource: generates values locally');
    if (!type.startsWith('aws_')) return make('unknown', undefined, undefined, 'not an AWS provider resource: the AWS list does not apply');
    const hit = TERRAFORM.find(([prefix]) => type.startsWith(prefix));
    return hit ? fromEntry(hit[1], hit[0], type) : make('unknown', undefined, undefined);
  }
  if (CFN[type]) return fromEntry(CFN[type], type, type);
  if (type.startsWith('Custom::')) return fromEntry(CFN['Custom::*'], 'Custom::*', type);
  const namespace = type.split('::').slice(0, 2).join('::');
  return fromEntry(CFN[namespace], namespace, namespace);
}

/** True for types from providers other than AWS (the AWS list does not apply to them). */
export function isForeignType(resource: Resource): boolean {
  return resource.family === 'terraform-plan' && !resource.type.startsWith('aws_');
}

/**
 * The list entry for the resource, with the Simple AD exclusion of Terraform directories applied. `unresolved`
 * says why the exclusion could not be decided (the directory type is known only after apply, say).
 */
export function effectiveEligibility(resource: Resource, ctx: RuleContext): Eligibility & { unresolved?: string } {
  const e = eligibilityOf(resource.type, resource.family);
  if (resource.type === 'aws_directory_service_directory') {
    // `type` defaults to SimpleAD, which the list excludes from Directory Service.
    const type = ctx.get(resource, 'type').resolved;
    if (type.kind === 'absent' || (type.kind === 'known' && (type.value === 'SimpleAD' || type.value === null))) {
      return { ...e, status: 'not-eligible', service: 'AWS Directory Service Simple AD', note: 'Simple AD is excluded from Directory Service on the list' };
    }
    if (type.kind === 'unknown') return { ...e, unresolved: type.reason };
    if (type.kind === 'oneOf' && type.options.some((o) => o.kind !== 'known' || o.value === 'SimpleAD')) return { ...e, unresolved: 'the directory type depends on a condition and may be SimpleAD' };
  }
  return e;
}

export function typePath(resource: Resource): readonly (string | number)[] {
  return [...resource.path, resource.family === 'terraform-plan' ? 'type' : 'Type'];
}

/** Message data: the service and the list's revision and address. */
export function eligibilityData(e: Eligibility): Record<string, string> {
  return { service: e.service ?? 'this service', revision: ELIGIBILITY_SOURCE.revision, source: ELIGIBILITY_SOURCE.url };
}
