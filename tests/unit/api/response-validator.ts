import { Ajv2020 } from "ajv/dist/2020.js";

/**
 * Checks answers against the schemas that the OpenAPI document publishes for
 * them (JSON Schema 2020-12), so that the document and the API cannot drift apart.
 */
export function responseValidator(document: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(document, "openapi");
  const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  return (path: string, status: string, mediaType: string, body: unknown): string[] => {
    const validate = ajv.compile({ $ref: `openapi#/${pointer("paths", path, "get", "responses", status, "content", mediaType, "schema")}` });
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  };
}
