import { asUnknown, defineRule, expect, isTerraform, isTrue, itemCount, oneOf, possible, setFix, targetPath, targetsOf, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix, keyValue } from './key-support';

const SECURITY_CONFIGURATION = { cloudformation: 'AWS::Glue::SecurityConfiguration', terraform: 'aws_glue_security_configuration' };

export default defineRule({
  id: 'ml-and-analytics-stores-cmk',
  title: 'Athena, Glue, Kendra, Q Business or Bedrock agent stores data derived from PHI without the encryption it needs',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['ml-and-analytics-stores-cmk'],
  appliesTo: {
    cloudformation: ['AWS::Athena::WorkGroup', 'AWS::Glue::DataCatalogEncryptionSettings', 'AWS::Glue::Job', 'AWS::Glue::Crawler', 'AWS::Kendra::Index', 'AWS::QBusiness::Application', 'AWS::Bedrock::Agent'],
    terraform: ['aws_athena_workgroup', 'aws_glue_data_catalog_encryption_settings', 'aws_glue_job', 'aws_glue_crawler', 'aws_kendra_index', 'aws_bedrockagent_agent'],
  },
  responsibility: {
    aws: 'These services encrypt some stored data by default (indexes, agent sessions, catalogs with an AWS owned key), and encrypt query results, catalogs and job outputs when configured to.',
    customer: 'Encrypt Athena query results and enforce the workgroup settings, encrypt the Glue Data Catalog and the outputs of Glue jobs and crawlers, and name customer managed keys for Kendra indexes, Q Business applications and Bedrock agents that see PHI.',
  },
  messages: {
    athenaResults: 'Athena workgroup {resource} does not encrypt query results (ResultConfiguration.EncryptionConfiguration.EncryptionOption is not SSE_S3, SSE_KMS or CSE_KMS); result files with PHI are written to S3 unencrypted by Athena.',
    athenaNotEnforced: 'Athena workgroup {resource} lets clients override its result encryption (EnforceWorkGroupConfiguration is not true).',
    catalogNotEncrypted: 'Glue Data Catalog settings {resource} do not encrypt the catalog with KMS (CatalogEncryptionMode is not SSE-KMS); table schemas and partition values derived from PHI are stored without a key of yours.',
    passwordsNotEncrypted: 'Glue Data Catalog settings {resource} return connection passwords unencrypted (ReturnConnectionPasswordEncrypted is not true).',
    glueNoSecurityConfiguration: 'Glue {kind} {resource} names no security configuration; what it writes to S3, CloudWatch Logs and job bookmarks is not encrypted with KMS.',
    glueWeakSecurityConfiguration: 'Security configuration {config} used by {resource} leaves {what} unencrypted.',
    noKey: '{resource} has no customer managed KMS key ({property}); the PHI-derived data it stores is protected only by a key AWS owns.',
    unknown: 'Encryption of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    athenaResults: 'Athena workgroup {resource} does not encrypt query results (configuration.result_configuration.encryption_configuration.encryption_option is not SSE_S3, SSE_KMS or CSE_KMS); result files with PHI are written to S3 unencrypted by Athena.',
    athenaNotEnforced: 'Athena workgroup {resource} lets clients override its result encryption (configuration.enforce_workgroup_configuration is not true).',
    catalogNotEncrypted: 'Glue Data Catalog settings {resource} do not encrypt the catalog with KMS (data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode is not SSE-KMS); table schemas and partition values derived from PHI are stored without a key of yours.',
    passwordsNotEncrypted: 'Glue Data Catalog settings {resource} return connection passwords unencrypted (data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted is not true).',
  },
  limits: 'The Glue Data Catalog encryption setting is per account and Region; a template that does not declare it cannot show it. Whether a job, index or agent actually touches PHI comes from the PHI classification.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    switch (resource.type) {
      case 'AWS::Athena::WorkGroup':
      case 'aws_athena_workgroup':
        return checkAthena(resource, ctx);
      case 'AWS::Glue::DataCatalogEncryptionSettings':
      case 'aws_glue_data_catalog_encryption_settings':
        return checkCatalog(resource, ctx);
      case 'AWS::Glue::Job':
      case 'aws_glue_job':
        return checkGlueWorkload(resource, ctx, 'job', isTerraform(resource) ? 'security_configuration' : 'SecurityConfiguration');
      case 'AWS::Glue::Crawler':
      case 'aws_glue_crawler':
        return checkGlueWorkload(resource, ctx, 'crawler', isTerraform(resource) ? 'security_configuration' : 'CrawlerSecurityConfiguration');
      default:
        return checkKey(resource, ctx);
    }
  },
});

const KEY_PATHS: Record<string, Path> = {
  'AWS::Kendra::Index': ['ServerSideEncryptionConfiguration', 'KmsKeyId'],
  aws_kendra_index: ['server_side_encryption_configuration', 0, 'kms_key_id'],
  'AWS::QBusiness::Application': ['EncryptionConfiguration', 'KmsKeyId'],
  'AWS::Bedrock::Agent': ['CustomerEncryptionKeyArn'],
  aws_bedrockagent_agent: ['customer_encryption_key_arn'],
};

function checkKey(resource: Resource, ctx: RuleContext): RuleResult[] {
  const path = KEY_PATHS[resource.type];
  if (!path) return [];
  const property = path.filter((p) => typeof p === 'string').join('.');
  const consequence = resource.type === 'AWS::Kendra::Index' || resource.type === 'AWS::QBusiness::Application' ? 'replaces the resource; its index or data must be rebuilt' : 'the key policy must allow the service to use the key';
  const fixes = keyFix(ctx, resource, path, 'Encrypt with a customer managed key', { safe: false, consequence });
  const attribute = String(path[0]);
  return expectKey(ctx, resource, path.length === 1 ? attribute : path, { messageId: 'noKey', data: { property }, fixes });
}

function checkAthena(group: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(group);
  const config: Path = tf ? ['configuration', 0] : ['WorkGroupConfiguration'];
  const option: Path = tf ? [...config, 'result_configuration', 0, 'encryption_configuration', 0, 'encryption_option'] : [...config, 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption'];
  const enforce: Path = [...config, tf ? 'enforce_workgroup_configuration' : 'EnforceWorkGroupConfiguration'];
  const encryptionFix = setFix(group, [...config, 'ResultConfiguration', 'EncryptionConfiguration'], { EncryptionOption: 'SSE_KMS', KmsKey: keyValue(ctx, 'Arn', { name: 'AthenaResultsKmsKeyArn', description: 'ARN of the KMS key that encrypts Athena query results' }) }, 'Encrypt query results with SSE-KMS', { safe: false, consequence: 'queries fail for users without kms:GenerateDataKey on the key' });
  return [
    ...expect(ctx, group, option, (v) => oneOf(v, 'SSE_S3', 'SSE_KMS', 'CSE_KMS'), { messageId: 'athenaResults', fixes: encryptionFix }),
    ...expect(ctx, group, enforce, isTrue, { messageId: 'athenaNotEnforced', fixes: setFix(group, enforce, true, 'Enforce the workgroup settings', { safe: false, consequence: 'client-side result locations and encryption settings are ignored' }) }),
  ].map(asUnknown);
}

function checkCatalog(settings: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(settings);
  const base: Path = tf ? ['data_catalog_encryption_settings', 0] : ['DataCatalogEncryptionSettings'];
  const mode: Path = tf ? [...base, 'encryption_at_rest', 0, 'catalog_encryption_mode'] : [...base, 'EncryptionAtRest', 'CatalogEncryptionMode'];
  const passwords: Path = tf ? [...base, 'connection_password_encryption', 0, 'return_connection_password_encrypted'] : [...base, 'ConnectionPasswordEncryption', 'ReturnConnectionPasswordEncrypted'];
  return [
    ...expect(ctx, settings, mode, (v) => oneOf(v, 'SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'), { messageId: 'catalogNotEncrypted', fixes: setFix(settings, mode, 'SSE-KMS', 'Encrypt the Data Catalog with KMS', { safe: false, consequence: 'catalog readers need kms:Decrypt on the key' }) }),
    ...expect(ctx, settings, passwords, isTrue, { messageId: 'passwordsNotEncrypted', fixes: setFix(settings, passwords, true, 'Return connection passwords encrypted', { safe: false, consequence: 'connection readers need kms:Decrypt on the password key' }) }),
  ].map(asUnknown);
}

/** A Glue job or crawler must name a security configuration that encrypts S3 output, logs and bookmarks. */
function checkGlueWorkload(workload: Resource, ctx: RuleContext, kind: string, prop: string): RuleResult[] {
  const tf = isTerraform(workload);
  const lookup = ctx.get(workload, prop);
  const values = possible(lookup.resolved);
  const named = lookup.resolved.kind !== 'absent' && !(lookup.resolved.kind === 'known' && (lookup.resolved.value === null || lookup.resolved.value === ''));
  const configs = targetsOf(ctx, workload, prop, [tf ? SECURITY_CONFIGURATION.terraform : SECURITY_CONFIGURATION.cloudformation], ['Name']);
  if (!named) {
    const existing = ctx.memo('ml-and-analytics-stores-cmk:glueSecurityConfigurations', () => ctx.ofType(SECURITY_CONFIGURATION.cloudformation));
    const fixes = existing.length === 1 ? setFix(workload, prop, { Ref: existing[0].id }, 'Use the template’s Glue security configuration') : [];
    return [{ status: 'fail', path: targetPath(workload, lookup, [prop]), messageId: 'glueNoSecurityConfiguration', data: { kind }, fixes }];
  }
  if (configs.length === 0) {
    return [unknownAt(lookup.path, values.unknown ?? `security configuration ${String(values.values[0])} is not declared in this template`, 'unknown')];
  }
  const results: RuleResult[] = [];
  for (const config of configs) results.push(...judgeSecurityConfiguration(config, ctx, workload));
  return results;
}

function judgeSecurityConfiguration(config: Resource, ctx: RuleContext, user: Resource): RuleResult[] {
  const tf = isTerraform(config);
  const base: Path = tf ? ['encryption_configuration', 0] : ['EncryptionConfiguration'];
  const parts: { what: string; path: Path; ok: string[] }[] = [
    { what: 'job bookmarks', path: tf ? [...base, 'job_bookmarks_encryption', 0, 'job_bookmarks_encryption_mode'] : [...base, 'JobBookmarksEncryption', 'JobBookmarksEncryptionMode'], ok: ['CSE-KMS'] },
    { what: 'CloudWatch Logs output', path: tf ? [...base, 'cloudwatch_encryption', 0, 'cloudwatch_encryption_mode'] : [...base, 'CloudWatchEncryption', 'CloudWatchEncryptionMode'], ok: ['SSE-KMS'] },
  ];
  const s3: Path = tf ? [...base, 's3_encryption'] : [...base, 'S3Encryptions'];
  const s3Count = itemCount(ctx, config, s3);
  if (s3Count === 0) parts.push({ what: 'S3 output', path: tf ? [...s3, 0, 's3_encryption_mode'] : [...s3, 0, 'S3EncryptionMode'], ok: ['SSE-KMS', 'SSE-S3'] });
  for (let i = 0; i < s3Count; i++) parts.push({ what: 'S3 output', path: tf ? [...s3, i, 's3_encryption_mode'] : [...s3, i, 'S3EncryptionMode'], ok: ['SSE-KMS', 'SSE-S3'] });
  const results: RuleResult[] = [];
  for (const part of parts) {
    for (const r of expect(ctx, config, part.path, (v) => oneOf(v, ...part.ok), { messageId: 'glueWeakSecurityConfiguration', data: { config: config.id, what: part.what } }).map(asUnknown)) {
      results.push({ ...r, resourceId: config.id, data: { ...(r.data ?? {}), resource: user.id } });
    }
  }
  return results;
}
