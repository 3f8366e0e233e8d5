import { defineRule, evaluate, isTerraform, oneOfValues, possible, setFix, targetsOf, targetPath, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const REQUIRED = oneOfValues('required');
const V2 = oneOfValues('2');
const CONSEQUENCE = 'software that still uses IMDSv1 stops getting credentials and metadata';

export default defineRule({
  id: 'ec2-imdsv2-and-profile',
  title: 'EC2 instance that may handle PHI allows IMDSv1 or runs without an instance profile',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['ec2-imdsv2-and-profile'],
  appliesTo: {
    cloudformation: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_instance', 'aws_launch_template'],
  },
  responsibility: {
    aws: 'EC2 serves role credentials through the instance metadata service and, when told to, accepts only session-token (IMDSv2) requests.',
    customer: 'Require IMDSv2 so a server-side request forgery cannot read the role credentials, and give each instance a role through an instance profile instead of keys stored on disk.',
  },
  messages: {
    imdsv1: '{resource} accepts IMDSv1 requests ({property} is not "required"): a request-forgery bug can read the instance role credentials.',
    notebookImdsv1: 'Notebook instance {resource} allows IMDSv1: set InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion to "2".',
    noProfile: 'Instance {resource} has no instance profile: software on it needs stored access keys to reach AWS. Attach a role with IamInstanceProfile.',
    unknown: 'The metadata or instance profile settings of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noProfile: 'Instance {resource} has no instance profile: software on it needs stored access keys to reach AWS. Attach a role with iam_instance_profile.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(resource) ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

/** One-result judgement of the HttpTokens value at `rel`. */
function tokens(ctx: RuleContext, resource: Resource, rel: Path, property: string, fix: RuleResult['fixes']): RuleResult[] {
  const l = ctx.get(resource, rel);
  const e = evaluate(l.resolved, REQUIRED);
  const path = targetPath(resource, l, rel);
  if (e.outcome === 'pass') return [];
  if (e.outcome === 'unknown') return [unknownAt(path, e.reason ?? 'the value is decided at deploy time')];
  return [{ status: 'fail', path, messageId: 'imdsv1', data: { property }, fixes: fix }];
}

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  switch (resource.type) {
    case 'AWS::EC2::LaunchTemplate': {
      const rel = ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'];
      return tokens(ctx, resource, rel, 'LaunchTemplateData.MetadataOptions.HttpTokens', setFix(resource, rel, 'required', 'Require IMDSv2', { safe: false, consequence: CONSEQUENCE }));
    }
    case 'AWS::AutoScaling::LaunchConfiguration': {
      const rel = ['MetadataOptions', 'HttpTokens'];
      return tokens(ctx, resource, rel, 'MetadataOptions.HttpTokens', setFix(resource, rel, 'required', 'Require IMDSv2', { safe: false, consequence: 'replaces the launch configuration' }));
    }
    case 'AWS::SageMaker::NotebookInstance': {
      const rel = ['InstanceMetadataServiceConfiguration', 'MinimumInstanceMetadataServiceVersion'];
      const l = ctx.get(resource, rel);
      const e = evaluate(l.resolved, V2);
      const path = targetPath(resource, l, rel);
      if (e.outcome === 'pass') return [];
      if (e.outcome === 'unknown') return [unknownAt(path, e.reason ?? 'the value is decided at deploy time')];
      return [{ status: 'fail', path, messageId: 'notebookImdsv1', fixes: setFix(resource, rel, '2', 'Require IMDSv2 on the notebook instance', { safe: false, consequence: CONSEQUENCE }) }];
    }
  }
  // AWS::EC2::Instance: its own settings, else those of its launch template.
  const templates = targetsOf(ctx, resource, 'LaunchTemplate', ['AWS::EC2::LaunchTemplate'], ['LaunchTemplateName']);
  const out: RuleResult[] = [];
  const own = ctx.get(resource, 'MetadataOptions.HttpTokens');
  if (own.present || templates.length === 0) {
    if (ctx.get(resource, 'LaunchTemplate').present && templates.length === 0 && !own.present) out.push(unknownAt(ctx.get(resource, 'LaunchTemplate').path, 'the launch template is not defined in this template'));
    else out.push(...tokens(ctx, resource, ['MetadataOptions', 'HttpTokens'], 'MetadataOptions.HttpTokens', setFix(resource, 'MetadataOptions.HttpTokens', 'required', 'Require IMDSv2', { safe: false, consequence: CONSEQUENCE })));
  } else {
    for (const t of templates) out.push(...tokens(ctx, t, ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'], 'LaunchTemplateData.MetadataOptions.HttpTokens', []).map((r) => ({ ...r, resourceId: t.id, data: { ...r.data, property: `HttpTokens of launch template ${t.id}` } })));
  }
  const profile = ctx.get(resource, 'IamInstanceProfile');
  const fromTemplate = templates.some((t) => ctx.get(t, 'LaunchTemplateData.IamInstanceProfile').present);
  if (!fromTemplate && !(ctx.get(resource, 'LaunchTemplate').present && templates.length === 0)) {
    const p = possible(profile.resolved);
    if (!profile.present || (p.values.length > 0 && p.values.every((v) => v === '' || v === null))) {
      const profiles = ctx.memo('ec2-imdsv2-and-profile:profiles', () => ctx.ofType('AWS::IAM::InstanceProfile'));
      const fixes = profiles.length === 1 ? setFix(resource, 'IamInstanceProfile', { Ref: profiles[0].id }, `Attach instance profile ${profiles[0].id}`) : [];
      out.push({ status: 'fail', path: targetPath(resource, profile, ['IamInstanceProfile']), messageId: 'noProfile', fixes });
    }
  }
  return out;
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  if (resource.type === 'aws_launch_template') return tokens(ctx, resource, ['metadata_options', 0, 'http_tokens'], 'metadata_options.http_tokens', []);
  const out: RuleResult[] = [];
  const templates = ctx.get(resource, 'launch_template').present ? targetsOf(ctx, resource, 'launch_template', ['aws_launch_template']) : [];
  const own = ctx.get(resource, ['metadata_options', 0, 'http_tokens']);
  const templateSetsTokens = templates.some((t) => evaluate(ctx.get(t, ['metadata_options', 0, 'http_tokens']).resolved, REQUIRED).outcome === 'pass');
  if (!templateSetsTokens) out.push(...tokens(ctx, resource, ['metadata_options', 0, 'http_tokens'], 'metadata_options.http_tokens', []));
  else if (own.present && evaluate(own.resolved, REQUIRED).outcome === 'fail') out.push(...tokens(ctx, resource, ['metadata_options', 0, 'http_tokens'], 'metadata_options.http_tokens', []));
  const profile = ctx.get(resource, 'iam_instance_profile');
  const templateProfile = templates.some((t) => ctx.get(t, 'iam_instance_profile').present);
  const p = possible(profile.resolved);
  if (!templateProfile && !p.unknown && (p.absent || p.values.every((v) => v === '' || v === null))) out.push({ status: 'fail', path: targetPath(resource, profile, ['iam_instance_profile']), messageId: 'noProfile' });
  return out;
}
