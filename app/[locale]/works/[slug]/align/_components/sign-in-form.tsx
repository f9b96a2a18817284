import { getTranslations } from "next-intl/server";
import { PRIMARY_BUTTON } from "./action-form";

/** The token form shown to a visitor without an editor session. */
export async function SignInForm({ path, failed, signedOut }: { path: string; failed: boolean; signedOut: boolean }) {
  const t = await getTranslations("editor");
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto mt-4 max-w-md rounded-lg border border-rule bg-panel p-6">
      <h2 id="sign-in-heading" className="font-serif text-2xl font-semibold">
        {t("signInHeading")}
      </h2>
      <p className="mt-2 text-sm text-muted">{t("signInIntro")}</p>
      {failed && (
        <p role="alert" className="mt-4 rounded border-l-4 border-accent bg-paper px-3 py-2 text-sm">
          {t("signInFailed")}
        </p>
      )}
      {signedOut && (
        <p role="status" className="mt-4 rounded border-l-4 border-rule bg-paper px-3 py-2 text-sm">
          {t("signedOut")}
        </p>
      )}
      <form method="post" action={`${path}/sign-in`} className="mt-5 space-y-4">
        <label className="block text-sm">
          <span className="font-medium">{t("tokenLabel")}</span>
          <input
            type="password"
            name="token"
            required
            autoComplete="current-password"
            autoFocus={failed}
            aria-invalid={failed || undefined}
            className="mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5 font-mono text-sm"
          />
        </label>
        <button type="submit" className={PRIMARY_BUTTON}>
          {t("signInSubmit")}
        </button>
      </form>
    </section>
  );
}
