/**
 * Errors as RFC 9457 problem details (application/problem+json). Every
 * answer that is not a success is one of these; none carries a stack trace.
 */

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Where the problem types are explained to a person: the API reference page. */
const PROBLEM_TYPE_BASE = "/en/api#problem-";

export const PROBLEM_TYPES = {
  invalidParameters: `${PROBLEM_TYPE_BASE}invalid-parameters`,
  notFound: `${PROBLEM_TYPE_BASE}not-found`,
  internalError: `${PROBLEM_TYPE_BASE}internal-error`,
} as const;

export interface InvalidParameter {
  /** The parameter's name as written in the URL (`pageSize`, `slug`). */
  name: string;
  in: "path" | "query";
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path (with its query) that the problem is about. */
  instance: string;
  "invalid-params"?: InvalidParameter[];
}

/** Marks a value as a problem, so that resolvers can return either data or a problem. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "type" in value && "status" in value && "instance" in value;
}

export function invalidParameters(instance: string, parameters: InvalidParameter[]): Problem {
  const names = [...new Set(parameters.map((parameter) => parameter.name))];
  return {
    type: PROBLEM_TYPES.invalidParameters,
    title: "Invalid parameters",
    status: 400,
    detail: `The request has ${names.length === 1 ? "an invalid parameter" : "invalid parameters"}: ${parameters.map((parameter) => `${parameter.name} ${parameter.reason}`).join("; ")}.`,
    instance,
    "invalid-params": parameters,
  };
}

export function notFound(instance: string, detail: string): Problem {
  return { type: PROBLEM_TYPES.notFound, title: "Not found", status: 404, detail, instance };
}

/** The answer to an unexpected failure: it says nothing about the cause, which is logged on the server. */
export function internalError(instance: string): Problem {
  return {
    type: PROBLEM_TYPES.internalError,
    title: "Internal server error",
    status: 500,
    detail: "The server failed to answer this request. The failure has been logged; please try again later.",
    instance,
  };
}
