import { tsvHandlers } from "../_lib/files";

export const { GET, HEAD, OPTIONS } = tsvHandlers();
