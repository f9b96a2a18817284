import { tbxHandlers } from "../_lib/files";

export const { GET, HEAD, OPTIONS } = tbxHandlers();
