/**
 * Fills the "{name}" placeholders of a message the server has already
 * translated, for client components that get their strings as props
 * (they ship no message formatter). A placeholder with no value stays as it is.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
