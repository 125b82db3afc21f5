import { isWidgetEvent, type WidgetEvents } from './widget-events';

/** The commands of HelpCrunch's JavaScript API that the widget implements. */
export interface WidgetCommands {
  init(organizationDomain: unknown, options: unknown): Promise<void>;
  userAuth(user: unknown): Promise<void>;
  updateUser(profile: unknown): Promise<void>;
  updateUserData(data: unknown): Promise<void>;
  logOut(callback?: unknown): Promise<void>;
  showChatWidget(): void;
  hideChatWidget(): void;
  openChat(): void;
  closeChat(): void;
  sendUserMessage(text: unknown): Promise<void>;
  typeUserMessage(text: unknown): void;
}

const COMMANDS: readonly (keyof WidgetCommands)[] = [
  'init',
  'userAuth',
  'updateUser',
  'updateUserData',
  'logOut',
  'showChatWidget',
  'hideChatWidget',
  'openChat',
  'closeChat',
  'sendUserMessage',
  'typeUserMessage',
];
/** HelpCrunch's own spelling is `logout`; both work. */
const ALIASES: Record<string, keyof WidgetCommands> = { logout: 'logOut' };

/**
 * Turns `HelpCrunch(name, ...args)` calls into commands. Callbacks register at once; commands
 * run one after another in call order, so `openChat` queued after `init` waits for it.
 */
export function createDispatcher(
  commands: WidgetCommands,
  events: WidgetEvents,
): (call: unknown[]) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (call) => {
    const [name, ...args] = call;
    if (typeof name === 'string' && isWidgetEvent(name)) {
      if (typeof args[0] === 'function') events.on(name, args[0] as (payload?: unknown) => void);
      else console.error(`Threadline widget: HelpCrunch('${name}', fn) needs a function`);
      return chain;
    }
    const command =
      typeof name === 'string'
        ? (ALIASES[name] ?? COMMANDS.find((known) => known === name))
        : undefined;
    if (!command) {
      console.error(`Threadline widget: unknown command HelpCrunch(${JSON.stringify(name)})`);
      return chain;
    }
    chain = chain
      .then(() => (commands[command] as (...a: unknown[]) => unknown)(...args))
      .then(
        () => undefined,
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          console.error(`Threadline widget: ${command} failed: ${message}`);
          events.emit('onError', { command, message });
        },
      );
    return chain;
  };
}
