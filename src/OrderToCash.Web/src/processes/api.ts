import { getJson, postJson, sendText } from '../shared/api';

/** A published version, as GET /api/definitions lists it (newest first per process). */
export interface PublishedVersion {
  processId: string;
  version: number;
  name: string | null;
  running: number;
  incidents: number;
}

export type InstanceStatus = 'Running' | 'Completed' | 'Failed' | 'Incident' | 'Cancelled';

/** A found instance, as GET /api/instances lists it. */
export interface InstanceItem {
  id: string;
  processId: string;
  version: number;
  businessKey: string | null;
  status: InstanceStatus;
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
  incidentElementId: string | null;
  incidentMessage: string | null;
}

export interface InstancePage {
  page: number;
  pageSize: number;
  total: number;
  instances: InstanceItem[];
}

export interface InstanceSearch {
  businessKey?: string;
  processId?: string;
  elementId?: string;
  status?: InstanceStatus | '';
  page?: number;
  pageSize?: number;
}

/** An instance with its variables, waits, incident and path, as GET /api/instances/{id} reads it. */
export interface InstanceDetail {
  id: string;
  processId: string;
  version: number;
  businessKey: string | null;
  status: InstanceStatus;
  startedAt: string;
  endedAt: string | null;
  variables: Record<string, unknown>;
  waiting: { id: string; kind: string; elementId: string; messageName: string | null; dueAt: string | null; candidateRole: string | null }[];
  incident: { elementId: string; message: string; budget: string | null; at: string; detail: string | null } | null;
  path: { processId: string; elementId: string; enteredAt: string; leftAt: string | null; outcome: string | null }[];
  migrations: { fromVersion: number; toVersion: number; migratedBy: string; migratedAt: string }[];
}

/** One element of a process in the control tower (GET /api/control-tower). */
export interface WaitingLine {
  processId: string;
  elementId: string;
  waitingNow: number;
  oldestWaitHours: number | null;
  passages: number;
  meanHours: number | null;
  p90Hours: number | null;
  enteredLast24Hours: number;
  leftLast24Hours: number;
  slaHours: number | null;
  slaBreaches: number;
  alerts: { rule: string; message: string }[];
}

function query(search: InstanceSearch): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') {
      parameters.set(name, String(value));
    }
  }
  return parameters.size > 0 ? `?${parameters.toString()}` : '';
}

export const workflows = {
  versions: (): Promise<PublishedVersion[]> => getJson<PublishedVersion[]>('/api/definitions'),
  xml: async (processId: string, version: number): Promise<string> =>
    (await sendText('GET', `/api/definitions/${encodeURIComponent(processId)}/${version}`)).text(),
  search: (search: InstanceSearch): Promise<InstancePage> => getJson<InstancePage>(`/api/instances${query(search)}`),
  instance: (id: string): Promise<InstanceDetail> => getJson<InstanceDetail>(`/api/instances/${encodeURIComponent(id)}`),
  retry: (id: string): Promise<unknown> => postJson(`/api/instances/${encodeURIComponent(id)}/retry`, {}),
  cancel: (id: string): Promise<unknown> => postJson(`/api/instances/${encodeURIComponent(id)}/cancel`, {}),
  waitingLines: (days: number): Promise<WaitingLine[]> => getJson<WaitingLine[]>(`/api/control-tower?days=${days}`),
};

/** The latest version of each published process, by process id. */
export function latestVersions(versions: PublishedVersion[]): PublishedVersion[] {
  const latest = new Map<string, PublishedVersion>();
  for (const version of versions) {
    const known = latest.get(version.processId);
    if (!known || version.version > known.version) {
      latest.set(version.processId, version);
    }
  }
  return [...latest.values()].sort((a, b) => a.processId.localeCompare(b.processId));
}
