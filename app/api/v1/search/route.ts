import { serveSearch } from "@/lib/api/search";

export const { GET, HEAD, OPTIONS } = serveSearch();
