import type { ValueNode } from '../../../rules/kit/types';
import type { DocumentKind } from '../engine/types';
import { mapGet, scalarString } from './tree';

/** Cheap text test run before parsing, so non-template YAML (Kubernetes, workflows) costs almost nothing. */
export function mightBeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|Resources|format_version|"resource"|Transform/.test(text.length > 2_000_000 ? text.slice(0, 2_000_000) : text) ;
}

/** Decide what a parsed document is from its top-level keys. */
export function detect(root: ValueNode | undefined, uri: string): DocumentKind {
  if (!root || root.kind !== 'map') return { kind: 'ignored' };
  if (mapGet(root, 'format_version') && (mapGet(root, 'planned_values') || mapGet(root, 'resource_changes'))) {
    return { kind: 'template', family: 'terraform-plan' };
  }
  if (/\.tf\.json$/i.test(uri) || (mapGet(root, 'resource') && (mapGet(root, 'provider') || mapGet(root, 'terraform')))) {
    if (mapGet(root, 'resource') || mapGet(root, 'provider') || mapGet(root, 'terraform') || mapGet(root, 'module')) {
      return {
        kind: 'unsupported',
        what: 'terraform-configuration',
        message: 'Terraform JSON configuration (*.tf.json) is not yet supported; lint the plan instead: terraform show -json plan.out > plan.json',
      };
    }
    return { kind: 'ignored' };
  }
  if (isSam(mapGet(root, 'Transform'))) return { kind: 'template', family: 'sam' };
  if (mapGet(root, 'AWSTemplateFormatVersion')) return { kind: 'template', family: 'cloudformation' };
  const resources = mapGet(root, 'Resources');
  if (resources && resources.kind === 'map' && resources.entries.length > 0) {
    const typed = resources.entries.some((e) => {
      const t = scalarString(mapGet(e.value, 'Type'));
      return !!t && /^(AWS|Custom|Alexa)::/.test(t);
    });
    if (typed) return { kind: 'template', family: 'cloudformation' };
  }
  return { kind: 'ignored' };
}

function isSam(transform: ValueNode | undefined): boolean {
  if (!transform) return false;
  if (transform.kind === 'scalar') return transform.value === 'AWS::Serverless-2016-10-31';
  if (transform.kind === 'seq') return transform.items.some((i) => i.kind === 'scalar' && i.value === 'AWS::Serverless-2016-10-31');
  return false;
}
