import { defineRule, isTerraform, possible, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { pointersTo, unknownResult } from './logging-support';

const CFN_LOGGING = 'AWS::WAFv2::LoggingConfiguration';
const TF_LOGGING = 'aws_wafv2_web_acl_logging_configuration';

export default defineRule({
  id: 'wafv2-logging',
  title: 'WAF web ACL protecting PHI applications keeps no log of inspected requests',
  category: 'audit-logging',
  severity: 'info',
  hipaa: ['164.312(b)'],
  controls: ['wafv2-logging'],
  phiScope: 'phi-path',
  appliesTo: { cloudformation: ['AWS::WAFv2::WebACL'], terraform: ['aws_wafv2_web_acl'] },
  responsibility: {
    aws: 'AWS WAF can deliver a record of every inspected request, with the rule that matched and the action taken, to CloudWatch Logs, S3 or Firehose.',
    customer: 'Attach a logging configuration to each web ACL, redact headers and fields that can carry credentials or PHI, and protect the destination.',
  },
  messages: {
    noLogging: 'Web ACL {resource} has no logging configuration: blocked attacks and allowed requests to the PHI application are not recorded.',
    unknown: 'Logging of web ACL {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Logging configurations created outside the template are not seen; which fields are redacted (RedactedFields) is left to review.',
  check(acl: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(acl);
    const type = tf ? TF_LOGGING : CFN_LOGGING;
    const prop = tf ? 'resource_arn' : 'ResourceArn';
    if (pointersTo(ctx, [type], [prop], acl, tf ? [] : ['Name']).length) return [];
    // The same first undecided configuration for every web ACL.
    const undecided = ctx.memo(`wafv2-logging:undecided:${type}`, () =>
      ctx.ofType(type).find((c) => possible(ctx.get(c, prop).resolved).unknown !== undefined && !ctx.edgesFrom(c.id).some((e) => e.kind !== 'depends-on')),
    );
    if (undecided) return [{ ...unknownResult(ctx.get(undecided, prop).path, `${undecided.id} names its web ACL only at deploy time`), resourceId: undecided.id }];
    return [{ status: 'fail', path: acl.path, messageId: 'noLogging', fixes: fix(acl) }];
  },
});

function fix(acl: Resource): FixIntent[] {
  if (isTerraform(acl)) return [];
  return [
    {
      title: 'Add a logging configuration for the web ACL (log delivery adds cost)',
      safe: false,
      consequence: 'log delivery adds cost',
      edits: [
        { op: 'addResource', logicalId: `${acl.id}LogGroup`, type: 'AWS::Logs::LogGroup', properties: { LogGroupName: `aws-waf-logs-${acl.id}`, RetentionInDays: 365 } },
        {
          op: 'addResource',
          logicalId: `${acl.id}Logging`,
          type: CFN_LOGGING,
          properties: {
            ResourceArn: { 'Fn::GetAtt': [acl.id, 'Arn'] },
            LogDestinationConfigs: [{ 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${${acl.id}LogGroup}` }],
            RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { QueryString: {} }],
          },
        },
      ],
    },
  ];
}
