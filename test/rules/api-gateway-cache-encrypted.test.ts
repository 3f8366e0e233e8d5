import rule from '../../rules/encryption-at-rest/api-gateway-cache-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const stage = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Cache:
    Type: String
Resources:
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      DeploymentId: dep456
      StageName: prod
${props}`;

const deployment = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ApiDeployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: abc123
      StageName: prod
      StageDescription:
${props}`;

const samApi = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  PatientApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      CacheClusterEnabled: true
      CacheClusterSize: '0.5'
${props}`;

const appsync = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  GraphCache:
    Type: AWS::AppSync::ApiCache
    Properties:
      ApiId: graph123
      ApiCachingBehavior: FULL_REQUEST_CACHING
      Type: SMALL
      Ttl: 300
${props}`;

const catchAll = (extra: string) => `      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
${extra}`;

const tfStage = { address: 'aws_api_gateway_stage.prod', values: { stage_name: 'prod', rest_api_id: 'abc123', cache_cluster_enabled: true, cache_cluster_size: '0.5' } };
const tfSettings = (settings: Record<string, unknown>, path = '*/*') => ({
  address: 'aws_api_gateway_method_settings.all',
  values: { rest_api_id: 'abc123', stage_name: 'prod', method_path: path, settings: [settings] },
  refs: { stage_name: ['aws_api_gateway_stage.prod.stage_name', 'aws_api_gateway_stage.prod'] },
});

testRule(rule, {
  valid: [
    { name: 'stage without a cache', yaml: stage(catchAll('          LoggingLevel: ERROR\n')) },
    { name: 'cache cluster with the stage-wide setting encrypted', yaml: stage('      CacheClusterEnabled: true\n' + catchAll('          CacheDataEncrypted: true\n')) },
    { name: 'cached method with encryption', yaml: stage('      MethodSettings:\n        - HttpMethod: GET\n          ResourcePath: /~1patients\n          CachingEnabled: true\n          CacheDataEncrypted: true\n') },
    { name: 'deployment stage description encrypted', yaml: deployment('        CacheClusterEnabled: true\n        CacheDataEncrypted: true\n') },
    { name: 'SAM API with the cache encrypted', sam: samApi(catchAll('          CacheDataEncrypted: true\n')) },
    { name: 'AppSync cache encrypted', yaml: appsync('      AtRestEncryptionEnabled: true\n      TransitEncryptionEnabled: true\n') },
    { name: 'Terraform: stage cache with */* settings encrypted', plan: plan(tfStage, tfSettings({ caching_enabled: true, cache_data_encrypted: true })) },
    { name: 'Terraform: stage without a cache', plan: plan({ address: 'aws_api_gateway_stage.prod', values: { stage_name: 'prod', cache_cluster_enabled: false } }) },
    { name: 'Terraform: AppSync cache encrypted', plan: plan({ address: 'aws_appsync_api_cache.graph', values: { api_id: 'graph123', at_rest_encryption_enabled: true, transit_encryption_enabled: true } }) },
  ],
  invalid: [
    {
      name: 'cache cluster without any method settings',
      yaml: stage('      CacheClusterEnabled: true\n'),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings', line: 8 }],
    },
    {
      name: 'cache cluster with an unencrypted stage-wide setting',
      yaml: stage('      CacheClusterEnabled: true\n' + catchAll('          MetricsEnabled: true\n')),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.CacheDataEncrypted', line: 14 }],
    },
    {
      name: 'cached method without encryption',
      yaml: stage('      MethodSettings:\n        - HttpMethod: GET\n          ResourcePath: /~1patients\n          CachingEnabled: true\n'),
      errors: [{ messageId: 'methodNotEncrypted', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.CacheDataEncrypted', line: 13 }],
    },
    {
      name: 'cached method with CacheDataEncrypted false',
      yaml: stage('      MethodSettings:\n        - HttpMethod: GET\n          ResourcePath: /~1patients\n          CachingEnabled: true\n          CacheDataEncrypted: false\n'),
      errors: [{ messageId: 'methodNotEncrypted', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.MethodSettings.0.CacheDataEncrypted', line: 16 }],
    },
    {
      name: 'CacheClusterEnabled from a parameter without default is unknown',
      yaml: stage('      CacheClusterEnabled: !Ref Cache\n'),
      errors: [{ messageId: 'unknown', resource: 'ProdStage', path: 'Resources.ProdStage.Properties.CacheClusterEnabled', line: 12, status: 'unknown' }],
    },
    {
      name: 'deployment stage description with a cache and no encryption',
      yaml: deployment('        CacheClusterEnabled: true\n'),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'ApiDeployment', path: 'Resources.ApiDeployment.Properties.StageDescription.MethodSettings', line: 8 }],
    },
    {
      name: 'SAM API with a cache and no encryption',
      sam: samApi(''),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'PatientApi', path: 'Resources.PatientApi.Properties.MethodSettings', line: 6 }],
    },
    {
      name: 'AppSync cache without encryption',
      yaml: appsync('      AtRestEncryptionEnabled: false\n'),
      errors: [
        { messageId: 'appsyncTransit', resource: 'GraphCache', path: 'Resources.GraphCache.Properties.TransitEncryptionEnabled', line: 5 },
        { messageId: 'appsyncAtRest', resource: 'GraphCache', path: 'Resources.GraphCache.Properties.AtRestEncryptionEnabled', line: 10 },
      ],
    },
    {
      name: 'Terraform: stage cache without method settings',
      plan: plan(tfStage),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'aws_api_gateway_stage.prod', path: 'planned_values.root_module.resources.0.values.cache_cluster_enabled', line: 14 }],
    },
    {
      name: 'Terraform: method settings cache without encryption',
      plan: plan(tfStage, tfSettings({ caching_enabled: true, cache_data_encrypted: false })),
      errors: [{ messageId: 'methodNotEncrypted', resource: 'aws_api_gateway_method_settings.all', path: 'planned_values.root_module.resources.1.values.settings.0.cache_data_encrypted', line: 30 }],
    },
    {
      name: 'Terraform: */* settings that leave the cluster cache unencrypted',
      plan: plan(tfStage, tfSettings({ metrics_enabled: true })),
      errors: [{ messageId: 'stageNotEncrypted', resource: 'aws_api_gateway_method_settings.all', path: 'planned_values.root_module.resources.1.values.settings.0.cache_data_encrypted', line: 28 }],
    },
    {
      name: 'Terraform: AppSync cache at rest off',
      plan: plan({ address: 'aws_appsync_api_cache.graph', values: { api_id: 'graph123', at_rest_encryption_enabled: false, transit_encryption_enabled: true } }),
      errors: [{ messageId: 'appsyncAtRest', resource: 'aws_appsync_api_cache.graph', path: 'planned_values.root_module.resources.0.values.at_rest_encryption_enabled', line: 13 }],
    },
  ],
});
