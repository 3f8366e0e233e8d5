// Findings in Terraform plans must speak Terraform: a message that names a CloudFormation property
// (`StorageEncrypted`) sends a Terraform user looking for something their .tf files do not have.
import type { Finding } from '../../server/src/engine/types';

/** AWS product names that are also CloudFormation property names; they are fine in any message. */
const PRODUCT_NAMES = new Set(['CloudWatch', 'CloudFormation', 'CloudTrail', 'CloudFront', 'DynamoDB', 'EventBridge', 'OpenSearch', 'ElastiCache', 'SageMaker', 'GraphQL', 'WebSocket', 'PostgreSQL', 'MySQL', 'MariaDB', 'AppSync', 'GuardDuty', 'SecurityHub', 'HealthLake', 'QuickSight', 'WorkSpaces']);

let propertyNames: Set<string> | undefined;

/** Every multi-word property name of the CloudFormation spec (resource and property types). */
function cloudFormationPropertyNames(): Set<string> {
  if (propertyNames) return propertyNames;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const spec = require('@aws-cdk/cfnspec').specification() as Record<'ResourceTypes' | 'PropertyTypes', Record<string, { Properties?: Record<string, unknown> }>>;
  propertyNames = new Set();
  for (const section of [spec.ResourceTypes, spec.PropertyTypes]) {
    for (const type of Object.values(section)) for (const name of Object.keys(type.Properties ?? {})) if (/^[A-Z][a-z0-9]+[A-Z]/.test(name) && !PRODUCT_NAMES.has(name)) propertyNames.add(name);
  }
  return propertyNames;
}

/** `rule/messageId: Name` for each CloudFormation property named by a finding's own text (the Terraform hint and severity note are ours). */
export function cloudFormationNamesIn(findings: Finding[]): string[] {
  const names = cloudFormationPropertyNames();
  const out: string[] = [];
  for (const f of findings) {
    const own = f.message.replace(/ Change .*? in the Terraform source\..*$/s, '');
    for (const word of own.match(/\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b/g) ?? []) if (names.has(word)) out.push(`${f.ruleId}/${f.messageId}: ${word}`);
  }
  return [...new Set(out)];
}
