import { defineRule, itemCount, type Path, type Resource, type RuleContext, type RuleResult, type ValueNode } from '../kit';
import { isTerraform, possible, text, unknownAt } from '../kit';

/** Credential properties: the value is a secret whatever it looks like. `[]` marks a list. */
const CFN_SECRETS: Record<string, string[]> = {
  'AWS::RDS::DBInstance': ['MasterUserPassword'],
  'AWS::RDS::DBCluster': ['MasterUserPassword'],
  'AWS::Redshift::Cluster': ['MasterUserPassword'],
  'AWS::DocDB::DBCluster': ['MasterUserPassword'],
  'AWS::IAM::User': ['LoginProfile.Password'],
  'AWS::DirectoryService::MicrosoftAD': ['Password'],
  'AWS::DirectoryService::SimpleAD': ['Password'],
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  'AWS::OpenSearchService::Domain': ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
  'AWS::DMS::Endpoint': ['Password'],
  'AWS::AmazonMQ::Broker': ['Users[].Password'],
};

const TF_SECRETS: Record<string, string[]> = {
  aws_db_instance: ['password'],
  aws_rds_cluster: ['master_password'],
  aws_redshift_cluster: ['master_password'],
  aws_docdb_cluster: ['master_password'],
  aws_directory_service_directory: ['password'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_opensearch_domain: ['advanced_security_options[].master_user_options[].master_user_password'],
  aws_dms_endpoint: ['password'],
  aws_mq_broker: ['user[].password'],
};

const ENV_TYPES = { cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::CodeBuild::Project', 'AWS::ECS::TaskDefinition', 'AWS::SSM::Parameter'], terraform: ['aws_lambda_function', 'aws_codebuild_project', 'aws_ecs_task_definition', 'aws_ssm_parameter'] };

/** Environment variable names that announce a secret (names of references to one, such as `DB_SECRET_ARN`, do not). */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key|access[-_]?key)/i;
const REFERENCE_NAME = /[-_](arn|name|id|path|param|parameter|url|uri|endpoint|host|ttl|length|expiry|secret[-_]?id|region)$/i;
/** An AWS access key id written out, whatever the variable is called. */
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

/** Switch-like values (`ENABLE_TOKEN_CACHE: 'true'`, `TOKEN_TTL: 300`) carry no secret. */
const NOT_A_SECRET = /^(true|false|yes|no|on|off|enabled|disabled|none|\d{1,5})$/i;
/** Credentials written into a repository URL (`https://user:token@host/...`). */
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

function secretNamed(name: string): boolean {
  if (/^aws_(access_key_id|secret_access_key|session_token)$/i.test(name)) return true;
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name);
}

type Verdict = 'literal' | 'defaultInTemplate' | 'plainParameter' | 'ok' | { unknown: string };

function worst(a: Verdict, b: Verdict): Verdict {
  const rank = (v: Verdict) => (v === 'literal' ? 4 : v === 'defaultInTemplate' ? 3 : v === 'plainParameter' ? 2 : typeof v === 'object' ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
}

function judgeString(s: string): Verdict {
  if (/\{\{resolve:(secretsmanager|ssm-secure):/.test(s)) return 'ok';
  if (/\{\{resolve:ssm:/.test(s)) return 'plainParameter';
  return s === '' ? 'ok' : 'literal';
}

/** How a CloudFormation value gets its secret: written in the template, a parameter default, or a reference. */
function judgeNode(ctx: RuleContext, node: ValueNode | undefined): Verdict {
  if (!node) return 'ok';
  if (node.kind === 'scalar') return node.value === null ? 'ok' : judgeString(String(node.value));
  if (node.kind === 'seq') return 'ok';
  if (node.entries.length !== 1) return 'ok';
  const { key, value } = node.entries[0];
  switch (key) {
    case 'Ref': {
      const name = value.kind === 'scalar' ? String(value.value) : '';
      if (name.startsWith('AWS::') || ctx.byId(name)) return 'ok';
      const r = ctx.resolve(node);
      // A parameter's default sits in the template text; a value supplied at deploy time does not.
      if (r.kind === 'known' && (r.via ?? []).some((v) => v.includes('defaults to'))) return typeof r.value === 'string' && r.value === '' ? 'ok' : 'defaultInTemplate';
      return 'ok';
    }
    case 'Fn::If': {
      if (value.kind !== 'seq' || value.items.length !== 3) return { unknown: 'Fn::If needs three items' };
      return worst(judgeNode(ctx, value.items[1]), judgeNode(ctx, value.items[2]));
    }
    case 'Fn::Sub':
    case 'Fn::Join': {
      const template = key === 'Fn::Sub' ? (value.kind === 'scalar' ? value : value.kind === 'seq' ? value.items[0] : undefined) : undefined;
      if (template?.kind === 'scalar' && judgeString(String(template.value)) !== 'literal') return judgeString(String(template.value));
      const r = ctx.resolve(node);
      if (r.kind === 'known') return (r.via ?? []).some((v) => v.includes('defaults to')) ? 'defaultInTemplate' : (r.via ?? []).length ? 'ok' : typeof r.value === 'string' ? judgeString(r.value) : 'ok';
      return r.kind === 'unknown' ? { unknown: r.reason } : 'ok';
    }
    default: {
      const r = ctx.resolve(node);
      return r.kind === 'unknown' ? { unknown: r.reason } : 'ok';
    }
  }
}

/** Expand `A[].B` into the concrete paths present on the resource. */
function expand(ctx: RuleContext, resource: Resource, pattern: string): Path[] {
  let paths: Path[] = [[]];
  const parts = pattern.split('.');
  for (const part of parts) {
    const isList = part.endsWith('[]');
    const name = isList ? part.slice(0, -2) : part;
    const next: Path[] = [];
    for (const p of paths) {
      const here = [...p, name];
      if (!isList) next.push(here);
      else for (let i = 0; i < itemCount(ctx, resource, here); i++) next.push([...here, i]);
    }
    paths = next;
  }
  return paths;
}

export default defineRule({
  id: 'no-plaintext-credentials',
  title: 'Password, token or key written in plain text in the template',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['no-plaintext-credentials'],
  phiScope: 'all',
  appliesTo: {
    cloudformation: [...Object.keys(CFN_SECRETS), ...ENV_TYPES.cloudformation],
    terraform: [...Object.keys(TF_SECRETS), ...ENV_TYPES.terraform],
  },
  responsibility: {
    aws: 'Secrets Manager and SecureString parameters store credentials encrypted and hand them over at deploy or run time; CloudFormation dynamic references keep them out of the template.',
    customer: 'Keep passwords, tokens and keys out of templates, parameter defaults and environment variables: anyone who can read the template, the stack or the function configuration can log in to the PHI store with them.',
  },
  messages: {
    literal: '{property} of {resource} is written in the template in plain text; read it from Secrets Manager ({{resolve:secretsmanager:...}}) or let the service manage it.',
    defaultInTemplate: '{property} of {resource} comes from a parameter whose Default holds the secret in the template text; drop the default and supply it at deploy time, or use Secrets Manager.',
    plainParameter: '{property} of {resource} is read from a plain String SSM parameter ({{resolve:ssm:...}}); use ssm-secure or Secrets Manager.',
    envSecret: 'Environment variable {property} of {resource} holds a secret in plain text; pass a Secrets Manager reference and read the value at run time.',
    accessKey: 'Environment variable {property} of {resource} holds an AWS access key id; use the role of the function, task or build instead of long-term keys.',
    ssmPlain: 'Parameter {property} ({resource}) looks like a secret but is a plain String parameter, readable by anyone with ssm:GetParameter and shown in clear text; keep it in Secrets Manager or a SecureString parameter.',
    urlCredentials: '{property} of {resource} carries a user name and password or token in the repository URL; connect the source with OAuth or a CodeConnections connection instead.',
    unknown: 'Whether {property} of {resource} is written in plain text cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    literal: '{property} of {resource} is written in the configuration as a constant, so it sits in plain text in the plan and state; read it from Secrets Manager (an aws_secretsmanager_secret_version data source) or let the service manage it.',
  },
  limits: 'CloudFormation parameter attributes are not visible to rules, so a parameter without a default passes whether or not it has NoEcho; Terraform values that come from variables or other resources pass.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(resource) ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function verdictResult(verdict: Verdict, path: Path, property: string, envVar = false): RuleResult[] {
  if (verdict === 'ok') return [];
  if (typeof verdict === 'object') return [unknownAt(path, verdict.unknown, 'unknown', { property })];
  return [{ status: 'fail', path, messageId: envVar && verdict === 'literal' ? 'envSecret' : verdict, data: { property } }];
}

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  for (const pattern of CFN_SECRETS[resource.type] ?? []) {
    for (const rel of expand(ctx, resource, pattern)) {
      const l = ctx.get(resource, rel);
      if (l.present) out.push(...verdictResult(judgeNode(ctx, l.node), l.path, rel.join('.')));
    }
  }
  const envVar = (name: string, valueRel: Path) => {
    const l = ctx.get(resource, valueRel);
    if (!l.present) return;
    const r = possible(l.resolved);
    if (r.values.some((v) => typeof v === 'string' && ACCESS_KEY_ID.test(v))) {
      out.push({ status: 'fail', path: l.path, messageId: 'accessKey', data: { property: name } });
      return;
    }
    if (r.values.length > 0 && r.values.every((v) => v === null || typeof v === 'boolean' || typeof v === 'number' || (typeof v === 'string' && NOT_A_SECRET.test(v)))) return;
    if (secretNamed(name)) out.push(...verdictResult(judgeNode(ctx, l.node), l.path, name, true));
  };
  if (resource.type === 'AWS::Lambda::Function' || resource.type === 'AWS::Serverless::Function') {
    const vars = ctx.get(resource, 'Environment.Variables');
    if (vars.present && vars.node?.kind === 'map' && !vars.node.shortTag) for (const e of vars.node.entries) envVar(e.key, ['Environment', 'Variables', e.key]);
  }
  if (resource.type === 'AWS::CodeBuild::Project') {
    for (let i = 0; i < itemCount(ctx, resource, ['Environment', 'EnvironmentVariables']); i++) {
      const base = ['Environment', 'EnvironmentVariables', i];
      const type = text(possible(ctx.get(resource, [...base, 'Type']).resolved).values[0])?.toUpperCase();
      const name = text(possible(ctx.get(resource, [...base, 'Name']).resolved).values[0]);
      // PARAMETER_STORE and SECRETS_MANAGER values are names of where the secret lives.
      if (name !== undefined && (type === undefined || type === 'PLAINTEXT')) envVar(name, [...base, 'Value']);
    }
  }
  if (resource.type === 'AWS::CodeBuild::Project') {
    const sources = [['Source', 'Location'], ...Array.from({ length: itemCount(ctx, resource, ['SecondarySources']) }, (_, i) => ['SecondarySources', i, 'Location'])];
    for (const rel of sources) {
      const l = ctx.get(resource, rel);
      if (possible(l.resolved).values.some((v) => typeof v === 'string' && URL_CREDENTIALS.test(v))) out.push({ status: 'fail', path: l.path, messageId: 'urlCredentials', data: { property: rel.join('.') } });
    }
  }
  if (resource.type === 'AWS::SSM::Parameter') {
    // CloudFormation creates only String/StringList parameters; a secret-named one with a literal value is plain text.
    const name = text(possible(ctx.get(resource, 'Name').resolved).values[0]) ?? resource.id;
    const value = ctx.get(resource, 'Value');
    if (secretNamed(name.split('/').pop() ?? name) && value.present && judgeNode(ctx, value.node) === 'literal') out.push({ status: 'fail', path: value.path, messageId: 'ssmPlain', data: { property: name } });
  }
  if (resource.type === 'AWS::ECS::TaskDefinition') {
    for (let c = 0; c < itemCount(ctx, resource, ['ContainerDefinitions']); c++) {
      for (let i = 0; i < itemCount(ctx, resource, ['ContainerDefinitions', c, 'Environment']); i++) {
        const base = ['ContainerDefinitions', c, 'Environment', i];
        const name = text(possible(ctx.get(resource, [...base, 'Name']).resolved).values[0]);
        if (name !== undefined) envVar(name, [...base, 'Value']);
      }
    }
  }
  return out;
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  const refs = resource.terraform?.references ?? {};
  // A value with configuration references comes from a variable or another resource; without, it is a constant.
  const literal = (attribute: string) => !(refs[attribute] ?? []).length;
  for (const pattern of TF_SECRETS[resource.type] ?? []) {
    for (const rel of expand(ctx, resource, pattern)) {
      const l = ctx.get(resource, rel);
      if (!l.present || l.resolved.kind !== 'known') continue; // absent, or known only after apply (generated)
      const v = l.resolved.value;
      if (v === null || v === '' || !literal(String(rel[0]))) continue;
      out.push({ status: 'fail', path: l.path, messageId: 'literal', data: { property: rel.join('.') } });
    }
  }
  const envVar = (name: string, path: Path, value: unknown, attribute: string) => {
    if (typeof value === 'string' && ACCESS_KEY_ID.test(value)) out.push({ status: 'fail', path, messageId: 'accessKey', data: { property: name } });
    else if (typeof value === 'string' && value !== '' && !NOT_A_SECRET.test(value) && secretNamed(name) && literal(attribute) && !value.startsWith('arn:')) out.push({ status: 'fail', path, messageId: 'envSecret', data: { property: name } });
  };
  if (resource.type === 'aws_lambda_function') {
    for (let i = 0; i < itemCount(ctx, resource, ['environment']); i++) {
      const vars = ctx.get(resource, ['environment', i, 'variables']);
      if (vars.present && vars.resolved.kind === 'known' && vars.resolved.value && typeof vars.resolved.value === 'object' && !Array.isArray(vars.resolved.value)) {
        for (const [name, value] of Object.entries(vars.resolved.value)) envVar(name, ctx.get(resource, ['environment', i, 'variables', name]).path, value, 'environment');
      }
    }
  }
  if (resource.type === 'aws_codebuild_project') {
    for (let e = 0; e < itemCount(ctx, resource, ['environment']); e++) {
      for (let i = 0; i < itemCount(ctx, resource, ['environment', e, 'environment_variable']); i++) {
        const base = ['environment', e, 'environment_variable', i];
        const type = text(possible(ctx.get(resource, [...base, 'type']).resolved).values[0])?.toUpperCase();
        const name = text(possible(ctx.get(resource, [...base, 'name']).resolved).values[0]);
        const value = ctx.get(resource, [...base, 'value']);
        if (name !== undefined && (type === undefined || type === 'PLAINTEXT') && value.resolved.kind === 'known') envVar(name, value.path, value.resolved.value, 'environment');
      }
    }
  }
  if (resource.type === 'aws_codebuild_project') {
    for (const block of ['source', 'secondary_sources']) {
      for (let i = 0; i < itemCount(ctx, resource, [block]); i++) {
        const l = ctx.get(resource, [block, i, 'location']);
        if (l.resolved.kind === 'known' && typeof l.resolved.value === 'string' && URL_CREDENTIALS.test(l.resolved.value)) out.push({ status: 'fail', path: l.path, messageId: 'urlCredentials', data: { property: `${block}.location` } });
      }
    }
  }
  if (resource.type === 'aws_ssm_parameter') {
    const name = text(possible(ctx.get(resource, 'name').resolved).values[0]) ?? resource.id;
    const type = ctx.get(resource, 'type');
    if (secretNamed(name.split('/').pop() ?? name) && possible(type.resolved).values.some((v) => text(v) !== 'SecureString')) out.push({ status: 'fail', path: type.path, messageId: 'ssmPlain', data: { property: name } });
  }
  if (resource.type === 'aws_ecs_task_definition') {
    const defs = ctx.get(resource, 'container_definitions');
    if (defs.resolved.kind === 'known' && typeof defs.resolved.value === 'string') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(defs.resolved.value);
      } catch {
        return [...out, unknownAt(defs.path, `${resource.id}.container_definitions is not valid JSON`, 'unknown', { property: 'container_definitions' })];
      }
      for (const c of Array.isArray(parsed) ? parsed : []) {
        for (const kv of Array.isArray(c?.environment) ? c.environment : []) {
          if (kv && typeof kv.name === 'string') envVar(kv.name, defs.path, kv.value, 'container_definitions');
        }
      }
    }
  }
  return out;
}
