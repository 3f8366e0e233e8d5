/** 45 CFR Part 164 paragraphs the rules cite. Rules cite keys of this table, never free text. */
export interface Citation {
  title: string;
  /** Implementation specifications are required or addressable; standards have neither. */
  kind: 'standard' | 'required' | 'addressable';
  /** Security Rule (Subpart C) or Privacy Rule (Subpart E). */
  rule: 'security' | 'privacy';
}

export const CITATIONS: Record<string, Citation> = {
  '164.308(a)(1)(ii)(B)': { title: 'Risk management', kind: 'required', rule: 'security' },
  '164.308(a)(1)(ii)(D)': { title: 'Information system activity review', kind: 'required', rule: 'security' },
  '164.308(a)(3)(i)': { title: 'Workforce security', kind: 'standard', rule: 'security' },
  '164.308(a)(3)(ii)(A)': { title: 'Authorization and/or supervision', kind: 'addressable', rule: 'security' },
  '164.308(a)(3)(ii)(B)': { title: 'Workforce clearance procedure', kind: 'addressable', rule: 'security' },
  '164.308(a)(4)(i)': { title: 'Information access management', kind: 'standard', rule: 'security' },
  '164.308(a)(4)(ii)(A)': { title: 'Isolating health care clearinghouse functions', kind: 'required', rule: 'security' },
  '164.308(a)(4)(ii)(B)': { title: 'Access authorization', kind: 'addressable', rule: 'security' },
  '164.308(a)(4)(ii)(C)': { title: 'Access establishment and modification', kind: 'addressable', rule: 'security' },
  '164.308(a)(5)(ii)(A)': { title: 'Security reminders', kind: 'addressable', rule: 'security' },
  '164.308(a)(5)(ii)(B)': { title: 'Protection from malicious software', kind: 'addressable', rule: 'security' },
  '164.308(a)(5)(ii)(C)': { title: 'Log-in monitoring', kind: 'addressable', rule: 'security' },
  '164.308(a)(5)(ii)(D)': { title: 'Password management', kind: 'addressable', rule: 'security' },
  '164.308(a)(6)(ii)': { title: 'Response and reporting (security incidents)', kind: 'required', rule: 'security' },
  '164.308(a)(7)(i)': { title: 'Contingency plan', kind: 'standard', rule: 'security' },
  '164.308(a)(7)(ii)(A)': { title: 'Data backup plan', kind: 'required', rule: 'security' },
  '164.308(a)(7)(ii)(B)': { title: 'Disaster recovery plan', kind: 'required', rule: 'security' },
  '164.308(a)(7)(ii)(C)': { title: 'Emergency mode operation plan', kind: 'required', rule: 'security' },
  '164.308(b)(1)': { title: 'Business associate contracts and other arrangements', kind: 'standard', rule: 'security' },
  '164.310(d)(2)(iv)': { title: 'Data backup and storage (device and media controls)', kind: 'addressable', rule: 'security' },
  '164.312(a)(1)': { title: 'Access control', kind: 'standard', rule: 'security' },
  '164.312(a)(2)(iv)': { title: 'Encryption and decryption', kind: 'addressable', rule: 'security' },
  '164.312(b)': { title: 'Audit controls', kind: 'standard', rule: 'security' },
  '164.312(c)(1)': { title: 'Integrity', kind: 'standard', rule: 'security' },
  '164.312(c)(2)': { title: 'Mechanism to authenticate electronic protected health information', kind: 'addressable', rule: 'security' },
  '164.312(d)': { title: 'Person or entity authentication', kind: 'standard', rule: 'security' },
  '164.312(e)(1)': { title: 'Transmission security', kind: 'standard', rule: 'security' },
  '164.312(e)(2)(i)': { title: 'Integrity controls (in transmission)', kind: 'addressable', rule: 'security' },
  '164.312(e)(2)(ii)': { title: 'Encryption (in transmission)', kind: 'addressable', rule: 'security' },
  '164.314(a)(1)': { title: 'Business associate contracts or other arrangements', kind: 'standard', rule: 'security' },
  '164.316(b)(2)(i)': { title: 'Time limit (documentation retained six years)', kind: 'required', rule: 'security' },
  '164.502(b)': { title: 'Minimum necessary', kind: 'standard', rule: 'privacy' },
};

export function citationLabel(key: string): string {
  const c = CITATIONS[key];
  if (!c) return `45 CFR §${key}`;
  const kind = c.kind === 'standard' ? 'standard' : c.kind;
  return `45 CFR §${key} ${c.title} (${kind})`;
}
