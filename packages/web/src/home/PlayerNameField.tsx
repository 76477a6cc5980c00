import { DISPLAY_NAME_MAX_LENGTH } from '@cardtable/sdk';
import { useSession } from '../account/useSession.ts';

/**
 * The name to play under. A guest chooses it here; an account always plays under its own name
 * (the server uses it), so for an account a field would do nothing: the page says the name.
 */
export function PlayerNameField({
  value,
  onChange,
  onBlur,
}: {
  value: string;
  onChange: (name: string) => void;
  onBlur?: () => void;
}) {
  const user = useSession()?.user;
  if (user && !user.guest) {
    return (
      <div className="field" data-testid="playing-as">
        <span>Playing as (your account's name)</span>
        <strong>{user.name}</strong>
      </div>
    );
  }
  return (
    <label className="field">
      <span>Your name</span>
      <input
        value={value}
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        autoComplete="nickname"
        // Left blank, the name is the one this browser already plays under (the header's).
        placeholder={user?.name ?? 'Guest'}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        data-testid="player-name"
      />
    </label>
  );
}
