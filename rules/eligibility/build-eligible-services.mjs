#!/usr/bin/env node
// Regenerates eligible-services.json (the dated HIPAA eligible services list the eligibility rules and the
// hover read) from the research data set, in our compact format:
//   source:         where the list comes from and the revision it reflects
//   cloudformation: full type or `AWS::<Service>` namespace -> [status, service label]
//   terraform:      resource type prefix -> [status, service label]   (the longest matching prefix wins)
// Only identifiers, statuses and service names are kept; no prose of the source is copied.
//
// Usage (from the repository root, only when the list is revised):
//   node rules/eligibility/build-eligible-services.mjs [/path/to/hipaa-eligible-services.json]
// The product never reads the source file at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const input = process.argv[2] ?? '/work/shared/hipaa/hipaa-eligible-services.json';
const output = join(dirname(fileURLToPath(import.meta.url)), 'eligible-services.json');
const src = JSON.parse(readFileSync(input, 'utf8'));

const STATUSES = new Set(['eligible', 'not-eligible', 'ambiguous', 'no-customer-data', 'unknown']);
const url = /https:\/\/aws\.amazon\.com\/compliance\/hipaa-eligible-services-reference\/?/.exec(src.meta.listSource)?.[0];
if (!url || !/^\d{4}-\d{2}-\d{2}$/.test(src.meta.listDate)) throw new Error('source URL or revision date not found in meta');

/** Labels written by hand where the research note is a sentence rather than a name. */
const LABELS = {
  // The research data names a sub-service for these namespaces; the namespace covers more.
  'AWS::EC2': 'Amazon Elastic Compute Cloud',
  'AWS::RDS': 'Amazon Relational Database Service',
  'AWS::RDS::DBCluster': 'Amazon Aurora or Amazon RDS Multi-AZ DB clusters',
  'AWS::CDK': 'CDK metadata',
  'AWS::CloudFormation::CustomResource': 'Custom resources',
  'Custom::*': 'Custom resources',
  'AWS::Chatbot': 'Amazon Q Developer in chat applications',
  'AWS::PI': 'RDS Performance Insights',
  'AWS::RUM': 'CloudWatch RUM',
  'AWS::DAX': 'DynamoDB Accelerator (DAX)',
  'AWS::OpenSearch': 'OpenSearch direct-query data sources',
  'AWS::ConnectCampaigns': 'Amazon Connect outbound campaigns',
};

/** A short service label: the research reference cut to its name part. */
function label(key, ref) {
  if (LABELS[key]) return LABELS[key];
  return ref.replace(/\.$/, '').split(/[:;]\s|,\s/)[0].trim();
}

function check(status, key) {
  if (!STATUSES.has(status)) throw new Error(`unexpected status ${status} for ${key}`);
  return status;
}

const cloudformation = {};
for (const key of Object.keys(src.cfnNamespaceIndex).sort()) {
  const e = src.cfnNamespaceIndex[key];
  cloudformation[key] = [check(e.status, key), label(key, e.ref)];
}

const terraform = {};
for (const e of [...src.terraformPrefixIndex].sort((a, b) => a.prefix.localeCompare(b.prefix))) {
  // A prefix listed twice (aws_organizations_): the first entry, which names the service, wins.
  if (terraform[e.prefix]) continue;
  // The reference is a service name, a CloudFormation namespace (use its label) or the prefix itself (no name).
  const service = e.ref.startsWith('AWS::') ? cloudformation[e.ref]?.[1] : e.ref === e.prefix ? undefined : label(e.prefix, e.ref);
  terraform[e.prefix] = service ? [check(e.status, e.prefix), service] : [check(e.status, e.prefix)];
}

const out = {
  source: {
    title: 'AWS HIPAA Eligible Services Reference',
    url,
    revision: src.meta.listDate,
    basis: 'AWS transcription of the list in aws-samples/landing-zone-accelerator-on-aws-for-healthcare; sub-services told apart by the IAM prefixes of its HIPAA service control policy',
  },
  cloudformation,
  terraform,
};

// One entry per line: small, and diffs show exactly which services changed between revisions.
const entries = (o) => Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
const text = `{\n  "source": ${JSON.stringify(out.source, null, 2).replace(/\n/g, '\n  ')},\n  "cloudformation": {\n${entries(cloudformation)}\n  },\n  "terraform": {\n${entries(terraform)}\n  }\n}\n`;
JSON.parse(text);
writeFileSync(output, text);
console.log(`${output}: ${Object.keys(cloudformation).length} CloudFormation keys, ${Object.keys(terraform).length} Terraform prefixes, revision ${out.source.revision}, ${text.length} bytes`);
