import * as fs from 'fs';
import * as path from 'path';

/** A template the fuzzer mutates; `name` ends in the extension that decides how it is parsed. */
export interface FuzzSource {
  name: string;
  text: string;
}

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = ['patient-records.yaml', 'patient-records.json', 'patient-api-sam.yaml', 'clinic-plan.json'];

/** Small and full of fixable findings: anchors, a merge key, flow maps and comments, which the YAML writer must keep. */
const FLOW_AND_ANCHORS = `AWSTemplateFormatVersion: '2010-09-09'
Metadata:
  Shared: &phiTags
    - { Key: DataClassification, Value: PHI }
Resources:
  Scans: # intake scans
    Type: AWS::S3::Bucket
    Properties: { Tags: *phiTags }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      <<: { Engine: postgres }
      StorageEncrypted: false
      Tags: *phiTags
  Queue:
    Type: AWS::SQS::Queue
    Properties: {Tags: *phiTags}
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 1
`;

const SMALL_JSON = `{
  "Resources": {
    "Table": { "Type": "AWS::DynamoDB::Table", "Properties": { "Tags": [{ "Key": "phi", "Value": "true" }], "SSESpecification": { "SSEEnabled": false } } },
    "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "patient-alerts" } }
  }
}
`;

export function fuzzSources(): FuzzSource[] {
  return [
    ...EXAMPLES.map((name) => ({ name, text: fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8') })),
    { name: 'flow-and-anchors.yaml', text: FLOW_AND_ANCHORS },
    { name: 'small.json', text: SMALL_JSON },
  ];
}
