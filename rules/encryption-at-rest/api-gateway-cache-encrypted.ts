import { asUnknown, defineRule, evaluate, expect, isFalse, isTerraform, isTrue, itemCount, oneOf, possible, setFix, targetPath, text, unknownAt, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const SETTINGS = 'aws_api_gateway_method_settings';

export default defineRule({
  id: 'api-gateway-cache-encrypted',
  title: 'API response cache that may hold PHI is not encrypted',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['api-gateway-cache-encrypted'],
  appliesTo: {
    cloudformation: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::Serverless::Api', 'AWS::AppSync::ApiCache'],
    terraform: ['aws_api_gateway_stage', 'aws_api_gateway_method_settings', 'aws_appsync_api_cache'],
  },
  responsibility: {
    aws: 'API Gateway and AppSync run the cache cluster and encrypt the cached responses when asked to.',
    customer: 'Whenever caching is on for an API that returns PHI, turn on cache data encryption (API Gateway) or at-rest and transit encryption (AppSync).',
  },
  messages: {
    methodNotEncrypted: 'Stage {resource} caches responses for {method} without encrypting them (CacheDataEncrypted is not true); cached PHI is stored in clear text.',
    stageNotEncrypted: 'Stage {resource} has a cache cluster, which caches GET responses by default, but no stage-wide setting encrypts the cache (CacheDataEncrypted on HttpMethod "*" and ResourcePath "/*").',
    appsyncAtRest: 'AppSync cache {resource} does not encrypt cached resolver results at rest (AtRestEncryptionEnabled is not true).',
    appsyncTransit: 'AppSync cache {resource} does not encrypt traffic to the cache (TransitEncryptionEnabled is not true).',
    unknown: 'Cache encryption of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    methodNotEncrypted: 'Method settings {resource} cache responses for method_path "{method}" without encrypting them (settings.cache_data_encrypted is not true); cached PHI is stored in clear text.',
    stageNotEncrypted: 'Stage {resource} has a cache cluster (cache_cluster_enabled), which caches GET responses by default, but no aws_api_gateway_method_settings for method_path "*/*" encrypts the cache (settings.cache_data_encrypted).',
    appsyncAtRest: 'AppSync cache {resource} does not encrypt cached resolver results at rest (at_rest_encryption_enabled is not true).',
    appsyncTransit: 'AppSync cache {resource} does not encrypt traffic to the cache (transit_encryption_enabled is not true).',
  },
  limits: 'A stage without a cache passes; whether caching should be on at all is not judged.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    switch (resource.type) {
      case 'AWS::AppSync::ApiCache':
      case 'aws_appsync_api_cache':
        return checkAppSync(resource, ctx);
      case 'AWS::ApiGateway::Deployment':
        return ctx.get(resource, 'StageDescription').present ? checkStage(resource, ctx, ['StageDescription']) : [];
      case 'aws_api_gateway_stage':
        return checkTerraformStage(resource, ctx);
      case SETTINGS:
        return checkTerraformSettings(resource, ctx);
      default:
        return checkStage(resource, ctx, []);
    }
  },
});

function checkAppSync(cache: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(cache);
  const consequence = { safe: false, consequence: 'recreates the API cache; cached entries are flushed' };
  const atRest = tf ? 'at_rest_encryption_enabled' : 'AtRestEncryptionEnabled';
  const transit = tf ? 'transit_encryption_enabled' : 'TransitEncryptionEnabled';
  return [
    ...expect(ctx, cache, atRest, isTrue, { messageId: 'appsyncAtRest', fixes: setFix(cache, atRest, true, 'Encrypt the AppSync cache at rest', consequence) }),
    ...expect(ctx, cache, transit, isTrue, { messageId: 'appsyncTransit', fixes: setFix(cache, transit, true, 'Encrypt traffic to the AppSync cache', consequence) }),
  ].map(asUnknown);
}

/** A CloudFormation or SAM stage (properties under `prefix`): cached methods must encrypt their cache. */
function checkStage(stage: Resource, ctx: RuleContext, prefix: Path): RuleResult[] {
  const results: RuleResult[] = [];
  const settings: Path = [...prefix, 'MethodSettings'];
  let catchAll: number | undefined;
  for (let i = 0; i < itemCount(ctx, stage, settings); i++) {
    const entry: Path = [...settings, i];
    const method = text(possible(ctx.get(stage, [...entry, 'HttpMethod']).resolved).values[0]) ?? '*';
    const path = text(possible(ctx.get(stage, [...entry, 'ResourcePath']).resolved).values[0]) ?? '/*';
    if (method === '*' && path === '/*') catchAll = i;
    const caching = ctx.get(stage, [...entry, 'CachingEnabled']);
    const on = evaluate(caching.resolved, isTrue);
    if (on.outcome === 'unknown') results.push(unknownAt(caching.path, on.reason ?? 'CachingEnabled cannot be decided'));
    if (on.outcome !== 'pass') continue;
    const encrypted = [...entry, 'CacheDataEncrypted'];
    results.push(...expect(ctx, stage, encrypted, isTrue, { messageId: 'methodNotEncrypted', data: { method: `${method} ${path}` }, fixes: setFix(stage, encrypted, true, 'Encrypt the cached responses') }).map(asUnknown));
  }
  // A cache cluster (or stage-wide caching) caches GET methods by default: a stage-wide setting must encrypt it.
  const cluster = ctx.get(stage, [...prefix, 'CacheClusterEnabled']);
  const stageCaching = prefix.length ? ctx.get(stage, [...prefix, 'CachingEnabled']) : undefined;
  const clusterOn = evaluate(cluster.resolved, isTrue);
  const stageOn = stageCaching ? evaluate(stageCaching.resolved, isTrue).outcome === 'pass' : false;
  if (clusterOn.outcome === 'unknown') return [...results, unknownAt(cluster.path, clusterOn.reason ?? 'CacheClusterEnabled cannot be decided')];
  if (clusterOn.outcome !== 'pass' && !stageOn) return results;
  if (prefix.length && evaluate(ctx.get(stage, [...prefix, 'CacheDataEncrypted']).resolved, isTrue).outcome === 'pass') return results;
  if (catchAll !== undefined) {
    const entry: Path = [...settings, catchAll];
    if (evaluate(ctx.get(stage, [...entry, 'CachingEnabled']).resolved, isFalse).outcome === 'pass') return results;
    if (evaluate(ctx.get(stage, [...entry, 'CachingEnabled']).resolved, isTrue).outcome === 'pass') return results; // reported above
    const encrypted = [...entry, 'CacheDataEncrypted'];
    return [...results, ...expect(ctx, stage, encrypted, isTrue, { messageId: 'stageNotEncrypted', fixes: setFix(stage, encrypted, true, 'Encrypt the stage cache') }).map(asUnknown)];
  }
  const lookup = ctx.get(stage, settings);
  return [...results, { status: 'fail', path: targetPath(stage, lookup, settings), messageId: 'stageNotEncrypted', fixes: catchAllFix(stage, ctx, prefix) }];
}

function catchAllFix(stage: Resource, ctx: RuleContext, prefix: Path): FixIntent[] {
  if (prefix.length) return setFix(stage, [...prefix, 'CacheDataEncrypted'], true, 'Encrypt the stage cache');
  const lookup = ctx.get(stage, 'MethodSettings');
  if (lookup.present && lookup.node?.kind !== 'seq') return [];
  return [{ title: 'Encrypt the stage cache for every method', safe: true, edits: [{ op: 'append', path: [...stage.propertiesPath, 'MethodSettings'], value: { HttpMethod: '*', ResourcePath: '/*', CacheDataEncrypted: true } }] }];
}

/** Terraform method settings: a block that turns caching on must encrypt it. */
function checkTerraformSettings(settings: Resource, ctx: RuleContext): RuleResult[] {
  const caching = ctx.get(settings, ['settings', 0, 'caching_enabled']);
  const on = evaluate(caching.resolved, isTrue);
  if (on.outcome === 'unknown') return [unknownAt(caching.path, on.reason ?? 'caching_enabled cannot be decided')];
  if (on.outcome !== 'pass') return [];
  const method = text(possible(ctx.get(settings, 'method_path').resolved).values[0]) ?? '*/*';
  return expect(ctx, settings, ['settings', 0, 'cache_data_encrypted'], isTrue, { messageId: 'methodNotEncrypted', data: { method } }).map(asUnknown);
}

// Terraform stage with a cache cluster: a method settings resource for every method (method_path "*\/*") must
// encrypt the cache or turn caching off.
function checkTerraformStage(stage: Resource, ctx: RuleContext): RuleResult[] {
  const cluster = ctx.get(stage, 'cache_cluster_enabled');
  const on = evaluate(cluster.resolved, isTrue);
  if (on.outcome === 'unknown') return [unknownAt(cluster.path, on.reason ?? 'cache_cluster_enabled cannot be decided')];
  if (on.outcome !== 'pass') return [];
  const stageName = text(possible(ctx.get(stage, 'stage_name').resolved).values[0]);
  const apiId = text(possible(ctx.get(stage, 'rest_api_id').resolved).values[0]);
  const settings = settingsByStage(ctx);
  const byName = (stageName && settings.byName.get(stageName)) || [];
  const mine = [
    ...new Set([
      ...(settings.byReference.get(stage.id) ?? []),
      ...byName.filter((s) => {
        const api = text(possible(ctx.get(s, 'rest_api_id').resolved).values[0]);
        return !apiId || !api || api === apiId;
      }),
    ]),
  ].sort((a, b) => settings.position.get(a)! - settings.position.get(b)!);
  const catchAll = mine.filter((s) => oneOf(possible(ctx.get(s, 'method_path').resolved).values[0], '*/*'));
  for (const s of catchAll) {
    const settings = ctx.get(s, ['settings', 0]);
    if (evaluate(ctx.get(s, ['settings', 0, 'cache_data_encrypted']).resolved, isTrue).outcome === 'pass') return [];
    if (evaluate(ctx.get(s, ['settings', 0, 'caching_enabled']).resolved, isFalse).outcome === 'pass' && settings.present) return [];
    if (evaluate(ctx.get(s, ['settings', 0, 'caching_enabled']).resolved, isTrue).outcome === 'pass') return []; // reported on the settings resource
  }
  if (catchAll.length) {
    const s = catchAll[0];
    return [{ ...expect(ctx, s, ['settings', 0, 'cache_data_encrypted'], isTrue, { messageId: 'stageNotEncrypted' }).map(asUnknown)[0], resourceId: s.id }];
  }
  return [{ status: 'fail', path: cluster.path, messageId: 'stageNotEncrypted' }];
}

/**
 * The plan's method settings indexed once, so each cached stage does not scan them all: by every address their
 * stage_name references name (the reference itself, or the part before any `.`), by stage_name, and their plan order.
 */
function settingsByStage(ctx: RuleContext): { byReference: Map<string, Resource[]>; byName: Map<string, Resource[]>; position: Map<Resource, number> } {
  return ctx.memo('api-gateway-cache-encrypted:settingsByStage', () => {
    const all = ctx.ofType(SETTINGS);
    const byReference = new Map<string, Resource[]>();
    const byName = new Map<string, Resource[]>();
    const add = (map: Map<string, Resource[]>, key: string, s: Resource) => (map.get(key) ?? map.set(key, []).get(key)!).push(s);
    for (const s of all) {
      const addresses = new Set<string>();
      for (const r of s.terraform?.references.stage_name ?? []) {
        addresses.add(r);
        for (let i = r.indexOf('.'); i >= 0; i = r.indexOf('.', i + 1)) addresses.add(r.slice(0, i));
      }
      for (const a of addresses) add(byReference, a, s);
      const name = text(possible(ctx.get(s, 'stage_name').resolved).values[0]);
      if (name !== undefined) add(byName, name, s);
    }
    return { byReference, byName, position: new Map(all.map((s, i) => [s, i])) };
  });
}
