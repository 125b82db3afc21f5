import { useState, type FormEvent } from 'react';
import {
  attributeTypeOf,
  checkAttributeKey,
  formatAttributeValue,
  parseAttributeInput,
  type AttributeType,
} from '../lib/attribute-value';
import type { CustomAttributeValue } from '../lib/agent-types';

interface Props {
  attributes: Record<string, CustomAttributeValue>;
  save(changes: Record<string, CustomAttributeValue | null>): Promise<void>;
}

/** Custom attributes (S11): listed with their types; set one, or remove it. */
export function AttributesEditor({ attributes, save }: Props) {
  const [key, setKey] = useState('');
  const [type, setType] = useState<AttributeType>('string');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));

  const run = async (changes: Record<string, CustomAttributeValue | null>) => {
    setBusy(true);
    setError(undefined);
    try {
      await save(changes);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const keyError = checkAttributeKey(key.trim());
    if (keyError) return setError(keyError);
    const parsed = parseAttributeInput(type, value);
    if (!parsed.ok) return setError(`value: ${parsed.error}`);
    if (await run({ [key.trim()]: parsed.value })) {
      setKey('');
      setValue('');
    }
  };

  return (
    <section className="card" data-testid="contact-attributes">
      <h3>Custom attributes</h3>
      {entries.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="attributes">
          <tbody>
            {entries.map(([name, v]) => (
              <tr key={name} data-testid="attribute-row" data-key={name}>
                <th>{name}</th>
                <td data-testid="attribute-value">{formatAttributeValue(v)}</td>
                <td className="muted">{attributeTypeOf(v)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Remove ${name}`}
                    disabled={busy}
                    onClick={() => void run({ [name]: null })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="attribute-form" onSubmit={submit} data-testid="attribute-form">
        <input
          aria-label="Attribute key"
          placeholder="key"
          data-testid="attribute-key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <select
          aria-label="Attribute type"
          data-testid="attribute-type"
          value={type}
          onChange={(e) => setType(e.target.value as AttributeType)}
        >
          <option value="string">text</option>
          <option value="number">number</option>
          <option value="boolean">true/false</option>
          <option value="date">date</option>
        </select>
        <input
          aria-label="Attribute value"
          placeholder="value"
          data-testid="attribute-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={busy} data-testid="attribute-save">
          Set
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="attribute-error">
          {error}
        </p>
      )}
    </section>
  );
}
