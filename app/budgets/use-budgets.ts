import { useState, useSyncExternalStore } from "react";
import type { WordBudget } from "../../core/budgets/shares";
import type { BudgetsActionResult, BudgetsView } from "../routes/workspaces.$workspaceId.drafts.$draftId_.budgets";

/** Often enough to follow a writing session and a coordinator's changes; an idle page costs one small request. */
const REFRESH_MS = 30_000;
/** When words by someone the page cannot name yet appear, the server is asked again this soon at most. */
const PENDING_REFRESH_MS = 5_000;

export interface BudgetsState {
  view: BudgetsView | null;
  /** The last request failed (the last view, if any, stays and is marked as such). */
  failed: boolean;
  /** When the view was received (ms since the epoch); 0 before. */
  at: number;
}

/**
 * One draft's budgets, shared by the status bar, the Checks tab and the Export dialog: one
 * request stream per draft however many parts show it, polled while any is mounted.
 */
export class BudgetsStore {
  state: BudgetsState = { view: null, failed: false, at: 0 };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  constructor(readonly url: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      clearInterval(this.timer);
      clearTimeout(this.pendingTimer);
      this.pendingTimer = undefined;
    };
  };

  snapshot = () => this.state;

  private set(state: BudgetsState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Reads the view again; `fresh`: the stored counts read now, not from the server's short cache. */
  refresh(fresh = false): Promise<void> {
    if (fresh && this.inFlight) return this.inFlight.then(() => this.refresh(true));
    this.inFlight ??= (async () => {
      try {
        const response = await fetch(fresh ? `${this.url}?fresh=1` : this.url, { headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`status ${response.status}`);
        this.set({ view: (await response.json()) as BudgetsView, failed: false, at: Date.now() });
      } catch {
        this.set({ ...this.state, failed: true });
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /**
   * Asks again soon when the live count holds words it cannot credit yet (someone new is
   * typing): PENDING_REFRESH_MS after the last answer at the earliest, once however often called.
   */
  refreshForPending() {
    if (this.pendingTimer !== undefined || this.listeners.size === 0) return;
    const wait = Math.max(0, PENDING_REFRESH_MS - (Date.now() - this.state.at));
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      if (this.listeners.size > 0) void this.refresh();
    }, wait);
  }

  /** Replaces every budget; on success the view is read again. Answers the refusal's sentence, or null. */
  async save(budgets: WordBudget[]): Promise<string | null> {
    const response = await fetch(this.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ budgets }) });
    const result = (await response.json().catch(() => null)) as BudgetsActionResult | null;
    if (!response.ok || !result?.ok) return result && !result.ok ? result.error : "";
    await this.refresh();
    return null;
  }
}

const stores = new Map<string, BudgetsStore>();

export function budgetsStore(workspaceId: string, draftId: string): BudgetsStore {
  const url = `/workspaces/${workspaceId}/drafts/${draftId}/budgets`;
  let store = stores.get(url);
  if (!store) stores.set(url, (store = new BudgetsStore(url)));
  return store;
}

const SERVER_STATE: BudgetsState = { view: null, failed: false, at: 0 };

/** The draft's budgets view, polled while mounted; null ids (no draft in the URL) read nothing. */
export function useBudgets(workspaceId: string | undefined, draftId: string | undefined): { state: BudgetsState; store: BudgetsStore | null } {
  // Browser only: the server renders the empty state and keeps no store per draft.
  const [store] = useState(() => (typeof window !== "undefined" && workspaceId && draftId ? budgetsStore(workspaceId, draftId) : null));
  const state = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.snapshot ?? serverState, serverState);
  return { state, store };
}

const noSubscribe = () => () => {};
const serverState = () => SERVER_STATE;
