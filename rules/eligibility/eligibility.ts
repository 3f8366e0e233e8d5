// HIPAA eligibility of a resource type, from the dated list shipped as data (eligible-services.json).
// Not a rule (no default export): shared by the eligibility rules.
import type { Family, Resource, RuleContext } from '../kit';
import data from './eligible-services.json';

export type EligibilityStatus = 'eligible' | 'not-eligible' | 'ambiguous' | 'no-customer-data' | 'unknown';

export interface Eligibility {
  status: EligibilityStatus;
  /** Service name as the list calls it (or a short description for entries the list does not name). */
  service: string;
  listDate: string;
  listSource: string;
  /** The namespace, type or Terraform prefix that matched. */
  matched?: string;
  note?: string;
}

interface Entry {
  status: string;
  service: string;
  note?: string;
}

const CFN: Record<string, Entry> = data.cfnNamespaces;
const TERRAFORM: (Entry & { prefix: string })[] = [...data.terraformPrefixes].sort((a, b) => b.prefix.length - a.prefix.length);

/** SAM resource types and the CloudFormation namespace of the service they expand to. */
const SAM_SERVICES: Record<string, string> = {
  'AWS::Serverless::Function': 'AWS::Lambda',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda',
  'AWS::Serverless::CapacityProvider': 'AWS::Lambda',
  'AWS::Serverless::Api': 'AWS::ApiGateway',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync',
  'AWS::Serverless::Application': 'AWS::CloudFormation',
  'AWS::Serverless::Connector': 'AWS::IAM',
};

function result(entry: Entry | undefined, matched: string | undefined, fallbackService: string): Eligibility {
  return {
    status: (entry?.status as EligibilityStatus | undefined) ?? 'unknown',
    service: entry?.service ?? fallbackService,
    listDate: data.listDate,
    listSource: data.listSource,
    matched: entry ? matched : undefined,
    note: entry?.note,
  };
}

/**
 * Eligibility of a resource type. CloudFormation: the full type first (type-level exceptions such as Simple AD),
 * SAM types through the service they expand to, then the `AWS::<Service>` namespace. Terraform: the longest
 * matching type prefix.
 */
export function eligibilityOf(type: string, family: Family): Eligibility {
  if (family === 'terraform-plan') {
    const entry = TERRAFORM.find((e) => type.startsWith(e.prefix));
    return result(entry, entry?.prefix, type);
  }
  if (CFN[type]) return result(CFN[type], type, type);
  if (type.startsWith('Custom::')) return result(CFN['Custom::*'], 'Custom::*', type);
  const namespace = SAM_SERVICES[type] ?? type.split('::').slice(0, 2).join('::');
  return result(CFN[namespace], namespace, namespace);
}

/** The list entry for the resource, with the Simple AD exclusion of Terraform directories applied. */
export function effectiveEligibility(resource: Resource, ctx: RuleContext): Eligibility {
  const e = eligibilityOf(resource.type, resource.family);
  if (resource.type === 'aws_directory_service_directory') {
    // `type` defaults to SimpleAD, which the list excludes from Directory Service.
    const type = ctx.get(resource, 'type').resolved;
    if (type.kind === 'absent' || (type.kind === 'known' && (type.value === 'SimpleAD' || type.value === null))) {
      return { ...e, status: 'not-eligible', service: 'AWS Directory Service Simple AD' };
    }
  }
  return e;
}

export function typePath(resource: Resource): readonly (string | number)[] {
  return [...resource.path, resource.family === 'terraform-plan' ? 'type' : 'Type'];
}

export function eligibilityData(e: Eligibility): Record<string, string> {
  return { service: e.service, listDate: e.listDate, listSource: e.listSource };
}
