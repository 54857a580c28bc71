import { Form } from "@remix-run/react";
import { Alert, Badge, Button, Card } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import type { DeviceView } from "./devices.server";
import { deviceLabel, methodSelector } from "./device-label";
import { relativeTime } from "./relative-time";

/**
 * The Account page's signed-in devices (issue 22): each browser, how and roughly when it signed
 * in, when it was last used, whether the person said it was a shared computer; any one can be
 * signed out (/account/sessions), or all at once. No IP address is kept, so none is shown.
 */
export function DevicesSection({ devices, ended }: { devices: DeviceView[]; ended: boolean }) {
  const { t } = useT();
  return (
    <Card aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t("auth.account.devices")}</h2>
      <p className="muted">{t("sessions.intro")}</p>
      {ended ? <Alert tone="success">{t("sessions.ended")}</Alert> : null}
      <ol className="notification-list" aria-label={t("sessions.listLabel")}>
        {devices.map((device) => (
          <DeviceItem key={device.id} device={device} />
        ))}
      </ol>
      <h3>{t("sessions.everywhereHeading")}</h3>
      <p className="muted">{t("auth.account.devicesBody")}</p>
      <Form method="post" action="/account">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <Button type="submit" variant="danger">
          {t("auth.account.signOutEverywhere")}
        </Button>
      </Form>
    </Card>
  );
}

function DeviceItem({ device }: { device: DeviceView }) {
  const { t, tag } = useT();
  const label = deviceLabel(device.userAgent);
  const name = t(label.id, label.values);
  const signedIn = relativeTime(tag, device.signedInAt);
  return (
    <li className="notification" data-session={device.current ? "current" : "other"}>
      <div>
        <p className="notification-text inline-controls">
          <strong>{name}</strong>
          {device.current ? <Badge tone="accent">{t("sessions.thisDevice")}</Badge> : null}
          {device.shared ? <Badge tone="warning">{t("sessions.shared")}</Badge> : null}
        </p>
        {/* Relative times move on between the server's render and the browser's: approximate by design. */}
        <p className="small muted notification-text" suppressHydrationWarning>
          <time dateTime={device.signedInAt}>{t("sessions.signedIn", { when: signedIn, method: methodSelector(device.method) })}</time>
        </p>
        <p className="small muted notification-text" suppressHydrationWarning>
          <time dateTime={device.lastSeenAt}>{t("sessions.lastSeen", { when: relativeTime(tag, device.lastSeenAt) })}</time>
        </p>
      </div>
      <Form method="post" action="/account/sessions">
        <input type="hidden" name="intent" value="sign-out-device" />
        <input type="hidden" name="sessionId" value={device.id} />
        <Button type="submit" variant="secondary" size="sm" aria-label={t("sessions.signOutDevice", { device: name, when: signedIn })}>
          {t("sessions.signOut")}
        </Button>
      </Form>
    </li>
  );
}
