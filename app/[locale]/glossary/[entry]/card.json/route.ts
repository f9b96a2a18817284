import { termCardHandlers } from "../../_lib/files";

export const { GET, HEAD, OPTIONS } = termCardHandlers();
