// Weak evidence: a store or carrier whose logical id or physical name contains a health-data word is
// "possible PHI". Words are matched whole, after splitting camelCase, kebab, snake and dotted names, so
// "lab" matches LabResults and lab-results but not Label or collaborate.
import type { PhiStep, Resource } from '../../../rules/kit/types';
import type { Resolver } from '../model/intrinsics';
import { mapGet } from '../parse/tree';

/** Properties that name the thing (CloudFormation and Terraform). */
const NAME_PROPERTIES = ['BucketName', 'TableName', 'QueueName', 'TopicName', 'FunctionName', 'DBInstanceIdentifier', 'DBClusterIdentifier', 'LogGroupName', 'Name', 'StreamName', 'DeliveryStreamName', 'DomainName', 'ClusterName', 'StateMachineName', 'RepositoryName', 'FileSystemName', 'bucket', 'name', 'identifier', 'cluster_identifier', 'function_name', 'domain_name', 'cluster_id', 'replication_group_id'];

export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

const NAME_RANK = new Map(NAME_PROPERTIES.map((p, i) => [p, i]));
const wantedWords = new WeakMap<string[], Set<string>>();

export function inferredStep(resource: Resource, nameWords: string[], resolver: Resolver): PhiStep | undefined {
  let wanted = wantedWords.get(nameWords);
  if (!wanted) wantedWords.set(nameWords, (wanted = new Set(nameWords.map((w) => w.toLowerCase()))));
  const idName = resource.terraform ? resource.terraform.name : resource.id;
  const hit = words(idName).find((w) => wanted.has(w));
  if (hit) return { resource: resource.id, path: resource.path, why: `PHI is only inferred: its name "${idName}" contains "${hit}"` };
  for (const prop of namePropertiesOf(resource)) {
    const node = mapGet(resource.properties, prop);
    if (!node) continue;
    const r = resolver.resolve(node);
    if (r.kind !== 'known' || typeof r.value !== 'string') continue;
    const word = words(r.value).find((w) => wanted.has(w));
    if (word) return { resource: resource.id, path: [...resource.propertiesPath, prop], why: `PHI is only inferred: its ${prop} "${r.value}" contains "${word}"` };
  }
  return undefined;
}

/** The NAME_PROPERTIES the resource has, in that order (one pass over its properties, not one lookup per name). */
function namePropertiesOf(resource: Resource): string[] {
  const props = resource.properties;
  if (!props || props.kind !== 'map') return [];
  const present: string[] = [];
  for (const e of props.entries) if (NAME_RANK.has(e.key) && !present.includes(e.key)) present.push(e.key);
  return present.length > 1 ? present.sort((a, b) => NAME_RANK.get(a)! - NAME_RANK.get(b)!) : present;
}
