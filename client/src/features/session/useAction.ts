import { createSignal, type Accessor } from "solid-js";
import type { ErrorFrameCode } from "../../../../core/protocol";
import { refusalText } from "./errors";
import type { LiveSession, MutationRequest, MutationResult } from "./live";

export interface Action {
  busy: Accessor<boolean>;
  error: Accessor<string | undefined>;
  run(request: MutationRequest): Promise<MutationResult>;
  clear(): void;
}

/** A mutation with its pending state and a translated error, for one form or button group. */
export function useAction(
  live: LiveSession,
  overrides: () => Partial<Record<ErrorFrameCode, string>> = () => ({}),
): Action {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  return {
    busy,
    error,
    clear: () => setError(undefined),
    async run(request) {
      setBusy(true);
      setError(undefined);
      const result = await live.mutate(request);
      setBusy(false);
      if (!result.ok) setError(refusalText(result, overrides()));
      return result;
    },
  };
}
