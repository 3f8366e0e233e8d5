import { defineRule, isTerraform, possible, targetPath, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';

/** The AWS Config HIPAA conformance pack defaults; HIPAA itself sets no number. */
const POLICY = { minLength: 14, reuse: 24, maxAge: 90 };
const FLAGS = ['require_lowercase_characters', 'require_uppercase_characters', 'require_numbers', 'require_symbols'];

export default defineRule({
  id: 'iam-account-password-policy',
  title: 'Account password policy for IAM console users is weak or cannot be verified',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(5)(ii)(D)'],
  controls: ['iam-account-password-policy'],
  phiScope: 'account',
  appliesTo: { cloudformation: ['AWS::IAM::User'], terraform: ['aws_iam_account_password_policy', 'aws_iam_user_login_profile'] },
  responsibility: {
    aws: 'IAM enforces the account password policy on every console password it sets or changes.',
    customer: 'Set an account password policy that matches the organisation standard (length, complexity, reuse, expiry), or avoid IAM console passwords altogether in favour of IAM Identity Center.',
  },
  messages: {
    weakPolicy: 'The account password policy {resource} is weaker than the baseline: {problems}.',
    policyNotVisible: '{resource} gets a console password, but the account password policy that governs it is not in this template; verify it in the account (minimum {min} characters, all character classes, reuse prevention {reuse}, maximum age {age} days).',
    unknown: 'The account password policy {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    policyNotVisible: '{resource} gets a console password, but the account password policy that governs it (aws_iam_account_password_policy) is not in this plan; verify it in the account (minimum {min} characters, all character classes, reuse prevention {reuse}, maximum age {age} days).',
  },
  limits: 'CloudFormation has no resource for the account password policy; Terraform shows it only when the plan manages it.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const data = { min: String(POLICY.minLength), reuse: String(POLICY.reuse), age: String(POLICY.maxAge) };
    if (!isTerraform(resource)) {
      const login = ctx.get(resource, 'LoginProfile');
      return login.present ? [{ status: 'unknown', path: login.path, messageId: 'policyNotVisible', data, reason: 'the account password policy is account state' }] : [];
    }
    if (resource.type === 'aws_iam_user_login_profile') {
      return ctx.ofType('aws_iam_account_password_policy').length ? [] : [{ status: 'unknown', path: resource.path, messageId: 'policyNotVisible', data, reason: 'the account password policy is not in this plan' }];
    }
    const problems: string[] = [];
    let unknown: RuleResult | undefined;
    const num = (attr: string) => {
      const l = ctx.get(resource, attr);
      const p = possible(l.resolved);
      if (p.unknown) unknown ??= unknownAt(targetPath(resource, l, [attr]), p.unknown);
      const n = p.values.map(Number).filter((x) => !Number.isNaN(x));
      return n.length ? n : p.unknown ? 'unknown' : undefined;
    };
    const length = num('minimum_password_length');
    if (length !== 'unknown' && (!length || Math.min(...length) < POLICY.minLength)) problems.push(`minimum_password_length below ${POLICY.minLength}`);
    for (const flag of FLAGS) {
      const p = possible(ctx.get(resource, flag).resolved);
      if (p.unknown) unknown ??= unknownAt(ctx.get(resource, flag).path, p.unknown);
      else if (!p.values.length || p.values.some((v) => v !== true && v !== 'true')) problems.push(`${flag} not true`);
    }
    const reuse = num('password_reuse_prevention');
    if (reuse !== 'unknown' && (!reuse || Math.min(...reuse) < POLICY.reuse)) problems.push(`password_reuse_prevention below ${POLICY.reuse}`);
    const age = num('max_password_age');
    if (age !== 'unknown' && (!age || age.some((a) => a <= 0 || a > POLICY.maxAge))) problems.push(`max_password_age not between 1 and ${POLICY.maxAge}`);
    if (problems.length) return [{ status: 'fail', path: resource.path, messageId: 'weakPolicy', data: { problems: problems.join(', ') } }];
    return unknown ? [unknown] : [];
  },
});
