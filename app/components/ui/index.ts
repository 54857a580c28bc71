export { Button, ButtonLink } from "./button";
export { CheckboxField, SelectField, TextareaField, TextField, type Option } from "./field";
export { Alert, Badge, Card, EmptyState, PageHeader } from "./surfaces";
export { CopyField } from "./copy-field";
export { DataTable, type Column } from "./data-table";
export { cx } from "./cx";
