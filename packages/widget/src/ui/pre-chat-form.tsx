import { useState } from 'preact/hooks';
import type { WidgetController } from '../session/widget.controller';
import type { PreChatState } from '../state/widget.state';

/** S4: an anonymous visitor introduces themselves first; init's name and email prefill it. */
export function PreChatForm({
  controller,
  form,
}: {
  controller: WidgetController;
  form: PreChatState;
}) {
  const [name, setName] = useState(form.name);
  const [email, setEmail] = useState(form.email);
  return (
    <form
      class="tl-prechat"
      data-testid="widget-prechat-form"
      onSubmit={(e) => {
        e.preventDefault();
        void controller.submitPreChat(name, email);
      }}
    >
      <p class="tl-prechat-intro">Tell us who you are and we'll get back to you here.</p>
      <label>
        Name
        <input
          data-testid="widget-prechat-name"
          required
          maxLength={255}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Email
        <input
          data-testid="widget-prechat-email"
          type="email"
          required
          maxLength={254}
          value={email}
          onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
        />
      </label>
      {form.error && (
        <p class="tl-error" role="alert" data-testid="widget-prechat-error">
          {form.error}
        </p>
      )}
      <button
        type="submit"
        class="tl-send"
        data-testid="widget-prechat-submit"
        disabled={form.submitting}
      >
        Start chat
      </button>
    </form>
  );
}
