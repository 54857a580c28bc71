import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { initials } from "../../core/collab/user-color";
import { useT } from "../i18n/i18n-provider";

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

  const { t, list } = useT();
  const shown = online ? people : people.filter((p) => p.self);
  const nameOf = (p: Present) => (p.self ? t("editor.presence.you", { name: p.name }) : p.name);
  const extra = shown.length - SHOWN;
  return (
    <ul className="presence" data-online={online} aria-label={online ? t("editor.presence.count", { count: shown.length }) : t("editor.presence.offline")}>
      {shown.slice(0, SHOWN).map((p) => (
        <li key={p.clientId} className="avatar" style={{ background: p.color }} title={nameOf(p)}>
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="sr-only">{nameOf(p)}</span>
        </li>
      ))}
      {extra > 0 ? (
        <li className="avatar avatar-more" title={list(shown.slice(SHOWN).map((p) => p.name))}>
          {t("editor.presence.more", { count: extra })}
        </li>
      ) : null}
    </ul>
  );
}
