import { ApiError, getJson, postJson, sendText } from '../shared/api';
import type { Diagnostic } from '../shared/diagnostic';

export type { Diagnostic };

export interface CheckResult {
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface PublishedVersion {
  processId: string;
  version: number;
  created: boolean;
}

/** Publishing either creates versions, or is refused with the problems that block it (HTTP 422). */
export type PublishOutcome = { published: true; versions: PublishedVersion[]; diagnostics: Diagnostic[] } | { published: false; title: string; diagnostics: Diagnostic[] };

/** A published version, as GET /api/definitions lists it. */
export interface DefinitionSummary {
  processId: string;
  version: number;
  name: string | null;
  sourceName: string;
  contentHash: string;
  publishedBy: string;
  publishedAt: string;
  /** Instances of this version that have not ended: waiting or advancing, and stopped by an incident. */
  running: number;
  incidents: number;
}

/** An element instances of the source version wait in, how many, and the target element that takes them (null: none). */
export interface MigratedElement {
  elementId: string;
  name: string | null;
  waiting: number;
  targetElementId: string | null;
}

/** An instance that cannot move, the element that stops it, and why. */
export interface MigrationRefusal {
  instanceId: string;
  businessKey: string | null;
  elementId: string;
  reason: string;
}

/** What POST /api/definitions/{id}/migrations did, or would do (dryRun); a refusal (422) carries the same lists. */
export interface MigrationResult {
  migrated: boolean;
  instances: { instanceId: string; businessKey: string | null }[];
  remaining: number;
  elements: MigratedElement[];
  refusals: MigrationRefusal[];
}

export interface MigrationRequest {
  sourceVersion: number;
  targetVersion: number;
  mappings: { sourceElementId: string; targetElementId: string }[];
  dryRun: boolean;
}

const query = (fileName: string) => `?file=${encodeURIComponent(fileName)}`;

export const definitions = {
  check: async (xml: string, fileName: string): Promise<CheckResult> =>
    (await (await sendText('POST', `/api/definitions/validate${query(fileName)}`, xml)).json()) as CheckResult,

  publish: async (xml: string, fileName: string): Promise<PublishOutcome> => {
    try {
      const body = (await (await sendText('POST', `/api/definitions${query(fileName)}`, xml)).json()) as { versions: PublishedVersion[]; diagnostics: Diagnostic[] };
      return { published: true, ...body };
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        return { published: false, title: error.title, diagnostics: (error.problem?.diagnostics as Diagnostic[] | undefined) ?? [] };
      }
      throw error;
    }
  },

  list: () => getJson<DefinitionSummary[]>('/api/definitions'),

  /** Moves (or, with dryRun, previews moving) waiting instances; a refusal (422) is returned, not thrown, with its title. */
  migrate: async (processId: string, request: MigrationRequest): Promise<MigrationResult & { title?: string }> => {
    try {
      return await postJson<MigrationResult>(`/api/definitions/${encodeURIComponent(processId)}/migrations`, request);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && Array.isArray(error.problem?.refusals)) {
        const problem = error.problem as unknown as MigrationResult & { title: string };
        return { migrated: false, instances: [], remaining: 0, elements: problem.elements, refusals: problem.refusals, title: problem.title };
      }
      throw error;
    }
  },

  xml: async (processId: string, version: number): Promise<string> =>
    (await sendText('GET', `/api/definitions/${encodeURIComponent(processId)}/${version}`)).text(),
};
