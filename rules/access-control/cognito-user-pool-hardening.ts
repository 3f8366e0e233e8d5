import { defineRule, isTerraform, possible, setFix, targetPath, text, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const MIN_LENGTH = 8;

export default defineRule({
  id: 'cognito-user-pool-hardening',
  title: 'Cognito user pool in front of PHI lacks MFA, threat protection or deletion protection',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.312(d)'],
  controls: ['cognito-user-pool-hardening'],
  phiScope: 'phi-path',
  appliesTo: { cloudformation: ['AWS::Cognito::UserPool'], terraform: ['aws_cognito_user_pool'] },
  responsibility: {
    aws: 'Cognito runs sign-in, MFA and, on the Plus tier, threat protection that blocks risky and compromised-credential sign-ins.',
    customer: 'Require MFA for users who can see PHI, enforce threat protection, keep the password policy strong and protect the pool from deletion.',
  },
  messages: {
    noMfa: 'User pool {resource} does not require MFA (MfaConfiguration {value}); a stolen password alone opens the account. Set it to ON.',
    noThreatProtection: 'User pool {resource} does not enforce threat protection (AdvancedSecurityMode {value}); risky and compromised-credential sign-ins are not blocked.',
    noDeletionProtection: 'User pool {resource} can be deleted without first turning off DeletionProtection; set it to ACTIVE.',
    weakPassword: 'User pool {resource} accepts passwords shorter than {min} characters (MinimumLength {value}).',
    unknown: 'The sign-in settings of user pool {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noMfa: 'User pool {resource} does not require MFA (mfa_configuration {value}); a stolen password alone opens the account. Set it to ON.',
    noThreatProtection: 'User pool {resource} does not enforce threat protection (user_pool_add_ons.advanced_security_mode {value}); risky and compromised-credential sign-ins are not blocked.',
    noDeletionProtection: 'User pool {resource} can be deleted without first turning off deletion_protection; set it to ACTIVE.',
    weakPassword: 'User pool {resource} accepts passwords shorter than {min} characters (password_policy.minimum_length {value}).',
  },
  check(pool: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(pool);
    const p = tf
      ? { mfa: ['mfa_configuration'], mode: ['user_pool_add_ons', 0, 'advanced_security_mode'], deletion: ['deletion_protection'], length: ['password_policy', 0, 'minimum_length'] }
      : { mfa: ['MfaConfiguration'], mode: ['UserPoolAddOns', 'AdvancedSecurityMode'], deletion: ['DeletionProtection'], length: ['Policies', 'PasswordPolicy', 'MinimumLength'] };
    const out: RuleResult[] = [];
    const values = (rel: Path) => {
      const l = ctx.get(pool, rel);
      const v = possible(l.resolved);
      return { l, path: targetPath(pool, l, rel), texts: v.values.map((x) => text(x)?.toUpperCase() ?? ''), absent: v.absent, unknown: v.unknown };
    };
    const mode = values(p.mode);
    const enforced = !mode.absent && mode.texts.length > 0 && mode.texts.every((t) => t === 'ENFORCED');
    if (!enforced) {
      if (mode.unknown && !mode.texts.some((t) => t !== 'ENFORCED')) out.push(unknownAt(mode.path, mode.unknown));
      else out.push({ status: 'fail', path: mode.path, messageId: 'noThreatProtection', data: { value: mode.texts.find((t) => t !== 'ENFORCED') || 'OFF' }, fixes: setFix(pool, p.mode, 'ENFORCED', 'Enforce threat protection', { safe: false, consequence: 'needs the Plus feature plan, billed per active user' }) });
    }
    const mfa = values(p.mfa);
    // OPTIONAL MFA is acceptable only with adaptive authentication (enforced threat protection) asking for it.
    const weakMfa = mfa.absent ? 'OFF' : mfa.texts.find((t) => t !== 'ON' && !(t === 'OPTIONAL' && enforced));
    if (weakMfa !== undefined) out.push({ status: 'fail', path: mfa.path, messageId: 'noMfa', data: { value: weakMfa || 'OFF' } });
    else if (mfa.unknown) out.push(unknownAt(mfa.path, mfa.unknown));
    const deletion = values(p.deletion);
    if (deletion.absent || deletion.texts.some((t) => t !== 'ACTIVE')) out.push({ status: 'fail', path: deletion.path, messageId: 'noDeletionProtection', fixes: setFix(pool, p.deletion, 'ACTIVE', 'Turn on deletion protection') });
    else if (deletion.unknown) out.push(unknownAt(deletion.path, deletion.unknown));
    const length = values(p.length);
    const shortest = Math.min(...length.texts.map(Number).filter((n) => !Number.isNaN(n) && n > 0));
    if (Number.isFinite(shortest) && shortest < MIN_LENGTH) out.push({ status: 'fail', path: length.path, messageId: 'weakPassword', data: { value: String(shortest), min: String(MIN_LENGTH) }, fixes: setFix(pool, p.length, MIN_LENGTH, `Require at least ${MIN_LENGTH} characters`) });
    else if (length.unknown) out.push(unknownAt(length.path, length.unknown));
    return out;
  },
});
