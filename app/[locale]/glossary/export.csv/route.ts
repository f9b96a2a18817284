import { csvHandlers } from "../_lib/files";

export const { GET, HEAD, OPTIONS } = csvHandlers();
