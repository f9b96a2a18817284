import { getTranslations } from "next-intl/server";
import type { ReportMisalignmentLabels } from "./report-misalignment";

/** The report form's labels, translated on the server; placeholders ({unit}, {minutes}) are filled on the client. */
export async function reportMisalignmentLabels(): Promise<ReportMisalignmentLabels> {
  const t = await getTranslations("reports");
  return {
    open: t("open"),
    write: t.raw("write") as string,
    note: t.raw("note") as string,
    hint: t("hint"),
    submit: t("submit"),
    sending: t("sending"),
    sent: t.raw("sent") as string,
    failed: t("failed"),
    rateLimited: t.raw("rateLimited") as string,
    invalid: t("invalid"),
  };
}
