import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { initials } from "../../core/collab/user-color";
import { count } from "../../core/text/count";

interface Present {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

const SHOWN = 6;

/**
 * Who is in the draft right now, from Yjs awareness: coloured initials, names on hover and for
 * screen readers. Offline, only this person: nobody else is reachable, whatever their last
 * awareness said (y-websocket also drops their states when the socket goes).
 */
export function Presence({ provider, online }: { provider: WebsocketProvider; online: boolean }) {
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    const read = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: unknown; color?: unknown } | undefined;
        if (typeof user?.name === "string" && typeof user.color === "string") {
          list.push({ clientId, name: user.name, color: user.color, self: clientId === awareness.clientID });
        }
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
      setPeople(list);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider]);

  const shown = online ? people : people.filter((p) => p.self);
  const extra = shown.length - SHOWN;
  return (
    <ul className="presence" data-online={online} aria-label={online ? `${count(shown.length, "person", "people")} in this draft` : "Offline: nobody else is reachable"}>
      {shown.slice(0, SHOWN).map((p) => (
        <li key={p.clientId} className="avatar" style={{ background: p.color }} title={p.self ? `${p.name} (you)` : p.name}>
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="sr-only">{p.self ? `${p.name} (you)` : p.name}</span>
        </li>
      ))}
      {extra > 0 ? (
        <li className="avatar avatar-more" title={shown.slice(SHOWN).map((p) => p.name).join(", ")}>
          +{extra}
        </li>
      ) : null}
    </ul>
  );
}
