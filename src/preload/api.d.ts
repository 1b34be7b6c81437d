import type { Api } from '../shared/api';

declare global {
  interface Window {
    /** Exposed by the preload (or, in the browser test harness, bound to the real services). */
    readonly api: Api;
  }
}
