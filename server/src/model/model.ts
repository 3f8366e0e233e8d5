import type { Edge } from '../../../rules/kit/rule';
import type { Family, JsonValue, MapNode, Path, Resource, Span, ValueNode } from '../../../rules/kit/types';

export interface Parameter {
  name: string;
  type?: string;
  default?: JsonValue;
  allowedValues?: JsonValue[];
  /** Value given on the command line or in the config, overriding the default. */
  given?: string;
  span: Span;
}

/** One resource model for CloudFormation, SAM and Terraform plans. */
export interface TemplateModel {
  family: Family;
  format: 'yaml' | 'json';
  root: ValueNode | undefined;
  usesShortTags: boolean;
  resources: Resource[];
  byId: Map<string, Resource>;
  parameters: Map<string, Parameter>;
  mappings?: MapNode;
  conditions: Map<string, ValueNode>;
  outputs?: MapNode;
  /** Template-level `Metadata`. */
  metadata?: MapNode;
  /** SAM `Globals`. */
  globals?: MapNode;
  edges: Edge[];
  /** Path of the `Resources` map (CloudFormation) for adding resources. */
  resourcesPath: Path;
  /** Parts of the template that have the wrong shape to be analysed (a list where a mapping belongs, a missing Type). */
  shapeIssues?: { message: string; span: Span }[];
}
