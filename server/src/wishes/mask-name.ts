/**
 * How a wish shows the person to everyone but the staff who manage it: the family name and one star (张*), so
 * neither the given name nor its length is told.
 */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0] ?? '';
  return `${first}*`;
}
