export interface QueryPatch { id: string; file: string; title: string; find: string; replace: string; all: boolean }
export const PATCHES: QueryPatch[];
export function pending(): QueryPatch[];
export function apply(url: string, source: string): string;
