import { asUnknown, defineRule, expect, isTerraform, isTrue, type FixEdit, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix, keyValue } from './key-support';

const REPLACES = { safe: false, consequence: 'rebuilds the WorkSpace; back up the user volume first' };

export default defineRule({
  id: 'workspaces-volumes-encrypted',
  title: 'WorkSpace that may cache PHI has an unencrypted root or user volume',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['workspaces-volumes-encrypted'],
  appliesTo: { cloudformation: ['AWS::WorkSpaces::Workspace'], terraform: ['aws_workspaces_workspace'] },
  responsibility: {
    aws: 'WorkSpaces encrypts the root (C:) and user (D:) volumes of a desktop with the KMS key given when it is created.',
    customer: 'Create desktops that clinicians or staff use with PHI with both volumes encrypted, and choose the KMS key.',
  },
  messages: {
    rootVolume: 'WorkSpace {resource} does not encrypt its root volume (RootVolumeEncryptionEnabled is not true); cached files, browser data and swap with PHI are stored in clear text.',
    userVolume: 'WorkSpace {resource} does not encrypt its user volume (UserVolumeEncryptionEnabled is not true); documents and downloads with PHI are stored in clear text.',
    noKey: 'WorkSpace {resource} turns on volume encryption without naming a KMS key (VolumeEncryptionKey).',
    unknown: 'Volume encryption of WorkSpace {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    rootVolume: 'WorkSpace {resource} does not encrypt its root volume (root_volume_encryption_enabled is not true); cached files, browser data and swap with PHI are stored in clear text.',
    userVolume: 'WorkSpace {resource} does not encrypt its user volume (user_volume_encryption_enabled is not true); documents and downloads with PHI are stored in clear text.',
    noKey: 'WorkSpace {resource} turns on volume encryption without naming a KMS key (volume_encryption_key).',
  },
  check(ws: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(ws);
    const root = tf ? 'root_volume_encryption_enabled' : 'RootVolumeEncryptionEnabled';
    const user = tf ? 'user_volume_encryption_enabled' : 'UserVolumeEncryptionEnabled';
    const keyAttr = tf ? 'volume_encryption_key' : 'VolumeEncryptionKey';
    const withKey = (path: string, title: string): FixIntent[] => {
      if (tf) return [];
      const edits: FixEdit[] = [{ op: 'set', path: [...ws.propertiesPath, path], value: true }];
      if (!ctx.get(ws, keyAttr).present) edits.push({ op: 'set', path: [...ws.propertiesPath, keyAttr], value: keyValue(ctx, 'Arn', { name: 'WorkSpacesKmsKeyArn', description: 'ARN of the KMS key that encrypts WorkSpaces volumes' }) });
      return [{ title: `${title} (${REPLACES.consequence})`, ...REPLACES, edits }];
    };
    const results = [
      ...expect(ctx, ws, root, isTrue, { messageId: 'rootVolume', fixes: withKey(root, 'Encrypt the root volume') }),
      ...expect(ctx, ws, user, isTrue, { messageId: 'userVolume', fixes: withKey(user, 'Encrypt the user volume') }),
    ].map(asUnknown);
    if (results.some((r) => r.status === 'fail')) return results;
    return [...results, ...expectKey(ctx, ws, keyAttr, { messageId: 'noKey', fixes: keyFix(ctx, ws, keyAttr, 'Name the volume encryption key', REPLACES) })];
  },
});
