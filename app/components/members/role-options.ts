import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../../core/policies";

export const roleOptions = ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} — ${ROLE_DESCRIPTIONS[r]}` }));
export const shortRoleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
