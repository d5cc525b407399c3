import { getJson, postJson } from '../shared/api';

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

/** A role a user task may be for (GET /api/roles): built-in, or a business role a process owner created. */
export interface RoleInfo {
  name: string;
  label: string;
  builtIn: boolean;
}

/** What GET /api/catalog offers: the names a process owner picks from instead of typing them; roles with their labels. */
export interface Catalog {
  roles: RoleInfo[];
  handlers: HandlerInfo[];
  ruleSets: CatalogEntry[];
  messages: CatalogEntry[];
}

export async function loadCatalog(): Promise<Catalog> {
  const [catalog, roles] = await Promise.all([getJson<Omit<Catalog, 'roles'>>('/api/catalog'), getJson<RoleInfo[]>('/api/roles')]);
  return { ...catalog, roles };
}

/** Creates a business role (POST /api/roles); the server's problem (bad or taken name) comes back as an ApiError. */
export const createRole = (name: string, label: string): Promise<RoleInfo> => postJson<RoleInfo>('/api/roles', { name, label: label || undefined });
