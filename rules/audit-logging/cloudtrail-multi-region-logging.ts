import { asUnknown, defineRule, evaluate, expect, isFalse, isTerraform, isTrue, setFix, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';

const TYPES = { cloudformation: 'AWS::CloudTrail::Trail', terraform: 'aws_cloudtrail' };

export default defineRule({
  id: 'cloudtrail-multi-region-logging',
  title: 'No CloudTrail trail in the template records every Region, or a declared trail is stopped',
  category: 'audit-logging',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  controls: ['cloudtrail-multi-region-logging'],
  phiScope: 'all',
  appliesTo: { cloudformation: [TYPES.cloudformation], terraform: [TYPES.terraform] },
  responsibility: {
    aws: 'CloudTrail keeps 90 days of management events in event history and, for a configured trail, delivers every event to S3.',
    customer: 'Run at least one trail (usually an organization trail) that is logging, covers all Regions and includes global service events such as IAM and STS, and keep it running.',
  },
  messages: {
    notLogging: 'Trail {resource} is declared but not logging (IsLogging is false): API calls that reach PHI are not recorded.',
    notMultiRegion: 'Trail {resource} records one Region only and no trail in this template covers all Regions: activity in other Regions, where PHI can be copied, goes unrecorded.',
    noGlobalEvents: 'Trail {resource} leaves out global service events (IAM, STS, CloudFront): role and credential changes that grant access to PHI are not recorded.',
    unknown: 'Whether trail {resource} logs all Regions cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notMultiRegion: 'Trail {resource} records one Region only and no trail in this plan covers all Regions: activity in other Regions, where PHI can be copied, goes unrecorded.',
    notLogging: 'Trail {resource} is declared but not logging (enable_logging is false): API calls that reach PHI are not recorded.',
  },
  limits: 'An account or organization trail kept outside this template (for example in the management account) is not visible; a template without any trail is not reported.',
  check(trail: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(trail);
    const p = tf ? { logging: 'enable_logging', multi: 'is_multi_region_trail', global: 'include_global_service_events' } : { logging: 'IsLogging', multi: 'IsMultiRegionTrail', global: 'IncludeGlobalServiceEvents' };
    const logs = tf ? (v: JsonValue) => !isFalse(v) : isTrue;
    const out: RuleResult[] = [];
    // CloudFormation requires IsLogging; Terraform's enable_logging defaults to true.
    out.push(...expect(ctx, trail, p.logging, logs, { messageId: 'notLogging', absentPasses: tf, fixes: setFix(trail, p.logging, true, 'Start logging') }).map(asUnknown));
    const coversAll = (t: Resource) => {
      const logging = evaluate(ctx.get(t, p.logging).resolved, logs, tf).outcome;
      const multi = evaluate(ctx.get(t, p.multi).resolved, isTrue).outcome;
      return logging === 'pass' && multi === 'pass';
    };
    // The trails that log in every Region, found once per template rather than once per trail.
    const covering = ctx.memo(`cloudtrail-multi-region-logging:covering:${tf}`, () => ctx.ofType(tf ? TYPES.terraform : TYPES.cloudformation).filter(coversAll).map((t) => t.id));
    if (!covering.some((id) => id !== trail.id)) {
      out.push(...expect(ctx, trail, p.multi, isTrue, { messageId: 'notMultiRegion', fixes: setFix(trail, p.multi, true, 'Record events in all Regions') }).map(asUnknown));
    }
    out.push(...expect(ctx, trail, p.global, (v) => !isFalse(v), { messageId: 'noGlobalEvents', absentPasses: true, fixes: setFix(trail, p.global, true, 'Include global service events') }).map(asUnknown));
    return out;
  },
});
