/** Fill `{name}` placeholders; unknown placeholders stay as they are. */
export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? data[name] : whole));
}
