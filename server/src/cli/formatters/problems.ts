/** Descriptions of the problems a file can have (not rules: they are about the file or a suppression). */
export const PROBLEM_DESCRIPTIONS: Record<string, { short: string; full: string }> = {
  'syntax-error': { short: 'The file does not parse', full: 'The YAML or JSON has a syntax error; the template cannot be deployed, and the rest of the file may not have been analysed.' },
  'duplicate-key': { short: 'A key appears twice in one map', full: 'A key appears twice in one map: the later value wins in hipaa-lint, and CloudFormation rejects the template.' },
  'budget-exceeded': { short: 'An analysis budget was hit', full: 'The input exceeded a size, depth, alias or reference budget; the part beyond it was not analysed.' },
  'unsupported-format': { short: 'A format hipaa-lint does not read yet', full: 'The file is infrastructure code in a format hipaa-lint does not analyse yet (for example Terraform JSON configuration); nothing in it was checked.' },
  'invalid-input': { short: 'The input is not text', full: 'The input holds binary data; it was not analysed.' },
  'invalid-suppression': { short: 'A suppression is malformed', full: 'A suppression names an unknown rule, has no reason, has a bad date, or sits where it applies to nothing; it suppresses nothing until fixed.' },
  'unused-suppression': { short: 'A suppression matches no finding', full: 'A suppression matches no finding; remove it so the list of accepted risks stays true.' },
  'invalid-template': { short: 'A template part has the wrong shape', full: 'Resources, a resource, its Type or its Properties has the wrong shape (a list where a mapping belongs, a number for a type name); CloudFormation rejects it, and hipaa-lint could not analyse that part.' },
  'rule-error': { short: 'A check failed to run', full: 'A rule failed on a resource (a bug in hipaa-lint, not in the template): that check did not run there, so the resource is not shown to be compliant. Please report it.' },
  'expired-suppression': { short: 'A suppression has expired', full: 'A suppression passed its until date; the findings it covered are reported again.' },
};
