import type { Decider } from '@threadline/eventing';
import { generatedName, visitorIdentityKey } from '@threadline/generated-names';

/** S4: the name and email an init passed without a `user_id`, to prefill the pre-chat form. */
export interface PreChatPrefill {
  name?: string;
  email?: string;
}

/** A widget init without `user_id` on one device (its device token). */
export interface StartVisitor {
  applicationId: string;
  /** A fresh id from the handler; used only when this device has no visitor yet. */
  visitorId: string;
  deviceId: string;
  prefill: PreChatPrefill;
}

export interface VisitorStarted {
  type: 'VisitorStarted';
  visitorId: string;
  deviceId: string;
  generatedName: string;
  prefill: PreChatPrefill;
}

export type VisitorEvent = VisitorStarted;

export type VisitorState =
  | { status: 'none' }
  | { status: 'started'; visitorId: string; deviceId: string; generatedName: string };

/** Anonymous visitors always get the pre-chat form (S4), prefilled from this init. */
export interface VisitorOutcome {
  kind: 'visitor';
  visitorId: string;
  displayName: string;
  preChatForm: { wanted: true; prefill: PreChatPrefill };
}

export interface VisitorDecision {
  events: VisitorEvent[];
  outcome: VisitorOutcome;
}

/** One identity per device until logout: a second init on the device keeps its visitor. */
export function decideVisitor(command: StartVisitor, state: VisitorState): VisitorDecision {
  const prefill: PreChatPrefill = {
    ...(command.prefill.name !== undefined && { name: command.prefill.name }),
    ...(command.prefill.email !== undefined && { email: command.prefill.email }),
  };
  const visitorId = state.status === 'started' ? state.visitorId : command.visitorId;
  const name =
    state.status === 'started'
      ? state.generatedName
      : generatedName(visitorIdentityKey(command.applicationId, visitorId));
  const events: VisitorEvent[] =
    state.status === 'started'
      ? []
      : [
          {
            type: 'VisitorStarted',
            visitorId,
            deviceId: command.deviceId,
            generatedName: name,
            prefill,
          },
        ];
  return {
    events,
    outcome: {
      kind: 'visitor',
      visitorId,
      displayName: name,
      preChatForm: { wanted: true, prefill },
    },
  };
}

export function evolveVisitor(state: VisitorState, event: VisitorEvent): VisitorState {
  switch (event.type) {
    case 'VisitorStarted':
      return state.status === 'started'
        ? state
        : {
            status: 'started',
            visitorId: event.visitorId,
            deviceId: event.deviceId,
            generatedName: event.generatedName,
          };
    default: {
      const never: never = event.type;
      return never;
    }
  }
}

/** The per-device anonymous visitor aggregate (S4), for `AggregateRepository`. */
export const visitorDecider: Decider<VisitorState, StartVisitor, VisitorEvent> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => decideVisitor(command, state).events,
  evolve: evolveVisitor,
};
