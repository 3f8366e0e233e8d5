import { strict as assert } from 'assert';
import { defaultConfig } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { plan } from '../rules/plan-builder';
import { testPhi } from './phi-tester';

const cfn = (resources: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
${resources}`;

testPhi('PHI declarations', [
  {
    name: 'list-form tag DataClassification=PHI',
    yaml: cfn(`  Records:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: Owner
          Value: clinic
        - Key: DataClassification
          Value: PHI
`),
    expect: { Records: ['phi', 'Records@Resources.Records.Properties.Tags.1.Value'] },
    why: { Records: 'tag DataClassification=PHI' },
  },
  {
    name: 'boolean tag phi=true, case-insensitive key, and ePHI classification value',
    yaml: cfn(`  A:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - Key: HIPAA
          Value: 'yes'
  B:
    Type: AWS::SNS::Topic
    Properties:
      Tags:
        - Key: data-classification
          Value: ePHI
`),
    expect: { A: ['phi', 'A@Resources.A.Properties.Tags.0.Value'], B: ['phi', 'B@Resources.B.Properties.Tags.0.Value'] },
  },
  {
    name: 'a tag that says the opposite declares no PHI',
    yaml: cfn(`  Public:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: patient-portal-assets
      Tags:
        - Key: DataClassification
          Value: public
  NotPhi:
    Type: AWS::DynamoDB::Table
    Properties:
      Tags:
        - Key: PHI
          Value: 'false'
`),
    mode: 'inferred',
    expect: { Public: ['no-phi', 'Public@Resources.Public.Properties.Tags.0.Value'], NotPhi: ['no-phi', 'NotPhi@Resources.NotPhi.Properties.Tags.0.Value'] },
    why: { Public: 'no PHI' },
  },
  {
    name: 'a tag value from a parameter default resolves like any value',
    yaml: cfn(`  Store:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: !Ref Classification
`, `Parameters:
  Classification:
    Type: String
    Default: PHI
`),
    expect: { Store: ['phi', 'Store@Resources.Store.Properties.Tags.0.Value'] },
  },
  {
    name: 'a tag from a parameter without default declares nothing',
    yaml: cfn(`  Store:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: !Ref Classification
`, `Parameters:
  Classification:
    Type: String
`),
    expect: { Store: ['unknown'] },
  },
  {
    name: 'resource Metadata hipaa-lint.phi true and false',
    yaml: cfn(`  Scans:
    Type: AWS::EFS::FileSystem
    Metadata:
      hipaa-lint:
        phi: true
  Fixtures:
    Type: AWS::S3::Bucket
    Metadata:
      hipaa-lint:
        phi: false
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
`),
    expect: { Scans: ['phi', 'Scans@Resources.Scans.Metadata.hipaa-lint.phi'], Fixtures: ['no-phi', 'Fixtures@Resources.Fixtures.Metadata.hipaa-lint.phi'] },
  },
  {
    name: 'template Metadata declares every data store and carrier, not IAM or networking',
    yaml: cfn(`  Store:
    Type: AWS::S3::Bucket
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
  Role:
    Type: AWS::IAM::Role
  Vpc:
    Type: AWS::EC2::VPC
`, `Metadata:
  hipaa-lint:
    phi: true
`),
    expect: { Store: ['phi', 'Store@Metadata.hipaa-lint.phi'], Fn: ['phi', 'Fn@Metadata.hipaa-lint.phi'], Role: ['no-phi', 'Role@Resources.Role'], Vpc: ['no-phi', 'Vpc@Resources.Vpc'] },
  },
  {
    name: 'config file entries: ids and globs; no-PHI entries win',
    yaml: cfn(`  PatientRecords:
    Type: AWS::S3::Bucket
  PatientRecordsArchive:
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::SQS::Queue
`),
    settings: { resources: ['Patient*', 'Other'], noPhiResources: ['*Archive'] },
    expect: { PatientRecords: ['phi', 'PatientRecords@'], PatientRecordsArchive: ['no-phi', 'PatientRecordsArchive@'], Other: ['phi', 'Other@'] },
    why: { PatientRecords: 'config entry "Patient*"' },
  },
  {
    name: 'SAM map-form tags',
    sam: `Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Tags:
        Classification: HIPAA
`,
    expect: { Table: ['phi', 'Table@Resources.Table.Properties.Tags.Classification'] },
  },
  {
    name: 'Terraform tags and tags_all',
    plan: plan(
      { address: 'aws_s3_bucket.scans', values: { bucket: 'scans', tags: { DataClassification: 'PHI' } } },
      { address: 'aws_sqs_queue.jobs', values: { name: 'jobs', tags: null, tags_all: { phi: 'true' } } },
      { address: 'aws_sns_topic.news', values: { name: 'news', tags: { Sensitivity: 'public' } } },
    ),
    expect: {
      'aws_s3_bucket.scans': ['phi', 'aws_s3_bucket.scans@planned_values.root_module.resources.0.values.tags.DataClassification'],
      'aws_sqs_queue.jobs': ['phi', 'aws_sqs_queue.jobs@planned_values.root_module.resources.1.values.tags_all.phi'],
      'aws_sns_topic.news': ['no-phi', 'aws_sns_topic.news@planned_values.root_module.resources.2.values.tags.Sensitivity'],
    },
  },
]);

testPhi('PHI inference and modes', [
  {
    name: 'names with health-data words are possible PHI in inferred mode, whole words only',
    yaml: cfn(`  LabResults:
    Type: AWS::S3::Bucket
  Labels:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: fhir-ingest
  PatientRole:
    Type: AWS::IAM::Role
`),
    mode: 'inferred',
    expect: { LabResults: ['possible', 'LabResults@Resources.LabResults'], Labels: ['unknown'], Queue: ['possible', 'Queue@Resources.Queue.Properties.QueueName'], PatientRole: ['no-phi', 'PatientRole@Resources.PatientRole'] },
    why: { LabResults: 'contains "lab"', Queue: '"fhir-ingest" contains "fhir"' },
  },
  {
    name: 'inference can be switched off, and declared mode ignores names',
    yaml: cfn(`  LabResults:
    Type: AWS::S3::Bucket
`),
    mode: 'inferred',
    settings: { inferFromNames: false },
    expect: { LabResults: ['unknown'] },
  },
  {
    name: 'mode all treats every data store and carrier as PHI; declarations still win',
    yaml: cfn(`  Store:
    Type: AWS::S3::Bucket
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: public
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
`),
    mode: 'all',
    expect: { Store: ['phi', 'Store@Resources.Store'], Assets: ['no-phi', 'Assets@Resources.Assets.Properties.Tags.0.Value'], Sg: ['no-phi', 'Sg@Resources.Sg'] },
    why: { Store: "mode 'all'" },
  },
]);

describe('PHI user documentation', () => {
  it('docs/phi.md lists every row of the flow table', () => {
    const doc = require('fs').readFileSync(require('path').resolve(__dirname, '../../../docs/phi.md'), 'utf8') as string;
    const { CFN_FLOWS, TERRAFORM_FLOWS } = require('../../server/src/phi/flows');
    const missing = [...CFN_FLOWS, ...TERRAFORM_FLOWS].filter((r: { types: string[]; path: string; verb: string }) => !doc.includes(`| ${r.types.map((t) => '`' + t + '`').join(', ')} | ${r.path ? '`' + r.path + '`' : 'any reference'} |`));
    require('assert').deepEqual(missing, []);
  });
});

describe('PHI vocabulary of a reused config', () => {
  const template = `Resources:
  Vault:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: vault-oncology
      Tags:
        - Key: Confidentiality
          Value: PHI
`;
  // The config file is read into a config object whose lists are replaced: a later lint must see the new lists.
  it('a replaced classification key list takes effect on the next lint', () => {
    const config = defaultConfig();
    assert.equal(lint(template, 'file:///v.yaml', { config }).phi.Vault.verdict, 'unknown');
    config.phi.classificationTagKeys = ['Confidentiality'];
    const phi = lint(template, 'file:///v.yaml', { config }).phi.Vault;
    assert.deepEqual([phi.verdict, phi.chain.map((s) => s.path.join('.'))], ['phi', ['Resources.Vault.Properties.Tags.0.Value']]);
  });

  it('a replaced name word list takes effect on the next lint', () => {
    const config = defaultConfig();
    config.phi.mode = 'inferred';
    assert.equal(lint(template, 'file:///v.yaml', { config }).phi.Vault.verdict, 'unknown');
    config.phi.nameWords = ['oncology'];
    const phi = lint(template, 'file:///v.yaml', { config }).phi.Vault;
    assert.deepEqual([phi.verdict, phi.chain.map((s) => s.why)], ['possible', ['PHI is only inferred: its BucketName "vault-oncology" contains "oncology"']]);
  });
});
