import { defineRule, type FixEdit, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, expect, isTerraform, oneOfValues } from '../kit';

export default defineRule({
  id: 'sagemaker-notebook-no-direct-internet',
  title: 'SageMaker notebook or domain that may handle PHI has direct internet access',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['sagemaker-notebook-no-direct-internet'],
  appliesTo: {
    cloudformation: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::Domain'],
    terraform: ['aws_sagemaker_notebook_instance', 'aws_sagemaker_domain'],
  },
  responsibility: {
    aws: 'SageMaker gives notebooks and Studio apps a path to the internet through its own network unless told to use only the customer\'s VPC.',
    customer: 'Disable direct internet access (notebooks) or choose VpcOnly (Studio domains), attach private subnets and security groups, and provide VPC endpoints or a NAT gateway for what the notebooks need.',
  },
  messages: {
    notebookInternet: 'Notebook instance {resource} has direct internet access (DirectInternetAccess is not Disabled): data it reads can be sent anywhere without passing your VPC controls.',
    domainInternet: 'SageMaker domain {resource} sends app traffic over the public internet (AppNetworkAccessType is not VpcOnly).',
    unknown: 'Whether {resource} has direct internet access cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notebookInternet: 'Notebook instance {resource} has direct internet access (direct_internet_access is not Disabled): data it reads can be sent anywhere without passing your VPC controls.',
    domainInternet: 'SageMaker domain {resource} sends app traffic over the public internet (app_network_access_type is not VpcOnly).',
  },
  limits: 'The routes and egress rules of the VPC the notebook is attached to are not judged here.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    if (resource.type === 'AWS::SageMaker::Domain' || resource.type === 'aws_sagemaker_domain') {
      const path = tf ? 'app_network_access_type' : 'AppNetworkAccessType';
      return expect(ctx, resource, path, oneOfValues('VpcOnly'), { messageId: 'domainInternet', fixes: domainFix(resource) }).map(asUnknown);
    }
    const path = tf ? 'direct_internet_access' : 'DirectInternetAccess';
    return expect(ctx, resource, path, oneOfValues('Disabled'), { messageId: 'notebookInternet', fixes: notebookFix(ctx, resource) }).map(asUnknown);
  },
});

function notebookFix(ctx: RuleContext, nb: Resource): FixIntent[] {
  if (isTerraform(nb)) return [];
  const edits: FixEdit[] = [{ op: 'set', path: [...nb.propertiesPath, 'DirectInternetAccess'], value: 'Disabled' }];
  // Disabling direct access needs the notebook to be attached to a VPC.
  if (!ctx.get(nb, 'SubnetId').present) edits.push({ op: 'set', path: [...nb.propertiesPath, 'SubnetId'], value: { newParameter: { name: 'NotebookSubnetId', type: 'AWS::EC2::Subnet::Id', description: 'Private subnet for the notebook instance' } } });
  if (!ctx.get(nb, 'SecurityGroupIds').present) edits.push({ op: 'set', path: [...nb.propertiesPath, 'SecurityGroupIds'], value: { newParameter: { name: 'NotebookSecurityGroupIds', type: 'List<AWS::EC2::SecurityGroup::Id>', description: 'Security groups for the notebook instance' } } });
  return [{ title: 'Disable direct internet access (replaces the notebook instance)', safe: false, consequence: 'replaces the notebook instance', edits }];
}

function domainFix(domain: Resource): FixIntent[] {
  if (isTerraform(domain)) return [];
  return [{ title: 'Keep Studio traffic inside the VPC (replaces the domain)', safe: false, consequence: 'replaces the domain', edits: [{ op: 'set', path: [...domain.propertiesPath, 'AppNetworkAccessType'], value: 'VpcOnly' }] }];
}
