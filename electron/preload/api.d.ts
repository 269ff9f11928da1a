import type { ApiInput, ApiName, ApiResult } from '../../shared/api';

/** Push events main sends to the renderer. Events relayed from the backend process are added here. */
export interface TmPlannerEvents {
  /** A plan was opened or created: every store slice must reload from the backend. */
  'plan-changed': { path: string; name: string };
  /** File menu items whose UI lives in the renderer (pick kind and file, choose report and range). */
  'menu-command': { command: 'import-csv' | 'export-report' };
}

export interface TmPlannerBridge {
  /** Rejects with an Error whose message is meant for the user (and `code` when it survives the bridge). */
  invoke<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>>;
  /** Returns the function that unsubscribes. */
  on<E extends keyof TmPlannerEvents>(event: E, callback: (payload: TmPlannerEvents[E]) => void): () => void;
  readonly platform: string;
}

declare global {
  interface Window {
    /** Present only inside the desktop shell; the web host uses HTTP instead. */
    tmPlanner?: TmPlannerBridge;
  }
}
