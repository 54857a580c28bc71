import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../../core/policies";
import { useT } from "../../i18n/i18n-provider";

/** Each role with what it may do, for the invite form, in the reader's language. */
export function useRoleOptions() {
  const { t } = useT();
  return ROLES.map((r) => ({ value: r, label: t("workspace.role.option", { role: t(ROLE_LABELS[r]), description: t(ROLE_DESCRIPTIONS[r]) }) }));
}

/** Each role by its name alone, for the members list's compact selects. */
export function useShortRoleOptions() {
  const { t } = useT();
  return ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }));
}
