/** The routes a server offers, from its OpenAPI document. */
export interface ApiCatalogue { has(method: string, path: string): boolean; paths: string[] }

/**
 * Where each capability lives in the API. Pages ask here, never spell paths themselves, so that a
 * capability the server does not offer shows as unavailable rather than failing, and a route that
 * moves is changed in one place. Paths are as the OpenAPI document writes them, with `:param`.
 */
export const ROUTES = {
  persons: { list: '/persons', one: '/persons/:id', history: '/persons/:id/history', renew: '/persons/:id/renew' },
  documents: {
    list: ['/documents'], one: ['/documents/:id'], create: ['/documents'], history: ['/documents/:id/history'],
    check: ['/documents/check'], sightings: ['/documents/:id/sightings', '/documents/:id/reports'], cancel: ['/documents/:id/cancel'],
  },
  notices: {
    list: ['/notices'], one: ['/notices/:id'], create: ['/notices'], history: ['/notices/:id/history'],
    /** POST: the reviewer's checklist, without deciding. */
    checklist: ['/notices/:id/checklist'], reviewQueue: ['/notices/review-queue'],
    extract: ['/notices/public/:id'], publicList: ['/notices/public'],
    transition: ['/notices/:id/transitions', '/notices/:id/status'],
  },
  screening: { person: ['/screening/person'], manifest: ['/screening/manifest'] },
  hits: { list: ['/hits'], one: ['/hits/:id'], messages: ['/hits/:id/messages'], resolve: ['/hits/:id/resolve'] },
  retention: { queue: ['/retention', '/retention/queue', '/persons/retention'] },
} as const;

/** The first of `candidates` the server offers for `method`, or undefined. */
export function routeFor(catalogue: ApiCatalogue, method: string, candidates: readonly string[]): string | undefined {
  return candidates.find((c) => catalogue.has(method, c));
}

/** Fills `:param` placeholders. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Whether a notice lifecycle step has its own route (`POST /notices/:id/publish`) or goes through a generic one. */
export function noticeStepRoute(catalogue: ApiCatalogue, action: string, id: string): { path: string; body: (extra: Record<string, unknown>) => Record<string, unknown> } | undefined {
  const own = [`/notices/:id/${action}`, `/notices/:id/${action.replace(/_/g, '-')}`].find((c) => catalogue.has('POST', c));
  if (own) return { path: fill(own, { id }), body: (extra) => extra };
  const generic = routeFor(catalogue, 'POST', ROUTES.notices.transition);
  if (generic) return { path: fill(generic, { id }), body: (extra) => ({ action, ...extra }) };
  return undefined;
}
