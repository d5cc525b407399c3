import { getJson } from '../shared/api';

/** A handler a service task can bind to, with the inputs it reads and the outputs it returns. */
export interface HandlerInfo {
  name: string;
  description: string;
  inputs: string[];
  outputs: string[];
}

export interface CatalogEntry {
  name: string;
  description: string;
}

/** What GET /api/catalog offers: the names a process owner picks from instead of typing them. */
export interface Catalog {
  roles: string[];
  handlers: HandlerInfo[];
  ruleSets: CatalogEntry[];
  messages: CatalogEntry[];
}

export const loadCatalog = (): Promise<Catalog> => getJson<Catalog>('/api/catalog');
