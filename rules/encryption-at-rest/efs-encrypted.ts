import { asUnknown, defineRule, expect, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'efs-encrypted',
  title: 'EFS file system that may hold PHI is not encrypted at rest',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['efs-encrypted'],
  appliesTo: { cloudformation: ['AWS::EFS::FileSystem'], terraform: ['aws_efs_file_system'] },
  responsibility: {
    aws: 'EFS encrypts file data and metadata with a KMS key when the file system is created encrypted.',
    customer: 'Create the file system encrypted (it cannot be changed later), choose the key, and separately require TLS for mounts.',
  },
  messages: {
    notEncrypted: 'File system {resource} is not encrypted at rest: Encrypted is not true.',
    unknown: 'Encryption at rest of file system {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'File system {resource} is not encrypted at rest: encrypted is not true.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.family === 'terraform-plan') return expect(ctx, resource, 'encrypted', isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    const fixes = setFix(resource, 'Encrypted', true, 'Encrypt the file system', { safe: false, consequence: 'replaces the file system; its files must be copied to the new one' });
    return expect(ctx, resource, 'Encrypted', isTrue, { messageId: 'notEncrypted', fixes }).map(asUnknown);
  },
});
