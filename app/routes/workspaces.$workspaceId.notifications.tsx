import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { invalid, parseForm } from "../forms.server";
import { Button, Card, EmptyState } from "../components/ui";
import { cx } from "../components/ui/cx";
import { FormattedMessage } from "react-intl";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { deviceLabel, methodSelector } from "../account/device-label";
import { relativeTime } from "../account/relative-time";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "notifications.metaTitle");

const LIMIT = 100;
const EXCERPT_CHARS = 200;
/** When it happened, in UTC as the audit log writes it, in the reader's conventions. */
const WHEN: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const rows = await context.services.review.notifications(user.id, workspace.id, LIMIT);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      // The row holds who and what (kind, names, the comment's own text), never words of ours.
      actor: n.actorName,
      draftTitle: n.draftTitle ?? "",
      // A sign-in (account-level, listed in every workspace): the browser and how; never an address.
      device: n.device,
      signInMethod: n.signInMethod,
      // The editor opens the thread named in the query, when there is one.
      // A sign-off request opens the Sign-off tab; a sign-in leads to the devices on the Account page.
      href:
        n.kind === "sign-in"
          ? "/account#devices-heading"
          : `/workspaces/${workspace.id}/drafts/${n.draftId}${n.threadId ? `?thread=${n.threadId}` : n.kind === "sign-off-request" ? "?tab=sign-off" : ""}`,
      excerpt: n.commentBody ? excerpt(n.commentBody) : null,
      unread: n.readAt === null,
      at: n.createdAt.toISOString(),
    })),
  };
}

function excerpt(body: string): string {
  return body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS).trimEnd()}…` : body;
}

const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark-all-read") }),
  z.object({ intent: z.literal("mark-read"), notificationId: z.uuid() }),
]);

/** Marks the member's own notifications read (someone else's ids match nothing). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const parsed = parseForm(await request.formData(), NotificationActionSchema);
  if (!parsed.ok) return invalid(parsed);
  const ids = parsed.data.intent === "mark-read" ? [parsed.data.notificationId] : undefined;
  const marked = await context.services.review.markNotificationsRead(user.id, workspace.id, ids);
  return data({ ok: true as const, marked });
}

export default function Notifications() {
  const { t } = useT();
  const { notifications } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <Card aria-labelledby="notifications-heading">
      <div className="card-header">
        <h2 id="notifications-heading">{t("notifications.heading")}</h2>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="mark-all-read" />
            <Button type="submit" variant="secondary" size="sm" busy={navigation.state === "submitting"}>
              {t("notifications.markAllRead")}
            </Button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <EmptyState title={t("notifications.empty")}>
          <p>{t("notifications.emptyBody")}</p>
        </EmptyState>
      ) : (
        <ol className="notification-list" aria-label={t("notifications.listLabel")}>
          {notifications.map((n) => (
            <NotificationItem key={n.id} notification={n} />
          ))}
        </ol>
      )}
    </Card>
  );
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["notifications"][number];

function NotificationItem({ notification: n }: { notification: Item }) {
  const { t, date } = useT();
  const fetcher = useFetcher();
  // Shown read as soon as the click is sent; the layout's count follows when it revalidates.
  const unread = n.unread && fetcher.state === "idle" && !fetcher.data;
  return (
    <li className={cx("notification", unread && "notification-unread")}>
      <div>
        <p className="notification-text">
          {unread ? <span className="sr-only">{t("notifications.unread")}</span> : null}
          {n.kind === "sign-in" ? (
            <SignInText notification={n} />
          ) : (
            <FormattedMessage
              id={n.kind === "mention" ? "notifications.mention" : n.kind === "sign-off-request" ? "signOff.notification" : "notifications.reviewRequest"}
              values={{
                actor: n.actor ?? t("workspace.formerMember"),
                draft: n.draftTitle,
                b: (chunks: React.ReactNode[]) => <strong>{chunks}</strong>,
                link: (chunks: React.ReactNode[]) => <Link to={n.href}>{chunks}</Link>,
              }}
            />
          )}
        </p>
        {n.excerpt ? <blockquote className="notification-excerpt">{n.excerpt}</blockquote> : null}
        <time className="small muted" dateTime={n.at}>
          {date(n.at, WHEN)}
        </time>
      </div>
      {unread ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="mark-read" />
          <input type="hidden" name="notificationId" value={n.id} />
          <Button type="submit" variant="ghost" size="sm">
            {t("notifications.markRead")}
          </Button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}

/** "New sign-in: Chrome 156 on Linux, 2 minutes ago, with a password. Not you? Review your devices" */
function SignInText({ notification: n }: { notification: Item }) {
  const { t, tag } = useT();
  const label = deviceLabel(n.device);
  return (
    <span suppressHydrationWarning>
      <FormattedMessage
        id="notifications.signIn"
        values={{
          device: t(label.id, label.values),
          when: relativeTime(tag, n.at),
          method: methodSelector(n.signInMethod),
          b: (chunks: React.ReactNode[]) => <strong>{chunks}</strong>,
          link: (chunks: React.ReactNode[]) => <Link to={n.href}>{chunks}</Link>,
        }}
      />
    </span>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
