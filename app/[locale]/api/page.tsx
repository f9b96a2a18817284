import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentOpenApiDocument } from "@/lib/api/endpoints";
import { PROBLEM_TYPES } from "@/lib/api/problem";

interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: SchemaObject;
}

interface SchemaObject {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: (ParameterObject | { $ref: string })[];
  responses: Record<string, { description?: string; content?: Record<string, unknown>; $ref?: string }>;
  "x-example": string;
}

interface Document {
  paths: Record<string, { get: Operation }>;
  tags: { name: string; description: string }[];
}

/** The constraints of a parameter's schema, written as a scholar reads them: 1–100, en | ru, ^[a-z]+$. */
function constraints(schema: SchemaObject): string {
  if (schema.enum) return schema.enum.join(" | ");
  const parts: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ""}–${schema.maximum ?? ""}`);
  if (schema.maxLength !== undefined) parts.push(`≤ ${schema.maxLength}`);
  if (schema.pattern) parts.push(schema.pattern);
  return parts.join(", ");
}

export async function generateMetadata({ params }: PageProps<"/[locale]/api">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "apiReference" });
  return { title: t("title"), description: t("description") };
}

export default async function ApiReferencePage({ params }: PageProps<"/[locale]/api">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("apiReference");
  const document = currentOpenApiDocument().json as Document;
  const operations = Object.entries(document.paths).map(([path, item]) => ({ path, ...item.get }));
  const label = (key: string, fallback: string) => (t.has(key as never) ? t(key as never) : fallback);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-3">
        {t("intro")}{" "}
        <a href="/api/v1/openapi.json" title={t("openapiLink")} className="font-mono text-sm">
          /api/v1/openapi.json
        </a>
      </p>

      <nav aria-label={t("title")} className="mt-6 rounded-lg border border-rule bg-panel p-4 text-sm">
        <ul className="space-y-1">
          {operations.map((operation) => (
            <li key={operation.operationId}>
              <a href={`#${operation.operationId}`} className="font-mono break-all">
                GET {operation.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="conventions" className="mt-10">
        <h2 id="conventions" className="font-serif text-2xl font-semibold">
          {t("conventionsHeading")}
        </h2>
        <p className="mt-3">{t("pagination")}</p>
        <p className="mt-3">{t("caching")}</p>
        <p className="mt-3">{t("cors")}</p>
      </section>

      <section aria-labelledby="problems" className="mt-10">
        <h2 id="problems" className="font-serif text-2xl font-semibold">
          {t("problemsHeading")}
        </h2>
        <p className="mt-3">{t("problemsIntro")}</p>
        <dl className="mt-3 space-y-3">
          {Object.values(PROBLEM_TYPES).map((type) => {
            const name = type.slice(type.indexOf("#problem-") + "#problem-".length);
            return (
              <div key={name} id={`problem-${name}`}>
                <dt className="font-mono text-sm">{type}</dt>
                <dd className="mt-1">{t(`problem.${name}` as never)}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="mt-12">
          <h2 id={`tag-${tag.name}`} className="font-serif text-2xl font-semibold">
            {label(`tags.${tag.name}`, tag.description)}
          </h2>
          {operations
            .filter((operation) => operation.tags.includes(tag.name))
            .map((operation) => {
              const parameters = operation.parameters.filter((parameter): parameter is ParameterObject => "name" in parameter);
              return (
                <article key={operation.operationId} id={operation.operationId} className="mt-6 rounded-lg border border-rule bg-panel p-5">
                  <h3 className="font-mono text-base font-semibold break-all">
                    <span className="mr-2 rounded bg-ink px-1.5 py-0.5 text-paper">GET</span>
                    {operation.path}
                  </h3>
                  <p className="mt-2 font-medium">{label(`operations.${operation.operationId}`, operation.summary)}</p>
                  <p className="mt-1 text-sm text-muted" lang="en">
                    {operation.description}
                  </p>
                  {parameters.length > 0 && (
                    <div className="mt-4 overflow-x-auto">
                      <table className="w-full text-left text-sm">
                        <caption className="sr-only">{t("parameters")}</caption>
                        <thead>
                          <tr className="border-b border-rule">
                            <th scope="col" className="py-1 pr-3">{t("parameter")}</th>
                            <th scope="col" className="py-1 pr-3">{t("location")}</th>
                            <th scope="col" className="py-1 pr-3">{t("type")}</th>
                            <th scope="col" className="py-1">{t("meaning")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {parameters.map((parameter) => (
                            <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-rule align-top">
                              <th scope="row" className="py-1 pr-3 font-mono font-normal">{parameter.name}</th>
                              <td className="py-1 pr-3">{t(`in.${parameter.in}`)}</td>
                              <td className="py-1 pr-3">
                                <span className="font-mono">{parameter.schema.type ?? "string"}</span>
                                {constraints(parameter.schema) && <span className="block font-mono text-xs break-all text-muted">{constraints(parameter.schema)}</span>}
                                <span className="block text-xs">
                                  {parameter.required ? t("required") : t("optional")}
                                  {parameter.schema.default !== undefined && `, ${t("defaultValue", { value: String(parameter.schema.default) })}`}
                                </span>
                              </td>
                              <td className="py-1" lang="en">
                                {parameter.description}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  <h4 className="mt-4 text-sm font-semibold">{t("responses")}</h4>
                  <ul className="mt-1 space-y-0.5 text-sm">
                    {Object.entries(operation.responses).map(([status, response]) => (
                      <li key={status}>
                        <span className="font-mono">{status}</span>{" "}
                        <span className="font-mono text-xs text-muted">{Object.keys(response.content ?? {}).join(", ")}</span>
                      </li>
                    ))}
                  </ul>
                  <p className="mt-3 text-sm">
                    {t("example")}:{" "}
                    <a href={operation["x-example"]} className="font-mono break-all">
                      {operation["x-example"]}
                    </a>
                  </p>
                </article>
              );
            })}
        </section>
      ))}
    </div>
  );
}
