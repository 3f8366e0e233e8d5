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

export function inferredStep(resource: Resource, nameWords: string[], resolver: Resolver): PhiStep | undefined {
  const wanted = new Set(nameWords.map((w) => w.toLowerCase()));
  const idName = resource.terraform ? resource.terraform.name : resource.id;
  const hit = words(idName).find((w) => wanted.has(w));
  if (hit) return { resource: resource.id, path: resource.path, why: `PHI is only inferred: its name "${idName}" contains "${hit}"` };
  for (const prop of NAME_PROPERTIES) {
    const node = mapGet(resource.properties, prop);
    if (!node) continue;
    const r = resolver.resolve(node);
    if (r.kind !== 'known' || typeof r.value !== 'string') continue;
    const word = words(r.value).find((w) => wanted.has(w));
    if (word) return { resource: resource.id, path: [...resource.propertiesPath, prop], why: `PHI is only inferred: its ${prop} "${r.value}" contains "${word}"` };
  }
  return undefined;
}
