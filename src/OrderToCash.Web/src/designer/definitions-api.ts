import { ApiError, getJson, sendText } from '../shared/api';

/** One problem in a definition, as the server's validator reports it (the same record `o2c validate` prints). */
export interface Diagnostic {
  file: string;
  element: string | null;
  line: number | null;
  column: number | null;
  code: string;
  message: string;
  severity: 'Error' | 'Warning';
}

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

  xml: async (processId: string, version: number): Promise<string> =>
    (await sendText('GET', `/api/definitions/${encodeURIComponent(processId)}/${version}`)).text(),
};
