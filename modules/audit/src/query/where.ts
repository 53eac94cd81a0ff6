/**
 * AND-ed SQL conditions with numbered parameters, so filters from the REST API and from FHIR
 * search compose without hand-counting `$n` placeholders.
 */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** returns the placeholder for a new parameter */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** adds one condition; `p(value)` inside the builder yields that value's placeholder */
  add(build: (p: (value: unknown) => string) => string): this {
    this.parts.push(build((v) => this.param(v)));
    return this;
  }

  get sql(): string {
    return this.parts.length ? this.parts.map((p) => `(${p})`).join(' AND ') : 'true';
  }
}

/** escapes LIKE wildcards (backslash is PostgreSQL's default LIKE escape) */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
