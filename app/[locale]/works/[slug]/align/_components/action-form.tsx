import type { ReactNode } from "react";
import { CSRF_FIELD } from "@/lib/editor/csrf";
import type { EditorOrder } from "@/lib/editor/queue";

/** What every form of the editor page posts: the session's CSRF token, the work's version and the list order to return to. */
export interface FormContext {
  /** The editor page's path; each action posts to <path>/<action>. */
  path: string;
  csrf: string;
  version: string;
  order: EditorOrder;
}

export const BUTTON = "rounded border border-rule bg-paper px-2.5 py-1 text-sm font-medium text-ink hover:border-muted focus-visible:outline-2 focus-visible:outline-accent";
export const PRIMARY_BUTTON = "rounded bg-ink px-3 py-1.5 text-sm font-medium text-paper hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

/** A plain form post to one of the editor's actions: it works without JavaScript. */
export function ActionForm({ context, action, fields, className, children }: { context: FormContext; action: string; fields: Record<string, string | number>; className?: string; children: ReactNode }) {
  return (
    <form method="post" action={`${context.path}/${action}`} className={className}>
      <input type="hidden" name={CSRF_FIELD} value={context.csrf} />
      <input type="hidden" name="version" value={context.version} />
      <input type="hidden" name="order" value={context.order} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
